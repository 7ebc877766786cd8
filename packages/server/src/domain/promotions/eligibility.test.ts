import { describe, expect, it } from 'vitest';
import { priceCart, PromotionError, type PriceInput, type Promotion } from './index';
import { cart, coupon, line, promo, why } from './test-helpers';

const p10 = (more: Partial<Promotion>) => promo('P', { kind: 'PERCENT_OFF', percent: '10' }, more);
const lines = [
  line('1', 'A', '2', '50', { categories: ['DRINK', 'FOOD'], brand: 'X' }),
  line('2', 'B', '1', '100', { categories: ['TOYS'], brand: 'Y' }),
];

describe('eligibility as data', () => {
  const reason = (more: Partial<Promotion>, c = {}) =>
    why(priceCart({ cart: cart(lines, c), promotions: [p10(more)] })).P ?? 'APPLIED';

  it('channel, store, tier', () => {
    expect(reason({ eligibility: { channels: ['TMALL'] } })).toBe('NOT_ELIGIBLE:CHANNEL');
    expect(reason({ eligibility: { channels: ['STORE', 'TMALL'] } })).toBe('APPLIED');
    expect(reason({ eligibility: { stores: ['S2'] } })).toBe('NOT_ELIGIBLE:STORE');
    expect(reason({ eligibility: { stores: ['S1'] } }, { store: null })).toBe('NOT_ELIGIBLE:STORE');
    expect(reason({ eligibility: { tiers: ['VIP'] } })).toBe('NOT_ELIGIBLE:TIER');
    expect(reason({ eligibility: { tiers: ['GOLD', 'VIP'] } })).toBe('APPLIED');
  });

  it('period (from inclusive, to exclusive), weekdays and daily hours, a flash sale 10:00–12:00', () => {
    expect(reason({ eligibility: { from: '2026-11-25T10:00' } })).toBe('APPLIED');
    expect(reason({ eligibility: { from: '2026-11-25T10:01' } })).toBe('NOT_ELIGIBLE:TIME');
    expect(reason({ eligibility: { to: '2026-11-25T10:00' } })).toBe('NOT_ELIGIBLE:TIME');
    // 2026-11-25 is a Wednesday (3)
    expect(reason({ eligibility: { weekdays: [3] } })).toBe('APPLIED');
    expect(reason({ eligibility: { weekdays: [6, 7] } })).toBe('NOT_ELIGIBLE:WEEKDAY');
    const flash = { hours: [{ from: '10:00', to: '12:00' }] };
    expect(reason({ eligibility: flash })).toBe('APPLIED');
    expect(reason({ eligibility: flash }, { at: '2026-11-25T11:59' })).toBe('APPLIED');
    expect(reason({ eligibility: flash }, { at: '2026-11-25T12:00' })).toBe('NOT_ELIGIBLE:HOURS');
    expect(reason({ eligibility: flash }, { at: '2026-11-25T09:59' })).toBe('NOT_ELIGIBLE:HOURS');
    const night = { hours: [{ from: '22:00', to: '02:00' }] };
    expect(reason({ eligibility: night }, { at: '2026-11-25T23:30' })).toBe('APPLIED');
    expect(reason({ eligibility: night }, { at: '2026-11-26T01:59' })).toBe('APPLIED');
    expect(reason({ eligibility: night })).toBe('NOT_ELIGIBLE:HOURS');
  });

  it('SKU, category (any ancestor) and brand sets; exclusions win', () => {
    const covered = (more: Partial<Promotion>) =>
      priceCart({ cart: cart(lines), promotions: [p10(more)] }).applied[0]?.lineIds ?? [];
    expect(covered({})).toEqual(['1', '2']);
    expect(covered({ eligibility: { skus: ['B'] } })).toEqual(['2']);
    expect(covered({ eligibility: { categories: ['FOOD'] } })).toEqual(['1']);
    expect(covered({ eligibility: { brands: ['Y'], skus: ['A'] } })).toEqual(['1', '2']);
    expect(covered({ eligibility: { excludeSkus: ['A'] } })).toEqual(['2']);
    expect(covered({ eligibility: { brands: ['X', 'Y'], excludeCategories: ['DRINK'] } })).toEqual(['2']);
    expect(covered({ eligibility: { excludeBrands: ['X', 'Y'] } })).toEqual([]);
    expect(reason({ eligibility: { excludeBrands: ['X', 'Y'] } })).toBe('NOT_ELIGIBLE:NO_LINES');
  });

  it('minimum quantity and minimum amount of the covered lines', () => {
    expect(reason({ eligibility: { minQty: '3' } })).toBe('APPLIED');
    expect(reason({ eligibility: { minQty: '3.5' } })).toBe('NOT_ELIGIBLE:MIN_QTY');
    expect(reason({ eligibility: { minAmount: '200' } })).toBe('APPLIED');
    expect(reason({ eligibility: { minAmount: '200.01' } })).toBe('NOT_ELIGIBLE:MIN_AMOUNT');
    expect(reason({ eligibility: { minAmount: '100.01', categories: ['FOOD'] } })).toBe('NOT_ELIGIBLE:MIN_AMOUNT');
  });

  it('usage limits in total and per customer; a budget spent, or too small for this cart', () => {
    const used = (total: number, byCustomer: number, spent = '0') => ({ total, byCustomer, spent });
    expect(reason({ limits: { total: 100 }, usage: used(99, 0) })).toBe('APPLIED');
    expect(reason({ limits: { total: 100 }, usage: used(100, 0) })).toBe('LIMIT_REACHED:TOTAL');
    expect(reason({ limits: { perCustomer: 2 }, usage: used(5, 2) })).toBe('LIMIT_REACHED:PER_CUSTOMER');
    // a walk-in customer has no count of their own
    expect(reason({ limits: { perCustomer: 2 }, usage: used(5, 2) }, { customerId: null })).toBe('APPLIED');
    expect(reason({ limits: { budget: '1000' }, usage: used(9, 0, '1000') })).toBe('BUDGET_SPENT:BUDGET');
    // this cart's 10 % is 20.00: 20 left is enough, 19.99 is not
    expect(reason({ limits: { budget: '1000' }, usage: used(9, 0, '980') })).toBe('APPLIED');
    const r = priceCart({
      cart: cart(lines),
      promotions: [p10({ limits: { budget: '1000' }, usage: used(9, 0, '980.01') })],
    });
    expect(r.notApplied[0]).toMatchObject({
      reason: 'BUDGET_SPENT',
      params: { needs: '20.00', left: '19.99' },
      text: 'needs 20.00 of its budget, 19.99 left',
    });
  });
});

describe('coupons', () => {
  const price = (...coupons: PriceInput['coupons'] & object) =>
    priceCart({ cart: cart(lines), promotions: [], coupons });
  const rejected = (r: ReturnType<typeof price>) => r.rejectedCoupons.map((c) => `${c.code}:${c.reason}`);

  it('an amount off and a percent off with a cap, each after the promotions, split over the covered lines', () => {
    const r = price(
      coupon('A20', { minSpend: '150' }),
      coupon('P10', { batch: 'B2', kind: 'PERCENT_OFF', value: '10', maxOff: '15', lines: { brands: ['Y'] } }),
    );
    // 20 over 100 : 100 → 10 + 10; then 10 % of B's 90.00 = 9.00 (under the 15 cap)
    expect(r.lines.map((l) => l.amount)).toEqual(['90.00', '81.00']);
    expect(r.coupons.map((c) => [c.code, c.discount])).toEqual([
      ['A20', '20.00'],
      ['P10', '9.00'],
    ]);
    expect(price(coupon('P50', { kind: 'PERCENT_OFF', value: '50', maxOff: '15' })).total).toBe('185.00');
    // an amount above the covered lines takes them to zero, never below
    expect(price(coupon('BIG', { value: '500', lines: { skus: ['A'] } })).lines.map((l) => l.amount)).toEqual([
      '0.00',
      '100.00',
    ]);
  });

  it('each refusal has its code and changes nothing', () => {
    const r = price(
      coupon('EARLY', { validFrom: '2026-11-26T00:00' }),
      coupon('LATE', { validTo: '2026-11-25T10:00' }),
      coupon('THEIRS', { customerId: 'C2' }),
      coupon('USED', { used: 1 }),
      coupon('MINE', { customerId: 'C1', perCustomer: 2, usedByCustomer: 2, maxUses: 10 }),
      coupon('OK', { batch: 'B9' }),
      coupon('TWIN', { batch: 'B9' }),
      coupon('NOLINE', { batch: 'B3', lines: { skus: ['Z'] } }),
      coupon('MIN', { batch: 'B4', minSpend: '180.01' }),
    );
    expect(rejected(r)).toEqual([
      'EARLY:COUPON_NOT_YET_VALID',
      'LATE:COUPON_EXPIRED',
      'THEIRS:COUPON_OTHER_CUSTOMER',
      'USED:COUPON_USED_UP',
      'MINE:COUPON_CUSTOMER_LIMIT',
      'TWIN:COUPON_SAME_BATCH',
      'NOLINE:COUPON_NO_LINES',
      'MIN:COUPON_BELOW_MIN_SPEND',
    ]);
    expect(r.coupons.map((c) => c.code)).toEqual(['OK']);
    expect(r.total).toBe('180.00');
    expect(r.rejectedCoupons.at(-1)).toMatchObject({ params: { amount: '180.00', min: '180.01' } });
  });
});

describe('bad input is refused with a code naming the field', () => {
  const fails = (input: Partial<PriceInput>, code: string, field?: string | RegExp) => {
    try {
      priceCart({ cart: cart(lines), promotions: [], ...input });
    } catch (e) {
      expect(e).toBeInstanceOf(PromotionError);
      expect((e as PromotionError).code).toBe(code);
      if (field) expect((e as PromotionError).field).toMatch(field);
      return (e as Error).message;
    }
    throw new Error('did not fail');
  };
  const rule = (r: unknown) => ({ promotions: [promo('P', r as Promotion['rule'])] });

  it('discounts: negative, zero or above 100 %, a 满减 larger than its threshold, a cap under one reduction', () => {
    expect(fails(rule({ kind: 'PERCENT_OFF', percent: '-5' }), 'PROMOTION_INVALID_DISCOUNT', /percent/)).toMatch(
      /negative/,
    );
    expect(fails(rule({ kind: 'PERCENT_OFF', percent: '100.01' }), 'PROMOTION_INVALID_DISCOUNT')).toMatch(
      /more than 0 and at most 100/,
    );
    fails(rule({ kind: 'PERCENT_OFF', percent: '0' }), 'PROMOTION_INVALID_DISCOUNT');
    fails(rule({ kind: 'ORDER_PERCENT', percent: '120' }), 'PROMOTION_INVALID_DISCOUNT');
    fails(rule({ kind: 'FIXED_PRICE', price: '-1' }), 'PROMOTION_INVALID_DISCOUNT');
    fails(rule({ kind: 'TIER_PRICE', tiers: [{ minQty: '5', percent: '101' }] }), 'PROMOTION_INVALID_DISCOUNT');
    expect(
      fails(
        rule({ kind: 'THRESHOLD_OFF', threshold: '300', off: '400', perMultiple: false }),
        'PROMOTION_INVALID_DISCOUNT',
      ),
    ).toBe('减 400 is more than 满 300.');
    fails(
      rule({ kind: 'THRESHOLD_OFF', threshold: '300', off: '-50', perMultiple: false }),
      'PROMOTION_INVALID_DISCOUNT',
    );
    fails(
      rule({ kind: 'THRESHOLD_OFF', threshold: '300', off: '50', perMultiple: true, cap: '40' }),
      'PROMOTION_INVALID_DISCOUNT',
    );
    fails(rule({ kind: 'BUNDLE_PRICE', items: [{ sku: 'A', qty: '1' }], price: '-3' }), 'PROMOTION_INVALID_DISCOUNT');
  });

  it('rules: unknown kind, empty or repeated parts, a period that ends before it starts, bad hours', () => {
    fails(rule({ kind: 'HALF_PRICE' }), 'PROMOTION_INVALID_RULE');
    fails(
      rule({ kind: 'THRESHOLD_OFF', threshold: '300', off: '50', perMultiple: false, cap: '100' }),
      'PROMOTION_INVALID_RULE',
    );
    fails(rule({ kind: 'TIER_PRICE', tiers: [{ minQty: '5', percent: '5', price: '3' }] }), 'PROMOTION_INVALID_RULE');
    fails(
      rule({
        kind: 'TIER_PRICE',
        tiers: [
          { minQty: '5', percent: '5' },
          { minQty: '5.0', percent: '6' },
        ],
      }),
      'PROMOTION_INVALID_RULE',
    );
    fails(
      rule({
        kind: 'BUNDLE_PRICE',
        items: [
          { sku: 'A', qty: '1' },
          { sku: 'A', qty: '2' },
        ],
        price: '3',
      }),
      'PROMOTION_INVALID_RULE',
    );
    fails(rule({ kind: 'BUY_X_GET_Y', buyQty: '0', getQty: '1', gift: null }), 'PROMOTION_INVALID_RULE');
    const p = promo('P', { kind: 'PERCENT_OFF', percent: '10' });
    fails({ promotions: [p, p] }, 'PROMOTION_INVALID_RULE', /id/);
    fails(
      { promotions: [{ ...p, eligibility: { from: '2026-12-01T00:00', to: '2026-11-01T00:00' } }] },
      'PROMOTION_INVALID_RULE',
      /eligibility.to/,
    );
    fails(
      { promotions: [{ ...p, eligibility: { hours: [{ from: '25:00', to: '26:00' }] } }] },
      'PROMOTION_INVALID_RULE',
    );
    fails({ promotions: [{ ...p, eligibility: { weekdays: [0] } }] }, 'PROMOTION_INVALID_RULE');
    fails({ promotions: [{ ...p, limits: { total: 0 } }] }, 'PROMOTION_INVALID_RULE');
    fails({ promotions: [{ ...p, priority: 1.5 }] }, 'PROMOTION_INVALID_RULE');
  });

  it('coupons and carts', () => {
    fails({ coupons: [coupon('X', { kind: 'PERCENT_OFF', value: '150' })] }, 'COUPON_INVALID');
    fails({ coupons: [coupon('X', { value: '-5' })] }, 'COUPON_INVALID');
    fails({ coupons: [coupon('X', { validTo: '2026-10-01T00:00' })] }, 'COUPON_INVALID');
    fails({ coupons: [coupon('X'), coupon('X')] }, 'COUPON_INVALID');
    fails({ cart: cart([line('1', 'A', '-1', '5')]) }, 'CART_INVALID', 'lines[0].qty');
    fails({ cart: cart([line('1', 'A', '1', '5.1234567')]) }, 'CART_INVALID', 'lines[0].listPrice');
    fails({ cart: cart([line('1', 'A', '1', '5'), line('1', 'B', '1', '5')]) }, 'CART_INVALID');
    fails({ cart: cart(lines, { at: '2026-11-25 10:00' }) }, 'CART_INVALID', 'at');
    fails({ cart: cart([line('1', 'A', '1', '1e3')]) }, 'CART_INVALID');
  });
});
