import type { Cart, CartLine, Coupon, PricedCart, Promotion, PromotionRule } from './types';

// Builders so that a worked cart reads like a till receipt.
export const line = (
  id: string,
  sku: string,
  qty: string,
  listPrice: string,
  more: Partial<CartLine> = {},
): CartLine => ({
  id,
  sku,
  categories: ['FOOD'],
  brand: 'ACME',
  qty,
  listPrice,
  ...more,
});

export const cart = (lines: CartLine[], more: Partial<Cart> = {}): Cart => ({
  customerId: 'C1',
  tier: 'GOLD',
  channel: 'STORE',
  store: 'S1',
  at: '2026-11-25T10:00',
  lines,
  ...more,
});

export const promo = (id: string, rule: PromotionRule, more: Partial<Promotion> = {}): Promotion => ({
  id,
  name: id,
  priority: 10,
  exclusive: false,
  rule,
  ...more,
});

export const coupon = (code: string, more: Partial<Coupon> = {}): Coupon => ({
  code,
  batch: 'B1',
  kind: 'AMOUNT_OFF',
  value: '20',
  validFrom: '2026-11-01T00:00',
  validTo: '2026-12-01T00:00',
  maxUses: 1,
  used: 0,
  ...more,
});

/** line id → net amount, gift lines included */
export const amounts = (r: PricedCart) => Object.fromEntries(r.lines.map((l) => [l.id, l.amount]));
export const why = (r: PricedCart) =>
  Object.fromEntries(r.notApplied.map((n) => [n.promotionId, `${n.reason}:${n.detail}`]));
