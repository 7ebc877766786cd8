import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { cellMeasures, emptySums, periodBuckets, periodKey } from '.';

describe('analysis arithmetic', () => {
  it('buckets days by ISO week, month and quarter, clipped to the range', () => {
    expect(periodKey('2026-11-05', 'WEEK')).toBe('2026-W45');
    expect(periodKey('2027-01-01', 'WEEK')).toBe('2026-W53');
    expect(periodKey('2026-11-05', 'QUARTER')).toBe('2026-Q4');
    expect(periodBuckets('2026-10-20', '2026-11-10', 'MONTH')).toEqual([
      { key: '2026-10', start: '2026-10-20', end: '2026-10-31', days: 12 },
      { key: '2026-11', start: '2026-11-01', end: '2026-11-10', days: 10 },
    ]);
    expect(periodBuckets('2026-11-01', '2026-11-10', 'WEEK').map((b) => [b.key, b.start, b.end])).toEqual([
      ['2026-W44', '2026-11-01', '2026-11-01'],
      ['2026-W45', '2026-11-02', '2026-11-08'],
      ['2026-W46', '2026-11-09', '2026-11-10'],
    ]);
    expect(periodBuckets('2026-02-01', '2026-06-30', 'QUARTER').map((b) => b.days)).toEqual([59, 91]);
  });

  it('derives margin, margin %, turnover and days of supply', () => {
    const s = {
      ...emptySums(30),
      qty: new Decimal(60),
      revenue: new Decimal('1200.00'),
      cogs: new Decimal('660.00'),
      openingValue: new Decimal('1000.00'),
      closingValue: new Decimal('540.00'),
      closingQty: new Decimal(45),
    };
    // margin 540.00 = 45 % of revenue; average stock (1000 + 540) / 2 = 770 → 660 / 770 = 0.857…;
    // 60 sold over 30 days is 2 a day, so 45 on hand last 22.5 days
    expect(cellMeasures(s)).toEqual({
      quantity: '60',
      revenue: '1200.00',
      cogs: '660.00',
      margin: '540.00',
      marginPct: '45.00',
      stockValue: '540.00',
      turnover: '0.86',
      daysOfSupply: '22.5',
      warehouseCost: '0.00',
      netMargin: '540.00',
    });
    // warehouse fees allocated to the cell come off the margin
    expect(cellMeasures({ ...s, warehouseCost: new Decimal('116.69') })).toMatchObject({
      warehouseCost: '116.69',
      netMargin: '423.31',
    });
    expect(cellMeasures(emptySums(30))).toMatchObject({ marginPct: null, turnover: null, daysOfSupply: null });
    // a period of returns only: revenue −100.00, COGS −60.00 is a loss of 40.00, not a 40 % margin
    expect(
      cellMeasures({ ...emptySums(30), qty: new Decimal(-1), revenue: new Decimal('-100'), cogs: new Decimal('-60') }),
    ).toMatchObject({ margin: '-40.00', marginPct: null });
  });
});
