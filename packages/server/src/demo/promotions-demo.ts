import { Decimal } from 'decimal.js';
import { addDays, today } from '../core/dates';
import { DomainError } from '../core/errors';
import { Customer, SalesStore } from '../modules/sales/customer.entity';
import { PromotionKind, CouponKind } from '../modules/promotions/promotion.entity';
import type { Services } from '../services';
import { contextFor } from './context';

/**
 * Demo promotions, through the services (after the demo orders, so their figures stay as they were):
 * 满300减50 for everyone, 10 % off the first priced SKU, 买五赠一 on A001-12 (a gift of the same SKU,
 * twice at most), all from today to 60 days ahead (not back-dated:
 * the replenishment forecast counts days under a promotion apart, and the demo's past sales had none) and
 * within the approval budget (scheduled at once); and a coupon batch 新客立减20 (minimum 200, single
 * use) with 20 printed codes and one code for each of the first five customers.
 */
export async function seedDemoPromotions(services: Services): Promise<{ promotions: number; coupons: number }> {
  const ds = services.ds;
  const manager = await contextFor(ds, services, 'manager');
  const [sku] = await ds.query('SELECT id FROM sku WHERE active = ? ORDER BY id LIMIT 1', [true]);
  const [giftSku] = await ds.query('SELECT id FROM sku WHERE code = ? AND active = ?', [GIFT_SKU, true]);
  const from = `${today()}T00:00`;
  const to = `${addDays(today(), 60)}T00:00`;
  const made = [
    {
      code: 'MJ300',
      name: '满300减50',
      kind: PromotionKind.THRESHOLD_OFF,
      priority: 50,
      exclusive: false,
      rule: { threshold: '300', off: '50', perMultiple: false },
      eligibility: {},
      startsAt: from,
      endsAt: to,
      budget: '3000',
    },
    {
      code: 'TEA90',
      name: '单品九折',
      kind: PromotionKind.PERCENT_OFF,
      priority: 10,
      exclusive: false,
      rule: { percent: '10' },
      eligibility: sku ? { skuIds: [String(sku.id)] } : {},
      startsAt: from,
      endsAt: to,
      budget: '2000',
      perCustomer: 3,
    },
    ...(giftSku
      ? [
          {
            code: 'BUY5G1',
            name: '买五赠一',
            kind: PromotionKind.BUY_X_GET_Y,
            priority: 20,
            exclusive: false,
            rule: { buyQty: '5', getQty: '1', giftSkuId: null, maxTimes: 2 },
            eligibility: { skuIds: [String(giftSku.id)] },
            startsAt: from,
            endsAt: to,
            budget: '1000',
          },
        ]
      : []),
  ];
  for (const input of made) {
    const p = await services.promotions.save(manager, input);
    await services.promotions.submit(manager, String(p.id));
  }
  const customers = await ds.getRepository(Customer).find({ order: { id: 'ASC' }, take: 5 });
  await services.coupons.createBatch(manager, {
    code: 'NEW20',
    name: '新客立减20',
    kind: CouponKind.AMOUNT_OFF,
    value: '20',
    minSpend: '200',
    validFrom: from,
    validTo: to,
    usesPerCode: 1,
    perCustomer: 1,
    printed: 20,
    customerIds: customers.map((c) => String(c.id)),
  });
  return { promotions: made.length, coupons: 20 + customers.length };
}

/** The SKU of the demo's gift promotion: one the e2e specs do not sell, so it never adds a line to theirs. */
const GIFT_SKU = 'A001-12';

/**
 * Sales orders priced through the demo's promotions, so the effect report (the last 30 days by default)
 * has figures on a fresh demo: today, after the promotions, four orders by the customers' salespeople in
 * the first warehouse — 满300减50 with 单品九折 and a 新客立减20 code (C0003), 买五赠一 (C0004: 5 + 1 gift;
 * C0010: the same; both reach 满300 too), 单品九折 alone (C0011, confirmed, not shipped); the others
 * shipped (their gifts leave at cost: promotion expense). Quantities come from the quoted prices
 * (enough for 满300), so the figures are the same on every fresh demo. Deterministic; an order the
 * stock or a credit limit refuses is skipped, as in the other demo orders.
 */
export async function seedDemoPromotionOrders(services: Services): Promise<number> {
  const ds = services.ds;
  const ctx = {
    sales: await contextFor(ds, services, 'sales'),
    sales2: await contextFor(ds, services, 'sales2'),
    keeper: await contextFor(ds, services, 'warehouse'),
  };
  const [wh] = await ds.query('SELECT id FROM warehouse ORDER BY id LIMIT 1');
  const warehouseId = String(wh.id);
  const skuOf = async (code: string) =>
    ((await ds.query('SELECT id FROM sku WHERE code = ?', [code]))[0]?.id ?? null) as number | null;
  const [first] = await ds.query('SELECT id FROM sku WHERE active = ? ORDER BY id LIMIT 1', [true]);
  const [tea, gift] = [first ? Number(first.id) : null, await skuOf(GIFT_SKU)];
  const customers = await ds.getRepository(Customer).find({ order: { id: 'ASC' }, take: 11 });
  const stores = await ds.getRepository(SalesStore).find({ order: { id: 'ASC' } });
  const [coupon] = await ds.query(
    'SELECT c.code FROM coupon_code c JOIN coupon_batch b ON b.id = c.batch_id WHERE b.code = ? AND c.customer_id = ? ORDER BY c.id',
    ['NEW20', customers[2]?.id ?? -1],
  );
  const plan: Array<{ at: number; sku: number | null; qty: number | 'MJ300'; coupon?: string; ship: boolean }> = [
    { at: 2, sku: tea, qty: 'MJ300', coupon: coupon?.code, ship: true },
    { at: 3, sku: gift, qty: 5, ship: true },
    { at: 9, sku: gift, qty: 5, ship: true },
    { at: 10, sku: tea, qty: 1, ship: false },
  ];
  let made = 0;
  for (const o of plan) {
    const customer = customers[o.at];
    if (!customer || !o.sku) continue;
    const who = customer.ownerId === ctx.sales2.user!.id ? ctx.sales2 : ctx.sales;
    const channelId = String(customer.channelId ?? stores[0].channelId);
    const store = stores.find((s) => String(s.channelId) === channelId);
    try {
      let qty = String(o.qty);
      if (o.qty === 'MJ300') {
        const q = await services.priceLists.quote(who, {
          customerId: String(customer.id),
          channelId,
          warehouseId,
          skuId: String(o.sku),
        });
        // enough for 满300 after 单品九折: 320 ÷ (90 % of the price), rounded up
        qty = new Decimal(320).div(new Decimal(q.unitPrice).times('0.9')).ceil().toFixed(0);
      }
      const order = await services.salesOrders.create(who, {
        customerId: String(customer.id),
        channelId,
        storeId: store ? String(store.id) : undefined,
        warehouseId,
        orderDate: today(),
        lines: [{ skuId: String(o.sku), qty }],
        couponCodes: o.coupon ? [o.coupon] : [],
      });
      await services.salesOrders.confirm(who, String(order.id));
      made++;
      if (!o.ship) continue;
      const ol = await services.salesOrders.lines([order.id]);
      await services.salesFulfilment.ship(ctx.keeper, {
        orderId: String(order.id),
        businessDate: today(),
        lines: ol.map((l) => ({ orderLineId: String(l.id), qty: l.qty })),
      });
    } catch (e) {
      if (e instanceof DomainError) continue;
      throw e;
    }
  }
  return made;
}
