import { Decimal } from 'decimal.js';
import { addDays, today } from '../core/dates';
import { DomainError } from '../core/errors';
import { Customer, SalesStore } from '../modules/sales/customer.entity';
import { ReturnDisposition, ReturnReason, ReturnResolution } from '../modules/sales/sales-return.entity';
import type { Services } from '../services';
import { contextFor } from './context';

/**
 * Demo sales orders (one per customer) over the last 80 days in the first warehouse, through the services: drafts,
 * confirmed (stock reserved), partly shipped, shipped, invoiced (of several ages, for the ageing),
 * paid and cancelled orders, a restocked refund and a scrapped exchange. Deterministic.
 */
export async function seedDemoSalesOrders(services: Services): Promise<{ orders: number }> {
  const ds = services.ds;
  const ctx = {
    sales: await contextFor(ds, services, 'sales'),
    sales2: await contextFor(ds, services, 'sales2'),
    manager: await contextFor(ds, services, 'manager'),
    keeper: await contextFor(ds, services, 'warehouse'),
    accountant: await contextFor(ds, services, 'accountant'),
  };
  const [wh] = await ds.query('SELECT id FROM warehouse ORDER BY id LIMIT 1');
  const warehouseId = Number(wh.id);
  // the priced SKUs (the demo price lists cover the first 12) with the most stock here
  const heads: Array<{ sku_id: number; qty: string }> = await ds.query(
    // a derived table, not `IN (… LIMIT …)`: MariaDB and MySQL refuse LIMIT inside IN/ALL/ANY/SOME
    'SELECT h.sku_id, h.qty FROM stock_cost h JOIN (SELECT id FROM sku WHERE active = ? ORDER BY id LIMIT 12) f ON f.id = h.sku_id WHERE h.warehouse_id = ? ORDER BY h.sku_id',
    [true, warehouseId],
  );
  // compared in TypeScript: SQLite keeps decimals as text
  const skus = heads.filter((h) => new Decimal(h.qty).gte(40));
  if (skus.length < 3) return { orders: 0 };
  const customers = await ds.getRepository(Customer).find({ order: { id: 'ASC' }, take: 40 });
  const stores = await ds.getRepository(SalesStore).find({ order: { id: 'ASC' } });
  const now = today();
  let orders = 0;
  for (const [i, customer] of customers.entries()) {
    const who = customer.ownerId === ctx.sales2.user!.id ? ctx.sales2 : ctx.sales;
    const channelId = customer.channelId ?? stores[0].channelId;
    const store = stores.find((s) => s.channelId === channelId);
    const orderDate = addDays(now, -(80 - i * 2));
    const lines = [0, 1].map((k) => ({
      skuId: String(skus[(i + k * 2) % skus.length].sku_id),
      qty: String(1 + ((i + k) % 4)),
    }));
    let order;
    try {
      order = await services.salesOrders.create(who, {
        customerId: String(customer.id),
        channelId: String(channelId),
        storeId: store ? String(store.id) : undefined,
        warehouseId: String(warehouseId),
        orderDate,
        lines,
      });
    } catch (e) {
      if (e instanceof DomainError) continue; // e.g. a price below cost: the demo skips the order
      throw e;
    }
    orders++;
    const kind = i % 8;
    if (kind === 0) continue; // draft
    try {
      await services.salesOrders.confirm(who, String(order.id));
    } catch (e) {
      if (e instanceof DomainError) continue; // over the credit limit: stays a draft
      throw e;
    }
    if (kind === 7) {
      await services.salesOrders.cancel(who, String(order.id));
      continue;
    }
    if (kind === 1) continue; // confirmed, stock reserved
    const ol = await services.salesOrders.lines([order.id]);
    const shipDate = addDays(orderDate, 1) > now ? now : addDays(orderDate, 1);
    const partly = kind === 2;
    let shipment;
    try {
      shipment = await services.salesFulfilment.ship(ctx.keeper, {
        orderId: String(order.id),
        businessDate: shipDate,
        lines: partly
          ? [{ orderLineId: String(ol[0].id), qty: ol[0].qty }]
          : ol.map((l) => ({ orderLineId: String(l.id), qty: l.qty })),
      });
    } catch (e) {
      if (e instanceof DomainError) continue; // not enough stock on that day: stays confirmed
      throw e;
    }
    if (partly) continue;
    if (kind === 3 || kind === 4) {
      const refund = i % 16 < 8;
      // after-sales: a restocked refund, and a scrapped exchange (its replacement stays a draft)
      const sl = await services.salesFulfilment.shipmentLines([shipment.id]);
      await services.salesFulfilment.returnGoods(who, {
        shipmentId: String(shipment.id),
        businessDate: addDays(shipDate, 2) > now ? now : addDays(shipDate, 2),
        reason: refund ? ReturnReason.DEFECTIVE : ReturnReason.DAMAGED_IN_TRANSIT,
        resolution: refund ? ReturnResolution.REFUND : ReturnResolution.EXCHANGE,
        note: refund ? '包装漏气' : '运输压损',
        lines: [
          {
            shipmentLineId: String(sl[0].id),
            qty: '1',
            disposition: refund ? ReturnDisposition.RESTOCK : ReturnDisposition.SCRAP,
          },
        ],
      });
    }
    if (kind === 3) continue; // shipped, not invoiced
    const invoiceDate = addDays(shipDate, 1) > now ? now : addDays(shipDate, 1);
    await services.receivables.createInvoice(ctx.accountant, { orderId: String(order.id), invoiceDate });
    if (kind === 6 || kind === 5) {
      // paid in full, or half of what is owed
      const owed = (await services.receivables.receivables(ctx.accountant, { customerId: String(customer.id) }))[0];
      const amount =
        kind === 6
          ? new Decimal(owed.balance!)
          : new Decimal(owed.balance!).div(2).toDecimalPlaces(2, Decimal.ROUND_DOWN);
      if (amount.gt(0))
        await services.receivables.pay(ctx.accountant, {
          customerId: String(customer.id),
          amount: amount.toFixed(2),
          receivedOn: addDays(invoiceDate, 10) > now ? now : addDays(invoiceDate, 10),
          reference: `银行转账 ${i + 1}`,
        });
    }
  }
  // the tiers follow the orders
  await services.customers.recomputeTiers(ctx.manager);
  return { orders };
}
