import { describe, expect, it } from 'vitest';
import { priceCart } from './index';
import { amounts, cart, line, promo, why } from './test-helpers';

describe('each kind on a hand-worked cart', () => {
  it('no promotion: list amounts, each line list → rounding', () => {
    const r = priceCart({ cart: cart([line('1', 'A', '1.5', '12.99'), line('2', 'B', '2', '5')]), promotions: [] });
    // 1.5 × 12.99 = 19.485 → 19.49 (half-up)
    expect(amounts(r)).toEqual({ '1': '19.49', '2': '10.00' });
    expect(r.total).toBe('29.49');
    expect(r.lines[0].steps.map((s) => s.text)).toEqual([
      'list price 12.990000 × 1.500000 = 19.49',
      'rounded to 0.01: 19.49',
    ]);
    expect(r.lines[0].unitPrice).toBe('12.993333');
  });

  it('percent off a category: 15 % of 38.97 = 5.8455 → the line 33.12; other lines untouched', () => {
    const r = priceCart({
      cart: cart([line('1', 'A', '3', '12.99', { categories: ['DRINK', 'FOOD'] }), line('2', 'B', '2', '5')]),
      promotions: [promo('P15', { kind: 'PERCENT_OFF', percent: '15' }, { eligibility: { categories: ['DRINK'] } })],
    });
    expect(amounts(r)).toEqual({ '1': '33.12', '2': '10.00' });
    expect(r.listTotal).toBe('48.97');
    expect(r.discountTotal).toBe('5.85');
    expect(r.total).toBe('43.12');
    expect(r.lines[0].steps.map((s) => s.text)).toEqual([
      'list price 12.990000 × 3.000000 = 38.97',
      'promotion P15 (15% off): −5.85 = 33.12',
      'rounded to 0.01: 33.12',
    ]);
    expect(r.lines[0].allocations).toEqual([{ promotionId: 'P15', amount: '5.85' }]);
    expect(r.applied).toMatchObject([{ promotionId: 'P15', discount: '5.85', lineIds: ['1'], budgetUse: '5.85' }]);
  });

  it('fixed price on a SKU: 4 × 9.90 → 4 × 8.00; a fixed price above the current one gives nothing', () => {
    const r = priceCart({
      cart: cart([line('1', 'A', '4', '9.90'), line('2', 'B', '1', '5')]),
      promotions: [
        promo('F8', { kind: 'FIXED_PRICE', price: '8' }, { eligibility: { skus: ['A'] } }),
        promo('F6', { kind: 'FIXED_PRICE', price: '6' }, { eligibility: { skus: ['B'] } }),
        promo('F12', { kind: 'FIXED_PRICE', price: '12' }, { eligibility: { skus: ['A'] } }),
      ],
    });
    expect(amounts(r)).toEqual({ '1': '32.00', '2': '5.00' });
    expect(why(r)).toEqual({ F6: 'NO_BENEFIT:NO_BENEFIT', F12: 'NO_BENEFIT:NO_BENEFIT' });
  });

  it('tier prices by the covered quantity together: 12 units → 5 % off, 20 → 9.00 each', () => {
    const rule = {
      kind: 'TIER_PRICE' as const,
      tiers: [
        { minQty: '20', price: '9' },
        { minQty: '10', percent: '5' },
      ],
    };
    const t = promo('T', rule, { eligibility: { brands: ['ACME'] } });
    const r12 = priceCart({ cart: cart([line('1', 'A', '8', '10'), line('2', 'B', '4', '11.11')]), promotions: [t] });
    // 80 × 0.95 = 76.00; 44.44 × 0.95 = 42.218 → 42.22
    expect(amounts(r12)).toEqual({ '1': '76.00', '2': '42.22' });
    const r20 = priceCart({ cart: cart([line('1', 'A', '16', '10'), line('2', 'B', '4', '11.11')]), promotions: [t] });
    expect(amounts(r20)).toEqual({ '1': '144.00', '2': '36.00' });
    const r9 = priceCart({ cart: cart([line('1', 'A', '9', '10')]), promotions: [t] });
    expect(why(r9)).toEqual({ T: 'NOT_ELIGIBLE:MIN_QTY' });
  });

  it('bundle: A + 2 × B for 50.00, twice in the cart; the 2.00 saved spread 20 : 32 over the bundled units', () => {
    const r = priceCart({
      cart: cart([line('1', 'A', '3', '10'), line('2', 'B', '5', '8'), line('3', 'C', '1', '3')]),
      promotions: [
        promo('BUN', {
          kind: 'BUNDLE_PRICE',
          items: [
            { sku: 'A', qty: '1' },
            { sku: 'B', qty: '2' },
          ],
          price: '25',
        }),
      ],
    });
    // bundled: 2 A worth 20.00, 4 B worth 32.00 → 52.00 for 50.00; 2 × 20/52 = 0.769 → 0.77, 2 × 32/52 = 1.231 → 1.23
    expect(amounts(r)).toEqual({ '1': '29.23', '2': '38.77', '3': '3.00' });
    expect(r.applied[0].discount).toBe('2.00');
    const once = priceCart({
      cart: cart([line('1', 'A', '3', '10'), line('2', 'B', '5', '8')]),
      promotions: [
        promo('BUN', {
          kind: 'BUNDLE_PRICE',
          items: [
            { sku: 'A', qty: '1' },
            { sku: 'B', qty: '2' },
          ],
          price: '20',
          maxTimes: 1,
        }),
      ],
    });
    // one set: A 10.00 + 2 B 16.00 = 26.00 for 20.00: 6 × 10/26 = 2.31, 6 × 16/26 = 3.69
    expect(amounts(once)).toEqual({ '1': '27.69', '2': '36.31' });
    const short = priceCart({
      cart: cart([line('1', 'A', '3', '10'), line('2', 'B', '1', '8')]),
      promotions: [
        promo('BUN', {
          kind: 'BUNDLE_PRICE',
          items: [
            { sku: 'A', qty: '1' },
            { sku: 'B', qty: '2' },
          ],
          price: '20',
        }),
      ],
    });
    expect(why(short)).toEqual({ BUN: 'NOT_ELIGIBLE:BUNDLE_INCOMPLETE' });
  });

  it('buy 2 get 1 of the same SKU: a gift line at 0 per SKU; maxTimes caps it', () => {
    const rule = { kind: 'BUY_X_GET_Y' as const, buyQty: '2', getQty: '1', gift: null };
    const r = priceCart({
      cart: cart([line('1', 'A', '5', '4.50', { unitCost: '2' }), line('2', 'B', '2', '3')]),
      promotions: [promo('B2G1', rule)],
    });
    expect(amounts(r)).toEqual({ '1': '22.50', '2': '6.00', 'gift:B2G1:A': '0.00', 'gift:B2G1:B': '0.00' });
    const giftA = r.lines.find((l) => l.id === 'gift:B2G1:A')!;
    expect(giftA).toMatchObject({
      gift: true,
      promotionId: 'B2G1',
      qty: '2.000000',
      listAmount: '9.00',
      amount: '0.00',
    });
    expect(giftA.steps.map((s) => s.text)).toEqual([
      'list price 4.500000 × 2.000000 = 9.00',
      'gift of promotion B2G1 (buy 2.000000 get 1.000000 free): −9.00 = 0.00',
      'rounded to 0.01: 0.00',
    ]);
    // gifts are not a discount of the sale: list total and total stay; their value is told apart
    expect([r.listTotal, r.total, r.giftValue]).toEqual(['28.50', '28.50', '12.00']);
    // the budget is charged the gifts' cost: A at 2.00 × 2, B (no cost known) at its list price 3.00
    expect(r.applied[0]).toMatchObject({ giftQty: '3.000000', giftValue: '12.00', budgetUse: '7.00' });
    const capped = priceCart({
      cart: cart([line('1', 'A', '5', '4.50')]),
      promotions: [promo('B2G1', { ...rule, maxTimes: 1 })],
    });
    expect(capped.lines.map((l) => [l.id, l.qty])).toEqual([
      ['1', '5.000000'],
      ['gift:B2G1:A', '1.000000'],
    ]);
  });

  it('buy 3 of a brand get 1 gift SKU: 7 bought → 2 gifts, charged at cost to the budget', () => {
    const r = priceCart({
      cart: cart([line('1', 'A', '4', '10', { brand: 'X' }), line('2', 'B', '3', '10', { brand: 'X' })]),
      promotions: [
        promo(
          'GIFT',
          { kind: 'BUY_X_GET_Y', buyQty: '3', getQty: '1', gift: { sku: 'G', listPrice: '6', unitCost: '2.5' } },
          {
            eligibility: { brands: ['X'] },
            limits: { budget: '100' },
            usage: { total: 0, byCustomer: 0, spent: '95' },
          },
        ),
      ],
    });
    expect(r.lines.map((l) => [l.id, l.qty, l.amount])).toEqual([
      ['1', '4.000000', '40.00'],
      ['2', '3.000000', '30.00'],
      ['gift:GIFT:G', '2.000000', '0.00'],
    ]);
    expect(r.applied[0]).toMatchObject({ discount: '0.00', giftValue: '12.00', budgetUse: '5.00' });
    const few = priceCart({
      cart: cart([line('1', 'A', '2', '10', { brand: 'X' })]),
      promotions: [
        promo('GIFT', { kind: 'BUY_X_GET_Y', buyQty: '3', getQty: '1', gift: { sku: 'G', listPrice: '6' } }),
      ],
    });
    expect(why(few)).toEqual({ GIFT: 'NOT_ELIGIBLE:MIN_QTY' });
    expect(few.notApplied[0].text).toBe('buy 3.000000 of the covered goods to get 1.000000 free');
  });

  it('满300减50 once: 350.00 → 300.00, the 50 split 200 : 150 (28.57 + 21.43)', () => {
    const r = priceCart({
      cart: cart([line('1', 'A', '1', '200'), line('2', 'B', '1', '150')]),
      promotions: [promo('MJ', { kind: 'THRESHOLD_OFF', threshold: '300', off: '50', perMultiple: false })],
    });
    expect(amounts(r)).toEqual({ '1': '171.43', '2': '128.57' });
    expect(r.lines[0].steps[1]).toEqual({
      kind: 'ORDER_PROMOTION',
      promotionId: 'MJ',
      discount: '28.57',
      amount: '171.43',
      text: 'promotion MJ (spend 300.00 get 50.00 off): −28.57 = 171.43',
    });
    const below = priceCart({
      cart: cart([line('1', 'A', '1', '299.99')]),
      promotions: [promo('MJ', { kind: 'THRESHOLD_OFF', threshold: '300', off: '50', perMultiple: false })],
    });
    expect(below.notApplied[0]).toMatchObject({
      reason: 'NOT_ELIGIBLE',
      detail: 'THRESHOLD',
      params: { amount: '299.99', threshold: '300.00' },
    });
  });

  it('每满300减50 最多减150: 1000 → −150 (3 multiples), 1300 → −150 (4 multiples, capped), 599 → −50', () => {
    const mj = promo('MJ', { kind: 'THRESHOLD_OFF', threshold: '300', off: '50', perMultiple: true, cap: '150' });
    const off = (price: string) =>
      priceCart({ cart: cart([line('1', 'A', '1', price)]), promotions: [mj] }).discountTotal;
    expect([off('1000'), off('1300'), off('599'), off('600')]).toEqual(['150.00', '150.00', '50.00', '100.00']);
  });

  it('order percent with a cap: 5 % of 333.33 = 16.67 (16.6665 half-up), capped at 10', () => {
    const lines = [line('1', 'A', '1', '111.11'), line('2', 'B', '2', '111.11')];
    const r = priceCart({ cart: cart(lines), promotions: [promo('O5', { kind: 'ORDER_PERCENT', percent: '5' })] });
    // 16.67 split 111.11 : 222.22 → 5.56 + 11.11 = 16.67
    expect(amounts(r)).toEqual({ '1': '105.55', '2': '211.11' });
    const c = priceCart({
      cart: cart(lines),
      promotions: [promo('O5', { kind: 'ORDER_PERCENT', percent: '5', cap: '10' })],
    });
    expect(c.discountTotal).toBe('10.00');
  });
});
