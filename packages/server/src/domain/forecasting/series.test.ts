import { describe, expect, it } from 'vitest';
import { dailySeries, dayNumber, isoWeek, weeklySeries } from './series';
import { ForecastError } from './types';

describe('dailySeries', () => {
  it('fills missing days with 0, sums a day, ignores points outside the range', () => {
    const s = dailySeries(
      [
        { date: '2026-03-03', qty: 2 },
        { date: '2026-03-01', qty: 3 },
        { date: '2026-03-03', qty: 4 },
        { date: '2026-02-28', qty: 9 }, // before `from`
        { date: '2026-03-05', qty: 9 }, // after `to`
      ],
      '2026-03-01',
      '2026-03-04',
    );
    expect(s).toEqual({
      dates: ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'],
      qty: [3, 0, 6, 0],
      ignored: 2,
    });
  });

  it('crosses month ends and a leap day', () => {
    const s = dailySeries([], '2024-02-28', '2024-03-01');
    expect(s.dates).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(s.qty).toEqual([0, 0, 0]);
  });

  it('refuses bad dates, a reversed range and a non-finite qty', () => {
    expect(() => dailySeries([], '2026-02-30', '2026-03-01')).toThrow(ForecastError);
    expect(() => dailySeries([], '2026-3-1', '2026-03-01')).toThrow(ForecastError);
    expect(() => dailySeries([], '2026-03-02', '2026-03-01')).toThrow(ForecastError);
    expect(() => dailySeries([{ date: '2026-03-01', qty: NaN }], '2026-03-01', '2026-03-01')).toThrow(ForecastError);
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

describe('ISO weeks', () => {
  it('numbers weeks by the Thursday rule', () => {
    expect(isoWeek(dayNumber('2026-01-01'))).toEqual({ week: '2026-W01', start: dayNumber('2025-12-29') }); // a Thursday
    expect(isoWeek(dayNumber('2024-12-30')).week).toBe('2025-W01'); // Monday of the week holding 2 Jan 2025
    expect(isoWeek(dayNumber('2021-01-03')).week).toBe('2020-W53'); // Sunday, still in 2020's last week
    expect(isoWeek(dayNumber('2026-03-08')).week).toBe('2026-W10'); // Sunday ends the week
    expect(isoWeek(dayNumber('2026-03-09')).week).toBe('2026-W11'); // Monday starts the next
  });

  it('aggregates daily to weekly with partial weeks at the ends marked by `days`', () => {
    // Sat 2025-12-27 … Mon 2026-01-12, day i has qty i + 1
    const d = dailySeries([], '2025-12-27', '2026-01-12');
    const daily = { dates: d.dates, qty: d.qty.map((_, i) => i + 1) };
    expect(weeklySeries(daily)).toEqual([
      { week: '2025-W52', start: '2025-12-22', days: 2, qty: 1 + 2 },
      { week: '2026-W01', start: '2025-12-29', days: 7, qty: 3 + 4 + 5 + 6 + 7 + 8 + 9 },
      { week: '2026-W02', start: '2026-01-05', days: 7, qty: 10 + 11 + 12 + 13 + 14 + 15 + 16 },
      { week: '2026-W03', start: '2026-01-12', days: 1, qty: 17 },
    ]);
  });

  it('refuses a daily series with a gap', () => {
    expect(() => weeklySeries({ dates: ['2026-03-01', '2026-03-03'], qty: [1, 1] })).toThrow(ForecastError);
  });
});
