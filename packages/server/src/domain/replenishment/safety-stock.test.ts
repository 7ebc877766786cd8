import { describe, expect, it } from 'vitest';
import { sampleStdDev, simpleSafetyStock, statisticalSafetyStock } from './safety-stock';
import { ReplenishmentError } from './types';

describe('safety stock, the notes’ simple rule', () => {
  it('10 a day × 5 days lead time × 1.2 = 60', () => {
    const r = simpleSafetyStock({ averageDailySales: '10', leadTimeDays: '5', instabilityFactor: '1.2', scale: 0 });
    expect(r.safetyStock).toBe('60');
    expect(r.steps.map(({ label, formula, value }) => ({ label, formula, value }))).toEqual([
      {
        label: 'safetyStockRaw',
        formula: 'averageDailySales × leadTimeDays × instabilityFactor = 10 × 5 × 1.2',
        value: '60',
      },
      { label: 'safetyStock', formula: 'roundUp(60, 0 decimals)', value: '60' },
    ]);
  });

  it('is exact in decimals and rounds up to the unit', () => {
    // 0.1 × 3 × 1.1 = 0.33 exactly (in binary floats it would be 0.33000000000000007)
    expect(
      simpleSafetyStock({ averageDailySales: 0.1, leadTimeDays: 3, instabilityFactor: 1.1, scale: 2 }).safetyStock,
    ).toBe('0.33');
    // 7.3 × 4 × 1.15 = 33.58 → 34 pieces
    expect(
      simpleSafetyStock({ averageDailySales: '7.3', leadTimeDays: '4', instabilityFactor: '1.15', scale: 0 })
        .safetyStock,
    ).toBe('34');
  });

  it('refuses negative or malformed inputs', () => {
    expect(() =>
      simpleSafetyStock({ averageDailySales: '-1', leadTimeDays: '5', instabilityFactor: '1.2', scale: 0 }),
    ).toThrow(ReplenishmentError);
    expect(() =>
      simpleSafetyStock({ averageDailySales: '1e3', leadTimeDays: '5', instabilityFactor: '1.2', scale: 0 }),
    ).toThrow(ReplenishmentError);
    expect(() =>
      simpleSafetyStock({ averageDailySales: '1', leadTimeDays: '5', instabilityFactor: '1.2', scale: 7 }),
    ).toThrow(ReplenishmentError);
  });
});

describe('safety stock, statistical: z × σ × √L', () => {
  it('σ 10, lead time 4 days, 95 %: 1.644854 × 10 × 2 = 32.89708 → 33 (the shown factors, multiplied exactly)', () => {
    const r = statisticalSafetyStock({ serviceLevel: 0.95, sigma: 10, leadTimeDays: 4, scale: 0 });
    expect(r.safetyStock).toBe('33');
    expect(r.steps.map((s) => [s.label, s.value])).toEqual([
      ['z', '1.644854'],
      ['sigmaDailyDemand', '10'],
      ['sqrtLeadTime', '2'],
      ['safetyStockRaw', '32.89708'],
      ['safetyStock', '33'],
    ]);
  });

  it('σ from daily demand [8, 12, 10, 10], lead time 9 days, 90 %', () => {
    // mean 10, squared deviations 4 + 4 + 0 + 0 = 8, sample variance 8/3, σ = 1.632993
    // 1.281552 × 1.632993 × 3 = 6.2782957… → 7 pieces, or 6.3 at one decimal
    expect(sampleStdDev([8, 12, 10, 10])).toBeCloseTo(Math.sqrt(8 / 3), 12);
    const pieces = statisticalSafetyStock({
      serviceLevel: 0.9,
      dailyDemand: [8, 12, 10, 10],
      leadTimeDays: '9',
      scale: 0,
    });
    expect(pieces.safetyStock).toBe('7');
    expect(pieces.steps.find((s) => s.label === 'safetyStockRaw')!.value).toBe('6.278296');
    expect(
      statisticalSafetyStock({ serviceLevel: 0.9, dailyDemand: [8, 12, 10, 10], leadTimeDays: '9', scale: 1 })
        .safetyStock,
    ).toBe('6.3');
  });

  it('no safety stock at 50 % or below, none without variation', () => {
    expect(statisticalSafetyStock({ serviceLevel: 0.5, sigma: 10, leadTimeDays: 4, scale: 0 }).safetyStock).toBe('0');
    expect(statisticalSafetyStock({ serviceLevel: 0.3, sigma: 10, leadTimeDays: 4, scale: 0 }).safetyStock).toBe('0');
    expect(
      statisticalSafetyStock({ serviceLevel: 0.99, dailyDemand: [5, 5, 5], leadTimeDays: 4, scale: 0 }).safetyStock,
    ).toBe('0');
  });

  it('refuses a service level of 0 or 1, both or neither σ source, one day of history', () => {
    expect(() => statisticalSafetyStock({ serviceLevel: 1, sigma: 1, leadTimeDays: 1, scale: 0 })).toThrow(
      ReplenishmentError,
    );
    expect(() => statisticalSafetyStock({ serviceLevel: 0, sigma: 1, leadTimeDays: 1, scale: 0 })).toThrow(
      ReplenishmentError,
    );
    expect(() =>
      statisticalSafetyStock({ serviceLevel: 0.9, sigma: 1, dailyDemand: [1, 2], leadTimeDays: 1, scale: 0 }),
    ).toThrow(ReplenishmentError);
    expect(() => statisticalSafetyStock({ serviceLevel: 0.9, leadTimeDays: 1, scale: 0 })).toThrow(ReplenishmentError);
    expect(() => statisticalSafetyStock({ serviceLevel: 0.9, dailyDemand: [3], leadTimeDays: 1, scale: 0 })).toThrow(
      ReplenishmentError,
    );
  });
});
