import { Decimal } from 'decimal.js';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../core/errors';
import {
  applyMove,
  compareMoves,
  emptyState,
  type CostState,
  type CostingMethod,
  type Move,
} from '../../domain/costing';
import { StockCost, StockLedgerEntry } from './ledger.entity';
import { now } from '../../core/dates';

/** One physical movement of a document line: a warehouse × bin × SKU × batch and a signed base quantity. */
export interface StockMove {
  lineId: number;
  /** the line's index in the document, for error details */
  lineIndex: number;
  warehouseId: number;
  /** null on an issue: pick from the bins that hold stock (0 = no bin) */
  binId: number | null;
  skuId: number;
  /** null on an issue: pick batches FEFO by expiry, then FIFO by receipt (0 = no batch) */
  batchId: number | null;
  /** signed, base unit */
  qty: string;
  /** inbound at a known price */
  unitCost?: string;
  /** a fixed value (same sign as qty) */
  value?: string;
  /** reverse exactly the value of this ledger entry (cancellations) */
  reverses?: string;
}

export interface DocRef {
  id: number;
  type: string;
  /** the number, or how to allocate it: allocated as late as possible, since it serialises postings of a type */
  number: string | (() => Promise<string>);
  businessDate: string;
}

export interface PostedRow {
  lineId: number;
  qty: string;
  unitCost: string;
  value: string;
}

export interface ShortLine {
  index: number;
  skuId: number;
  warehouseId: number;
  binId: number;
  batchId: number;
  requested: string;
  available: string;
  short: string;
}

/** A move with its bin and batch decided. */
type Placed = StockMove & { binId: number; batchId: number };

const key = (w: number, s: number) => `${w}:${s}`;

/**
 * A move's identity in the costing state (FIFO layers carry it). It is known before the ledger
 * row exists and is rebuilt from the row on replay, so both ways name the same layers.
 */
const moveKey = (documentId: number, lineId: number, binId: number, batchId: number, kind: string) =>
  `${documentId}:${lineId}:${binId}:${batchId}:${kind}`;
const entryKey = (e: { documentId: number; documentLineId: number; binId: number; batchId: number; kind: string }) =>
  moveKey(e.documentId, e.documentLineId, e.binId, e.batchId, e.kind);

type Reversed = { qty: Decimal; value: Decimal };

/**
 * A reversal of part of an entry takes that part of its value; the reversal that takes its last
 * units takes whatever value the earlier reversals (`prior`) left, so an entry reversed in parts
 * is undone to the cent.
 */
function reversalValue(
  entryValue: Decimal,
  entryQty: Decimal,
  qty: Decimal,
  prior: Reversed = { qty: D(0), value: D(0) },
): string {
  const last = prior.qty.abs().plus(qty.abs()).eq(entryQty.abs());
  const share = last
    ? entryValue.plus(prior.value)
    : entryValue.times(qty.abs()).div(entryQty.abs()).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return share.neg().toFixed(2);
}
const addReversed = (m: Map<string, Reversed>, id: string, qty: Decimal | string, value: Decimal | string) => {
  const r = m.get(id) ?? { qty: D(0), value: D(0) };
  m.set(id, { qty: r.qty.plus(qty), value: r.value.plus(value) });
};
const D = (s: string | number) => new Decimal(s);

/**
 * The posting engine. Everything happens in the caller's transaction: the cost heads of each
 * warehouse × SKU are locked in a fixed order (so postings of one warehouse × SKU run one at a
 * time and costs are exact), balances are moved with a guard against going below zero, ledger
 * rows are appended, and a back-dated move re-costs the later moves by appending value
 * corrections — no posted row is ever updated.
 */
export class PostingService {
  constructor(private readonly ds: DataSource) {}

  private get mysql() {
    return this.ds.options.type !== 'better-sqlite3';
  }

  async apply(tx: EntityManager, doc: DocRef, moves: StockMove[], method: CostingMethod): Promise<PostedRow[]> {
    if (!moves.length) return [];
    // 1. cost heads, in (warehouse, sku) order
    const groups = new Map<string, StockMove[]>();
    for (const m of moves) {
      const k = key(m.warehouseId, m.skuId);
      groups.set(k, [...(groups.get(k) ?? []), m]);
    }
    const headKeys = [...groups.keys()].sort((a, b) => {
      const [aw, as] = a.split(':').map(Number);
      const [bw, bs] = b.split(':').map(Number);
      return aw - bw || as - bs;
    });
    const heads = await this.lockHeads(
      tx,
      headKeys.map((k) => k.split(':').map(Number) as [number, number]),
    );

    // 2. quantities: pick bins and batches for issues that did not name them (under the head
    // locks, so nobody else picks the same units), then every balance in (warehouse, bin, sku,
    // batch) order; collect every short line and fail once
    const allowNegative = await this.negativeAllowed(tx, [...new Set(moves.map((m) => m.warehouseId))]);
    const shorts: ShortLine[] = [];
    const placed: Placed[] = [];
    const taken = new Map<string, Decimal>(); // what earlier lines of this document already picked
    const candidates = await this.candidates(
      tx,
      moves.filter((m) => D(m.qty).lt(0) && (m.binId === null || m.batchId === null)),
    );
    for (const k of headKeys) {
      for (const m of groups.get(k)!) {
        const r = this.place(
          m,
          allowNegative.get(m.warehouseId) ?? false,
          taken,
          candidates.get(key(m.warehouseId, m.skuId)) ?? [],
        );
        placed.push(...r.moves);
        if (r.short) shorts.push(r.short);
      }
    }
    const sorted = [...placed].sort(
      (a, b) => a.warehouseId - b.warehouseId || a.binId - b.binId || a.skuId - b.skuId || a.batchId - b.batchId,
    );
    for (const m of sorted) {
      const short = await this.moveBalance(tx, m, allowNegative.get(m.warehouseId) ?? false);
      if (short) shorts.push(short);
    }
    if (shorts.length) {
      throw new DomainError('INSUFFICIENT_STOCK', `Not enough stock for ${shorts.length} line(s).`, {
        lines: shorts.sort((a, b) => a.index - b.index),
      });
    }
    // stock reserved for confirmed sales orders is not for anyone else: only their shipments (which
    // release the reservation first) may take it; under the head locks, so nobody races the check
    // (a stocktake adjustment records what is physically there, reserved or not)
    if (doc.type !== 'sales_shipment' && doc.type !== 'adjustment')
      this.assertReservedKept(heads, groups, allowNegative);

    // 3. costs per warehouse × SKU, then the ledger rows and the heads in one statement each
    const numbered = { ...doc, number: typeof doc.number === 'string' ? doc.number : await doc.number() };
    const posted: PostedRow[] = [];
    const entries: Array<Partial<StockLedgerEntry>> = [];
    const headRows: unknown[][] = [];
    for (const k of headKeys) {
      const r = await this.cost(
        tx,
        numbered,
        heads.get(k)!,
        placed.filter((m) => key(m.warehouseId, m.skuId) === k),
        method,
      );
      posted.push(...r.posted);
      entries.push(...r.entries);
      headRows.push(r.head);
    }
    // one plain multi-row INSERT: this is the hottest statement of every posting
    const cols = [
      'warehouse_id',
      'bin_id',
      'sku_id',
      'batch_id',
      'document_id',
      'document_line_id',
      'document_type',
      'document_number',
      'kind',
      'cost_source',
      'ref_entry_id',
      'business_date',
      'qty',
      'unit_cost',
      'value',
      'created_at',
    ];
    const at = now();
    await tx.query(
      `INSERT INTO stock_ledger (${cols.join(', ')}) VALUES ${entries.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ')}`,
      entries.flatMap((e) => [
        e.warehouseId,
        e.binId,
        e.skuId,
        e.batchId,
        e.documentId,
        e.documentLineId,
        e.documentType,
        e.documentNumber,
        e.kind,
        e.costSource,
        e.refEntryId ?? null,
        e.businessDate,
        D(e.qty!).toFixed(6),
        D(e.unitCost!).toFixed(6),
        D(e.value!).toFixed(2),
        this.mysql ? at : at.toISOString().replace('T', ' ').replace('Z', ''),
      ]),
    );
    const upsert = this.mysql
      ? 'ON DUPLICATE KEY UPDATE qty = VALUES(qty), value = VALUES(value), state = VALUES(state), last_date = VALUES(last_date)'
      : 'ON CONFLICT (warehouse_id, sku_id) DO UPDATE SET qty = excluded.qty, value = excluded.value, state = excluded.state, last_date = excluded.last_date';
    await tx.query(
      `INSERT INTO stock_cost (warehouse_id, sku_id, qty, value, state, last_date) VALUES ${headRows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')} ${upsert}`,
      headRows.flat(),
    );
    return posted;
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

  /** The candidate balances of the issues that leave bin or batch open: one locking read per warehouse. */
  private async candidates(
    tx: EntityManager,
    open: StockMove[],
  ): Promise<Map<string, Array<{ bin_id: number; batch_id: number; qty: string }>>> {
    const out = new Map<string, Array<{ bin_id: number; batch_id: number; qty: string }>>();
    const byWarehouse = new Map<number, number[]>();
    for (const m of open)
      byWarehouse.set(m.warehouseId, [...new Set([...(byWarehouse.get(m.warehouseId) ?? []), m.skuId])]);
    for (const [w, skuIds] of [...byWarehouse].sort((a, b) => a[0] - b[0])) {
      const rows: Array<{ sku_id: number; bin_id: number; batch_id: number; qty: string }> = await tx.query(
        `SELECT b.sku_id, b.bin_id, b.batch_id, b.qty FROM stock_balance b LEFT JOIN batch t ON t.id = b.batch_id
         WHERE b.warehouse_id = ? AND b.sku_id IN (${skuIds.map(() => '?').join(',')})
         ORDER BY b.sku_id, CASE WHEN t.expiry_date IS NULL THEN 1 ELSE 0 END, t.expiry_date, t.received_at, b.bin_id, b.batch_id${this.mysql ? ' FOR UPDATE' : ''}`,
        [w, ...skuIds],
      );
      for (const r of rows) {
        const k = key(w, Number(r.sku_id));
        out.set(k, [...(out.get(k) ?? []), r]);
      }
    }
    return out;
  }

  /**
   * Splits an issue without a bin or batch over the balances that hold the SKU: FEFO by expiry
   * where batches have one, then FIFO by receipt, then by bin.
   */
  private place(
    m: StockMove,
    allowNegative: boolean,
    taken: Map<string, Decimal>,
    candidates: Array<{ bin_id: number; batch_id: number; qty: string }>,
  ): { moves: Placed[]; short?: ShortLine } {
    const q = D(m.qty);
    if (q.gt(0) || (m.binId !== null && m.batchId !== null))
      return { moves: [{ ...m, binId: m.binId ?? 0, batchId: m.batchId ?? 0 }] };
    const rows = candidates.filter(
      (r) =>
        (m.binId === null || Number(r.bin_id) === m.binId) && (m.batchId === null || Number(r.batch_id) === m.batchId),
    );
    let need = q.neg();
    const out: Placed[] = [];
    for (const r of rows) {
      const tk = `${m.warehouseId}:${r.bin_id}:${m.skuId}:${r.batch_id}`;
      const has = D(r.qty).minus(taken.get(tk) ?? 0);
      if (!has.gt(0) || need.isZero()) continue;
      const take = Decimal.min(has, need);
      taken.set(tk, (taken.get(tk) ?? D(0)).plus(take));
      out.push({ ...m, binId: Number(r.bin_id), batchId: Number(r.batch_id), qty: take.neg().toFixed(6) });
      need = need.minus(take);
    }
    if (need.gt(0)) {
      if (!allowNegative) {
        const available = q.neg().minus(need);
        return {
          moves: out,
          short: {
            index: m.lineIndex,
            skuId: m.skuId,
            warehouseId: m.warehouseId,
            binId: m.binId ?? 0,
            batchId: m.batchId ?? 0,
            requested: q.neg().toFixed(),
            available: available.toFixed(),
            short: need.toFixed(),
          },
        };
      }
      out.push({ ...m, binId: m.binId ?? 0, batchId: m.batchId ?? 0, qty: need.neg().toFixed(6) });
    }
    return { moves: out };
  }

  /**
   * Locks the heads of the given (warehouse, SKU) pairs — one statement, which locks in key order —
   * creating the missing ones first. Locking before inserting matters: an INSERT IGNORE on an
   * existing row takes a shared lock, and two of those deadlock when both upgrade.
   */
  private async lockHeads(tx: EntityManager, pairs: Array<[number, number]>): Promise<Map<string, StockCost>> {
    const select = async () => {
      const rows: any[] = await tx.query(
        `SELECT warehouse_id, sku_id, qty, reserved, value, state, last_date FROM stock_cost WHERE ${pairs.map(() => '(warehouse_id = ? AND sku_id = ?)').join(' OR ')} ORDER BY warehouse_id, sku_id${this.mysql ? ' FOR UPDATE' : ''}`,
        pairs.flat(),
      );
      return new Map(
        rows.map((r) => [
          key(Number(r.warehouse_id), Number(r.sku_id)),
          Object.assign(new StockCost(), {
            warehouseId: Number(r.warehouse_id),
            skuId: Number(r.sku_id),
            qty: D(r.qty).toFixed(6),
            reserved: D(r.reserved ?? 0).toFixed(6),
            value: D(r.value).toFixed(2),
            state: r.state,
            lastDate: r.last_date,
          }),
        ]),
      );
    };
    let heads = await select();
    const missing = pairs.filter(([w, s]) => !heads.has(key(w, s)));
    if (missing.length) {
      await tx.query(
        `${this.mysql ? 'INSERT IGNORE' : 'INSERT OR IGNORE'} INTO stock_cost (warehouse_id, sku_id, qty, value, state, last_date) VALUES ${missing.map(() => "(?, ?, '0.000000', '0.00', NULL, '')").join(', ')}`,
        missing.flat(),
      );
      heads = await select();
    }
    return heads;
  }

  private async negativeAllowed(tx: EntityManager, ids: number[]): Promise<Map<number, boolean>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: number; allow_negative: unknown }> = await tx.query(
      `SELECT id, allow_negative FROM warehouse WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    return new Map(rows.map((w) => [Number(w.id), Number(w.allow_negative) === 1 || w.allow_negative === true]));
  }

  /** Moves one balance row; returns the shortage instead of going below zero where that is not allowed. */
  private async moveBalance(tx: EntityManager, m: Placed, allowNegative: boolean): Promise<ShortLine | null> {
    const ignore = this.mysql ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
    const create = () =>
      tx.query(
        `${ignore} INTO stock_balance (warehouse_id, bin_id, sku_id, batch_id, qty, reserved) VALUES (?, ?, ?, ?, ?, ?)`,
        [m.warehouseId, m.binId, m.skuId, m.batchId, '0.000000', '0.000000'],
      );
    const q = D(m.qty);
    const where = 'warehouse_id = ? AND bin_id = ? AND sku_id = ? AND batch_id = ?';
    const params = [m.warehouseId, m.binId, m.skuId, m.batchId];
    const shortOf = async () => {
      const [row] = await tx.query(`SELECT qty FROM stock_balance WHERE ${where}`, params);
      const available = D(row.qty);
      return {
        index: m.lineIndex,
        skuId: m.skuId,
        warehouseId: m.warehouseId,
        binId: m.binId,
        batchId: m.batchId,
        requested: q.neg().toFixed(),
        available: available.toFixed(),
        short: q.neg().minus(available).toFixed(),
      };
    };
    if (this.mysql) {
      // the guard is in the UPDATE itself: 0 rows affected means short (or no row yet), whatever raced us
      const guard = q.lt(0) && !allowNegative ? ' AND qty + ? >= 0' : '';
      const update = async () =>
        (
          (await tx.query(`UPDATE stock_balance SET qty = qty + ? WHERE ${where}${guard}`, [
            q.toFixed(6),
            ...params,
            ...(guard ? [q.toFixed(6)] : []),
          ])) as { affectedRows?: number }
        ).affectedRows ?? 0;
      if ((await update()) === 1) return null;
      const exists = await tx.query(`SELECT id FROM stock_balance WHERE ${where}`, params);
      if (exists.length) return shortOf();
      await create();
      return (await update()) === 1 ? null : shortOf();
    }
    await create();
    // SQLite stores decimals as text and runs one writer at a time: exact arithmetic in TypeScript
    const [row] = await tx.query(`SELECT qty FROM stock_balance WHERE ${where}`, params);
    const next = D(row.qty).plus(q);
    if (next.lt(0) && q.lt(0) && !allowNegative) return shortOf();
    await tx.query(`UPDATE stock_balance SET qty = ? WHERE ${where}`, [next.toFixed(6), ...params]);
    return null;
  }

  private toMove(m: StockMove, id: string, seq: number, date: string, reversesKey?: string): Move {
    return {
      id,
      seq,
      date,
      qty: D(m.qty).toFixed(6),
      ...(m.unitCost !== undefined ? { unitCost: D(m.unitCost).toFixed(6) } : {}),
      ...(m.value !== undefined ? { value: D(m.value).toFixed(2) } : {}),
      ...(reversesKey ? { reverses: reversesKey } : {}),
    };
  }

  private async cost(
    tx: EntityManager,
    doc: DocRef & { number: string },
    head: StockCost,
    moves: Placed[],
    method: CostingMethod,
  ): Promise<{ posted: PostedRow[]; entries: Array<Partial<StockLedgerEntry>>; head: unknown[] }> {
    const backdated = head.lastDate !== '' && doc.businessDate < head.lastDate;
    const reversed = await this.reversedEntries(
      tx,
      moves.map((m) => m.reverses).filter((x): x is string => !!x),
    );
    const prepared = moves.map((m) => {
      const r = m.reverses ? reversed.get(m.reverses) : undefined;
      if (!r) return m;
      const value = reversalValue(r.value, r.qty, D(m.qty), r.prior);
      // a second line reversing the same entry in this posting sees this one as prior
      r.prior = { qty: r.prior.qty.plus(m.qty), value: r.prior.value.plus(value) };
      return { ...m, value };
    });
    const idOf = (m: Placed) => moveKey(doc.id, m.lineId, m.binId, m.batchId, D(m.qty).gt(0) ? 'in' : 'out');

    let state: CostState;
    let results: Array<{ value: string; unitCost: string }>;
    const corrections: Array<Partial<StockLedgerEntry>> = [];
    if (!backdated) {
      state = head.state ? (JSON.parse(head.state) as CostState) : emptyState(method);
      results = [];
      prepared.forEach((m, i) => {
        const r = applyMove(
          state,
          this.toMove(
            m,
            idOf(m),
            Number.MAX_SAFE_INTEGER - moves.length + i,
            doc.businessDate,
            m.reverses ? reversed.get(m.reverses)?.key : undefined,
          ),
        );
        state = r.state;
        results.push({ value: r.costed.value, unitCost: r.costed.unitCost });
      });
    } else {
      const replayed = await this.replayWith(
        tx,
        head.warehouseId,
        head.skuId,
        method,
        prepared,
        doc.businessDate,
        doc.id,
      );
      // an issue dated before the stock arrived would make the past negative
      const allowNegative = (await this.negativeAllowed(tx, [head.warehouseId])).get(head.warehouseId);
      if (replayed.firstNegative && !allowNegative && prepared.some((m) => D(m.qty).lt(0))) {
        const m = prepared.find((x) => D(x.qty).lt(0))!;
        throw new DomainError(
          'INSUFFICIENT_STOCK',
          `On ${replayed.firstNegative.date} there was not enough stock for this back-dated issue.`,
          {
            lines: [
              {
                index: m.lineIndex,
                skuId: m.skuId,
                warehouseId: m.warehouseId,
                date: replayed.firstNegative.date,
                short: replayed.firstNegative.qty.neg().toFixed(),
              },
            ],
          },
        );
      }
      state = replayed.state;
      results = replayed.newResults;
      // value corrections for the later moves the back-dated one changed, dated like them
      for (const c of replayed.changes) {
        corrections.push({
          warehouseId: head.warehouseId,
          binId: c.entry.binId,
          skuId: head.skuId,
          batchId: c.entry.batchId,
          documentId: c.entry.documentId,
          documentLineId: c.entry.documentLineId,
          documentType: c.entry.documentType,
          documentNumber: c.entry.documentNumber,
          kind: 'recost',
          costSource: 'method',
          refEntryId: c.entry.id,
          businessDate: c.entry.businessDate,
          qty: '0',
          unitCost: '0',
          value: c.delta,
          createdAt: now(),
        });
      }
    }

    const posted: PostedRow[] = [];
    let qty = D(head.qty);
    let value = D(head.value);
    const entries = prepared.map((m, i) => {
      const q = D(m.qty);
      posted.push({ lineId: m.lineId, qty: q.toFixed(6), unitCost: results[i].unitCost, value: results[i].value });
      qty = qty.plus(q);
      value = value.plus(results[i].value);
      return {
        warehouseId: m.warehouseId,
        binId: m.binId,
        skuId: m.skuId,
        batchId: m.batchId,
        documentId: doc.id,
        documentLineId: m.lineId,
        documentType: doc.type,
        documentNumber: doc.number,
        kind: (q.gt(0) ? 'in' : 'out') as 'in' | 'out',
        costSource: (m.reverses
          ? 'reverse'
          : m.unitCost !== undefined
            ? 'price'
            : m.value !== undefined
              ? 'fixed'
              : 'method') as StockLedgerEntry['costSource'],
        refEntryId: m.reverses ?? null,
        businessDate: doc.businessDate,
        qty: q.toFixed(6),
        unitCost: results[i].unitCost,
        value: results[i].value,
        createdAt: now(),
      };
    });
    // the corrections belong to the head's value too
    for (const c of corrections) value = value.plus(c.value!);
    const lastDate = doc.businessDate > head.lastDate ? doc.businessDate : head.lastDate;
    return {
      posted,
      entries: [...corrections, ...entries],
      head: [head.warehouseId, head.skuId, qty.toFixed(6), value.toFixed(2), JSON.stringify(state), lastDate],
    };
  }

  /**
   * Entries about to be reversed: their costing key, quantity, value now (own value plus every
   * correction since), and what earlier reversals of them took (quantity and value now).
   */
  private async reversedEntries(
    tx: EntityManager,
    ids: string[],
  ): Promise<Map<string, { key: string; qty: Decimal; value: Decimal; prior: Reversed }>> {
    const out = new Map<string, { key: string; qty: Decimal; value: Decimal; prior: Reversed }>();
    if (!ids.length) return out;
    const marks = ids.map(() => '?').join(',');
    const rows: any[] = await tx.query(
      `SELECT id, ref_entry_id, kind, cost_source, value, qty, document_id, document_line_id, bin_id, batch_id FROM stock_ledger
       WHERE id IN (${marks}) OR (kind = 'recost' AND ref_entry_id IN (${marks})) OR (cost_source = 'reverse' AND ref_entry_id IN (${marks})) ORDER BY id`,
      [...ids, ...ids, ...ids],
    );
    const wanted = new Set(ids);
    const priorRows = rows.filter(
      (x) => x.kind !== 'recost' && x.cost_source === 'reverse' && wanted.has(String(x.ref_entry_id)),
    );
    const priorCorrections: any[] = priorRows.length
      ? await tx.query(
          `SELECT ref_entry_id, value FROM stock_ledger WHERE kind = 'recost' AND ref_entry_id IN (${priorRows.map(() => '?').join(',')})`,
          priorRows.map((r) => r.id),
        )
      : [];
    for (const r of rows.filter((x) => x.kind !== 'recost' && wanted.has(String(x.id)))) {
      out.set(String(r.id), {
        key: moveKey(Number(r.document_id), Number(r.document_line_id), Number(r.bin_id), Number(r.batch_id), r.kind),
        qty: D(r.qty),
        value: D(r.value),
        prior: { qty: D(0), value: D(0) },
      });
    }
    for (const r of rows.filter((x) => x.kind === 'recost' && wanted.has(String(x.ref_entry_id)))) {
      const e = out.get(String(r.ref_entry_id));
      if (e) e.value = e.value.plus(r.value);
    }
    const targetOf = new Map(priorRows.map((r) => [String(r.id), String(r.ref_entry_id)]));
    for (const r of priorRows) {
      const e = out.get(String(r.ref_entry_id));
      if (e) e.prior = { qty: e.prior.qty.plus(r.qty), value: e.prior.value.plus(r.value) };
    }
    for (const c of priorCorrections) {
      const e = out.get(targetOf.get(String(c.ref_entry_id))!);
      if (e) e.prior = { ...e.prior, value: e.prior.value.plus(c.value) };
    }
    return out;
  }

  /**
   * Replays the whole ledger of a warehouse × SKU with the new moves in their place, and says
   * which existing entries now have another value. Equal to a replay from scratch by construction.
   */
  async replayWith(
    tx: EntityManager,
    warehouseId: number,
    skuId: number,
    method: CostingMethod,
    extra: Placed[] = [],
    extraDate = '',
    extraDocId = 0,
  ) {
    const rows = await tx.getRepository(StockLedgerEntry).find({ where: { warehouseId, skuId }, order: { id: 'ASC' } });
    const current = new Map<string, Decimal>();
    const entries: StockLedgerEntry[] = [];
    for (const r of rows) {
      const id = String(r.id);
      if (r.kind === 'recost')
        current.set(String(r.refEntryId), (current.get(String(r.refEntryId)) ?? D(0)).plus(r.value));
      else {
        entries.push(r);
        current.set(id, (current.get(id) ?? D(0)).plus(r.value));
      }
    }
    type Item = { move: Move; entryId?: string; extraIndex?: number; reverses?: string };
    const byId = new Map(entries.map((e) => [String(e.id), e]));
    const items: Item[] = entries.map((e) => ({
      entryId: String(e.id),
      reverses: e.costSource === 'reverse' ? String(e.refEntryId) : undefined,
      move: {
        id: entryKey(e),
        seq: Number(e.id),
        date: e.businessDate,
        qty: D(e.qty).toFixed(6),
        ...(e.costSource === 'price' ? { unitCost: D(e.unitCost).toFixed(6) } : {}),
        ...(e.costSource === 'fixed' ? { value: D(e.value).toFixed(2) } : {}),
      },
    }));
    extra.forEach((m, i) => {
      const id = moveKey(extraDocId, m.lineId, m.binId, m.batchId, D(m.qty).gt(0) ? 'in' : 'out');
      items.push({
        extraIndex: i,
        reverses: m.reverses,
        move: this.toMove(
          { ...m, value: m.reverses ? undefined : m.value },
          id,
          Number.MAX_SAFE_INTEGER - extra.length + i,
          extraDate,
        ),
      });
    });
    items.sort((a, b) => compareMoves(a.move, b.move));
    let state = emptyState(method);
    let running = D(0);
    let firstNegative: { date: string; qty: Decimal } | null = null;
    const replayed = new Map<string, string>();
    const reversedSoFar = new Map<string, Reversed>();
    const newResults: Array<{ value: string; unitCost: string }> = [];
    for (const it of items) {
      let move = it.move;
      if (it.reverses) {
        // a reversal takes (its share of) the value the reversed entry has in this replay
        const target = byId.get(it.reverses);
        const value = replayed.has(it.reverses) ? D(replayed.get(it.reverses)!) : (current.get(it.reverses) ?? D(0));
        move = {
          ...it.move,
          value: reversalValue(value, D(target?.qty ?? it.move.qty), D(it.move.qty), reversedSoFar.get(it.reverses)),
          ...(target ? { reverses: entryKey(target) } : {}),
        };
      }
      const r = applyMove(state, move);
      if (it.reverses) addReversed(reversedSoFar, it.reverses, move.qty, r.costed.value);
      state = r.state;
      running = running.plus(move.qty);
      if (!firstNegative && running.lt(0)) firstNegative = { date: move.date, qty: running };
      if (it.entryId) replayed.set(it.entryId, r.costed.value);
      if (it.extraIndex !== undefined)
        newResults[it.extraIndex] = { value: r.costed.value, unitCost: r.costed.unitCost };
    }
    const changes = entries
      .map((e) => ({ entry: e, delta: D(replayed.get(String(e.id))!).minus(current.get(String(e.id)) ?? 0) }))
      .filter((c) => !c.delta.isZero())
      .map((c) => ({ entry: c.entry, delta: c.delta.toFixed(2) }));
    return { state, newResults, changes, replayed, current, firstNegative };
  }

  /** Σ ledger vs balances and cost heads, ledger rows vs documents, and a replay from scratch. */
  async check(method: CostingMethod): Promise<string[]> {
    const problems: string[] = [];
    const ledger: Array<{
      warehouse_id: number;
      bin_id: number;
      sku_id: number;
      batch_id: number;
      qty: string;
      value: string;
      kind: string;
    }> = await this.ds.query('SELECT warehouse_id, bin_id, sku_id, batch_id, qty, value, kind FROM stock_ledger');
    const byBalance = new Map<string, Decimal>();
    const byHead = new Map<string, { qty: Decimal; value: Decimal }>();
    for (const r of ledger) {
      const bk = `${r.warehouse_id}:${r.bin_id}:${r.sku_id}:${r.batch_id}`;
      byBalance.set(bk, (byBalance.get(bk) ?? D(0)).plus(r.qty));
      const hk = key(r.warehouse_id, r.sku_id);
      const h = byHead.get(hk) ?? { qty: D(0), value: D(0) };
      byHead.set(hk, { qty: h.qty.plus(r.qty), value: h.value.plus(r.value) });
    }
    const balances: Array<{ warehouse_id: number; bin_id: number; sku_id: number; batch_id: number; qty: string }> =
      await this.ds.query('SELECT warehouse_id, bin_id, sku_id, batch_id, qty FROM stock_balance');
    const negOk = await this.negativeAllowed(this.ds.manager, [...new Set(balances.map((b) => b.warehouse_id))]);
    const seen = new Set<string>();
    for (const b of balances) {
      const bk = `${b.warehouse_id}:${b.bin_id}:${b.sku_id}:${b.batch_id}`;
      seen.add(bk);
      const l = byBalance.get(bk) ?? D(0);
      if (!l.eq(b.qty)) problems.push(`balance ${bk}: ledger qty ${l.toFixed()} ≠ balance qty ${D(b.qty).toFixed()}`);
      if (D(b.qty).lt(0) && !negOk.get(b.warehouse_id))
        problems.push(`balance ${bk} is negative (${D(b.qty).toFixed()})`);
    }
    for (const [bk, q] of byBalance)
      if (!seen.has(bk) && !q.isZero()) problems.push(`balance ${bk}: ledger qty ${q.toFixed()} has no balance row`);
    const heads: Array<{ warehouse_id: number; sku_id: number; qty: string; value: string }> = await this.ds.query(
      'SELECT warehouse_id, sku_id, qty, value FROM stock_cost',
    );
    for (const h of heads) {
      const l = byHead.get(key(h.warehouse_id, h.sku_id)) ?? { qty: D(0), value: D(0) };
      if (!l.qty.eq(h.qty) || !l.value.eq(h.value)) {
        problems.push(
          `warehouse ${h.warehouse_id} × SKU ${h.sku_id}: ledger ${l.qty.toFixed()} / ${l.value.toFixed(2)} ≠ head ${D(h.qty).toFixed()} / ${D(h.value).toFixed(2)}`,
        );
      }
      if (l.qty.isZero() && !l.value.isZero())
        problems.push(`warehouse ${h.warehouse_id} × SKU ${h.sku_id}: value ${l.value.toFixed(2)} left with no stock`);
      const r = await this.replayWith(this.ds.manager, h.warehouse_id, h.sku_id, method);
      for (const c of r.changes)
        problems.push(`entry ${c.entry.id}: replay from scratch gives a value ${c.delta} away from the ledger`);
    }
    const orphans = await this.ds.query(
      `SELECT l.id FROM stock_ledger l LEFT JOIN stock_document_line dl ON dl.id = l.document_line_id AND dl.document_id = l.document_id
       LEFT JOIN stock_document d ON d.id = l.document_id
       WHERE l.document_type IN ('other_in','other_out','transfer','adjustment') AND (dl.id IS NULL OR d.status = 'draft')`,
    );
    for (const o of orphans) problems.push(`ledger entry ${o.id} does not belong to a posted document line`);
    for (const [type, lines, docs, fk] of [
      ['purchase_receipt', 'purchase_receipt_line', 'purchase_receipt', 'receipt_id'],
      ['purchase_return', 'purchase_return_line', 'purchase_return', 'return_id'],
    ]) {
      const rows = await this.ds.query(
        `SELECT l.id FROM stock_ledger l LEFT JOIN ${lines} dl ON dl.id = l.document_line_id AND dl.${fk} = l.document_id LEFT JOIN ${docs} d ON d.id = l.document_id
         WHERE l.document_type = '${type}' AND (dl.id IS NULL OR d.id IS NULL)`,
      );
      for (const o of rows) problems.push(`ledger entry ${o.id} does not belong to a ${type.replace('_', ' ')} line`);
    }
    return problems;
  }
}
