import { Decimal } from 'decimal.js';
import type { DataSource, EntityManager } from 'typeorm';
import { now } from '../../core/dates';
import { DomainError } from '../../core/errors';
import { sendAhead } from '../../core/read-ahead';
import { WriteBatch } from '../../core/write-batch';
import {
  applyMove,
  emptyState,
  nothingReversed,
  plusReversed,
  replayLedger,
  reversalValue,
  type CostSource,
  type CostState,
  type CostingMethod,
  type LedgerMove,
} from '../../domain/costing';
import { isExpired, mayTakeExpired, pick, pickOrder, strategyFor } from '../../domain/picking';
import type { StockCost, StockLedgerEntry } from './ledger.entity';
import { checkLedger, type LineOwner } from './ledger-check';
import { changesOf, downstreamOf, isCancellation, loadHistory, reversalsOf, rowKey, rowsById } from './ledger-history';
import { PostingSql } from './posting-sql';
import { checkSnapshots } from './snapshots';
import { adjustEntryValues, type ValueAdjustment, type ValueCause } from './value-adjustments';
import {
  headKey,
  moveKey,
  type DocRef,
  type PostingFacts,
  type PostingRead,
  type Placed,
  type PostedRow,
  type Recosted,
  type ShortLine,
  type StockMove,
} from './posting.types';

export type {
  DocRef,
  FactRow,
  PostedRow,
  PostingFacts,
  PostingRead,
  Recosted,
  ShortLine,
  StockMove,
} from './posting.types';
export type { ValueAdjustment, ValueCause } from './value-adjustments';

const D = (s: Decimal.Value) => new Decimal(s);
/** Placeholder posting order of the moves being posted: after every entry there is, in the order they are inserted. */
const NEW_SEQ = Number.MAX_SAFE_INTEGER - 1_000_000;
type Numbered = DocRef & { number: string };
type HeadRow = [number, number, string, string, string, string];
type Refs = Awaited<ReturnType<typeof rowsById>>;

/** Brings a document's stored cost figures in line with the ledger, in the posting's transaction. */
export type RecostHandler = (tx: EntityManager, changes: Recosted[]) => Promise<void>;

/**
 * May refuse a posting (by throwing a DomainError), e.g. a stocktake freezing its scope. Called
 * under the cost heads' locks, twice: with the moves as given (an issue's bin may still be open,
 * null) and again once issues are picked (every bin known). Registered by the owner of the rule,
 * so the stock module knows nothing of it.
 */
export type PostingGuard = (tx: EntityManager, doc: DocRef, moves: StockMove[]) => Promise<void>;

/** What a posting did to one cost head (warehouse × SKU): on hand before and after, and what is reserved. */
export interface HeadChange {
  warehouseId: number;
  skuId: number;
  qtyBefore: string;
  qtyAfter: string;
  reserved: string;
}
/**
 * Hears of every posting in its transaction, after the heads are written and before the document
 * number is taken (the number serialises every posting of a type until commit, so nothing that can
 * run before it runs after it): live alerts decide on their outbox row here, the demand history is
 * written here. Writes whose results it does not need go into `writes` (sent with the posting's
 * next packet on the posting pool). What needs the number (an alert names the document) it returns
 * as a follow-up, called once the number is known, still in the transaction.
 */
export type PostingObserver = (
  tx: EntityManager,
  doc: { id: number; type: string; businessDate: string; countsAsDemand?: boolean },
  changes: HeadChange[],
  /** the movements the posting appended (value corrections left out), with their own business days */
  moves: MovedQty[],
  writes: WriteBatch,
) => Promise<void | ((number: string) => Promise<void>)>;

/** A posting up to its number (`PostingService.prepare`): what `finish` writes once the number is known. */
export interface PreparedPosting {
  /** each placed move's line, quantity and cost */
  posted: PostedRow[];
  /** the ledger rows of the moves (numbered by `finish`) */
  entries: Array<Partial<StockLedgerEntry>>;
  /** value corrections of later entries this posting re-costed (`finish` names it their cause) */
  corrections: Array<Partial<StockLedgerEntry>>;
  /** what observers write once the number is known */
  followUps: Array<(number: string) => Promise<void>>;
}

/** A ledger row a posting appended, as observers see it: where, what, which day, how many (signed). */
export interface MovedQty {
  warehouseId: number;
  skuId: number;
  businessDate: string;
  qty: string;
}

/** The rows the registered reads found in a transaction's latest posting read, by tag. */
const factsByTx = new WeakMap<EntityManager, Map<string, PostingFacts>>();

/**
 * What a registered read (`PostingService.addRead`) found for this transaction's latest posting,
 * with the heads and warehouses it was asked for; undefined when no posting read it here (then the
 * caller reads for itself).
 */
export function postingFacts(tx: EntityManager, tag: string): PostingFacts | undefined {
  return factsByTx.get(tx)?.get(tag);
}

const sourceOf = (m: StockMove): CostSource =>
  m.reverses
    ? 'reverse'
    : m.follows
      ? 'transfer'
      : m.unitCost !== undefined
        ? 'price'
        : m.value !== undefined
          ? 'fixed'
          : 'method';
const kindOf = (m: StockMove) => (D(m.qty).gt(0) ? 'in' : 'out');
/** "3 in quarantine bin Q-01" (bins, when several) */
const inQuarantine = (l: ShortLine) =>
  `${l.quarantined} in quarantine bin${(l.quarantineBins ?? []).length > 1 ? 's' : ''} ${(l.quarantineBins ?? []).join(', ')}`;

/**
 * The posting engine. Everything happens in the caller's transaction: the cost heads of each
 * warehouse × SKU are locked in key order (so postings of one warehouse × SKU run one at a time
 * and costs are exact), issues are picked, balances are moved with a guard against going below
 * zero, ledger rows are appended, and a back-dated move re-costs the later moves by appending
 * value corrections — no posted row is ever updated.
 */
export class PostingService {
  private readonly sql: PostingSql;
  private readonly recostHandlers = new Map<string, RecostHandler>();
  private readonly guards: PostingGuard[] = [];
  private readonly lineOwners = new Map<string, LineOwner>();
  private readonly observers: PostingObserver[] = [];
  private readonly reads: PostingRead[] = [];

  constructor(private readonly ds: DataSource) {
    this.sql = new PostingSql();
  }

  /**
   * Posts the moves: `prepare`, then the number (taken as late as possible: `doc.number` may be the
   * function that allocates it), then `finish`.
   */
  async apply(tx: EntityManager, doc: DocRef, moves: StockMove[], method: CostingMethod): Promise<PostedRow[]> {
    if (!moves.length) return [];
    const writes = new WriteBatch(tx);
    const prepared = await this.prepare(tx, doc, moves, method, writes);
    await writes.flush();
    await this.finish(tx, prepared, typeof doc.number === 'string' ? doc.number : await doc.number(), writes);
    await writes.flush();
    return prepared.posted;
  }

  /**
   * Everything of a posting that does not need the document's number: the cost heads locked in
   * (warehouse, SKU) order, the guards asked, issues picked, balances moved (guarded), costs worked
   * out, the heads written and the observers told. Writes go into `writes` (sent with its next
   * packet on the posting pool); the caller then takes the number and calls `finish`.
   */
  async prepare(
    tx: EntityManager,
    doc: Omit<DocRef, 'number'> & { number?: unknown },
    moves: StockMove[],
    method: CostingMethod,
    writes: WriteBatch,
  ): Promise<PreparedPosting> {
    if (!moves.length) return { posted: [], entries: [], corrections: [], followUps: [] };
    const ref: Numbered = { ...doc, number: typeof doc.number === 'string' ? doc.number : '' };
    // 1. cost heads, in (warehouse, sku) order
    const groups = new Map<string, StockMove[]>();
    for (const m of moves) {
      const k = headKey(m.warehouseId, m.skuId);
      groups.set(k, [...(groups.get(k) ?? []), m]);
    }
    const pairs = [...groups.values()]
      .map((g) => [g[0].warehouseId, g[0].skuId] as [number, number])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const headKeys = pairs.map(([w, s]) => headKey(w, s));
    // (issues that leave their bin or batch open are picked: their SKUs' pick strategies are read
    // too; and what other modules registered, for their guards and observers)
    const picked = moves.filter((m) => D(m.qty).lt(0) && (m.binId === null || m.batchId === null));
    const warehouseIds = [...new Set(moves.map((m) => m.warehouseId))];
    const pickedSkuIds = [...new Set(picked.map((m) => m.skuId))].sort((a, b) => a - b);
    // on the posting pool the three reads go in one packet, in the order they are taken below: the
    // heads locked, the warehouse facts, the balances to pick from locked
    const factsRead = this.sql.factsRead(warehouseIds, pickedSkuIds, pairs, this.reads);
    await sendAhead(tx, [
      this.sql.headsRead(tx, pairs),
      ...(factsRead ? [factsRead] : []),
      ...this.sql.candidateReads(tx, picked).map(([, read]) => read),
    ]);
    const heads = await this.sql.lockHeads(tx, pairs);

    // 2. quantities
    const facts = await this.sql.warehouseFacts(tx, warehouseIds, pickedSkuIds, pairs, this.reads);
    const found = new Map<string, PostingFacts>();
    for (const [tag, rows] of facts.registered)
      found.set(tag, { rows, heads: new Set(headKeys), warehouses: new Set(warehouseIds) });
    // (for this posting's guards and observers only)
    factsByTx.set(tx, found);
    try {
      for (const g of this.guards) await g(tx, ref, moves);
      const allowNegative = facts.allowNegative;
      const placed = await this.place(tx, ref, headKeys, groups, facts, writes);
      if (this.guards.length && moves.some((m) => m.binId === null))
        for (const g of this.guards) await g(tx, ref, placed);
      // stock reserved for confirmed sales orders is not for anyone else: only their shipments (which
      // release the reservation first) may take it; under the head locks, so nobody races the check
      // (a stocktake adjustment records what is physically there, reserved or not)
      if (ref.type !== 'sales_shipment' && ref.type !== 'adjustment' && !ref.withinWarehouse)
        this.assertReservedKept(heads, groups, allowNegative);

      // 3. costs, then the heads; the ledger rows carry the number, so `finish` writes them
      const costed = await this.cost(tx, ref, heads, placed, method, allowNegative);
      // (the ledger rows' values are checked first: a value too large is the line's problem, not the head's)
      this.sql.checkEntries([...costed.corrections, ...costed.entries]);
      await this.sql.writeHeads(tx, costed.heads, writes);
      await this.notifyRecosted(tx, costed.recosted);
      const followUps: PreparedPosting['followUps'] = [];
      if (this.observers.length) {
        const changes = costed.heads.map(([w, s, qty]) => {
          const before = heads.get(headKey(w, s));
          return {
            warehouseId: w,
            skuId: s,
            qtyBefore: before?.qty ?? '0',
            qtyAfter: qty,
            reserved: before?.reserved ?? '0',
          };
        });
        const moved = costed.entries.map((e) => ({
          warehouseId: e.warehouseId!,
          skuId: e.skuId!,
          businessDate: e.businessDate!,
          qty: e.qty!,
        }));
        const seen = { id: ref.id, type: ref.type, businessDate: ref.businessDate, countsAsDemand: ref.countsAsDemand };
        for (const o of this.observers) {
          const then = await o(tx, seen, changes, moved, writes);
          if (then) followUps.push(then);
        }
      }
      return { posted: costed.posted, entries: costed.entries, corrections: costed.corrections, followUps };
    } finally {
      factsByTx.delete(tx);
    }
  }

  /**
   * The rest of a prepared posting once its number is known: the ledger rows carrying it (into
   * `writes`: on the posting pool they go with the caller's last packet, COMMIT included) and the
   * observers' follow-ups.
   */
  async finish(tx: EntityManager, prepared: PreparedPosting, number: string, writes: WriteBatch): Promise<void> {
    for (const e of prepared.entries) e.documentNumber = number;
    for (const c of prepared.corrections) c.causeNumber = number;
    const rows = [...prepared.corrections, ...prepared.entries];
    if (rows.length) await this.sql.insertEntries(tx, rows, now(), writes);
    for (const then of prepared.followUps) await then(number);
  }

  /**
   * Value-only postings: adds value to posted inbound entries (a landed cost) and re-costs what
   * followed them like a back-dated posting, in the caller's transaction (see value-adjustments.ts).
   */
  adjustValues(
    tx: EntityManager,
    cause: ValueCause,
    adjustments: ValueAdjustment[],
    method: CostingMethod,
  ): Promise<Recosted[]> {
    return adjustEntryValues(tx, this.sql, cause, adjustments, method, (t, c) => this.notifyRecosted(t, c));
  }

  /**
   * The owner of a document type registers how its stored cost figures (a line's value, a
   * shipment's COGS, an order's margin) follow the corrections re-costing appends to its entries;
   * the handler runs in the posting's transaction, so stored figures and ledger never disagree.
   */
  onRecost(documentTypes: string[], handler: RecostHandler): void {
    for (const t of documentTypes) this.recostHandlers.set(t, handler);
  }

  /** Hears of every posting in its transaction (see PostingObserver); live alerts use it. */
  onPosted(observer: PostingObserver): void {
    this.observers.push(observer);
  }

  /**
   * A read made with the posting's read of warehouse facts (see PostingRead): a guard or an
   * observer of another module finds its rows with `postingFacts(tx, tag)` instead of a round trip.
   */
  addRead(read: PostingRead): void {
    if (!this.reads.some((r) => r.tag === read.tag)) this.reads.push(read);
  }

  /** A rule that may refuse postings (see PostingGuard); stocktakes freeze their scope with one. */
  addGuard(guard: PostingGuard): void {
    this.guards.push(guard);
  }

  private async notifyRecosted(tx: EntityManager, changes: Recosted[]) {
    const byType = new Map<string, Recosted[]>();
    for (const c of changes) byType.set(c.documentType, [...(byType.get(c.documentType) ?? []), c]);
    for (const [type, list] of [...byType].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const h = this.recostHandlers.get(type);
      if (h) await h(tx, list);
    }
  }

  /**
   * The owner of a document type posted by another module registers how the ledger check finds
   * its lines (see `LineOwner`); every ledger entry of the type must belong to one.
   */
  onCheck(documentTypes: string[], owner: LineOwner): void {
    for (const t of documentTypes) this.lineOwners.set(t, owner);
  }

  /** Σ ledger vs balances and cost heads, ledger rows vs documents, a replay from scratch, and the monthly snapshots. */
  async check(method: CostingMethod): Promise<string[]> {
    return [...(await checkLedger(this.ds, this.sql, method, this.lineOwners)), ...(await checkSnapshots(this.ds))];
  }

  /** Whether anything was ever posted (the costing method may change only before). */
  async hasPostings(): Promise<boolean> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM stock_ledger');
    return Number(n) > 0;
  }

  /**
   * Decides the bin and batch of every move (issues that left them open are picked under the head
   * locks, so nobody else picks the same units), then moves every balance in (warehouse, bin, SKU,
   * batch) order; collects every short line and fails once.
   */
  private async place(
    tx: EntityManager,
    doc: DocRef,
    headKeys: string[],
    groups: Map<string, StockMove[]>,
    facts: Awaited<ReturnType<PostingSql['warehouseFacts']>>,
    writes: WriteBatch,
  ): Promise<Placed[]> {
    const { allowNegative, quarantine, strategies: warehouses, skuStrategies } = facts;
    const shorts: ShortLine[] = [];
    const placed: Placed[] = [];
    const all = [...groups.values()].flat();
    const open = all.filter((m) => D(m.qty).lt(0) && (m.binId === null || m.batchId === null));
    const stock = await this.sql.candidates(tx, open, quarantine);
    // a sale never takes an expired batch (expired: its expiry date is before the day the goods leave)
    const sale = !mayTakeExpired(doc.purpose ?? (doc.type === 'sales_shipment' ? 'sale' : 'other'));
    const dayOf = (m: StockMove) => m.businessDate ?? doc.businessDate;
    if (sale) shorts.push(...(await this.expiredNamed(tx, all, dayOf)));
    for (const k of headKeys) {
      const taken = new Map<string, Decimal>(); // what earlier lines of this document already picked
      for (const m of groups.get(k)!) {
        const q = D(m.qty);
        if (q.gt(0) || (m.binId !== null && m.batchId !== null)) {
          placed.push({ ...m, binId: m.binId ?? 0, batchId: m.batchId ?? 0 });
          continue;
        }
        const rows = (stock.get(k) ?? []).filter(
          (r) => (m.binId === null || r.binId === m.binId) && (m.batchId === null || r.batchId === m.batchId),
        );
        const strategy = strategyFor(skuStrategies.get(m.skuId), warehouses.get(m.warehouseId));
        // quarantine bins: never for a sale; another issue takes from one only when it names the bin
        const r = pick(q.neg(), pickOrder(rows, strategy), taken, {
          ...(sale ? { blockExpiredOn: dayOf(m) } : {}),
          skipQuarantine: sale || m.binId === null,
        });
        placed.push(
          ...r.takes.map((t) => ({ ...m, binId: t.binId, batchId: t.batchId, qty: D(t.qty).neg().toFixed(6) })),
        );
        const short = D(r.short);
        if (!short.gt(0)) continue;
        if (allowNegative.get(m.warehouseId)) {
          placed.push({ ...m, binId: m.binId ?? 0, batchId: m.batchId ?? 0, qty: short.neg().toFixed(6) });
          continue;
        }
        shorts.push({
          index: m.lineIndex,
          skuId: m.skuId,
          warehouseId: m.warehouseId,
          binId: m.binId ?? 0,
          batchId: m.batchId ?? 0,
          requested: q.neg().toFixed(),
          available: q.neg().minus(short).toFixed(),
          short: short.toFixed(),
          ...(D(r.expired).gt(0)
            ? {
                expired: D(r.expired).toFixed(),
                expiredBatches: rows
                  .filter((x) => isExpired(x, dayOf(m)) && D(x.qty).gt(0))
                  .map((x) => ({ batchNo: x.batchNo ?? '', expiryDate: x.expiryDate! })),
              }
            : {}),
          ...(D(r.quarantined).gt(0)
            ? {
                quarantined: D(r.quarantined).toFixed(),
                quarantineBins: [
                  ...new Set(
                    rows
                      .filter((x) => x.quarantine && D(x.qty).gt(0) && !(sale && isExpired(x, dayOf(m))))
                      .map((x) => quarantine.get(x.binId) ?? String(x.binId)),
                  ),
                ].sort(),
              }
            : {}),
        });
      }
    }
    // every balance of the picked heads was read (and locked) with the candidates: none means none
    for (const m of open)
      if (!stock.has(headKey(m.warehouseId, m.skuId))) stock.set(headKey(m.warehouseId, m.skuId), []);
    shorts.push(...(await this.sql.moveBalances(tx, placed, allowNegative, stock, writes)));
    if (shorts.length) {
      const lines = shorts.sort((a, b) => a.index - b.index);
      const expired = lines.filter((l) => l.expired);
      if (expired.length) {
        const said = expired
          .map(
            (l) =>
              `line ${l.index + 1}: ${l.expired} expired (${(l.expiredBatches ?? []).map((b) => `batch ${b.batchNo} expired ${b.expiryDate}`).join(', ')})${l.quarantined ? `, ${inQuarantine(l)}` : ''}`,
          )
          .join('; ');
        throw new DomainError(
          'STOCK_EXPIRED',
          `Expired stock cannot be sold or sent to a customer — ${said}. Scrap it, return it to the supplier or move it to a quarantine bin.`,
          { lines },
        );
      }
      const held = lines.filter((l) => l.quarantined);
      if (held.length) {
        const said = held.map((l) => `line ${l.index + 1}: ${inQuarantine(l)}`).join('; ');
        throw new DomainError(
          'STOCK_QUARANTINED',
          sale
            ? `Stock in quarantine bins cannot be sold — ${said}. Move it to a regular bin once released, or scrap it.`
            : `Stock in quarantine bins leaves only by a document that names the bin — ${said}.`,
          { lines },
        );
      }
      throw new DomainError('INSUFFICIENT_STOCK', `Not enough stock for ${shorts.length} line(s).`, { lines });
    }
    return placed;
  }

  /** Issues of a sale that name an expired batch themselves: refused whole. */
  private async expiredNamed(
    tx: EntityManager,
    moves: StockMove[],
    dayOf: (m: StockMove) => string,
  ): Promise<ShortLine[]> {
    // (issues that leave their bin open are picked, and picking leaves expired batches out)
    const named = moves.filter((m) => D(m.qty).lt(0) && m.batchId && m.binId !== null);
    const batches = await this.sql.batches(tx, [...new Set(named.map((m) => m.batchId!))]);
    return named
      .filter((m) => isExpired({ expiryDate: batches.get(m.batchId!)?.expiryDate ?? null }, dayOf(m)))
      .map((m) => {
        const b = batches.get(m.batchId!)!;
        const q = D(m.qty).neg().toFixed();
        return {
          index: m.lineIndex,
          skuId: m.skuId,
          warehouseId: m.warehouseId,
          binId: m.binId ?? 0,
          batchId: m.batchId!,
          requested: q,
          available: '0',
          short: q,
          expired: q,
          expiredBatches: [{ batchNo: b.batchNo, expiryDate: b.expiryDate! }],
        };
      });
  }

  private assertReservedKept(
    heads: Map<string, StockCost>,
    groups: Map<string, StockMove[]>,
    allowNegative: Map<number, boolean>,
  ) {
    const lines: Array<{ index: number; warehouseId: number; skuId: number; requested: string; available: string }> =
      [];
    for (const [k, moves] of groups) {
      const head = heads.get(k)!;
      const net = moves.reduce((s, m) => s.plus(m.qty), D(0));
      if (!net.lt(0) || allowNegative.get(head.warehouseId) || D(head.reserved).isZero()) continue;
      if (D(head.qty).plus(net).lt(head.reserved)) {
        lines.push({
          index: moves[0].lineIndex,
          warehouseId: head.warehouseId,
          skuId: head.skuId,
          requested: net.neg().toFixed(),
          available: Decimal.max(D(head.qty).minus(head.reserved), 0).toFixed(),
        });
      }
    }
    if (lines.length) {
      const l = lines[0];
      throw new DomainError(
        'INSUFFICIENT_AVAILABLE',
        `Only ${l.available} available (on hand − reserved for sales orders); ${l.requested} cannot be issued.`,
        { ...l, lines },
      );
    }
  }

  /**
   * Costs the placed moves SKU by SKU. A SKU whose moves all come after everything its heads hold
   * is costed incrementally from the heads' states; otherwise (a back-dated move, or a
   * cancellation dated the day of what it cancels) its ledger is replayed with the new moves in
   * their place, and every later entry whose value changes gets a correction row.
   */
  private async cost(
    tx: EntityManager,
    doc: Numbered,
    heads: Map<string, StockCost>,
    placed: Placed[],
    method: CostingMethod,
    allowNegative: Map<number, boolean>,
  ) {
    const refs = await rowsById(
      tx,
      placed.flatMap((m) => [m.reverses, m.follows]).filter((x): x is string => !!x),
    );
    const dateOf = (m: StockMove) => m.businessDate ?? doc.businessDate;
    const results: Array<{ value: string; unitCost: string }> = [];
    const corrections: Array<Partial<StockLedgerEntry>> = [];
    const headRows: HeadRow[] = [];
    const recosted: Recosted[] = [];
    // a document that reverses its own entries is being cancelled: its corrections say so
    const cancels = placed.some((m) => {
      const t = m.reverses ? refs.get(m.reverses) : undefined;
      return !!t && isCancellation({ documentId: doc.id, documentType: doc.type }, t);
    });
    const skus = [...new Set(placed.map((m) => m.skuId))].sort((a, b) => a - b);
    for (const s of skus) {
      const idx = placed.map((m, i) => (m.skuId === s ? i : -1)).filter((i) => i >= 0);
      const keys = [...new Set(idx.map((i) => headKey(placed[i].warehouseId, s)))];
      const replay = idx.some((i) => {
        const m = placed[i];
        const t = m.reverses ? refs.get(m.reverses) : undefined;
        const anchored =
          !!t && isCancellation({ documentId: doc.id, documentType: doc.type }, t) && t.businessDate === dateOf(m);
        return anchored || dateOf(m) < heads.get(headKey(m.warehouseId, s))!.lastDate;
      });
      if (!replay) {
        const prior = await reversalsOf(
          tx,
          idx.map((i) => placed[i].reverses).filter((x): x is string => !!x),
        );
        for (const k of keys)
          headRows.push(this.costAfterAll(doc, heads.get(k)!, placed, idx, refs, prior, results, method));
        continue;
      }
      // the re-cost follows the goods: warehouses that transfers from these (dated from the earliest
      // new move on) carried them to are replayed with them, their heads locked and rewritten too
      const since = idx.map((i) => dateOf(placed[i])).sort()[0];
      const reached = await downstreamOf(
        tx,
        s,
        keys.map((k) => heads.get(k)!.warehouseId),
        since,
      );
      if (reached.length) {
        const more = await this.sql.lockHeads(
          tx,
          reached.map((w) => [w, s] as [number, number]),
        );
        for (const [k, h] of more) {
          heads.set(k, h);
          keys.push(k);
        }
      }
      const r = await this.costByReplay(
        tx,
        doc,
        s,
        keys.map((k) => heads.get(k)!),
        placed,
        idx,
        refs,
        method,
        allowNegative,
        cancels,
      );
      idx.forEach((i) => (results[i] = r.values.get(i)!));
      corrections.push(...r.corrections);
      recosted.push(...r.recosted);
      headRows.push(...r.heads);
    }

    const posted: PostedRow[] = [];
    const entries = placed.map((m, i) => {
      const q = D(m.qty);
      posted.push({ lineId: m.lineId, qty: q.toFixed(6), unitCost: results[i].unitCost, value: results[i].value });
      return {
        warehouseId: m.warehouseId,
        binId: m.binId,
        skuId: m.skuId,
        batchId: m.batchId,
        documentId: doc.id,
        documentLineId: m.lineId,
        documentType: doc.type,
        documentNumber: doc.number,
        kind: kindOf(m) as 'in' | 'out',
        costSource: sourceOf(m),
        refEntryId: m.reverses ?? m.follows ?? null,
        businessDate: dateOf(m),
        qty: q.toFixed(6),
        unitCost: results[i].unitCost,
        value: results[i].value,
      };
    });
    return { posted, entries, corrections, heads: headRows, recosted };
  }

  /** Applies moves that come after everything in the head to its state, one by one. */
  private costAfterAll(
    doc: Numbered,
    head: StockCost,
    placed: Placed[],
    idx: number[],
    refs: Refs,
    prior: Map<string, ReturnType<typeof nothingReversed>>,
    results: Array<{ value: string; unitCost: string }>,
    method: CostingMethod,
  ): HeadRow {
    let state: CostState = head.state ? (JSON.parse(head.state) as CostState) : emptyState(method);
    let qty = D(head.qty);
    let value = D(head.value);
    let lastDate = head.lastDate;
    for (const i of idx) {
      const m = placed[i];
      if (m.warehouseId !== head.warehouseId) continue;
      const date = m.businessDate ?? doc.businessDate;
      let asked = m.value;
      let reverses: string | undefined;
      if (m.reverses) {
        const t = refs.get(m.reverses)!;
        asked = reversalValue(t.current, t.qty, m.qty, prior.get(m.reverses));
        reverses = rowKey(t);
      } else if (m.follows) {
        asked = refs.get(m.follows)!.current.neg().toFixed(2);
      }
      const r = applyMove(state, {
        id: moveKey(doc.id, m.lineId, m.binId, m.batchId, kindOf(m)),
        seq: NEW_SEQ + i,
        date,
        qty: D(m.qty).toFixed(6),
        ...(m.batchId ? { batch: m.batchId } : {}),
        ...(sourceOf(m) === 'price' ? { unitCost: D(m.unitCost!).toFixed(6) } : {}),
        ...(asked !== undefined ? { value: D(asked).toFixed(2) } : {}),
        ...(reverses ? { reverses } : {}),
      });
      state = r.state;
      if (m.reverses)
        prior.set(m.reverses, plusReversed(prior.get(m.reverses) ?? nothingReversed(), m.qty, r.costed.value));
      results[i] = { value: r.costed.value, unitCost: r.costed.unitCost };
      qty = qty.plus(m.qty);
      value = value.plus(r.costed.value);
      if (date > lastDate) lastDate = date;
    }
    return [head.warehouseId, head.skuId, qty.toFixed(6), value.toFixed(2), JSON.stringify(state), lastDate];
  }

  /**
   * Replays the SKU's ledger in the given heads with the new moves in their place: the values of
   * the new moves, a correction (kind recost, dated like the entry, naming this document as its
   * cause) for every existing entry whose value changed, and the heads' new totals and states.
   */
  private async costByReplay(
    tx: EntityManager,
    doc: Numbered,
    skuId: number,
    heads: StockCost[],
    placed: Placed[],
    idx: number[],
    refs: Refs,
    method: CostingMethod,
    allowNegative: Map<number, boolean>,
    cancels: boolean,
  ) {
    const history = await loadHistory(
      tx,
      skuId,
      heads.map((h) => h.warehouseId),
    );
    const news: LedgerMove[] = idx.map((i) => {
      const m = placed[i];
      const t = m.reverses ? refs.get(m.reverses) : undefined;
      const source = sourceOf(m);
      return {
        id: `new:${i}`,
        head: String(m.warehouseId),
        key: moveKey(doc.id, m.lineId, m.binId, m.batchId, kindOf(m)),
        seq: NEW_SEQ + i,
        date: m.businessDate ?? doc.businessDate,
        qty: D(m.qty).toFixed(6),
        ...(m.batchId ? { batch: m.batchId } : {}),
        source,
        ...(source === 'price' ? { unitCost: D(m.unitCost!).toFixed(6) } : {}),
        ...(source === 'fixed' ? { value: D(m.value!).toFixed(2) } : {}),
        ...(m.reverses || m.follows ? { ref: m.reverses ?? m.follows } : {}),
        ...(t ? { cancels: isCancellation({ documentId: doc.id, documentType: doc.type }, t) } : {}),
      };
    });
    for (const [id, e] of refs)
      if (!history.rows.has(id)) history.settled.set(id, { key: rowKey(e), qty: e.qty, value: e.current.toFixed(2) });
    const r = replayLedger(method, [...history.moves, ...news], history.settled);

    // an issue dated before the stock arrived (or a cancelled receipt whose goods were issued since)
    // would make the past negative
    for (const h of heads) {
      const neg = r.firstNegative.get(String(h.warehouseId));
      const m = idx.map((i) => placed[i]).find((x) => x.warehouseId === h.warehouseId && D(x.qty).lt(0));
      if (neg && m && !allowNegative.get(h.warehouseId)) {
        throw new DomainError(
          'INSUFFICIENT_STOCK',
          `On ${neg.date} there was not enough stock for this back-dated issue.`,
          {
            lines: [
              {
                index: m.lineIndex,
                skuId: m.skuId,
                warehouseId: m.warehouseId,
                date: neg.date,
                short: D(neg.qty).neg().toFixed(),
              },
            ],
          },
        );
      }
    }
    const values = new Map(idx.map((i) => [i, r.values.get(`new:${i}`)!]));
    const changes = changesOf(history, r);
    const corrections: Array<Partial<StockLedgerEntry>> = changes.map((c) => ({
      warehouseId: c.row.warehouseId,
      binId: c.row.binId,
      skuId: c.row.skuId,
      batchId: c.row.batchId,
      documentId: c.row.documentId,
      documentLineId: c.row.documentLineId,
      documentType: c.row.documentType,
      documentNumber: c.row.documentNumber,
      kind: 'recost',
      costSource: 'method',
      refEntryId: c.row.id,
      causeType: doc.type,
      causeId: doc.id,
      causeNumber: doc.number,
      causeAction: cancels ? 'cancel' : 'post',
      causeDate: doc.businessDate,
      businessDate: c.row.businessDate,
      qty: '0',
      unitCost: '0',
      value: c.delta,
    }));
    const rows: HeadRow[] = heads.map((h) => {
      let qty = D(h.qty);
      let value = D(h.value);
      let lastDate = h.lastDate;
      for (const i of idx) {
        const m = placed[i];
        if (m.warehouseId !== h.warehouseId) continue;
        qty = qty.plus(m.qty);
        value = value.plus(values.get(i)!.value);
        const date = m.businessDate ?? doc.businessDate;
        if (date > lastDate) lastDate = date;
      }
      for (const c of changes) if (c.row.warehouseId === h.warehouseId) value = value.plus(c.delta);
      const state = r.states.get(String(h.warehouseId)) ?? emptyState(method);
      return [h.warehouseId, h.skuId, qty.toFixed(6), value.toFixed(2), JSON.stringify(state), lastDate];
    });
    const recosted: Recosted[] = changes.map((c) => ({
      documentType: c.row.documentType,
      documentId: c.row.documentId,
      documentLineId: c.row.documentLineId,
      kind: c.row.kind as 'in' | 'out',
      costSource: c.row.costSource,
      cancellation:
        c.row.costSource === 'reverse' &&
        !!c.row.refEntryId &&
        !!history.rows.get(c.row.refEntryId) &&
        isCancellation(c.row, history.rows.get(c.row.refEntryId)!),
      delta: c.delta,
    }));
    return { values, corrections, heads: rows, recosted };
  }
}
