/**
 * Input checks and parsing: the cart, each promotion and each coupon become exact numbers once, and
 * every rule that cannot be right (a negative or > 100 % discount, 满300减400, a window that ends
 * before it starts …) is refused with a PromotionError naming the field.
 */
import { AT_RE, HHMM_RE, lineMatcher, type LineMatcher } from './eligibility';
import { CENT, HUNDRED_PCT, MICRO, PCT, lineAmount, parseFixed } from './fixed';
import {
  LINE_KINDS,
  PromotionError,
  type Cart,
  type Coupon,
  type Eligibility,
  type Promotion,
  type PromotionErrorCode,
} from './types';

export interface Line {
  id: string;
  sku: string;
  categories: readonly string[];
  brand: string | null;
  qty: bigint; // micro
  listPrice: bigint; // micro
  listAmount: bigint; // cents
  unitCost: bigint | null; // micro
}

export interface Gift {
  sku: string;
  categories: string[];
  brand: string | null;
  listPrice: bigint;
  unitCost: bigint | null;
}

export type Rule =
  | { kind: 'PERCENT_OFF'; percent: bigint }
  | { kind: 'FIXED_PRICE'; price: bigint }
  | { kind: 'TIER_PRICE'; tiers: Array<{ minQty: bigint; percent: bigint | null; price: bigint | null }> }
  | { kind: 'BUNDLE_PRICE'; items: Array<{ sku: string; qty: bigint }>; price: bigint; maxTimes: number | null }
  | { kind: 'BUY_X_GET_Y'; buy: bigint; get: bigint; gift: Gift | null; maxTimes: number | null }
  | { kind: 'THRESHOLD_OFF'; threshold: bigint; off: bigint; perMultiple: boolean; cap: bigint | null }
  | { kind: 'ORDER_PERCENT'; percent: bigint; cap: bigint | null };

export interface ParsedPromotion {
  p: Promotion;
  rule: Rule;
  orderLevel: boolean;
  matcher: LineMatcher;
  minQty: bigint | null;
  minAmount: bigint | null;
  budget: bigint | null;
  spent: bigint;
}

export interface ParsedCoupon {
  c: Coupon;
  value: bigint; // cents or percent
  maxOff: bigint | null;
  minSpend: bigint | null;
  matcher: LineMatcher;
}

const D = 'PROMOTION_INVALID_DISCOUNT' as const;
const R = 'PROMOTION_INVALID_RULE' as const;

const fail = (code: PromotionErrorCode, field: string, message: string): never => {
  throw new PromotionError(code, message, field);
};

const optFixed = (v: string | null | undefined, scale: number, field: string, code: PromotionErrorCode) =>
  v === null || v === undefined || v === '' ? null : parseFixed(v, scale, field, code);

const posInt = (n: unknown, field: string, code: PromotionErrorCode) => {
  if (n === null || n === undefined) return null;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) fail(code, field, `${field} must be a whole number ≥ 1.`);
  return n as number;
};

const percentIn = (s: string, field: string, code: PromotionErrorCode) => {
  const p = parseFixed(s, PCT, field, code);
  if (p <= 0n || p > HUNDRED_PCT) fail(code, field, `${field} ${s} % must be more than 0 and at most 100.`);
  return p;
};

export function parseCart(cart: Cart): Line[] {
  const C = 'CART_INVALID' as const;
  if (!cart || !Array.isArray(cart.lines)) fail(C, 'lines', 'A cart needs its lines.');
  if (typeof cart.at !== 'string' || !AT_RE.test(cart.at))
    fail(C, 'at', `The sale's time "${String(cart.at)}" is not YYYY-MM-DDTHH:mm.`);
  if (typeof cart.channel !== 'string' || !cart.channel) fail(C, 'channel', 'A cart needs its channel.');
  const ids = new Set<string>();
  return cart.lines.map((l, i) => {
    const f = `lines[${i}]`;
    if (!l.id || ids.has(l.id)) fail(C, `${f}.id`, `Line id "${l.id}" is empty or repeated.`);
    ids.add(l.id);
    if (!l.sku) fail(C, `${f}.sku`, `Line ${l.id} has no SKU.`);
    const qty = parseFixed(l.qty, MICRO, `${f}.qty`, C);
    if (qty === 0n) fail(C, `${f}.qty`, `Line ${l.id} has no quantity.`);
    const listPrice = parseFixed(l.listPrice, MICRO, `${f}.listPrice`, C);
    const unitCost = optFixed(l.unitCost, MICRO, `${f}.unitCost`, C);
    return {
      id: l.id,
      sku: l.sku,
      categories: l.categories ?? [],
      brand: l.brand ?? null,
      qty,
      listPrice,
      listAmount: lineAmount(qty, listPrice),
      unitCost,
    };
  });
}

function checkEligibility(e: Eligibility | undefined, f: string) {
  if (!e) return;
  for (const k of ['from', 'to'] as const) {
    const v = e[k];
    if (v !== null && v !== undefined && !AT_RE.test(v)) fail(R, `${f}.${k}`, `${k} "${v}" is not YYYY-MM-DDTHH:mm.`);
  }
  if (e.from && e.to && e.from >= e.to) fail(R, `${f}.to`, `The period ends (${e.to}) before it starts (${e.from}).`);
  for (const [i, w] of (e.hours ?? []).entries()) {
    if (!HHMM_RE.test(w.from) || !HHMM_RE.test(w.to) || w.from === w.to)
      fail(R, `${f}.hours[${i}]`, `Hours "${w.from}–${w.to}" are not two different HH:mm times.`);
  }
  for (const d of e.weekdays ?? [])
    if (!Number.isInteger(d) || d < 1 || d > 7) fail(R, `${f}.weekdays`, `Weekday ${d} is not 1 (Monday) … 7.`);
}

function parseRule(p: Promotion, f: string): Rule {
  const r = p.rule;
  switch (r?.kind) {
    case 'PERCENT_OFF':
      return { kind: r.kind, percent: percentIn(r.percent, `${f}.percent`, D) };
    case 'FIXED_PRICE':
      return { kind: r.kind, price: parseFixed(r.price, MICRO, `${f}.price`, D) };
    case 'TIER_PRICE': {
      if (!r.tiers?.length) fail(R, `${f}.tiers`, 'Tier prices need at least one tier.');
      const tiers = r.tiers.map((t, i) => {
        const g = `${f}.tiers[${i}]`;
        const hasPct = t.percent !== null && t.percent !== undefined;
        const hasPrice = t.price !== null && t.price !== undefined;
        if (hasPct === hasPrice) fail(R, g, 'A tier gives a percent off or a unit price, one of the two.');
        const minQty = parseFixed(t.minQty, MICRO, `${g}.minQty`, R);
        if (minQty === 0n) fail(R, `${g}.minQty`, 'A tier starts at a quantity above 0.');
        return {
          minQty,
          percent: hasPct ? percentIn(t.percent!, `${g}.percent`, D) : null,
          price: hasPrice ? parseFixed(t.price!, MICRO, `${g}.price`, D) : null,
        };
      });
      tiers.sort((a, b) => (a.minQty < b.minQty ? -1 : a.minQty > b.minQty ? 1 : 0));
      for (let i = 1; i < tiers.length; i++)
        if (tiers[i].minQty === tiers[i - 1].minQty) fail(R, `${f}.tiers`, 'Two tiers start at the same quantity.');
      return { kind: r.kind, tiers };
    }
    case 'BUNDLE_PRICE': {
      if (!r.items?.length) fail(R, `${f}.items`, 'A bundle needs its SKUs.');
      const seen = new Set<string>();
      const items = r.items.map((it, i) => {
        if (!it.sku || seen.has(it.sku))
          fail(R, `${f}.items[${i}].sku`, `Bundle SKU "${it.sku}" is empty or repeated.`);
        seen.add(it.sku);
        const qty = parseFixed(it.qty, MICRO, `${f}.items[${i}].qty`, R);
        if (qty === 0n) fail(R, `${f}.items[${i}].qty`, 'A bundle item needs a quantity above 0.');
        return { sku: it.sku, qty };
      });
      return {
        kind: r.kind,
        items,
        price: parseFixed(r.price, CENT, `${f}.price`, D),
        maxTimes: posInt(r.maxTimes, `${f}.maxTimes`, R),
      };
    }
    case 'BUY_X_GET_Y': {
      const buy = parseFixed(r.buyQty, MICRO, `${f}.buyQty`, R);
      const get = parseFixed(r.getQty, MICRO, `${f}.getQty`, R);
      if (buy === 0n || get === 0n) fail(R, `${f}.buyQty`, 'Buy X get Y needs both quantities above 0.');
      const g = r.gift;
      if (g && !g.sku) fail(R, `${f}.gift.sku`, 'The gift needs its SKU.');
      return {
        kind: r.kind,
        buy,
        get,
        gift: g
          ? {
              sku: g.sku,
              categories: g.categories ?? [],
              brand: g.brand ?? null,
              listPrice: parseFixed(g.listPrice, MICRO, `${f}.gift.listPrice`, R),
              unitCost: optFixed(g.unitCost, MICRO, `${f}.gift.unitCost`, R),
            }
          : null,
        maxTimes: posInt(r.maxTimes, `${f}.maxTimes`, R),
      };
    }
    case 'THRESHOLD_OFF': {
      const threshold = parseFixed(r.threshold, CENT, `${f}.threshold`, R);
      const off = parseFixed(r.off, CENT, `${f}.off`, D);
      const cap = optFixed(r.cap, CENT, `${f}.cap`, D);
      if (threshold === 0n) fail(R, `${f}.threshold`, 'The threshold (满) must be above 0.');
      if (off === 0n) fail(D, `${f}.off`, 'The reduction (减) must be above 0.');
      if (off > threshold) fail(D, `${f}.off`, `减 ${r.off} is more than 满 ${r.threshold}.`);
      if (cap !== null && !r.perMultiple) fail(R, `${f}.cap`, 'A cap belongs to 每满 (per multiple) only.');
      if (cap !== null && cap < off) fail(D, `${f}.cap`, `The cap ${r.cap} is below one reduction ${r.off}.`);
      return { kind: r.kind, threshold, off, perMultiple: !!r.perMultiple, cap };
    }
    case 'ORDER_PERCENT': {
      const cap = optFixed(r.cap, CENT, `${f}.cap`, D);
      if (cap === 0n) fail(D, `${f}.cap`, 'A cap of 0 would give nothing.');
      return { kind: r.kind, percent: percentIn(r.percent, `${f}.percent`, D), cap };
    }
    default:
      return fail(R, `${f}.kind`, `Unknown promotion kind "${(r as { kind?: string } | undefined)?.kind}".`);
  }
}

export function parsePromotions(promotions: Promotion[]): ParsedPromotion[] {
  const ids = new Set<string>();
  return promotions.map((p, i) => {
    const f = `promotions[${i}]`;
    if (!p.id || ids.has(p.id)) fail(R, `${f}.id`, `Promotion id "${p.id}" is empty or repeated.`);
    ids.add(p.id);
    if (!Number.isInteger(p.priority)) fail(R, `${f}.priority`, 'The priority is a whole number.');
    const rule = parseRule(p, `${f}.rule`);
    checkEligibility(p.eligibility, `${f}.eligibility`);
    const e = p.eligibility;
    posInt(p.limits?.perCustomer, `${f}.limits.perCustomer`, R);
    posInt(p.limits?.total, `${f}.limits.total`, R);
    const u = p.usage;
    if (u && ![u.total, u.byCustomer].every((n) => Number.isInteger(n) && n >= 0))
      fail(R, `${f}.usage`, 'Usage counts are whole numbers ≥ 0.');
    return {
      p,
      rule,
      orderLevel: !LINE_KINDS.includes(rule.kind as never),
      matcher: lineMatcher(e),
      minQty: optFixed(e?.minQty, MICRO, `${f}.eligibility.minQty`, R),
      minAmount: optFixed(e?.minAmount, CENT, `${f}.eligibility.minAmount`, R),
      budget: optFixed(p.limits?.budget, CENT, `${f}.limits.budget`, R),
      spent: u ? parseFixed(u.spent, CENT, `${f}.usage.spent`, R) : 0n,
    };
  });
}

export function parseCoupons(coupons: Coupon[]): ParsedCoupon[] {
  const C = 'COUPON_INVALID' as const;
  const codes = new Set<string>();
  return coupons.map((c, i) => {
    const f = `coupons[${i}]`;
    if (!c.code || codes.has(c.code)) fail(C, `${f}.code`, `Coupon code "${c.code}" is empty or given twice.`);
    codes.add(c.code);
    let value: bigint;
    if (c.kind === 'PERCENT_OFF') value = percentIn(c.value, `${f}.value`, C);
    else if (c.kind === 'AMOUNT_OFF') {
      value = parseFixed(c.value, CENT, `${f}.value`, C);
      if (value === 0n) fail(C, `${f}.value`, 'A coupon takes off more than 0.');
    } else return fail(C, `${f}.kind`, `Unknown coupon kind "${String(c.kind)}".`);
    if (!AT_RE.test(c.validFrom ?? '') || !AT_RE.test(c.validTo ?? '') || c.validFrom >= c.validTo)
      fail(C, `${f}.validTo`, `The validity ${c.validFrom} – ${c.validTo} is not a period.`);
    if (posInt(c.maxUses, `${f}.maxUses`, C) === null) fail(C, `${f}.maxUses`, 'A coupon says how many uses it has.');
    if (!Number.isInteger(c.used) || c.used < 0) fail(C, `${f}.used`, 'Uses so far are a whole number ≥ 0.');
    posInt(c.perCustomer, `${f}.perCustomer`, C);
    return {
      c,
      value,
      maxOff: optFixed(c.maxOff, CENT, `${f}.maxOff`, C),
      minSpend: optFixed(c.minSpend, CENT, `${f}.minSpend`, C),
      matcher: lineMatcher(c.lines),
    };
  });
}
