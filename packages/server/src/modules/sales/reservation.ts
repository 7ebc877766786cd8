import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../core/errors';
import { StockCost } from '../stock/ledger.entity';

/**
 * Stock reserved for confirmed sales orders, per warehouse × SKU on the cost head (stock_cost.reserved).
 * One guarded UPDATE: it only succeeds while on hand − reserved still covers the quantity, so two
 * salespeople confirming for the last units at once cannot both get them.
 */
export async function reserve(tx: EntityManager, warehouseId: number, skuId: number, qty: string): Promise<void> {
  const q = new Decimal(qty).toFixed(6);
  // CAST: SQLite would compare a bound text parameter as text, never as a number
  const res = await tx.createQueryBuilder().update(StockCost)
    .set({ reserved: () => 'reserved + CAST(:q AS DECIMAL(18,6))' })
    .where('warehouse_id = :w AND sku_id = :s AND qty - reserved >= CAST(:q AS DECIMAL(18,6))', { w: warehouseId, s: skuId, q })
    .execute();
  const affected = res.affected ?? 0;
  if (affected === 1) return;
  const [row] = await tx.query('SELECT qty, reserved FROM stock_cost WHERE warehouse_id = ? AND sku_id = ?', [warehouseId, skuId]);
  const available = row ? new Decimal(row.qty).minus(row.reserved) : new Decimal(0);
  throw new DomainError(ErrorCode.INSUFFICIENT_AVAILABLE, `Only ${available.toFixed()} available (on hand − reserved); ${new Decimal(qty).toFixed()} cannot be reserved.`, { warehouseId, skuId, available: available.toFixed(), requested: new Decimal(qty).toFixed() });
}

/** Gives a reservation back (cancelled order, or shipped: the stock itself left). Never below zero. */
export async function release(tx: EntityManager, warehouseId: number, skuId: number, qty: string): Promise<void> {
  const q = new Decimal(qty).toFixed(6);
  await tx.createQueryBuilder().update(StockCost)
    .set({ reserved: () => 'CASE WHEN reserved >= CAST(:q AS DECIMAL(18,6)) THEN reserved - CAST(:q AS DECIMAL(18,6)) ELSE 0 END' })
    .where('warehouse_id = :w AND sku_id = :s', { w: warehouseId, s: skuId, q })
    .execute();
}
