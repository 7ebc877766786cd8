import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { today } from '../../core/dates';
import { DomainError, ErrorCode } from '../../core/errors';
import { forUpdateClause } from '../../core/sql';
import { unitCost } from '../../domain/costing';
import { StockCost } from './ledger.entity';
import { unsellableStock } from './unsellable';

/** Hears, in the transaction, that a warehouse × SKU's reservation changed (available stock moved without a posting). */
export type ReservationObserver = (tx: EntityManager, warehouseId: number, skuId: number) => Promise<void>;
const reservationObservers = new WeakMap<DataSource, ReservationObserver[]>();

/** Registers an observer of reservations on this database (the online stores push available stock on them). */
export function onReservationChanged(ds: DataSource, observer: ReservationObserver): void {
  reservationObservers.set(ds, [...(reservationObservers.get(ds) ?? []), observer]);
}

async function reservationChanged(tx: EntityManager, warehouseId: number, skuId: number): Promise<void> {
  for (const o of reservationObservers.get(tx.connection) ?? []) await o(tx, warehouseId, skuId);
}

/** The cost head, locked on MySQL: reservations and postings of this warehouse × SKU wait for each other. */
async function lockedHead(
  tx: EntityManager,
  warehouseId: number,
  skuId: number,
): Promise<{ qty: Decimal; reserved: Decimal } | null> {
  const [row] = await tx.query(
    `SELECT qty, reserved FROM stock_cost WHERE warehouse_id = ? AND sku_id = ?${forUpdateClause(tx)}`,
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
 * On hand, reserved, expired, quarantined and available per SKU in a warehouse (the cost heads, and
 * the unsellable stock today): available is what a confirmation may reserve. A SKU never received
 * there has all zero.
 */
export async function stockAvailability(em: EntityManager, warehouseId: number, skuIds: number[]) {
  const heads = skuIds.length ? await em.find(StockCost, { where: { warehouseId, skuId: In(skuIds) } }) : [];
  const blocked = await unsellableStock(
    em,
    skuIds.map((s) => [warehouseId, s]),
    today(),
  );
  return skuIds.map((skuId) => {
    const h = heads.find((x) => x.skuId === skuId);
    const onHand = new Decimal(h?.qty ?? 0);
    const reserved = new Decimal(h?.reserved ?? 0);
    const u = blocked.get(`${warehouseId}:${skuId}`);
    const expired = u?.expired ?? new Decimal(0);
    const quarantined = u?.quarantined ?? new Decimal(0);
    return {
      skuId,
      onHand: onHand.toFixed(),
      reserved: reserved.toFixed(),
      expired: expired.toFixed(),
      quarantined: quarantined.toFixed(),
      available: onHand.minus(reserved).minus(expired).minus(quarantined).toFixed(),
    };
  });
}

/** The current unit cost of a warehouse × SKU (domain/costing `unitCost` of its head); null with nothing on hand. */
export async function currentUnitCost(em: EntityManager, warehouseId: number, skuId: number): Promise<string | null> {
  const head = await em.findOneBy(StockCost, { warehouseId, skuId });
  return head ? unitCost(head.qty, head.value) : null;
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
export async function reserveStock(tx: EntityManager, warehouseId: number, skuId: number, qty: string): Promise<void> {
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
  await reservationChanged(tx, warehouseId, skuId);
}

/** Gives a reservation back (cancelled order, or shipped: the stock itself left). Never below zero. */
export async function releaseStock(tx: EntityManager, warehouseId: number, skuId: number, qty: string): Promise<void> {
  const q = new Decimal(qty);
  const h = await lockedHead(tx, warehouseId, skuId);
  if (h) {
    await tx.query('UPDATE stock_cost SET reserved = ? WHERE warehouse_id = ? AND sku_id = ?', [
      Decimal.max(h.reserved.minus(q), 0).toFixed(6),
      warehouseId,
      skuId,
    ]);
    await reservationChanged(tx, warehouseId, skuId);
  }
}
