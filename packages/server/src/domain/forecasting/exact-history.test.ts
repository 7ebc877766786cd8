import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exactHistory, scaledOf, scaledText, type ExactHistory } from './exact-history';
import type { PromotedDaysRule } from './promoted';
import { dateOf, dayNumber } from './series';

/** A seeded generator, so a failure is the same series every run. */
function generator(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const plain = (h: ExactHistory, lasts: number[]) => ({
  qty: h.qty,
  total: h.total,
  promotedDays: h.promotedDays,
  promotedBefore: h.promotedBefore,
  promotedAfter: h.promotedAfter,
  allPromoted: h.allPromoted,
  lasts: lasts.map((n) => h.lastDays(n)),
});

describe('the demand history in integers of 10⁻⁶', () => {
  it('reads and writes decimal text as decimal.js does', () => {
    expect([scaledOf('5.000000'), scaledOf('0.125'), scaledOf('-2.5'), scaledOf('7'), scaledOf('1.2345670')]).toEqual([
      5_000_000, 125_000, -2_500_000, 7_000_000, 1_234_567,
    ]);
    // more than 6 decimals, beyond 2⁵³, a negative zero, not a number: the Decimal path's
    expect([scaledOf('0.0000001'), scaledOf('9007199254.740993'), scaledOf('-0.000'), scaledOf('1e3')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    for (const x of ['0', '1.5', '-0.25', '0.000001', '123456.789', '-1000', '9007199254.740991'])
      expect(scaledText(scaledOf(x)!)).toBe(new Decimal(x).toFixed());
  });

  it('gives what a Decimal per day gives, on random series in thousandths, every rule', () => {
    const rnd = generator(42);
    const rules: PromotedDaysRule[] = ['INCLUDE', 'EXCLUDE', 'SCALE'];
    let integers = 0;
    for (let run = 0; run < 600; run++) {
      const days = 1 + Math.floor(rnd() * 120);
      const first = dayNumber('2026-01-01') + Math.floor(rnd() * 400);
      const dates = Array.from({ length: days }, (_, i) => dateOf(first + i));
      // thousandths (a unit of scale 3), some whole units, some days without demand, a few returns and big days
      const points = dates
        .filter(() => rnd() < 0.6)
        .map((date) => {
          const r = rnd();
          const units =
            r < 0.05 ? -Math.floor(rnd() * 5000) : r < 0.1 ? Math.floor(rnd() * 1e9) : Math.floor(rnd() * 50_000);
          const qty = (units / 1000).toFixed(rnd() < 0.5 ? 3 : 6);
          return { date, exact: qty };
        });
      // a second point on some day: several points on one day are added
      if (points.length && rnd() < 0.2) points.push({ date: points[0].date, exact: '0.333' });
      const promoted = new Set(dates.filter(() => rnd() < (run % 10 === 0 ? 1 : 0.15)));
      const rule = rules[run % 3];
      const factor = ['0.6', '0.3333', '1', '0', '0.0007'][run % 5];
      const lasts = [0, 1, 7, 28, days, days + 3];
      const ints = exactHistory(dates, points, promoted, rule, factor);
      const decs = exactHistory(dates, points, promoted, rule, factor, { decimal: true });
      expect(plain(ints, lasts), `run ${run}`).toEqual(plain(decs, lasts));
      if (ints !== decs) integers++;
    }
    expect(integers).toBe(600);
  });

  it('falls back to the Decimal path where integers might differ, with the same answer', () => {
    const dates = ['2026-11-02', '2026-11-03'];
    const points = [
      { date: '2026-11-02', exact: '0.1234567' },
      { date: '2026-11-03', exact: '2' },
    ];
    const h = exactHistory(dates, points, new Set(['2026-11-03']), 'SCALE', '0.5');
    expect([h.total, h.promotedBefore, h.promotedAfter, h.qty]).toEqual(['1.1234567', '2', '1', [0.1234567, 1]]);
  });

  it('rejects what the Decimal path rejects', () => {
    const dates = ['2026-11-02', '2026-11-03'];
    const points = [{ date: '2026-11-03', exact: '2' }];
    for (const decimal of [false, true]) {
      expect(() => exactHistory(dates, points, new Set(['2026-11-03']), 'SCALE', '-1', { decimal })).toThrow(/factor/);
      expect(() =>
        exactHistory(dates, [{ date: '2026-11-04', exact: '1' }], new Set(), 'INCLUDE', null, { decimal }),
      ).toThrow(/not in the history/);
    }
  });
});
