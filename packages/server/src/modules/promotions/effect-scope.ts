import { In, type EntityManager } from 'typeorm';
import { lineMatcher } from '../../domain/promotions/eligibility';
import { categoryAncestors, skuPriceFacts } from '../catalog';
import { lineSetOf } from './engine-input';
import { Promotion } from './promotion.entity';

/**
 * Which of these SKUs each promotion's items are, for the effect report's uplift: its SKU, category
 * (and subcategory) and brand sets less its exclusions, a bundle's SKUs; null when it applies to
 * everything (no set, no exclusion, not a bundle), whose uplift is then the whole store's.
 */
export async function promotionItems(
  em: EntityManager,
  promotionIds: number[],
  skuIds: number[],
): Promise<Map<number, Set<number> | null>> {
  const out = new Map<number, Set<number> | null>();
  const ids = [...new Set(promotionIds)];
  if (!ids.length) return out;
  const promos = await em.find(Promotion, { where: { id: In(ids) } });
  const facts = await skuPriceFacts(em, skuIds);
  const chains = await categoryAncestors(
    em,
    [...facts.values()].map((f) => f.categoryId ?? 0),
  );
  for (const p of promos) {
    const set = lineSetOf(p.eligibility);
    const bundle = p.kind === 'BUNDLE_PRICE' ? (p.rule?.items ?? []).map((i) => String(i.skuId)) : [];
    if (!bundle.length && Object.values(set).every((xs) => !xs)) {
      out.set(p.id, null);
      continue;
    }
    const covers = lineMatcher(bundle.length ? { ...set, skus: [...(set.skus ?? []), ...bundle] } : set);
    const mine = new Set<number>();
    for (const [sku, f] of facts) {
      const categories = (f.categoryId ? (chains.get(f.categoryId) ?? []) : []).map(String);
      if (covers({ sku: String(sku), categories, brand: f.brandId ? String(f.brandId) : null })) mine.add(sku);
    }
    out.set(p.id, mine);
  }
  return out;
}
