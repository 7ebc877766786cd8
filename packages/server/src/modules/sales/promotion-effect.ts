import { Decimal } from 'decimal.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { In, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { addDays, daysBetween } from '../../core/dates';
import { badInput } from '../../core/errors';
import { DecimalScalar } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';
import { drawUsesOfOrders, promotionItems, promotionUsesOfOrders } from '../promotions';
import { SalesOrder, SalesOrderLine } from './sales-order.entity';
import type { SalesOrderService } from './sales-order.service';
import { TAKEN } from './sales-order.service';

const D = (s: string | number) => new Decimal(s);
const WEEKS_BEFORE = 4;

@ObjectType({ description: "One promotion's effect over the period: its orders, their revenue, what it gave." })
export class PromotionEffect {
  @Field(() => ID, { description: "The promotion's id, or the lucky draw's when kind is LUCKY_DRAW." })
  promotionId: string;
  @Field() code: string;
  @Field() name: string;
  @Field({ description: "The promotion's kind, or LUCKY_DRAW: the orders that earned its entries, its prizes' cost." })
  kind: string;
  @Field(() => Int) orders: number;
  @Field(() => DecimalScalar, {
    description: 'Order revenue: Σ totals of the orders that used it (all their lines, not only its items).',
  })
  revenue: string;
  @Field(() => DecimalScalar, {
    description:
      "Its items' revenue: Σ net amounts of those orders' lines of its eligible items (upliftScope's items; gifts excluded); all their lines for a promotion that applies to everything and a lucky draw.",
  })
  itemsRevenue: string;
  @Field(() => DecimalScalar, { description: 'What it took off those orders.' }) discount: string;
  @SensitiveField(
    'PromotionEffect',
    () => DecimalScalar,
    P.SalesMarginRead,
    "Cost of its gifts, or of a lucky draw's prizes won by those orders (promotion expense).",
  )
  giftCost: string | null;
  @SensitiveField(
    'PromotionEffect',
    () => DecimalScalar,
    P.SalesMarginRead,
    'Σ margin of those orders (shipped so far).',
  )
  margin: string | null;
  @Field({
    description:
      "What the uplift measures: ITEMS, the net amount of its eligible items (its SKU, category and brand sets less its exclusions, a bundle's SKUs) in all orders; STORE, all orders' revenue, for a promotion that applies to everything and a lucky draw.",
  })
  upliftScope: 'ITEMS' | 'STORE';
  @Field(() => DecimalScalar, {
    description: 'Revenue per day on its days in the period, of its items or of the store (upliftScope).',
  })
  dailyRevenue: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: `The same revenue per day on the same weekdays in the ${WEEKS_BEFORE} weeks before it started.`,
  })
  baselineDailyRevenue: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'dailyRevenue against the baseline, in percent; null without a baseline.',
  })
  upliftPercent: string | null;
}

/**
 * 促销效果: per promotion used by orders taken in [from, to] (by order date), and per lucky draw whose
 * entries they earned (its prizes' cost as gift cost, no discount): the orders, their
 * revenue (order revenue: whole orders) and of those orders its items' net revenue, the discount given, the gifts' cost and the orders' margin (both need sales.margin.read),
 * and the uplift: the revenue per day of the promotion's eligible items (all orders' lines of them, net)
 * on its days in the period against the same weekdays in the four weeks before it started; the whole
 * store's revenue for a promotion that applies to everything and for a lucky draw. Sales staff see
 * their own customers' orders.
 */
export async function promotionEffect(
  ctx: Context,
  orders: SalesOrderService,
  em: EntityManager,
  from: string,
  to: string,
): Promise<PromotionEffect[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to || daysBetween(from, to) > 366)
    throw badInput([{ field: 'to', message: 'A period of at most a year, from ≤ to.' }]);
  const taken = await orders
    .scope(ctx, em.getRepository(SalesOrder).createQueryBuilder('o'))
    .andWhere('o.status IN (:...st)', { st: TAKEN })
    .andWhere('o.order_date >= :from AND o.order_date <= :to', { from, to })
    .getMany();
  const ids = taken.map((o) => o.id);
  const uses = [...(await promotionUsesOfOrders(em, ids)), ...(await drawUsesOfOrders(em, ids))];
  if (!uses.length) return [];
  // all orders' revenue per day from the earliest baseline day to the end of the period
  const firstStart = uses.reduce((m, u) => (u.startsAt.slice(0, 10) < m ? u.startsAt.slice(0, 10) : m), from);
  const since = addDays(firstStart < from ? firstStart : from, -7 * WEEKS_BEFORE);
  const series = await orders
    .scope(ctx, em.getRepository(SalesOrder).createQueryBuilder('o'))
    .andWhere('o.status IN (:...st)', { st: TAKEN })
    .andWhere('o.order_date >= :since AND o.order_date <= :to', { since, to })
    .getMany();
  const perDay = new Map<string, Decimal>();
  for (const o of series) perDay.set(o.orderDate, (perDay.get(o.orderDate) ?? D(0)).plus(o.total ?? 0));
  // the same per day for each promotion's items: the net amounts of those orders' lines of them
  const dateOf = new Map(series.map((o) => [o.id, o.orderDate]));
  const lines: Array<Pick<SalesOrderLine, 'orderId' | 'skuId' | 'amount'>> = [];
  const seriesIds = [...dateOf.keys()];
  for (let i = 0; i < seriesIds.length; i += 500)
    lines.push(
      ...(await em.find(SalesOrderLine, {
        select: { orderId: true, skuId: true, amount: true },
        where: { orderId: In(seriesIds.slice(i, i + 500)), gift: false },
      })),
    );
  const items = await promotionItems(
    em,
    uses.filter((u) => u.kind !== 'LUCKY_DRAW').map((u) => u.promotionId),
    lines.map((l) => l.skuId),
  );
  const linesOf = new Map<number, typeof lines>();
  for (const l of lines) {
    const xs = linesOf.get(l.orderId);
    if (xs) xs.push(l);
    else linesOf.set(l.orderId, [l]);
  }
  const itemsPerDay = (skus: Set<number>) => {
    const m = new Map<string, Decimal>();
    for (const l of lines) {
      if (!skus.has(l.skuId)) continue;
      const d = dateOf.get(l.orderId)!;
      m.set(d, (m.get(d) ?? D(0)).plus(l.amount ?? 0));
    }
    return m;
  };
  // a promotion and a lucky draw may share an id: grouped by both
  const byId = new Map<string, typeof uses>();
  for (const u of uses) {
    const key = `${u.kind === 'LUCKY_DRAW' ? 'D' : 'P'}${u.promotionId}`;
    byId.set(key, [...(byId.get(key) ?? []), u]);
  }
  const out: PromotionEffect[] = [];
  for (const mine of byId.values()) {
    const p = mine[0];
    const orderIds = new Set(mine.map((u) => u.orderId));
    const its = taken.filter((o) => orderIds.has(o.id));
    // its days in the period, and the same weekdays in the weeks before it started
    const first = p.startsAt.slice(0, 10) > from ? p.startsAt.slice(0, 10) : from;
    // the end is exclusive: a promotion ending at midnight has its last day the day before
    const endDay = p.endsAt.endsWith('T00:00') ? addDays(p.endsAt.slice(0, 10), -1) : p.endsAt.slice(0, 10);
    const last = endDay < to ? endDay : to;
    const days: string[] = [];
    for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
    // each promotion day stands against the same weekday in each of the four weeks before the start
    const window = addDays(p.startsAt.slice(0, 10), -7 * WEEKS_BEFORE);
    const base: string[] = [];
    for (const d of days) {
      const b0 = addDays(window, ((daysBetween(window, d) % 7) + 7) % 7);
      for (let k = 0; k < WEEKS_BEFORE; k++) base.push(addDays(b0, 7 * k));
    }
    const skus = p.kind === 'LUCKY_DRAW' ? null : (items.get(p.promotionId) ?? null);
    const revenueOn = skus ? itemsPerDay(skus) : perDay;
    const avg = (ds: string[]) =>
      ds.length ? ds.reduce((s, d) => s.plus(revenueOn.get(d) ?? 0), D(0)).div(ds.length) : null;
    const daily = avg(days) ?? D(0);
    const baseline = avg(base);
    out.push({
      promotionId: String(p.promotionId),
      code: p.code,
      name: p.name,
      kind: p.kind,
      orders: its.length,
      revenue: its.reduce((s, o) => s.plus(o.total ?? 0), D(0)).toFixed(2),
      itemsRevenue: its
        .flatMap((o) => linesOf.get(o.id) ?? [])
        .filter((l) => !skus || skus.has(l.skuId))
        .reduce((s, l) => s.plus(l.amount ?? 0), D(0))
        .toFixed(2),
      discount: mine.reduce((s, u) => s.plus(u.discount), D(0)).toFixed(2),
      giftCost: mine.reduce((s, u) => s.plus(u.giftCost), D(0)).toFixed(2),
      margin: its.reduce((s, o) => s.plus(o.margin ?? 0), D(0)).toFixed(2),
      upliftScope: skus ? 'ITEMS' : 'STORE',
      dailyRevenue: daily.toFixed(2),
      baselineDailyRevenue: baseline ? baseline.toFixed(2) : null,
      upliftPercent: baseline && baseline.gt(0) ? daily.minus(baseline).div(baseline).times(100).toFixed(2) : null,
    });
  }
  return out.sort((a, b) => D(b.revenue).cmp(a.revenue) || a.code.localeCompare(b.code));
}
