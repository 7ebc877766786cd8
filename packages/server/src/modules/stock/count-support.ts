import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { forUpdateClause, rowLocking } from '../../core/sql';

/** What the book says is in one place: warehouse × bin (0 = no bin) × SKU × batch (0 = none). */
export interface BookBalance {
  binId: number;
  skuId: number;
  batchId: number;
  qty: string;
}

/**
 * The balances of a warehouse (optionally only some bins or SKUs), for a stocktake's snapshot.
 * With `lock`, the cost heads of the warehouse are locked first, in the posting engine's key
 * order: a posting in flight finishes before the snapshot is read, and one that starts after it
 * waits for the count to exist (and is then refused by the count's guard where it freezes).
 */
export async function bookBalances(
  tx: EntityManager,
  warehouseId: number,
  opts: { binIds?: number[]; skuIds?: number[]; lock?: boolean; nonZero?: boolean } = {},
): Promise<BookBalance[]> {
  if (opts.lock && rowLocking(tx))
    await tx.query(
      `SELECT sku_id FROM stock_cost WHERE warehouse_id = ? ORDER BY warehouse_id, sku_id${forUpdateClause(tx)}`,
      [warehouseId],
    );
  const where = ['warehouse_id = ?'];
  const params: unknown[] = [warehouseId];
  if (opts.binIds) {
    if (!opts.binIds.length) return [];
    where.push(`bin_id IN (${opts.binIds.map(() => '?').join(',')})`);
    params.push(...opts.binIds);
  }
  if (opts.skuIds) {
    if (!opts.skuIds.length) return [];
    where.push(`sku_id IN (${opts.skuIds.map(() => '?').join(',')})`);
    params.push(...opts.skuIds);
  }
  const rows: Array<{ bin_id: number; sku_id: number; batch_id: number; qty: string }> = await tx.query(
    `SELECT bin_id, sku_id, batch_id, qty FROM stock_balance WHERE ${where.join(' AND ')} ORDER BY bin_id, sku_id, batch_id`,
    params,
  );
  return rows
    .map((r) => ({
      binId: Number(r.bin_id),
      skuId: Number(r.sku_id),
      batchId: Number(r.batch_id),
      qty: new Decimal(r.qty).toFixed(6),
    }))
    .filter((b) => opts.nonZero === false || !new Decimal(b.qty).isZero());
}
