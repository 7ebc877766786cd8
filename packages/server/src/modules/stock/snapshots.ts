import { Decimal } from 'decimal.js';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, now, startOfBusinessDay } from '../../core/dates';
import { dateTimeParam, exactDecimalSums, forUpdateClause } from '../../core/sql';

/**
 * 月结快照 (monthly snapshots): the closing quantity and value of every warehouse × SKU at the end
 * of a month, the Σ of its ledger rows dated up to that day. Valuation at a date reads the latest
 * snapshot on or before it plus the ledger rows after it (at most a month while snapshots are kept).
 *
 * - Written at period close (every complete month through `closedThrough` that has none yet), and
 *   by `pnpm jxc rebuild-snapshots` (every complete month before the current one, from scratch).
 *   The writer locks every cost head first, so no posting is half-way while it sums.
 * - Kept exact: the posting engine reads the latest snapshot month with the cost heads (no extra
 *   statement), and when it appends ledger rows dated on or before that month's end (a back-dated
 *   posting, a cancellation, re-costing corrections, a landed cost on an old receipt) it rebuilds
 *   those warehouse × SKUs' rows of every snapshot month from that date on, in its transaction and
 *   under the heads' locks (`refreshSnapshots`).
 * - `checkSnapshots` compares every snapshot row with a full scan of the ledger.
 */

type Db = DataSource | EntityManager;
const D = (s: Decimal.Value | null | undefined) => new Decimal(s ?? 0);
const CHUNK = 500;

/** YYYY-MM of a business day. */
export const monthOf = (day: string) => day.slice(0, 7);
/** The last day of a month (YYYY-MM → YYYY-MM-DD). */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

export interface PairSum {
  w: number;
  s: number;
  qty: Decimal;
  value: Decimal;
}
const key = (w: number, s: number) => `${w}:${s}`;

function addTo(m: Map<string, PairSum>, w: number, s: number, qty: Decimal.Value, value: Decimal.Value) {
  const k = key(w, s);
  const e = m.get(k) ?? { w, s, qty: D(0), value: D(0) };
  e.qty = e.qty.plus(qty);
  e.value = e.value.plus(value);
  m.set(k, e);
}

const pairWhere = (pairs: Array<[number, number]>) =>
  `(${pairs.map(() => '(warehouse_id = ? AND sku_id = ?)').join(' OR ')})`;
const inList = (col: string, ids: number[] | null) => (ids ? ` AND ${col} IN (${ids.map(() => '?').join(',')})` : '');

/** The snapshot months there are, oldest first. */
export async function snapshotMonths(db: Db): Promise<Array<{ month: string; endDate: string }>> {
  const rows: any[] = await db.query('SELECT month, end_date FROM stock_snapshot_month ORDER BY month');
  return rows.map((r) => ({ month: r.month, endDate: r.end_date }));
}

/** The latest snapshot on or before a day (null: none). */
export async function snapshotOnOrBefore(db: Db, day: string): Promise<{ month: string; endDate: string } | null> {
  const [r]: any[] = await db.query(
    'SELECT month, end_date FROM stock_snapshot_month WHERE end_date <= ? ORDER BY month DESC LIMIT 1',
    [day],
  );
  return r ? { month: r.month, endDate: r.end_date } : null;
}

/** Σ ledger rows per warehouse × SKU within (after, upTo] (after null: from the first), in scope. */
async function ledgerSums(
  db: Db,
  after: string | null,
  upTo: string,
  ws: number[] | null,
  pairs?: Array<[number, number]>,
): Promise<Map<string, PairSum>> {
  const where = `${after ? 'business_date > ? AND ' : ''}business_date <= ?${inList('warehouse_id', ws)}${pairs ? ` AND ${pairWhere(pairs)}` : ''}`;
  const params = [...(after ? [after] : []), upTo, ...(ws ?? []), ...(pairs?.flat() ?? [])];
  const out = new Map<string, PairSum>();
  if (exactDecimalSums(db)) {
    const rows: any[] = await db.query(
      `SELECT warehouse_id AS w, sku_id AS s, SUM(qty) AS qty, SUM(value) AS value FROM stock_ledger WHERE ${where} GROUP BY warehouse_id, sku_id`,
      params,
    );
    for (const r of rows) addTo(out, Number(r.w), Number(r.s), r.qty, r.value);
  } else {
    // SQLite keeps decimals as text: summed here, exactly
    const rows: any[] = await db.query(
      `SELECT warehouse_id AS w, sku_id AS s, qty, value FROM stock_ledger WHERE ${where}`,
      params,
    );
    for (const r of rows) addTo(out, Number(r.w), Number(r.s), r.qty, r.value);
  }
  return out;
}

async function snapshotRows(
  db: Db,
  month: string,
  ws: number[] | null,
  pairs?: Array<[number, number]>,
): Promise<Map<string, PairSum>> {
  const rows: any[] = await db.query(
    `SELECT warehouse_id AS w, sku_id AS s, qty, value FROM stock_snapshot WHERE month = ?${inList('warehouse_id', ws)}${pairs ? ` AND ${pairWhere(pairs)}` : ''}`,
    [month, ...(ws ?? []), ...(pairs?.flat() ?? [])],
  );
  const out = new Map<string, PairSum>();
  for (const r of rows) addTo(out, Number(r.w), Number(r.s), r.qty, r.value);
  return out;
}

/**
 * The book (quantity and value per warehouse × SKU) at the end of a day: the latest snapshot on or
 * before it plus the ledger rows after it; a full scan of the ledger when there is no snapshot.
 */
export async function bookAt(db: Db, day: string, ws: number[] | null): Promise<PairSum[]> {
  const snap = await snapshotOnOrBefore(db, day);
  if (!snap) return [...(await ledgerSums(db, null, day, ws)).values()];
  if (exactDecimalSums(db)) {
    const scope = inList('warehouse_id', ws);
    const rows: any[] = await db.query(
      `SELECT w, s, SUM(qty) AS qty, SUM(value) AS value FROM (
         SELECT warehouse_id AS w, sku_id AS s, qty, value FROM stock_snapshot WHERE month = ?${scope}
         UNION ALL
         SELECT warehouse_id AS w, sku_id AS s, SUM(qty) AS qty, SUM(value) AS value FROM stock_ledger
          WHERE business_date > ? AND business_date <= ?${scope} GROUP BY warehouse_id, sku_id
       ) x GROUP BY w, s`,
      [snap.month, ...(ws ?? []), snap.endDate, day, ...(ws ?? [])],
    );
    return rows.map((r) => ({ w: Number(r.w), s: Number(r.s), qty: D(r.qty), value: D(r.value) }));
  }
  const out = await snapshotRows(db, snap.month, ws);
  for (const x of (await ledgerSums(db, snap.endDate, day, ws)).values()) addTo(out, x.w, x.s, x.qty, x.value);
  return [...out.values()];
}

/**
 * Goods on the road at the end of a day, per SKU (warehouse 0): what transfers between two
 * warehouses took out of their source on or before the day and had not brought in by then. The
 * company still owns them, so the valuation counts them where no warehouse holds them. Per
 * transfer it is the negated sum of its ledger rows dated up to the day: the departures (and their
 * re-costs) less what arrived by then, which nets to nothing once it arrived (an arrival comes in
 * at exactly the value that left); a cancelled transfer nets to nothing on the departure's own
 * day. Only transfers still in transit or received after the day are read.
 */
export async function inTransitAt(db: Db, day: string): Promise<PairSum[]> {
  const rows: Array<{ s: number; qty: string; value: string }> = await db.query(
    `SELECT l.sku_id AS s, l.qty, l.value FROM stock_ledger l JOIN stock_document d ON d.id = l.document_id
      WHERE l.document_type = 'transfer' AND l.business_date <= ? AND d.type = 'transfer'
        AND d.business_date <= ? AND d.to_warehouse_id <> d.warehouse_id
        AND (d.status = 'in_transit' OR (d.status = 'posted' AND d.received_at >= ?))`,
    [day, day, dateTimeParam(db, startOfBusinessDay(addDays(day, 1)))],
  );
  const out = new Map<string, PairSum>();
  for (const r of rows) addTo(out, 0, Number(r.s), D(r.qty).neg(), D(r.value).neg());
  return [...out.values()].filter((x) => !x.qty.isZero() || !x.value.isZero());
}

/** The same book by a full scan of the ledger (what the snapshots must agree with). */
export async function bookAtByScan(db: Db, day: string, ws: number[] | null): Promise<PairSum[]> {
  return [...(await ledgerSums(db, null, day, ws)).values()];
}

async function insertSnapshot(tx: EntityManager, month: string, rows: Iterable<PairSum>) {
  const list = [...rows].filter((r) => !r.qty.isZero() || !r.value.isZero());
  for (let i = 0; i < list.length; i += CHUNK) {
    const part = list.slice(i, i + CHUNK);
    await tx.query(
      `INSERT INTO stock_snapshot (month, warehouse_id, sku_id, qty, value) VALUES ${part.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      part.flatMap((r) => [month, r.w, r.s, r.qty.toFixed(6), r.value.toFixed(2)]),
    );
  }
}

/** Writes one month's snapshot for every warehouse × SKU: the base month's snapshot plus the rows since. */
async function writeMonth(tx: EntityManager, month: string, base: { month: string; endDate: string } | null) {
  const end = monthEnd(month);
  await tx.query('DELETE FROM stock_snapshot WHERE month = ?', [month]);
  if (exactDecimalSums(tx)) {
    // MySQL/MariaDB add DECIMALs exactly: one statement, nothing through the application
    await tx.query(
      `INSERT INTO stock_snapshot (month, warehouse_id, sku_id, qty, value)
       SELECT ?, w, s, SUM(qty), SUM(value) FROM (
         ${base ? 'SELECT warehouse_id AS w, sku_id AS s, qty, value FROM stock_snapshot WHERE month = ? UNION ALL' : ''}
         SELECT warehouse_id AS w, sku_id AS s, SUM(qty) AS qty, SUM(value) AS value FROM stock_ledger
          WHERE ${base ? 'business_date > ? AND ' : ''}business_date <= ? GROUP BY warehouse_id, sku_id
       ) x GROUP BY w, s HAVING SUM(qty) <> 0 OR SUM(value) <> 0`,
      [month, ...(base ? [base.month, base.endDate] : []), end],
    );
  } else {
    const rows = base ? await snapshotRows(tx, base.month, null) : new Map<string, PairSum>();
    for (const x of (await ledgerSums(tx, base?.endDate ?? null, end, null)).values())
      addTo(rows, x.w, x.s, x.qty, x.value);
    await insertSnapshot(tx, month, rows.values());
  }
  await tx.query('DELETE FROM stock_snapshot_month WHERE month = ?', [month]);
  await tx.query('INSERT INTO stock_snapshot_month (month, end_date, written_at) VALUES (?, ?, ?)', [
    month,
    end,
    dateTimeParam(tx, now()),
  ]);
}

/**
 * Writes the snapshot of every month that ends on or before `through` and has none yet (all of them
 * from scratch with `rebuild`), oldest first, each from the one before. Locks every cost head
 * first (in key order, as postings do), so a posting is either committed before or waits.
 * Returns the months written.
 */
export async function writeSnapshotsThrough(
  tx: EntityManager,
  through: string,
  opts: { rebuild?: boolean } = {},
): Promise<string[]> {
  await tx.query(`SELECT warehouse_id FROM stock_cost ORDER BY warehouse_id, sku_id${forUpdateClause(tx)}`);
  if (opts.rebuild) {
    await tx.query('DELETE FROM stock_snapshot');
    await tx.query('DELETE FROM stock_snapshot_month');
  }
  const [{ first }]: any[] = await tx.query('SELECT MIN(business_date) AS first FROM stock_ledger');
  if (!first) return [];
  const have = new Map((await snapshotMonths(tx)).map((m) => [m.month, m]));
  const written: string[] = [];
  let base: { month: string; endDate: string } | null = null;
  for (let m = monthOf(first); monthEnd(m) <= through; m = nextMonth(m)) {
    const had = have.get(m);
    if (had) {
      base = had;
      continue;
    }
    await writeMonth(tx, m, base);
    base = { month: m, endDate: monthEnd(m) };
    written.push(m);
  }
  return written;
}

/**
 * After a posting appended ledger rows: the warehouse × SKUs whose rows are dated on or before a
 * snapshot month's end get those months rebuilt from the snapshot before the earliest such row (or
 * from the first row) — in the posting's transaction, under its cost-head locks.
 */
export async function refreshSnapshots(
  tx: EntityManager,
  entries: Array<{ warehouseId?: number; skuId?: number; businessDate?: string }>,
): Promise<void> {
  const months = await snapshotMonths(tx);
  if (!months.length || !entries.length) return;
  const last = months[months.length - 1];
  const hit = entries.filter((e) => e.businessDate! <= last.endDate);
  if (!hit.length) return;
  const first = hit.map((e) => e.businessDate!).sort()[0];
  const pairs = [...new Map(hit.map((e) => [key(e.warehouseId!, e.skuId!), [e.warehouseId!, e.skuId!]])).values()]
    .map((p) => p as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const base = [...months].reverse().find((m) => m.endDate < first) ?? null;
  const affected = months.filter((m) => m.endDate >= first);
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const part = pairs.slice(i, i + CHUNK);
    const running = base ? await snapshotRows(tx, base.month, null, part) : new Map<string, PairSum>();
    // the rows since the base, month by month
    const byMonth = new Map<string, Map<string, PairSum>>();
    const rows: any[] = await tx.query(
      `SELECT warehouse_id AS w, sku_id AS s, business_date AS d, qty, value FROM stock_ledger WHERE ${base ? 'business_date > ? AND ' : ''}business_date <= ? AND ${pairWhere(part)}`,
      [...(base ? [base.endDate] : []), last.endDate, ...part.flat()],
    );
    for (const r of rows) {
      const m = monthOf(r.d);
      const mm = byMonth.get(m) ?? new Map<string, PairSum>();
      addTo(mm, Number(r.w), Number(r.s), r.qty, r.value);
      byMonth.set(m, mm);
    }
    await tx.query(
      `DELETE FROM stock_snapshot WHERE month IN (${affected.map(() => '?').join(',')}) AND ${pairWhere(part)}`,
      [...affected.map((m) => m.month), ...part.flat()],
    );
    let m = base ? nextMonth(base.month) : [...byMonth.keys(), affected[0].month].sort()[0];
    for (const target of affected) {
      for (; m <= target.month; m = nextMonth(m))
        for (const x of byMonth.get(m)?.values() ?? []) addTo(running, x.w, x.s, x.qty, x.value);
      await insertSnapshot(
        tx,
        target.month,
        [...running.values()].map((x) => ({ ...x })),
      );
    }
  }
}

/** Every snapshot row against a full scan of the ledger up to its month's end (the ledger check's part). */
export async function checkSnapshots(db: Db): Promise<string[]> {
  const months = await snapshotMonths(db);
  if (!months.length) return [];
  const last = months[months.length - 1];
  // Σ per warehouse × SKU × month once, then running totals
  const perMonth: Array<{ w: number; s: number; m: string; qty: Decimal; value: Decimal }> = [];
  if (exactDecimalSums(db)) {
    const rows: any[] = await db.query(
      `SELECT warehouse_id AS w, sku_id AS s, SUBSTR(business_date, 1, 7) AS m, SUM(qty) AS qty, SUM(value) AS value FROM stock_ledger WHERE business_date <= ? GROUP BY warehouse_id, sku_id, SUBSTR(business_date, 1, 7)`,
      [last.endDate],
    );
    for (const r of rows) perMonth.push({ w: Number(r.w), s: Number(r.s), m: r.m, qty: D(r.qty), value: D(r.value) });
  } else {
    const rows: any[] = await db.query(
      'SELECT warehouse_id AS w, sku_id AS s, business_date AS d, qty, value FROM stock_ledger WHERE business_date <= ?',
      [last.endDate],
    );
    for (const r of rows)
      perMonth.push({ w: Number(r.w), s: Number(r.s), m: monthOf(r.d), qty: D(r.qty), value: D(r.value) });
  }
  perMonth.sort((a, b) => a.m.localeCompare(b.m));
  const problems: string[] = [];
  const running = new Map<string, PairSum>();
  let i = 0;
  for (const month of months) {
    for (; i < perMonth.length && perMonth[i].m <= month.month; i++) {
      const x = perMonth[i];
      addTo(running, x.w, x.s, x.qty, x.value);
    }
    const snap = await snapshotRows(db, month.month, null);
    for (const [k, want] of running) {
      const got = snap.get(k);
      const zero = want.qty.isZero() && want.value.isZero();
      if (!got ? !zero : !got.qty.eq(want.qty) || !got.value.eq(want.value))
        problems.push(
          `snapshot ${month.month} warehouse ${want.w} SKU ${want.s}: ${got ? `${got.qty.toFixed()} / ${got.value.toFixed(2)}` : 'no row'}, ledger ${want.qty.toFixed()} / ${want.value.toFixed(2)}`,
        );
    }
    for (const [k, got] of snap)
      if (!running.has(k))
        problems.push(
          `snapshot ${month.month} warehouse ${got.w} SKU ${got.s}: ${got.qty.toFixed()} / ${got.value.toFixed(2)}, no ledger rows`,
        );
  }
  return problems;
}

/**
 * What each SKU of some warehouses did in a month, for allocating the warehouse's fees: the
 * quantity on hand the day before (from the snapshot), the net quantity moved per day, and the
 * ledger lines moved (in or out rows of a document line; value corrections move nothing).
 */
export async function monthUsage(
  db: Db,
  warehouseIds: number[],
  month: string,
): Promise<
  Array<{ w: number; s: number; opening: Decimal; moves: Array<{ day: number; qty: Decimal }>; lines: number }>
> {
  if (!warehouseIds.length) return [];
  const start = `${month}-01`;
  const end = monthEnd(month);
  const before = new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const out = new Map<
    string,
    { w: number; s: number; opening: Decimal; days: Map<number, Decimal>; lines: Set<string> }
  >();
  const entry = (w: number, s: number) => {
    const k = key(w, s);
    let e = out.get(k);
    if (!e) out.set(k, (e = { w, s, opening: D(0), days: new Map(), lines: new Set() }));
    return e;
  };
  for (const x of await bookAt(db, before, warehouseIds)) if (!x.qty.isZero()) entry(x.w, x.s).opening = x.qty;
  const rows: any[] = await db.query(
    `SELECT warehouse_id AS w, sku_id AS s, business_date AS d, document_type AS t, document_id AS doc, document_line_id AS line, qty FROM stock_ledger
     WHERE business_date >= ? AND business_date <= ? AND kind <> 'recost'${inList('warehouse_id', warehouseIds)}`,
    [start, end, ...warehouseIds],
  );
  for (const r of rows) {
    const e = entry(Number(r.w), Number(r.s));
    const day = Number(String(r.d).slice(8, 10));
    e.days.set(day, (e.days.get(day) ?? D(0)).plus(r.qty));
    e.lines.add(`${r.t}:${r.doc}:${r.line}`);
  }
  return [...out.values()]
    .sort((a, b) => a.w - b.w || a.s - b.s)
    .map((e) => ({
      w: e.w,
      s: e.s,
      opening: e.opening,
      moves: [...e.days].map(([day, qty]) => ({ day, qty })),
      lines: e.lines.size,
    }));
}
