import { Decimal } from 'decimal.js';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../core/db';
import { exactDecimalSums, onDuplicateMerge, onDuplicateUpdate } from '../../core/sql';
import type { WriteBatch } from '../../core/write-batch';
import type { MovedQty, PostingObserver } from '../stock';

/**
 * The replenishment's demand history, kept as postings happen: `replenishment_demand` (demand per
 * warehouse × SKU × business day) and `replenishment_span` (the first and last day a SKU moved in a
 * warehouse). Demand is what posted sales shipments and other issues marked as demand took out,
 * net of their cancellations (which reverse on their own days); value corrections are not moves.
 */
const D = (x: Decimal.Value) => new Decimal(x);
const CHUNK = 500;

const isDemand = (doc: { type: string; countsAsDemand?: boolean }) =>
  doc.type === 'sales_shipment' || (doc.type === 'other_out' && !!doc.countsAsDemand);

/** The posting observer: in the posting's transaction, under its cost-head locks (so rows of one warehouse × SKU never race). */
export const recordDemand: PostingObserver = async (tx, doc, _changes, moves, writes) => {
  if (!moves.length) return;
  const demand = isDemand(doc);
  await writeSpans(tx, moves, writes, demand);
  if (demand) await addDemand(tx, moves, writes);
};

/** The spans of the moved SKUs; `demand`: the posting changes their demand rows, so their demand version goes up by one. */
async function writeSpans(tx: EntityManager, moves: MovedQty[], writes: WriteBatch, demand: boolean) {
  const spans = new Map<string, [number, number, string, string]>();
  for (const m of moves) {
    const k = `${m.warehouseId}:${m.skuId}`;
    const s = spans.get(k);
    if (!s) spans.set(k, [m.warehouseId, m.skuId, m.businessDate, m.businessDate]);
    else {
      if (m.businessDate < s[2]) s[2] = m.businessDate;
      if (m.businessDate > s[3]) s[3] = m.businessDate;
    }
  }
  const rows = [...spans.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // the version in the same statement: no round trip more for the posting
  const sql = `INSERT INTO replenishment_span (warehouse_id, sku_id, first_day, last_day, demand_version) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}
     ${onDuplicateMerge(tx, ['warehouse_id', 'sku_id'], { first_day: 'min', last_day: 'max', demand_version: 'sum' })}`;
  await writes.add(
    sql,
    rows.flatMap((r) => [...r, demand ? 1 : 0]),
  );
}

async function addDemand(tx: EntityManager, moves: MovedQty[], writes: WriteBatch) {
  const days = new Map<string, { w: number; s: number; day: string; qty: Decimal }>();
  for (const m of moves) {
    const k = `${m.warehouseId}:${m.skuId}:${m.businessDate}`;
    const d = days.get(k) ?? { w: m.warehouseId, s: m.skuId, day: m.businessDate, qty: D(0) };
    d.qty = d.qty.minus(m.qty); // an issue (negative) is positive demand; its reversal takes it back
    days.set(k, d);
  }
  const rows = [...days.values()].sort((a, b) => a.w - b.w || a.s - b.s || (a.day < b.day ? -1 : 1));
  if (!exactDecimalSums(tx)) {
    // decimals are text here: add them exactly in TypeScript (one writer at a time, nothing races)
    for (const r of rows) {
      const [old] = await tx.query(
        'SELECT qty FROM replenishment_demand WHERE warehouse_id = ? AND sku_id = ? AND day = ?',
        [r.w, r.s, r.day],
      );
      if (old) r.qty = r.qty.plus(old.qty);
    }
  }
  const merge = exactDecimalSums(tx)
    ? onDuplicateMerge(tx, ['warehouse_id', 'sku_id', 'day'], { qty: 'sum' })
    : onDuplicateUpdate(tx, ['warehouse_id', 'sku_id', 'day'], ['qty']);
  const sql = `INSERT INTO replenishment_demand (warehouse_id, sku_id, day, qty) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')} ${merge}`;
  const params = rows.flatMap((r) => [r.w, r.s, r.day, r.qty.toFixed(6)]);
  await writes.add(sql, params);
}

/** The demand a posting-less replay of the ledger gives: the rows the tables must hold. */
async function fromLedger(db: DataSource | EntityManager) {
  const spans: Array<{ warehouse_id: number; sku_id: number; first_day: string; last_day: string }> = await db.query(
    `SELECT warehouse_id, sku_id, MIN(business_date) AS first_day, MAX(business_date) AS last_day FROM stock_ledger
      WHERE kind <> 'recost' GROUP BY warehouse_id, sku_id ORDER BY warehouse_id, sku_id`,
  );
  const rows: Array<{ warehouse_id: number; sku_id: number; business_date: string; qty: string }> = await db.query(
    `SELECT l.warehouse_id, l.sku_id, l.business_date, l.qty FROM stock_ledger l
      WHERE l.kind <> 'recost' AND (l.document_type = 'sales_shipment'
        OR (l.document_type = 'other_out' AND l.document_id IN (SELECT d.id FROM stock_document d WHERE d.counts_as_demand = ?)))`,
    [true],
  );
  const demand = new Map<string, { w: number; s: number; day: string; qty: Decimal }>();
  for (const r of rows) {
    const day = String(r.business_date).slice(0, 10);
    const k = `${r.warehouse_id}:${r.sku_id}:${day}`;
    const d = demand.get(k) ?? { w: Number(r.warehouse_id), s: Number(r.sku_id), day, qty: D(0) };
    d.qty = d.qty.minus(r.qty);
    demand.set(k, d);
  }
  return { spans, demand: [...demand.values()] };
}

/**
 * Rebuilds both tables from the ledger (the migration that made them, and `pnpm jxc rebuild-demand`
 * after a restore): in one transaction, so suggestions never see half of it.
 */
export async function rebuildDemand(ds: DataSource): Promise<{ days: number; spans: number }> {
  return inTransaction(ds, async (tx) => {
    const { spans, demand } = await fromLedger(tx);
    // every span gets a demand version above any it had: no suggestion kept before the rebuild matches
    const [{ v }] = await tx.query('SELECT COALESCE(MAX(demand_version), 0) + 1 AS v FROM replenishment_span');
    await tx.query('DELETE FROM replenishment_demand');
    await tx.query('DELETE FROM replenishment_span');
    for (let i = 0; i < spans.length; i += CHUNK) {
      const part = spans.slice(i, i + CHUNK);
      await tx.query(
        `INSERT INTO replenishment_span (warehouse_id, sku_id, first_day, last_day, demand_version) VALUES ${part.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        part.flatMap((r) => [
          r.warehouse_id,
          r.sku_id,
          String(r.first_day).slice(0, 10),
          String(r.last_day).slice(0, 10),
          Number(v),
        ]),
      );
    }
    for (let i = 0; i < demand.length; i += CHUNK) {
      const part = demand.slice(i, i + CHUNK);
      await tx.query(
        `INSERT INTO replenishment_demand (warehouse_id, sku_id, day, qty) VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')}`,
        part.flatMap((r) => [r.w, r.s, r.day, r.qty.toFixed(6)]),
      );
    }
    return { days: demand.length, spans: spans.length };
  });
}

/** Differences between the tables and the ledger (empty: they agree); for tests and checks. */
export async function checkDemand(ds: DataSource): Promise<string[]> {
  const { spans, demand } = await fromLedger(ds);
  const out: string[] = [];
  const haveSpans: any[] = await ds.query('SELECT warehouse_id, sku_id, first_day, last_day FROM replenishment_span');
  const key = (w: unknown, s: unknown) => `${Number(w)}:${Number(s)}`;
  const want = new Map(spans.map((r) => [key(r.warehouse_id, r.sku_id), `${r.first_day}…${r.last_day}`]));
  const have = new Map(haveSpans.map((r) => [key(r.warehouse_id, r.sku_id), `${r.first_day}…${r.last_day}`]));
  for (const k of new Set([...want.keys(), ...have.keys()]))
    if (want.get(k) !== have.get(k)) out.push(`span ${k}: ledger ${want.get(k)}, table ${have.get(k)}`);
  const haveDays: any[] = await ds.query('SELECT warehouse_id, sku_id, day, qty FROM replenishment_demand');
  const wantD = new Map(demand.map((d) => [`${d.w}:${d.s}:${d.day}`, d.qty]));
  const haveD = new Map(haveDays.map((r) => [`${Number(r.warehouse_id)}:${Number(r.sku_id)}:${r.day}`, D(r.qty)]));
  for (const k of new Set([...wantD.keys(), ...haveD.keys()]))
    if (!(wantD.get(k) ?? D(0)).eq(haveD.get(k) ?? D(0)))
      out.push(`demand ${k}: ledger ${wantD.get(k)?.toFixed() ?? 0}, table ${haveD.get(k)?.toFixed() ?? 0}`);
  return out;
}
