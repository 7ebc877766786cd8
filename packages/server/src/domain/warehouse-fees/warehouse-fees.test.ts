import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { allocateWarehouseFee, spaceDays } from './index';

describe('space-days', () => {
  it('sums the quantity on hand at the end of each day', () => {
    // 10 on hand all 30 days, +5 on day 11 (20 days × 5), −15 on day 21 (10 days × −15)
    expect(
      spaceDays(
        '10',
        [
          { day: 11, qty: '5' },
          { day: 21, qty: '-15' },
        ],
        30,
      ).toFixed(),
    ).toBe(String(10 * 30 + 5 * 20 - 15 * 10));
  });
  it('counts a day below zero as zero, and fractions exactly', () => {
    expect(
      spaceDays(
        '0',
        [
          { day: 1, qty: '-2' },
          { day: 29, qty: '2.5' },
        ],
        30,
      ).toFixed(),
    ).toBe('1');
    expect(spaceDays('0.125', [], 28).toFixed()).toBe('3.5');
  });
  it('refuses a day outside the month', () => {
    expect(() => spaceDays('0', [{ day: 31, qty: '1' }], 30)).toThrow();
  });
});

describe('warehouse fee allocation', () => {
  const usage = [
    { skuId: 3, opening: '0', moves: [{ day: 1, qty: '1' }], lines: 1 }, // 30 space-days
    { skuId: 1, opening: '10', moves: [], lines: 2 }, // 300 space-days
    { skuId: 2, opening: '0', moves: [{ day: 30, qty: '3' }], lines: 1 }, // 3 space-days
    { skuId: 4, opening: '0', moves: [], lines: 0 }, // nothing: left out
  ];
  it('storage by space-days and handling by lines, each adding up to the fee exactly', () => {
    const a = allocateWarehouseFee({ storage: '100.00', handling: '10.00' }, usage, 30);
    expect(a.shares).toEqual([
      // 100 × 300/333 = 90.0900… ; 100 × 3/333 = 0.9009… ; 100 × 30/333 = 9.0090… → 90.09 + 0.90 + 9.01 (the cent to the largest remainder)
      { skuId: 1, spaceDays: '300', lines: 2, storage: '90.09', handling: '5.00', total: '95.09' },
      { skuId: 2, spaceDays: '3', lines: 1, storage: '0.90', handling: '2.50', total: '3.40' },
      { skuId: 3, spaceDays: '30', lines: 1, storage: '9.01', handling: '2.50', total: '11.51' },
    ]);
    const sum = (k: 'storage' | 'handling') => a.shares.reduce((s, x) => s.plus(x[k]), new Decimal(0)).toFixed(2);
    expect([sum('storage'), sum('handling')]).toEqual(['100.00', '10.00']);
    expect([a.unallocatedStorage, a.unallocatedHandling]).toEqual(['0.00', '0.00']);
  });
  it('the remainder rule: three equal parts of 0.10 are 0.04, 0.03, 0.03 (the earlier SKU first)', () => {
    const eq = [1, 2, 3].map((skuId) => ({ skuId, opening: '1', moves: [], lines: 1 }));
    const a = allocateWarehouseFee({ storage: '0.10', handling: '0.02' }, eq, 31);
    expect(a.shares.map((s) => [s.storage, s.handling])).toEqual([
      ['0.04', '0.01'],
      ['0.03', '0.01'],
      ['0.03', '0.00'],
    ]);
  });
  it('with nothing stored or moved the fee stays unallocated', () => {
    const a = allocateWarehouseFee({ storage: '50.00', handling: '7.00' }, [usage[3]], 30);
    expect(a.shares).toEqual([]);
    expect([a.unallocatedStorage, a.unallocatedHandling]).toEqual(['50.00', '7.00']);
  });
});
