import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { isBelowCost, PricingError, resolvePrice, type PriceCandidate, type PriceQuery } from './index';

const item = (p: Partial<PriceCandidate>): PriceCandidate => ({
  priceListId: 1,
  priceListCode: 'BASE',
  tierCode: null,
  channelCode: null,
  validFrom: '2026-01-01',
  validTo: null,
  rule: 'FIXED',
  value: '10',
  ...p,
});
const Q: PriceQuery = {
  tierCode: 'gold',
  channelCode: 'TMALL',
  on: '2026-11-25',
  unitCost: '8.40',
  listPrice: '12.00',
};

describe('sale price of a line', () => {
  it('takes the list price when no list applies, with every step', () => {
    expect(resolvePrice([item({ validTo: '2026-10-31' })], Q)).toEqual({
      unitPrice: '12.00',
      priceListId: null,
      rule: 'LIST_PRICE',
      steps: [
        'list price 12.00',
        'no price list applies: the list price',
        'promotions: none',
        'rounded to 0.01: 12.00',
      ],
    });
  });

  it('cost plus: 8.40 + 15% = 9.66; discount off list: 12.00 − 7.5% = 11.10 (11.1 exactly)', () => {
    expect(resolvePrice([item({ rule: 'COST_PLUS', value: '15' })], Q).unitPrice).toBe('9.66');
    expect(resolvePrice([item({ rule: 'DISCOUNT_OFF_LIST', value: '7.5' })], Q).unitPrice).toBe('11.10');
    // 8.33 × 1.125 = 9.37125 → half-up 9.37; 8.34 × 1.125 = 9.3825 → 9.38
    expect(resolvePrice([item({ rule: 'COST_PLUS', value: '12.5' })], { ...Q, unitCost: '8.33' }).unitPrice).toBe(
      '9.37',
    );
    expect(resolvePrice([item({ rule: 'COST_PLUS', value: '12.5' })], { ...Q, unitCost: '8.34' }).unitPrice).toBe(
      '9.38',
    );
    expect(() => resolvePrice([item({ rule: 'COST_PLUS', value: '15' })], { ...Q, unitCost: null })).toThrow(
      PricingError,
    );
    // the steps name the cost only for those who may see it
    expect(resolvePrice([item({ rule: 'COST_PLUS', value: '15' })], Q).steps[1]).toBe(
      'price list BASE (any tier, any channel, 2026-01-01–open): cost 8.40 + 15% = 9.66',
    );
    expect(resolvePrice([item({ rule: 'COST_PLUS', value: '15' })], { ...Q, hideCost: true }).steps).toEqual([
      'list price 12.00',
      'price list BASE: 9.66',
      'promotions: none',
      'rounded to 0.01: 9.66',
    ]);
    // with the list's name: still only the list and the result, never the markup or the cost
    expect(
      resolvePrice([item({ rule: 'COST_PLUS', value: '15', priceListName: '经销价' })], { ...Q, hideCost: true })
        .steps[1],
    ).toBe('price list BASE (经销价): 9.66');
  });

  it('the most specific list wins: tier+channel over tier over channel over any; then the latest validity', () => {
    const c = [
      item({ priceListId: 1, value: '11.00' }),
      item({ priceListId: 2, channelCode: 'TMALL', value: '10.80' }),
      item({ priceListId: 3, tierCode: 'gold', value: '10.50' }),
      item({
        priceListId: 4,
        tierCode: 'gold',
        channelCode: 'TMALL',
        value: '10.20',
        validFrom: '2026-01-01',
        validTo: '2026-06-30',
      }),
      item({ priceListId: 5, tierCode: 'gold', channelCode: 'TMALL', value: '10.00', validFrom: '2026-07-01' }),
      item({ priceListId: 6, tierCode: 'vip', channelCode: 'TMALL', value: '9.00' }),
    ];
    const r = resolvePrice(c, Q);
    expect(r).toMatchObject({ unitPrice: '10.00', priceListId: 5, rule: 'FIXED' });
    expect(r.steps[1]).toBe('price list BASE (gold, TMALL, 2026-07-01–open): fixed 10.00');
    expect(resolvePrice(c, { ...Q, on: '2026-03-01' }).priceListId).toBe(4);
    expect(resolvePrice(c, { ...Q, channelCode: 'JD' }).priceListId).toBe(3);
    expect(resolvePrice(c, { ...Q, tierCode: 'ordinary' }).priceListId).toBe(2);
    expect(resolvePrice(c, { ...Q, tierCode: 'ordinary', channelCode: 'JD' }).priceListId).toBe(1);
  });

  it('promotions plug in between the base price and rounding', () => {
    const tenPctOff = (p: Decimal) => ({ price: p.mul('0.9'), step: 'promotion: 10% off' });
    expect(resolvePrice([item({ value: '10.05' })], Q, [tenPctOff])).toMatchObject({
      unitPrice: '9.05',
      steps: [
        'list price 12.00',
        'price list BASE (any tier, any channel, 2026-01-01–open): fixed 10.05',
        'promotion: 10% off',
        'rounded to 0.01: 9.05',
      ],
    });
  });

  it('below cost compares exactly; an unknown cost is never below', () => {
    expect(isBelowCost('8.39', '8.40')).toBe(true);
    expect(isBelowCost('8.40', '8.400000')).toBe(false);
    expect(isBelowCost('0.01', null)).toBe(false);
  });
});
