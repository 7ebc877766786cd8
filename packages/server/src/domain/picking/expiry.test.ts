import { describe, expect, it } from 'vitest';
import { classifyExpiry, mayTakeExpired, strategyFor } from './expiry';

describe('expiry classification', () => {
  it('the expiry date is the last day of use; within the warning days is expiring', () => {
    expect(classifyExpiry('2026-12-04', '2026-12-05', 30)).toBe('expired');
    expect(classifyExpiry('2026-12-04', '2026-12-04', 30)).toBe('expiring');
    expect(classifyExpiry('2026-12-24', '2026-11-24', 30)).toBe('expiring'); // 30 days away
    expect(classifyExpiry('2026-12-25', '2026-11-24', 30)).toBe('valid'); // 31 days away
    expect(classifyExpiry('2027-03-01', '2027-02-28', 0)).toBe('valid');
    expect(classifyExpiry('2027-02-28', '2027-02-28', 0)).toBe('expiring');
    expect(classifyExpiry(null, '2027-02-28', 30)).toBe('none');
  });

  it('across a month end and a leap-free February', () => {
    expect(classifyExpiry('2027-02-28', '2027-03-01', 30)).toBe('expired');
    expect(classifyExpiry('2027-03-30', '2027-02-28', 30)).toBe('expiring');
  });
});

describe('pick strategy', () => {
  it("the SKU's own setting, else the warehouse's, else auto", () => {
    expect(strategyFor('fifo', 'fefo')).toBe('fifo');
    expect(strategyFor(null, 'fefo')).toBe('fefo');
    expect(strategyFor(undefined, null)).toBe('auto');
  });

  it('only a sale may not take expired stock', () => {
    expect(mayTakeExpired('sale')).toBe(false);
    for (const p of ['scrap', 'supplier_return', 'transfer', 'adjustment', 'other'] as const)
      expect(mayTakeExpired(p)).toBe(true);
  });
});
