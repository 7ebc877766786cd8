import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { checkRange } from '../../core/decimal';
import { dateTimeParam, forUpdateClause, insertIgnore, onDuplicateUpdate, rowLocking } from '../../core/sql';
import { ask, type Statement } from '../../core/read-ahead';
import { checkRows, type Expected, type WriteBatch, type WriteResult } from '../../core/write-batch';
import type { PickStrategy, Stock } from '../../domain/picking';
import { StockCost, type StockLedgerEntry } from './ledger.entity';
import { headKey, type FactRow, type Placed, type PostingRead, type ShortLine } from './posting.types';
import { monthEnd, refreshSnapshots } from './snapshots';

/**
 * The posting engine's statements, written by hand: they run on every posting while the cost
 * heads are locked, so each is one round trip (multi-row where it can be).
 */
const D = (s: Decimal.Value) => new Decimal(s);
/** rows per multi-row INSERT: well under SQLite's 32,766 parameters and MySQL's packet size */
const CHUNK = 500;

/** A write: into the posting's batch when there is one (sent with its next packet), else at once. */
async function write(
  tx: EntityManager,
  w: WriteBatch | undefined,
  sql: string,
  params: unknown[],
  then?: (r: WriteResult) => void,
  expect?: Expected,
): Promise<void> {
  if (w) return w.add(sql, params, then, expect);
  const r = (await tx.query(sql, params)) as WriteResult;
  checkRows(expect, r);
  then?.(r);
}

export class PostingSql {
  /**
   * The latest snapshot month each transaction saw with its cost heads (read in the locking
   * statement, so it costs no round trip): its ledger rows dated on or before that month's end
   * rebuild the snapshots they fall in.
   */
  private readonly snapshotSeen = new WeakMap<EntityManager, string | null>();

  /**
   * Locks the heads of the given (warehouse, SKU) pairs — one statement, which locks in key order —
   * creating the missing ones first. Locking before inserting matters: an INSERT IGNORE on an
   * existing row takes a shared lock, and two of those deadlock when both upgrade.
   */
  /** The locking read of the cost heads (`lockHeads`), for `sendAhead`. */
  headsRead(tx: EntityManager, pairs: Array<[number, number]>): Statement {
    return {
      sql: `SELECT warehouse_id, sku_id, qty, reserved, value, state, last_date, (SELECT MAX(month) FROM stock_snapshot_month) AS snapshot_month FROM stock_cost WHERE ${pairs.map(() => '(warehouse_id = ? AND sku_id = ?)').join(' OR ')} ORDER BY warehouse_id, sku_id${forUpdateClause(tx)}`,
      params: pairs.flat(),
    };
  }

  async lockHeads(tx: EntityManager, pairs: Array<[number, number]>): Promise<Map<string, StockCost>> {
    const select = async () => {
      const rows: any[] = await ask(tx, this.headsRead(tx, pairs));
      if (rows.length) this.snapshotSeen.set(tx, rows[0].snapshot_month ?? null);
      return new Map(
        rows.map((r) => [
          headKey(Number(r.warehouse_id), Number(r.sku_id)),
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
    if (!pairs.length) return new Map();
    let heads = await select();
    const missing = pairs.filter(([w, s]) => !heads.has(headKey(w, s)));
    if (missing.length) {
      await tx.query(
        `${insertIgnore(tx)} INTO stock_cost (warehouse_id, sku_id, qty, value, state, last_date) VALUES ${missing.map(() => "(?, ?, '0.000000', '0.00', NULL, '')").join(', ')}`,
        missing.flat(),
      );
      heads = await select();
    }
    return heads;
  }

  async negativeAllowed(tx: EntityManager, ids: number[]): Promise<Map<number, boolean>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: number; allow_negative: unknown }> = await tx.query(
      `SELECT id, allow_negative FROM warehouse WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    return new Map(rows.map((w) => [Number(w.id), Number(w.allow_negative) === 1 || w.allow_negative === true]));
  }

  /**
   * What posting needs to know of the given warehouses, in one read: whether each may go negative,
   * its pick strategy, and its quarantine bins (id → code: a plain read, apart from the balances' locking one, since locking
   * bin rows would make postings of different SKUs in the same bins wait for each other); with
   * them the pick strategies the SKUs to be picked set themselves (the catalog's column, as
   * `skuPickStrategies` reads it), and the reads other modules registered (`PostingRead`: a
   * count's freeze, the safety-stock levels), so this is one round trip.
   */
  async warehouseFacts(
    tx: EntityManager,
    ids: number[],
    pickedSkuIds: number[] = [],
    heads: Array<[number, number]> = [],
    reads: PostingRead[] = [],
  ): Promise<{
    allowNegative: Map<number, boolean>;
    strategies: Map<number, PickStrategy>;
    quarantine: Map<number, string>;
    skuStrategies: Map<number, PickStrategy>;
    registered: Map<string, FactRow[]>;
  }> {
    const out = {
      allowNegative: new Map(),
      strategies: new Map(),
      quarantine: new Map(),
      skuStrategies: new Map(),
      registered: new Map<string, FactRow[]>(),
    };
    const read = this.factsRead(ids, pickedSkuIds, heads, reads);
    if (!read) return out;
    for (const r of reads) out.registered.set(r.tag, []);
    const rows: Array<{ k: string; id: number; a: unknown; b: string | null; c: unknown }> = await ask(tx, read);
    for (const r of rows) {
      if (r.k === 'q') out.quarantine.set(Number(r.id), r.b ?? '');
      else if (r.k === 's') out.skuStrategies.set(Number(r.id), r.b as PickStrategy);
      else if (r.k === 'w') {
        out.allowNegative.set(Number(r.id), Number(r.a) === 1 || r.a === true);
        out.strategies.set(Number(r.id), (r.b || 'auto') as PickStrategy);
      } else out.registered.get(r.k)?.push({ id: Number(r.id), a: r.a, b: r.b === null ? null : String(r.b), c: r.c });
    }
    return out;
  }

  /** The read of `warehouseFacts` (null when there is no warehouse), for `sendAhead`. */
  factsRead(
    ids: number[],
    pickedSkuIds: number[] = [],
    heads: Array<[number, number]> = [],
    reads: PostingRead[] = [],
  ): Statement | null {
    if (!ids.length) return null;
    const list = ids.map(() => '?').join(',');
    const parts: Array<{ sql: string; params: unknown[] }> = [
      {
        sql: `SELECT 'w' AS k, id, allow_negative AS a, pick_strategy AS b, NULL AS c FROM warehouse WHERE id IN (${list})`,
        params: ids,
      },
      {
        sql: `SELECT 'q' AS k, id, warehouse_id AS a, code AS b, NULL AS c FROM bin WHERE quarantine = 1 AND warehouse_id IN (${list})`,
        params: ids,
      },
    ];
    if (pickedSkuIds.length)
      parts.push({
        sql: `SELECT 's' AS k, id, NULL AS a, pick_strategy AS b, NULL AS c FROM sku WHERE id IN (${pickedSkuIds.map(() => '?').join(',')}) AND pick_strategy IS NOT NULL`,
        params: pickedSkuIds,
      });
    for (const r of reads) {
      const part = r.select(heads, ids);
      if (part) parts.push(part);
    }
    return { sql: parts.map((p) => p.sql).join('\n       UNION ALL '), params: parts.flatMap((p) => p.params) };
  }

  /** Batches by id: number and expiry date. */
  async batches(
    tx: EntityManager,
    ids: number[],
  ): Promise<Map<number, { batchNo: string; expiryDate: string | null }>> {
    if (!ids.length) return new Map();
    const rows: any[] = await tx.query(
      `SELECT id, batch_no, expiry_date FROM batch WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    return new Map(rows.map((r) => [Number(r.id), { batchNo: r.batch_no, expiryDate: r.expiry_date ?? null }]));
  }

  /** The locking reads of `candidates`, one per warehouse in warehouse order, for `sendAhead`. */
  candidateReads(tx: EntityManager, open: Array<{ warehouseId: number; skuId: number }>): Array<[number, Statement]> {
    const byWarehouse = new Map<number, Set<number>>();
    for (const m of open) byWarehouse.set(m.warehouseId, (byWarehouse.get(m.warehouseId) ?? new Set()).add(m.skuId));
    return [...byWarehouse]
      .sort((a, b) => a[0] - b[0])
      .map(([w, skus]) => {
        const skuIds = [...skus].sort((a, b) => a - b);
        return [
          w,
          {
            sql: `SELECT b.sku_id, b.bin_id, b.batch_id, b.qty, t.batch_no, t.expiry_date, t.received_at FROM stock_balance b LEFT JOIN batch t ON t.id = b.batch_id
         WHERE b.warehouse_id = ? AND b.sku_id IN (${skuIds.map(() => '?').join(',')})
         ORDER BY b.sku_id, b.bin_id, b.batch_id${forUpdateClause(tx)}`,
            params: [w, ...skuIds],
          },
        ];
      });
  }

  /** The balances an issue may pick from, per warehouse × SKU: one locking read per warehouse. */
  async candidates(
    tx: EntityManager,
    open: Array<{ warehouseId: number; skuId: number }>,
    quarantine: Map<number, string> = new Map(),
  ): Promise<Map<string, Stock[]>> {
    const out = new Map<string, Stock[]>();
    for (const [w, read] of this.candidateReads(tx, open)) {
      const rows: any[] = await ask(tx, read);
      for (const r of rows) {
        const k = headKey(w, Number(r.sku_id));
        const received = r.received_at ? new Date(r.received_at) : null;
        out.set(k, [
          ...(out.get(k) ?? []),
          {
            binId: Number(r.bin_id),
            batchId: Number(r.batch_id),
            qty: D(r.qty).toFixed(6),
            expiryDate: r.expiry_date ?? null,
            batchNo: r.batch_no ?? null,
            receivedAt: received && !isNaN(received.getTime()) ? received.toISOString() : null,
            quarantine: quarantine.has(Number(r.bin_id)),
          },
        ]);
      }
    }
    return out;
  }

  /** Moves one balance row; returns the shortage instead of going below zero where that is not allowed. */
  async moveBalance(tx: EntityManager, m: Placed, allowNegative: boolean): Promise<ShortLine | null> {
    const ignore = insertIgnore(tx);
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
    if (rowLocking(tx)) {
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

  /**
   * Moves the balances of a posting's placed moves, in (warehouse, SKU, bin, batch) order; returns
   * the lines that would take a balance below zero where that is not allowed (then nothing is
   * moved: the caller refuses the posting). Where rows lock (MariaDB/MySQL) that is two statements
   * at most, whatever the number of lines: the quantities of the guarded issues are known under
   * their row locks (`locked`: read by `candidates`; the rest in one locking read), the shortages
   * are worked out here, and one UPDATE moves every guarded row (the guard stays in its WHERE, and
   * the count of rows it changed is checked) and one upsert every other (receipts, warehouses
   * that may go negative). With `w` (a posting's WriteBatch) both go with its next packet on the
   * posting pool, and the count is checked when that packet returns.
   */
  async moveBalances(
    tx: EntityManager,
    moves: Placed[],
    allowNegative: Map<number, boolean>,
    locked: Map<string, Stock[]>,
    w?: WriteBatch,
  ): Promise<ShortLine[]> {
    const sorted = [...moves].sort(
      (a, b) => a.warehouseId - b.warehouseId || a.skuId - b.skuId || a.binId - b.binId || a.batchId - b.batchId,
    );
    if (!rowLocking(tx)) {
      const shorts: ShortLine[] = [];
      for (const m of sorted) {
        const short = await this.moveBalance(tx, m, allowNegative.get(m.warehouseId) ?? false);
        if (short) shorts.push(short);
      }
      return shorts;
    }
    const keyOf = (m: { warehouseId: number; binId: number; skuId: number; batchId: number }) =>
      `${m.warehouseId}:${m.skuId}:${m.binId}:${m.batchId}`;
    const guarded = (m: Placed) => D(m.qty).lt(0) && !allowNegative.get(m.warehouseId);
    // what each guarded row holds now, under its lock
    const onHand = new Map<string, Decimal>();
    for (const [k, rows] of locked) {
      const [w, s] = k.split(':').map(Number);
      for (const r of rows)
        onHand.set(keyOf({ warehouseId: w, skuId: s, binId: r.binId, batchId: r.batchId }), D(r.qty));
    }
    // (`locked` holds every balance row of its heads: a row missing there is none, 0 on hand)
    const known = (m: Placed) => onHand.has(keyOf(m)) || locked.has(headKey(m.warehouseId, m.skuId));
    const unread = [...new Map(sorted.filter((m) => guarded(m) && !known(m)).map((m) => [keyOf(m), m])).values()];
    if (unread.length) {
      const rows: any[] = await tx.query(
        `SELECT warehouse_id, bin_id, sku_id, batch_id, qty FROM stock_balance WHERE ${unread.map(() => '(warehouse_id = ? AND sku_id = ? AND bin_id = ? AND batch_id = ?)').join(' OR ')} ORDER BY warehouse_id, sku_id, bin_id, batch_id FOR UPDATE`,
        unread.flatMap((m) => [m.warehouseId, m.skuId, m.binId, m.batchId]),
      );
      for (const r of rows)
        onHand.set(
          keyOf({
            warehouseId: Number(r.warehouse_id),
            skuId: Number(r.sku_id),
            binId: Number(r.bin_id),
            batchId: Number(r.batch_id),
          }),
          D(r.qty),
        );
    }
    // line by line, as the rows would move one after the other: a short line moves nothing; each
    // row then moves once by its net change (an adjustment may add to a row and take from it)
    const shorts: ShortLine[] = [];
    const net = new Map<string, { m: Placed; qty: Decimal; guarded: boolean }>();
    for (const m of sorted) {
      const k = keyOf(m);
      const q = D(m.qty);
      const row = net.get(k) ?? { m, qty: D(0), guarded: false };
      if (guarded(m)) {
        const available = onHand.get(k) ?? D(0);
        if (available.plus(q).lt(0)) {
          shorts.push({
            index: m.lineIndex,
            skuId: m.skuId,
            warehouseId: m.warehouseId,
            binId: m.binId,
            batchId: m.batchId,
            requested: q.neg().toFixed(),
            available: available.toFixed(),
            short: q.neg().minus(available).toFixed(),
          });
          continue;
        }
        row.guarded = true;
      }
      onHand.set(k, (onHand.get(k) ?? D(0)).plus(q));
      net.set(k, { ...row, qty: row.qty.plus(q) });
    }
    // rows that go down under a guard: one guarded UPDATE; the rest (up, or where negative is allowed): one upsert
    const down = new Map([...net].filter(([, r]) => r.guarded && r.qty.lt(0)));
    const up = new Map([...net].filter(([, r]) => !(r.guarded && r.qty.lt(0)) && !r.qty.isZero()));
    if (shorts.length) return shorts;
    if (down.size) {
      const rows = [...down.values()];
      const match = '(warehouse_id = ? AND sku_id = ? AND bin_id = ? AND batch_id = ?)';
      const at = (m: Placed) => [m.warehouseId, m.skuId, m.binId, m.batchId];
      await write(
        tx,
        w,
        `UPDATE stock_balance SET qty = qty + CASE ${rows.map(() => `WHEN ${match} THEN CAST(? AS DECIMAL(18,6))`).join(' ')} END WHERE ${rows.map(() => `(${match} AND qty + CAST(? AS DECIMAL(18,6)) >= 0)`).join(' OR ')}`,
        [
          ...rows.flatMap((r) => [...at(r.m), r.qty.toFixed(6)]),
          ...rows.flatMap((r) => [...at(r.m), r.qty.toFixed(6)]),
        ],
        undefined,
        // the rows were read under their locks: another count means something moved them regardless
        {
          rows: rows.length,
          refuse: () => new Error(`stock_balance: not all of ${rows.length} guarded rows moved under their locks`),
        },
      );
    }
    if (up.size) {
      const rows = [...up.values()];
      await write(
        tx,
        w,
        `INSERT INTO stock_balance (warehouse_id, sku_id, bin_id, batch_id, qty, reserved) VALUES ${rows.map(() => "(?, ?, ?, ?, ?, '0.000000')").join(', ')} ON DUPLICATE KEY UPDATE qty = qty + VALUES(qty)`,
        rows.flatMap((r) => [r.m.warehouseId, r.m.skuId, r.m.binId, r.m.batchId, r.qty.toFixed(6)]),
      );
    }
    return [];
  }

  /**
   * A value computed from inputs that fit their columns (quantity × cost) may not fit the ledger's:
   * refused (BAD_USER_INPUT) before anything is written. Rows of a document not numbered yet are
   * named by the document's id.
   */
  checkEntries(entries: Array<Partial<StockLedgerEntry>>): void {
    for (const e of entries) {
      const what = `${e.documentNumber || `document ${e.documentId}`} line ${e.documentLineId}`;
      checkRange(D(e.qty!), 18, 6, 'qty', `The quantity of ${what}`);
      checkRange(D(e.unitCost!), 18, 6, 'unitCost', `The unit cost of ${what}`);
      checkRange(D(e.value!), 18, 2, 'value', `The value of ${what}`);
    }
  }

  /** Appends ledger rows: plain multi-row INSERTs, the hottest statement of every posting. */
  async insertEntries(
    tx: EntityManager,
    entries: Array<Partial<StockLedgerEntry>>,
    at: Date,
    w?: WriteBatch,
  ): Promise<void> {
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
      'cause_type',
      'cause_id',
      'cause_number',
      'cause_action',
      'cause_date',
      'business_date',
      'qty',
      'unit_cost',
      'value',
      'created_at',
    ];
    const created = dateTimeParam(tx, at);
    this.checkEntries(entries);
    for (let i = 0; i < entries.length; i += CHUNK) {
      const part = entries.slice(i, i + CHUNK);
      await write(
        tx,
        w,
        `INSERT INTO stock_ledger (${cols.join(', ')}) VALUES ${part.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ')}`,
        part.flatMap((e) => [
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
          e.causeType ?? null,
          e.causeId ?? null,
          e.causeNumber ?? null,
          e.causeAction ?? null,
          e.causeDate ?? null,
          e.businessDate,
          D(e.qty!).toFixed(6),
          D(e.unitCost!).toFixed(6),
          D(e.value!).toFixed(2),
          created,
        ]),
      );
    }
    let seen = this.snapshotSeen.get(tx);
    if (seen === undefined) {
      const [r]: any[] = await tx.query('SELECT MAX(month) AS m FROM stock_snapshot_month');
      seen = r?.m ?? null;
    }
    if (seen && entries.some((e) => e.businessDate! <= monthEnd(seen!))) {
      // the rebuild reads the ledger: rows still queued for the posting's packet must be in it first
      // (a back-dated posting into a snapshot month is rare: one round trip more)
      await w?.flush();
      await refreshSnapshots(tx, entries);
    }
  }

  /** Writes the heads' totals, state and last date (the row exists: it was locked). */
  async writeHeads(
    tx: EntityManager,
    heads: Array<[number, number, string, string, string, string]>,
    w?: WriteBatch,
  ): Promise<void> {
    const upsert = onDuplicateUpdate(tx, ['warehouse_id', 'sku_id'], ['qty', 'value', 'state', 'last_date']);
    for (const [w, sku, qty, value] of heads) {
      checkRange(D(qty), 18, 6, 'qty', `The stock of SKU ${sku} in warehouse ${w}`);
      checkRange(D(value), 18, 2, 'value', `The stock value of SKU ${sku} in warehouse ${w}`);
    }
    for (let i = 0; i < heads.length; i += CHUNK) {
      const part = heads.slice(i, i + CHUNK);
      await write(
        tx,
        w,
        `INSERT INTO stock_cost (warehouse_id, sku_id, qty, value, state, last_date) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')} ${upsert}`,
        part.flat(),
      );
    }
  }
}
