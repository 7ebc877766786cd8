import { addDays, today } from '../core/dates';
import { Customer, ContactChannel } from '../modules/sales/customer.entity';
import { CouponKind } from '../modules/promotions/promotion.entity';
import { PrizeKind } from '../modules/promotions/draw.entity';
import type { Services } from '../services';
import { contextFor } from './context';

/**
 * The demo's lucky draw 店庆抽奖, opened before the demo orders are made, so the orders confirmed in
 * the demo (dated over the last 80 days) earn its entries as any confirmation does; the period is
 * therefore back-dated 90 days (a draw does not count as a promoted day for the replenishment forecast:
 * only promotions do). Prizes: one unit of the first active SKU (2 to win, a draft order at 0 for each
 * winner), a ¥10 coupon (10 to win), and 谢谢参与. Returns the draw's id for `finishDemoDraw`.
 */
export async function openDemoDraw(services: Services): Promise<string> {
  const ds = services.ds;
  const manager = await contextFor(ds, services, 'manager');
  const [sku] = await ds.query('SELECT id FROM sku WHERE active = ? ORDER BY id LIMIT 1', [true]);
  const batch = await services.coupons.createBatch(manager, {
    code: 'DRAW10',
    name: '抽奖10元券',
    kind: CouponKind.AMOUNT_OFF,
    value: '10',
    minSpend: '100',
    validFrom: `${today()}T00:00`,
    validTo: `${addDays(today(), 60)}T00:00`,
    usesPerCode: 1,
    printed: 0,
  });
  const d = await services.draws.save(manager, {
    code: 'ANNIV',
    name: '店庆抽奖',
    startsAt: `${addDays(today(), -90)}T00:00`,
    endsAt: `${addDays(today(), 1)}T00:00`,
    eligibility: { minAmount: '100' },
    budget: '300',
    prizes: [
      ...(sku
        ? [{ name: '店庆礼品', kind: PrizeKind.SKU, skuId: String(sku.id), odds: '10', quantity: 2, unitCost: '50' }]
        : []),
      {
        name: '10元券',
        kind: PrizeKind.COUPON,
        couponBatchId: String(batch.id),
        odds: '30',
        quantity: 10,
        unitCost: '10',
      },
      { name: '谢谢参与', kind: PrizeKind.NONE, odds: '60' },
    ],
  });
  await services.draws.open(manager, String(d.id));
  return String(d.id);
}

/** After the demo orders: the draw is drawn and its seed revealed, so the audit page's "verify" works at once. */
export async function finishDemoDraw(services: Services, drawId: string): Promise<number> {
  const manager = await contextFor(services.ds, services, 'manager');
  const d = await services.draws.draw(manager, drawId);
  await services.draws.reveal(manager, drawId);
  return d.entryCount;
}

/**
 * 生日礼 in the demo: a batch 生日券 (¥30 off 200), the offer switched on, and the first two customers
 * born this month by the project's clock (one prefers WeChat); the job runs once, so the offers page
 * lists their coupons and messages (then hourly on the scheduler, once per customer and year).
 */
export async function seedDemoBirthdays(services: Services): Promise<number> {
  const ds = services.ds;
  const manager = await contextFor(ds, services, 'manager');
  const [, mm, dd] = today().split('-');
  const customers = await ds.getRepository(Customer).find({ order: { id: 'ASC' }, take: 2 });
  for (const [i, c] of customers.entries())
    await ds.getRepository(Customer).update(
      { id: c.id },
      {
        birthday: `${1985 + i}-${mm}-${i ? '01' : dd}`,
        preferredChannel: i ? ContactChannel.WECHAT : null,
      },
    );
  const batch = await services.coupons.createBatch(manager, {
    code: 'BDAY',
    name: '生日券',
    kind: CouponKind.AMOUNT_OFF,
    value: '30',
    minSpend: '200',
    validFrom: `${today()}T00:00`,
    validTo: `${addDays(today(), 90)}T00:00`,
    usesPerCode: 1,
    printed: 0,
  });
  const s = await services.birthdays.settings();
  await services.birthdays.saveSettings(manager, {
    enabled: true,
    couponBatchId: String(batch.id),
    message: s.message,
    version: s.version,
  });
  return (await services.birthdays.run()).issued;
}
