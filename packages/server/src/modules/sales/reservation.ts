import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { today } from '../../core/dates';
import { DomainError, ErrorCode } from '../../core/errors';
import { isSqlite as sqlite } from '../../core/sql';
import { unsellableStock } from '../stock';

/** The cost head, locked on MySQL: reservations and postings of this warehouse × SKU wait for each other. */
async function lockedHead(
  tx: EntityManager,
  warehouseId: number,
  skuId: number,
): Promise<{ qty: Decimal; reserved: Decimal } | null> {
  const [row] = await tx.query(
    `SELECT qty, reserved FROM stock_cost WHERE warehouse_id = ? AND sku_id = ?${sqlite(tx) ? '' : ' FOR UPDATE'}`,
    [warehouseId, skuId],
  );
  return row ? { qty: new Decimal(row.qty), reserved: new Decimal(row.reserved) } : null;
}

function refuse(
  warehouseId: number,
  skuId: number,
  available: Decimal,
  qty: string,
  blocked: { expired: Decimal; quarantined: Decimal },
): never {
  const notForSale = blocked.expired.plus(blocked.quarantined);
  throw new DomainError(
    ErrorCode.INSUFFICIENT_AVAILABLE,
    `Only ${available.toFixed()} available (on hand − reserved${notForSale.gt(0) ? ` − ${blocked.expired.toFixed()} expired − ${blocked.quarantined.toFixed()} quarantined` : ''}); ${new Decimal(qty).toFixed()} cannot be reserved.`,
    {
      warehouseId,
      skuId,
      available: available.toFixed(),
      requested: new Decimal(qty).toFixed(),
      ...(notForSale.gt(0) ? { expired: blocked.expired.toFixed(), quarantined: blocked.quarantined.toFixed() } : {}),
    },
  );
}

/**
 * Stock reserved for confirmed sales orders, per warehouse × SKU on the cost head (stock_cost.reserved).
 * Only what may be sold can be reserved: on hand − reserved − expired batches − quarantine bins
 * (stock module `unsellableStock`, today in the company's time zone). The head's row is locked
 * first (FOR UPDATE on MySQL; SQLite runs one writer at a time), so two salespeople confirming for
 * the last units at once cannot both get them, and the balances read for the expired and
 * quarantined units cannot change meanwhile (postings move them only under the same lock).
 * The sum is done exactly in TypeScript.
 */
export async function reserve(tx: EntityManager, warehouseId: number, skuId: number, qty: string): Promise<void> {
  const q = new Decimal(qty);
  const h = await lockedHead(tx, warehouseId, skuId);
  const u = (await unsellableStock(tx, [[warehouseId, skuId]], today())).get(`${warehouseId}:${skuId}`) ?? {
    expired: new Decimal(0),
    quarantined: new Decimal(0),
  };
  const available = h ? h.qty.minus(h.reserved).minus(u.expired).minus(u.quarantined) : new Decimal(0);
  if (!h || available.lt(q)) refuse(warehouseId, skuId, Decimal.max(available, 0), qty, u);
  await tx.query('UPDATE stock_cost SET reserved = ? WHERE warehouse_id = ? AND sku_id = ?', [
    h.reserved.plus(q).toFixed(6),
    warehouseId,
    skuId,
  ]);
}

/** Gives a reservation back (cancelled order, or shipped: the stock itself left). Never below zero. */
export async function release(tx: EntityManager, warehouseId: number, skuId: number, qty: string): Promise<void> {
  const q = new Decimal(qty);
  const h = await lockedHead(tx, warehouseId, skuId);
  if (h)
    await tx.query('UPDATE stock_cost SET reserved = ? WHERE warehouse_id = ? AND sku_id = ?', [
      Decimal.max(h.reserved.minus(q), 0).toFixed(6),
      warehouseId,
      skuId,
    ]);
}
