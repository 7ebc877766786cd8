import type { EntityManager } from 'typeorm';
import { addDays } from '../../core/dates';
import { categoryAncestors, skuLines } from '../catalog';
import { Promotion, PromotionState } from './promotion.entity';

const ids = (xs?: string[] | null) => new Set((xs ?? []).map(Number).filter((n) => n > 0));

/**
 * Which SKU × business day was under a promotion, for the replenishment's demand history: the days
 * of an approved promotion's period (a stopped one's too if an order used it — when it was stopped is
 * not kept) on its weekdays, for the SKUs its eligibility covers (no SKU, category or brand set: every
 * SKU; exclusions left out), a bundle's SKUs and a gift SKU. A day with a flash sale of a few hours
 * counts; channels, stores and tiers are not looked at (demand is per warehouse).
 */
export async function promotedDays(
  em: EntityManager,
  skuIds: number[],
  from: string,
  to: string,
): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  if (!skuIds.length || from > to) return out;
  const promos = (
    await em
      .getRepository(Promotion)
      .createQueryBuilder('p')
      .where('p.state IN (:...st) AND p.starts_at <= :to AND p.ends_at > :from', {
        st: [PromotionState.APPROVED, PromotionState.STOPPED],
        to: `${to}T23:59`,
        from: `${from}T00:00`,
      })
      .orderBy('p.id')
      .getMany()
  ).filter((p) => p.state === PromotionState.APPROVED || p.usedCount > 0);
  if (!promos.length) return out;
  const lines = await skuLines(em, skuIds);
  const cats = await categoryAncestors(
    em,
    [...lines.values()].map((l) => l.product.categoryId ?? 0),
  );
  for (const p of promos) {
    const e = p.eligibility ?? {};
    const [skus, categories, brands] = [ids(e.skuIds), ids(e.categoryIds), ids(e.brandIds)];
    const [xSkus, xCategories, xBrands] = [ids(e.excludeSkuIds), ids(e.excludeCategoryIds), ids(e.excludeBrandIds)];
    const extra = new Set([...(p.rule?.items ?? []).map((i) => Number(i.skuId)), Number(p.rule?.giftSkuId) || 0]);
    const open = !skus.size && !categories.size && !brands.size && p.kind !== 'BUNDLE_PRICE';
    // the days: from its first to its last (its end is exclusive: an end at 00:00 leaves that day out)
    const first = p.startsAt.slice(0, 10) < from ? from : p.startsAt.slice(0, 10);
    const endDay = p.endsAt.slice(11) === '00:00' ? addDays(p.endsAt.slice(0, 10), -1) : p.endsAt.slice(0, 10);
    const last = endDay > to ? to : endDay;
    const weekdays = new Set(e.weekdays ?? []);
    const days: string[] = [];
    for (let d = first; d <= last; d = addDays(d, 1)) {
      const iso = ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      if (!weekdays.size || weekdays.has(iso)) days.push(d);
    }
    if (!days.length) continue;
    for (const id of skuIds) {
      const l = lines.get(id);
      if (!l) continue;
      const chain = l.product.categoryId ? (cats.get(l.product.categoryId) ?? []) : [];
      const brand = l.product.brandId ?? 0;
      const covered =
        extra.has(id) ||
        ((open || skus.has(id) || chain.some((c) => categories.has(c)) || brands.has(brand)) &&
          !xSkus.has(id) &&
          !chain.some((c) => xCategories.has(c)) &&
          !xBrands.has(brand));
      if (!covered) continue;
      const set = out.get(id) ?? new Set<string>();
      for (const d of days) set.add(d);
      out.set(id, set);
    }
  }
  return out;
}
