import { Decimal } from 'decimal.js';
import type { DataSource, EntityManager } from 'typeorm';
import { headKey } from './posting.types';

/** Stock of a warehouse × SKU that is not for sale on a day. */
export interface Unsellable {
  /** in batches whose expiry date is before the day, wherever they lie (quarantine bins too) */
  expired: Decimal;
  /** in quarantine bins, not expired (so expired + quarantined counts every unit once) */
  quarantined: Decimal;
}

/**
 * What of the stock of each warehouse × SKU (key `warehouse:sku`) may not be sold on `day`:
 * expired batches and quarantine bins. Reservations, availability and the stock levels take it
 * off what is available; picking for a sale leaves the same units out. Read under the cost-head
 * lock when it decides a reservation (postings change balances only under that lock).
 */
export async function unsellableStock(
  db: DataSource | EntityManager,
  pairs: Array<[warehouseId: number, skuId: number]>,
  day: string,
): Promise<Map<string, Unsellable>> {
  if (!pairs.length) return new Map();
  // one IN list per warehouse: a page of 10,000 SKUs is one range per warehouse, not 10,000 ORs
  const byWarehouse = new Map<number, number[]>();
  for (const [w, s] of pairs) {
    const list = byWarehouse.get(w);
    if (list) list.push(s);
    else byWarehouse.set(w, [s]);
  }
  const groups = [...byWarehouse];
  const rows: Array<{ warehouse_id: number; sku_id: number; qty: string; expiry_date: string | null }> = await db.query(
    `SELECT b.warehouse_id, b.sku_id, b.qty, t.expiry_date FROM stock_balance b
         LEFT JOIN batch t ON t.id = b.batch_id LEFT JOIN bin bn ON bn.id = b.bin_id
        WHERE ((t.expiry_date IS NOT NULL AND t.expiry_date < ?) OR bn.quarantine = 1)
          AND (${groups.map(([, skus]) => `(b.warehouse_id = ? AND b.sku_id IN (${skus.map(() => '?').join(',')}))`).join(' OR ')})`,
    [day, ...groups.flatMap(([w, skus]) => [w, ...skus])],
  );
  return collect(rows, day);
}

/** `unsellableStock` of every SKU of one warehouse: one range of its balances, no IN list (a whole warehouse's "needs ordering"). */
export async function unsellableInWarehouse(
  db: DataSource | EntityManager,
  warehouseId: number,
  day: string,
): Promise<Map<string, Unsellable>> {
  const rows: Array<{ warehouse_id: number; sku_id: number; qty: string; expiry_date: string | null }> = await db.query(
    `SELECT b.warehouse_id, b.sku_id, b.qty, t.expiry_date FROM stock_balance b
         LEFT JOIN batch t ON t.id = b.batch_id LEFT JOIN bin bn ON bn.id = b.bin_id
        WHERE ((t.expiry_date IS NOT NULL AND t.expiry_date < ?) OR bn.quarantine = 1) AND b.warehouse_id = ?`,
    [day, warehouseId],
  );
  return collect(rows, day);
}

function collect(
  rows: Array<{ warehouse_id: number; sku_id: number; qty: string; expiry_date: string | null }>,
  day: string,
): Map<string, Unsellable> {
  const out = new Map<string, Unsellable>();
  for (const r of rows) {
    const q = new Decimal(r.qty);
    if (!q.gt(0)) continue;
    const k = headKey(Number(r.warehouse_id), Number(r.sku_id));
    const u = out.get(k) ?? { expired: new Decimal(0), quarantined: new Decimal(0) };
    if (r.expiry_date && r.expiry_date < day) u.expired = u.expired.plus(q);
    else u.quarantined = u.quarantined.plus(q);
    out.set(k, u);
  }
  return out;
}

/** expired + quarantined of a warehouse × SKU (0 when nothing is blocked). */
export const blockedOf = (m: Map<string, Unsellable>, warehouseId: number, skuId: number): Decimal => {
  const u = m.get(headKey(warehouseId, skuId));
  return u ? u.expired.plus(u.quarantined) : new Decimal(0);
};
