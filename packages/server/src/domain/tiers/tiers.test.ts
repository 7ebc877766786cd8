import { describe, expect, it } from 'vitest';
import { tierFor, type TierRule } from './index';

const RULES: TierRule[] = [
  { code: 'ordinary', rank: 0, minAmount: '0', minOrders: 0, maxRecencyDays: null },
  { code: 'silver', rank: 1, minAmount: '2000', minOrders: 2, maxRecencyDays: 180 },
  { code: 'gold', rank: 2, minAmount: '10000', minOrders: 5, maxRecencyDays: 90 },
  { code: 'vip', rank: 3, minAmount: '50000', minOrders: 12, maxRecencyDays: 30 },
];

describe('customer tiers by RFM', () => {
  it('gives the highest tier whose every condition holds (hand-worked)', () => {
    const asOf = '2026-11-25';
    // 12 orders, 60,000.00, last 10 days ago → VIP
    expect(
      tierFor({ customerId: 1, lastOrderOn: '2026-11-15', orders: 12, amount: '60000.00' }, RULES, asOf).code,
    ).toBe('vip');
    // VIP amount and orders but last order 45 days ago → gold (90-day recency)
    expect(
      tierFor({ customerId: 2, lastOrderOn: '2026-10-11', orders: 12, amount: '60000.00' }, RULES, asOf).code,
    ).toBe('gold');
    // exactly on the thresholds counts: 2 orders, 2,000.00, 180 days ago → silver
    expect(tierFor({ customerId: 3, lastOrderOn: '2026-05-29', orders: 2, amount: '2000' }, RULES, asOf)).toEqual({
      code: 'silver',
      reason: 'amount 2000.00 ≥ 2000.00, orders 2 ≥ 2, last order 180 ≤ 180 days ago',
    });
    // one day too long ago → ordinary
    expect(tierFor({ customerId: 3, lastOrderOn: '2026-05-28', orders: 2, amount: '2000' }, RULES, asOf).code).toBe(
      'ordinary',
    );
    // no orders at all
    expect(tierFor({ customerId: 4, lastOrderOn: null, orders: 0, amount: '0' }, RULES, asOf)).toEqual({
      code: 'ordinary',
      reason: 'amount 0.00 ≥ 0.00, orders 0 ≥ 0',
    });
  });

  it('compares amounts exactly (no float rounding at the threshold)', () => {
    expect(
      tierFor({ customerId: 5, lastOrderOn: '2026-11-20', orders: 5, amount: '9999.999999' }, RULES, '2026-11-25').code,
    ).toBe('silver');
    expect(
      tierFor({ customerId: 5, lastOrderOn: '2026-11-20', orders: 5, amount: '10000.00' }, RULES, '2026-11-25').code,
    ).toBe('gold');
  });
});
