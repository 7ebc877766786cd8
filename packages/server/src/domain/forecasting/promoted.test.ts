import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { adjustPromotedDays } from './promoted';

// two weeks from Monday 2026-11-02; the second week's Monday to Wednesday are a 满减
const dates = Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 2).padStart(2, '0')}`);
const qty = ['10', '10', '10', '10', '12', '20', '20', '31', '28', '25', '10', '12', '20', '20'].map(
  (q) => new Decimal(q),
);
const promoted = new Set(['2026-11-09', '2026-11-10', '2026-11-11']);
const str = (xs: Decimal[]) => xs.map((x) => x.toFixed());

describe('days under a promotion in the demand history', () => {
  it('INCLUDE keeps them, and says how many there were', () => {
    const r = adjustPromotedDays(dates, qty, promoted, 'INCLUDE');
    expect(str(r.qty)).toEqual(str(qty));
    expect([r.promotedDays, r.promotedBefore.toFixed(), r.promotedAfter.toFixed()]).toEqual([3, '84', '84']);
  });

  it('EXCLUDE counts each as the ordinary days of its weekday', () => {
    const r = adjustPromotedDays(dates, qty, promoted, 'EXCLUDE');
    // the only ordinary Monday, Tuesday and Wednesday are the first week's: 10 each
    expect(str(r.qty)).toEqual(['10', '10', '10', '10', '12', '20', '20', '10', '10', '10', '10', '12', '20', '20']);
    expect([r.promotedDays, r.promotedBefore.toFixed(), r.promotedAfter.toFixed(), r.allPromoted]).toEqual([
      3,
      '84',
      '30',
      false,
    ]);
  });

  it('EXCLUDE without an ordinary day of that weekday takes the average of all ordinary days', () => {
    // a week only: Monday promoted, the other six days 10, 10, 10, 12, 20, 20 → 82 / 6 = 13.666667
    const r = adjustPromotedDays(
      dates.slice(7),
      qty.slice(0, 7).map((q, i) => (i ? q : new Decimal(31))),
      new Set(['2026-11-09']),
      'EXCLUDE',
    );
    expect(str(r.qty)).toEqual(['13.666667', '10', '10', '10', '12', '20', '20']);
  });

  it('EXCLUDE when every day was promoted changes nothing and says so', () => {
    const r = adjustPromotedDays(dates.slice(0, 2), qty.slice(0, 2), new Set(dates.slice(0, 2)), 'EXCLUDE');
    expect([str(r.qty), r.allPromoted]).toEqual([['10', '10'], true]);
  });

  it('SCALE multiplies the promoted days by the factor, 6 decimals half-up', () => {
    const r = adjustPromotedDays(dates, qty, promoted, 'SCALE', '0.6');
    expect(str(r.qty).slice(7, 11)).toEqual(['18.6', '16.8', '15', '10']);
    expect(r.promotedAfter.toFixed()).toBe('50.4');
    expect(str(adjustPromotedDays(['2026-11-09'], [new Decimal('1')], promoted, 'SCALE', '0.3333333').qty)).toEqual([
      '0.333333',
    ]);
  });
});
