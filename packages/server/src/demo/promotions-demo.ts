import { addDays, today } from '../core/dates';
import { Customer } from '../modules/sales/customer.entity';
import { PromotionKind, CouponKind } from '../modules/promotions/promotion.entity';
import type { Services } from '../services';
import { contextFor } from './context';

/**
 * Demo promotions, through the services (after the demo orders, so their figures stay as they were):
 * 满300减50 for everyone, 10 % off the first priced SKU, both from today to 60 days ahead (not back-dated:
 * the replenishment forecast counts days under a promotion apart, and the demo's past sales had none) and
 * within the approval budget (scheduled at once); and a coupon batch 新客立减20 (minimum 200, single
 * use) with 20 printed codes and one code for each of the first five customers.
 */
export async function seedDemoPromotions(services: Services): Promise<{ promotions: number; coupons: number }> {
  const ds = services.ds;
  const manager = await contextFor(ds, services, 'manager');
  const [sku] = await ds.query('SELECT id FROM sku WHERE active = ? ORDER BY id LIMIT 1', [true]);
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
