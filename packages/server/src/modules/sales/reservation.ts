import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../core/errors';
import { StockCost } from '../stock';
import { isSqlite as sqlite } from '../../core/sql';

async function head(
  tx: EntityManager,
  warehouseId: number,
  skuId: number,
): Promise<{ qty: Decimal; reserved: Decimal } | null> {
  const [row] = await tx.query('SELECT qty, reserved FROM stock_cost WHERE warehouse_id = ? AND sku_id = ?', [
    warehouseId,
    skuId,
  ]);
  return row ? { qty: new Decimal(row.qty), reserved: new Decimal(row.reserved) } : null;
}

function refuse(warehouseId: number, skuId: number, available: Decimal, qty: string): never {
  throw new DomainError(
    ErrorCode.INSUFFICIENT_AVAILABLE,
    `Only ${available.toFixed()} available (on hand − reserved); ${new Decimal(qty).toFixed()} cannot be reserved.`,
    { warehouseId, skuId, available: available.toFixed(), requested: new Decimal(qty).toFixed() },
  );
}

/**
 * Stock reserved for confirmed sales orders, per warehouse × SKU on the cost head (stock_cost.reserved).
 * On MySQL one guarded UPDATE: it only succeeds while on hand − reserved still covers the quantity,
 * so two salespeople confirming for the last units at once cannot both get them. SQLite runs one
 * writer at a time and keeps decimals as text: there the sum is done exactly in TypeScript.
 */
export async function reserve(tx: EntityManager, warehouseId: number, skuId: number, qty: string): Promise<void> {
  const q = new Decimal(qty);
  if (sqlite(tx)) {
    const h = await head(tx, warehouseId, skuId);
    const available = h ? h.qty.minus(h.reserved) : new Decimal(0);
    if (!h || available.lt(q)) refuse(warehouseId, skuId, available, qty);
    await tx.query('UPDATE stock_cost SET reserved = ? WHERE warehouse_id = ? AND sku_id = ?', [
      h.reserved.plus(q).toFixed(6),
      warehouseId,
      skuId,
    ]);
    return;
  }
  const res = await tx
    .createQueryBuilder()
    .update(StockCost)
    .set({ reserved: () => 'reserved + CAST(:q AS DECIMAL(18,6))' })
    // CAST: a bound string would be added as a double
    .where('warehouse_id = :w AND sku_id = :s AND qty - reserved >= CAST(:q AS DECIMAL(18,6))', {
      w: warehouseId,
      s: skuId,
      q: q.toFixed(6),
    })
    .execute();
  if ((res.affected ?? 0) === 1) return;
  const h = await head(tx, warehouseId, skuId);
  refuse(warehouseId, skuId, h ? h.qty.minus(h.reserved) : new Decimal(0), qty);
}

/** Gives a reservation back (cancelled order, or shipped: the stock itself left). Never below zero. */
export async function release(tx: EntityManager, warehouseId: number, skuId: number, qty: string): Promise<void> {
  const q = new Decimal(qty);
  if (sqlite(tx)) {
    const h = await head(tx, warehouseId, skuId);
    if (h)
      await tx.query('UPDATE stock_cost SET reserved = ? WHERE warehouse_id = ? AND sku_id = ?', [
        Decimal.max(h.reserved.minus(q), 0).toFixed(6),
        warehouseId,
        skuId,
      ]);
    return;
  }
  await tx
    .createQueryBuilder()
    .update(StockCost)
    .set({
      reserved: () =>
        'CASE WHEN reserved >= CAST(:q AS DECIMAL(18,6)) THEN reserved - CAST(:q AS DECIMAL(18,6)) ELSE 0 END',
    })
    .where('warehouse_id = :w AND sku_id = :s', { w: warehouseId, s: skuId, q: q.toFixed(6) })
    .execute();
}
