/**
 * Stored promotions and coupon batches → the engine's data (domain/promotions), and the engine's
 * bad-input errors → DomainErrors with the same code. The engine names a promotion by its code, so
 * the price steps read "promotion MJ300 (spend 300.00 get 50.00 off)".
 */
import { Decimal } from 'decimal.js';
import { DomainError } from '../../core/errors';
import {
  PromotionError,
  type Coupon as EngineCoupon,
  type Eligibility,
  type LineSet,
  type Promotion as EnginePromotion,
  type PromotionRule,
} from '../../domain/promotions';
import type { CouponBatch, CouponCode, EligibilityData, Promotion, PromotionRuleData } from './promotion.entity';

const list = (a?: string[] | null) => (a?.length ? a.map(String) : undefined);

export function lineSetOf(e: EligibilityData | null | undefined): LineSet {
  return {
    skus: list(e?.skuIds),
    categories: list(e?.categoryIds),
    brands: list(e?.brandIds),
    excludeSkus: list(e?.excludeSkuIds),
    excludeCategories: list(e?.excludeCategoryIds),
    excludeBrands: list(e?.excludeBrandIds),
  };
}

export function eligibilityOf(p: Pick<Promotion, 'eligibility' | 'startsAt' | 'endsAt'>): Eligibility {
  const e = p.eligibility ?? {};
  return {
    ...lineSetOf(e),
    channels: list(e.channelIds),
    stores: list(e.storeIds),
    tiers: list(e.tierIds),
    from: p.startsAt,
    to: p.endsAt,
    hours: e.hours?.length ? e.hours.map((h) => ({ from: h.from, to: h.to })) : undefined,
    weekdays: e.weekdays?.length ? e.weekdays : undefined,
    minQty: e.minQty ?? null,
    minAmount: e.minAmount ?? null,
  };
}

/** The gift SKU's figures come from the caller (list price, cost, categories); null: the same SKU. */
export interface GiftFacts {
  listPrice: string;
  unitCost: string | null;
  categories: string[];
  brand: string | null;
}

export function ruleOf(kind: string, r: PromotionRuleData, gift?: GiftFacts | null): PromotionRule {
  switch (kind) {
    case 'PERCENT_OFF':
    case 'ORDER_PERCENT':
      return kind === 'PERCENT_OFF'
        ? { kind, percent: r.percent ?? '' }
        : { kind, percent: r.percent ?? '', cap: r.cap ?? null };
    case 'FIXED_PRICE':
      return { kind, price: r.price ?? '' };
    case 'TIER_PRICE':
      return {
        kind,
        tiers: (r.tiers ?? []).map((t) => ({ minQty: t.minQty, percent: t.percent ?? null, price: t.price ?? null })),
      };
    case 'BUNDLE_PRICE':
      return {
        kind,
        items: (r.items ?? []).map((i) => ({ sku: String(i.skuId), qty: i.qty })),
        price: r.price ?? '',
        maxTimes: r.maxTimes ?? null,
      };
    case 'BUY_X_GET_Y':
      return {
        kind,
        buyQty: r.buyQty ?? '',
        getQty: r.getQty ?? '',
        maxTimes: r.maxTimes ?? null,
        gift: r.giftSkuId
          ? {
              sku: String(r.giftSkuId),
              categories: gift?.categories ?? [],
              brand: gift?.brand ?? null,
              listPrice: gift?.listPrice ?? '0',
              unitCost: gift?.unitCost ?? null,
            }
          : null,
      };
    case 'THRESHOLD_OFF':
      return {
        kind,
        threshold: r.threshold ?? '',
        off: r.off ?? '',
        perMultiple: !!r.perMultiple,
        cap: r.cap ?? null,
      };
    default:
      throw new DomainError('PROMOTION_INVALID_RULE', `Unknown promotion kind ${kind}.`, { field: 'kind' });
  }
}

export function enginePromotion(
  p: Promotion,
  usage?: { total: number; byCustomer: number; spent: string },
  gift?: GiftFacts | null,
): EnginePromotion {
  return {
    id: p.code,
    name: p.name,
    priority: p.priority,
    exclusive: p.exclusive,
    rule: ruleOf(p.kind, p.rule ?? {}, gift),
    eligibility: eligibilityOf(p),
    limits: { perCustomer: p.perCustomer, total: p.totalLimit, budget: p.budget },
    usage,
  };
}

export function engineCoupon(b: CouponBatch, c: CouponCode, usedByCustomer: number): EngineCoupon {
  return {
    code: c.code,
    batch: b.code,
    name: b.name,
    kind: b.kind,
    value: new Decimal(b.value).toFixed(),
    maxOff: b.maxOff,
    minSpend: b.minSpend,
    validFrom: b.validFrom,
    validTo: b.validTo,
    customerId: c.customerId === null ? null : String(c.customerId),
    maxUses: c.maxUses,
    used: c.used,
    perCustomer: b.perCustomer,
    usedByCustomer,
    lines: lineSetOf(b.lineSet),
  };
}

/** Runs an engine call; its bad-input errors become DomainErrors with the same code (and the field). */
export function engine<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PromotionError) throw new DomainError(e.code, e.message, e.field ? { field: e.field } : undefined);
    throw e;
  }
}
