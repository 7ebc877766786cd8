import { describe, expect, it } from 'vitest';
import { allocate, checkExclusiveOverlap, priceCart, PromotionError, type Promotion } from './index';
import { amounts, cart, coupon, line, promo, why } from './test-helpers';

const mj = (id: string, threshold = '300', off = '50', more: Partial<Promotion> = {}) =>
  promo(id, { kind: 'THRESHOLD_OFF', threshold, off, perMultiple: false }, more);
const pct = (id: string, percent: string, more: Partial<Promotion> = {}) =>
  promo(id, { kind: 'PERCENT_OFF', percent }, more);

describe('allocation of an order-level reduction', () => {
  const c = (xs: bigint[]) => xs.map((x) => Number(x) / 100);
  it('in proportion to net amounts, half-up, the remainder to the largest line', () => {
    // 1.00 over 10.00, 10.00, 10.01: 0.3332, 0.3332, 0.3336 → 0.33 each, the missing cent to 10.01
    expect(c(allocate(100n, [1000n, 1000n, 1001n]))).toEqual([0.33, 0.33, 0.34]);
    // 0.10 over three equal lines: 0.0333 → 0.03 each, the cent to the first of the largest
    expect(c(allocate(10n, [100n, 100n, 100n]))).toEqual([0.04, 0.03, 0.03]);
    // 0.02 over three equal lines: 0.0067 → 0.01 each is one cent too many, taken back from the largest
    expect(c(allocate(2n, [100n, 100n, 100n]))).toEqual([0, 0.01, 0.01]);
    // more than the lines hold: cut to what they hold, no line below zero
    expect(c(allocate(500n, [100n, 0n, 250n]))).toEqual([1, 0, 2.5]);
    expect(c(allocate(0n, [100n]))).toEqual([0]);
  });

  it('on a cart: 满100减10 over 33.33 + 33.33 + 33.34 takes 3.33, 3.33, 3.34', () => {
    const r = priceCart({
      cart: cart([line('1', 'A', '1', '33.33'), line('2', 'B', '1', '33.33'), line('3', 'C', '1', '33.34')]),
      promotions: [mj('MJ', '100', '10')],
    });
    expect(r.lines.map((l) => l.allocations[0].amount)).toEqual(['3.33', '3.33', '3.34']);
    expect(r.total).toBe('90.00');
  });
});

describe('stacking', () => {
  it('the full sequence on one line: list → line promotions by priority → 满减 → coupon → rounding', () => {
    const r = priceCart({
      cart: cart([line('1', 'A', '2', '100'), line('2', 'B', '1', '150', { categories: ['TOYS'] })]),
      promotions: [
        pct('P10', '10', { eligibility: { categories: ['FOOD'] }, priority: 2 }),
        promo('F85', { kind: 'FIXED_PRICE', price: '85' }, { eligibility: { skus: ['A'] }, priority: 1 }),
        mj('MJ'),
      ],
      coupons: [coupon('CP20', { minSpend: '200' })],
    });
    // A: 200 → fixed 170 → 10 % 153; B 150. 满300减50 on 303: 25.25 / 24.75 → 127.75, 125.25;
    // coupon 20 on 253: 10.10 / 9.90 → 117.65, 115.35
    expect(r.lines[0].steps.map((s) => s.text)).toEqual([
      'list price 100.000000 × 2.000000 = 200.00',
      'promotion F85 (fixed price 85.000000): −30.00 = 170.00',
      'promotion P10 (10% off): −17.00 = 153.00',
      'promotion MJ (spend 300.00 get 50.00 off): −25.25 = 127.75',
      'coupon CP20: −10.10 = 117.65',
      'rounded to 0.01: 117.65',
    ]);
    expect(amounts(r)).toEqual({ '1': '117.65', '2': '115.35' });
    expect([r.listTotal, r.discountTotal, r.total]).toEqual(['350.00', '117.00', '233.00']);
    expect(r.coupons).toEqual([{ code: 'CP20', batch: 'B1', discount: '20.00', lineIds: ['1', '2'] }]);
    expect(r.applied.map((a) => [a.promotionId, a.discount])).toEqual([
      ['F85', '30.00'],
      ['P10', '17.00'],
      ['MJ', '50.00'],
    ]);
    // each line's allocations add up to its discount
    for (const l of r.lines) {
      const sum = l.allocations.reduce((s, a) => s + Math.round(Number(a.amount) * 100), 0);
      expect(sum).toBe(Math.round(Number(l.discount) * 100));
    }
  });

  it('priority orders stackable line promotions: a fixed price then 10 % differs from 10 % then the fixed price', () => {
    const c = cart([line('1', 'A', '1', '10')]);
    const fixedFirst = priceCart({
      cart: c,
      promotions: [pct('P', '10', { priority: 2 }), promo('F', { kind: 'FIXED_PRICE', price: '8' }, { priority: 1 })],
    });
    const pctFirst = priceCart({
      cart: c,
      promotions: [pct('P', '10', { priority: 1 }), promo('F', { kind: 'FIXED_PRICE', price: '8' }, { priority: 2 })],
    });
    expect([fixedFirst.total, pctFirst.total]).toEqual(['7.20', '8.00']);
  });

  it('the threshold counts amounts after line promotions', () => {
    // 200 − 10 % = 180, + 150 = 330 ≥ 300 → 满减 applies
    const r = priceCart({
      cart: cart([line('1', 'A', '1', '200'), line('2', 'B', '1', '150', { categories: ['TOYS'] })]),
      promotions: [pct('P10', '10', { eligibility: { categories: ['FOOD'] } }), mj('MJ')],
    });
    expect(r.total).toBe('280.00');
    // 200 − 30 % = 140, + 150 = 290 < 300: the 30 % (−60) is worth more than the 满减 (−50): kept
    const r2 = priceCart({
      cart: cart([line('1', 'A', '1', '200'), line('2', 'B', '1', '150', { categories: ['TOYS'] })]),
      promotions: [pct('P30', '30', { eligibility: { categories: ['FOOD'] } }), mj('MJ')],
    });
    expect(r2.total).toBe('290.00');
    expect(why(r2)).toEqual({ MJ: 'NOT_ELIGIBLE:THRESHOLD' });
  });

  it('a line discount that would cost the customer a 满减 is left out (best for the customer)', () => {
    // with the 10 %: 180 + 110 = 290, no 满减 → 290; without it: 310 − 50 = 260
    const r = priceCart({
      cart: cart([line('1', 'A', '1', '200'), line('2', 'B', '1', '110', { categories: ['TOYS'] })]),
      promotions: [pct('P10', '10', { eligibility: { categories: ['FOOD'] } }), mj('MJ')],
    });
    expect(r.total).toBe('260.00');
    expect(why(r)).toEqual({ P10: 'NOT_BEST:LEFT_OUT' });
    expect(r.search).toEqual({ evaluated: 4, exhaustive: true });
  });

  it('a promotion that would take the cart below a coupon’s minimum spend is left out when that is cheaper', () => {
    // 20 % makes 110 → 88 (< 100, coupon lost): 88; without: 110 − 30 = 80
    const r = priceCart({
      cart: cart([line('1', 'A', '1', '110')]),
      promotions: [pct('P20', '20')],
      coupons: [coupon('C30', { value: '30', minSpend: '100' })],
    });
    expect([r.total, r.coupons[0]?.code]).toEqual(['80.00', 'C30']);
    expect(why(r)).toEqual({ P20: 'NOT_BEST:LEFT_OUT' });
  });

  it('an exclusive promotion is used alone when it gives most; the others are beaten by it', () => {
    const lines = [line('1', 'A', '1', '200'), line('2', 'B', '1', '150')];
    const r = priceCart({
      cart: cart(lines),
      promotions: [pct('P10', '10'), mj('MJ'), pct('X30', '30', { exclusive: true })],
      coupons: [coupon('C20')],
    });
    // stackables: 315 − 50 = 265; exclusive 30 %: 245; the coupon applies either way → 225
    expect(r.total).toBe('225.00');
    expect(r.applied.map((a) => a.promotionId)).toEqual(['X30']);
    expect(why(r)).toEqual({ P10: 'BEATEN_BY_EXCLUSIVE:EXCLUSIVE', MJ: 'BEATEN_BY_EXCLUSIVE:EXCLUSIVE' });
    expect(r.notApplied[0].params).toEqual({ by: 'X30' });
    // an exclusive that gives less than the stackables together loses to them
    const r2 = priceCart({
      cart: cart(lines),
      promotions: [pct('P10', '10'), mj('MJ'), pct('X20', '20', { exclusive: true })],
    });
    expect(r2.total).toBe('265.00');
    expect(why(r2)).toEqual({ X20: 'NOT_BEST:EXCLUSIVE_LESS' });
  });

  it('among exclusive ones the best for the customer wins, gifts counted at their list value', () => {
    const lines = [line('1', 'A', '3', '10')];
    const r = priceCart({
      cart: cart(lines),
      promotions: [
        pct('X10', '10', { exclusive: true, priority: 1 }),
        promo('XG', { kind: 'BUY_X_GET_Y', buyQty: '3', getQty: '1', gift: null }, { exclusive: true, priority: 5 }),
      ],
    });
    // 10 % = −3.00; a gift of one A is worth 10.00
    expect(r.applied.map((a) => a.promotionId)).toEqual(['XG']);
    expect(why(r)).toEqual({ X10: 'BEATEN_BY_EXCLUSIVE:EXCLUSIVE' });
  });

  it('exclusive promotions of equal benefit: the smaller priority wins; of equal priority, an error', () => {
    const lines = [line('1', 'A', '1', '100')];
    const a = pct('XA', '10', { exclusive: true, priority: 1 });
    const b = promo('XB', { kind: 'FIXED_PRICE', price: '90' }, { exclusive: true, priority: 2 });
    expect(priceCart({ cart: cart(lines), promotions: [b, a] }).applied[0].promotionId).toBe('XA');
    const tie = () => priceCart({ cart: cart(lines), promotions: [a, { ...b, priority: 1 }] });
    expect(tie).toThrow(PromotionError);
    expect(tie).toThrow(/XA and XB have the same priority/);
    try {
      tie();
    } catch (e) {
      expect((e as PromotionError).code).toBe('PROMOTION_EXCLUSIVE_AMBIGUOUS');
    }
  });

  it('scheduling refuses same-priority exclusive promotions that can meet on one cart', () => {
    const a = pct('XA', '10', { exclusive: true, eligibility: { channels: ['STORE'] } });
    const b = pct('XB', '20', { exclusive: true, eligibility: { skus: ['A'] } });
    expect(() => checkExclusiveOverlap([a, b])).toThrow(/XA and XB/);
    // apart by channel, period, hours, weekday, SKUs, or priority: fine
    const apart: Promotion[][] = [
      [a, { ...b, eligibility: { channels: ['TMALL'] } }],
      [
        { ...a, eligibility: { to: '2026-12-01T00:00' } },
        { ...b, eligibility: { from: '2026-12-01T00:00' } },
      ],
      [
        { ...a, eligibility: { hours: [{ from: '22:00', to: '02:00' }] } },
        { ...b, eligibility: { hours: [{ from: '10:00', to: '12:00' }] } },
      ],
      [
        { ...a, eligibility: { weekdays: [6, 7] } },
        { ...b, eligibility: { weekdays: [1, 2] } },
      ],
      [
        { ...a, eligibility: { skus: ['B'] } },
        { ...b, eligibility: { skus: ['A'] } },
      ],
      [a, { ...b, priority: 11 }],
      [a, { ...b, exclusive: false }],
    ];
    for (const pair of apart) expect(() => checkExclusiveOverlap(pair)).not.toThrow();
    // windows that touch past midnight do meet
    expect(() =>
      checkExclusiveOverlap([
        { ...a, eligibility: { hours: [{ from: '22:00', to: '02:00' }] } },
        { ...b, eligibility: { hours: [{ from: '01:00', to: '03:00' }] } },
      ]),
    ).toThrow(PromotionError);
  });

  it('the same input prices the same way, whatever the order the promotions come in', () => {
    const input = {
      cart: cart([line('1', 'A', '2', '100'), line('2', 'B', '3', '33.33', { brand: 'Y' })]),
      promotions: [pct('P10', '10'), mj('MJ', '100', '15'), promo('O5', { kind: 'ORDER_PERCENT', percent: '5' })],
      coupons: [coupon('C', { kind: 'PERCENT_OFF', value: '8', maxOff: '50' })],
    };
    const a = priceCart(input);
    expect(priceCart(input)).toEqual(a);
    const b = priceCart({ ...input, promotions: [...input.promotions].reverse() });
    expect(amounts(b)).toEqual(amounts(a));
  });
});
