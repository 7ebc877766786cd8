import { Decimal } from 'decimal.js';
import { In, type EntityManager } from 'typeorm';
import { Customer, SalesStore } from './customer.entity';
import { SalesOrder, SalesOrderLine } from './sales-order.entity';
import { SalesShipment, SalesShipmentLine } from './sales-shipment.entity';

/* What other modules read of the sales tables (the sales module owns them). */

/** A store and its channel, or null. */
export async function findStore(
  em: EntityManager,
  id: number,
): Promise<{ id: number; channelId: number; code: string; name: string; active: boolean } | null> {
  const s = await em.findOne(SalesStore, { where: { id: id || -1 } });
  return s ? { id: s.id, channelId: s.channelId, code: s.code, name: s.name, active: s.active } : null;
}

/** A customer's id, code and name, or null. */
export async function findCustomer(
  em: EntityManager,
  id: number,
): Promise<{ id: number; code: string; name: string } | null> {
  const c = await em.findOne(Customer, { where: { id: id || -1 } });
  return c ? { id: c.id, code: c.code, name: c.name } : null;
}

/**
 * What a warehouse (a 3PL's) needs to ship an order: where it goes and each line's open quantity
 * (ordered less shipped), in line order; null when there is no such order. No price.
 */
export async function orderToShip(
  em: EntityManager,
  id: number,
): Promise<{
  id: number;
  number: string;
  status: string;
  warehouseId: number;
  customerId: number;
  shipTo: string;
  lines: Array<{ id: number; skuId: number; open: string }>;
} | null> {
  const o = await em.findOne(SalesOrder, { where: { id: id || -1 } });
  if (!o) return null;
  const lines = await em.find(SalesOrderLine, { where: { orderId: o.id }, order: { lineNo: 'ASC' } });
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    warehouseId: o.warehouseId,
    customerId: o.customerId,
    shipTo: o.shipTo ?? '',
    lines: lines.map((l) => ({ id: l.id, skuId: l.skuId, open: new Decimal(l.qty).minus(l.shippedQty).toFixed() })),
  };
}

/** The shipment lines of an order, oldest first, with what is left to return of each (a platform refund finds its units here). */
export async function shipmentLinesOfOrder(
  em: EntityManager,
  orderId: number,
): Promise<Array<{ shipmentId: number; shipmentLineId: number; skuId: number; qty: string; returnedQty: string }>> {
  const shipments = await em.find(SalesShipment, { where: { orderId: orderId || -1 }, order: { id: 'ASC' } });
  if (!shipments.length) return [];
  const lines = await em.find(SalesShipmentLine, {
    where: { shipmentId: In(shipments.map((s) => s.id)) },
    order: { shipmentId: 'ASC', lineNo: 'ASC' },
  });
  return lines.map((l) => ({
    shipmentId: l.shipmentId,
    shipmentLineId: l.id,
    skuId: l.skuId,
    qty: l.qty,
    returnedQty: l.returnedQty,
  }));
}

/** Customers whose birthday ('YYYY-MM-DD' or 'MM-DD') falls in this month (1–12), by id: the birthday offers. */
export async function customersBornIn(
  em: EntityManager,
  month: number,
): Promise<
  Array<{
    id: number;
    name: string;
    phone: string;
    email: string;
    ownerId: number | null;
    preferredChannel: string | null;
  }>
> {
  const mm = String(month).padStart(2, '0');
  const rows = await em
    .getRepository(Customer)
    .createQueryBuilder('c')
    .where('c.birthday LIKE :a OR c.birthday LIKE :b', { a: `____-${mm}-__`, b: `${mm}-__` })
    .orderBy('c.id')
    .getMany();
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    phone: c.phone ?? '',
    email: c.email ?? '',
    ownerId: c.ownerId,
    preferredChannel: c.preferredChannel,
  }));
}
