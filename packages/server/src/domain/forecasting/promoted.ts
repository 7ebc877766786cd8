/**
 * Days under a promotion in a demand history (促销日). A 满减 week sells more than an ordinary one, and
 * a forecast that takes it at face value orders too much for next month. The rule, per SKU:
 *  - INCLUDE: the days count as they are;
 *  - EXCLUDE: each promoted day counts as an ordinary day: its demand is replaced by the average of
 *    the same weekday's days without a promotion in the history (the weekly pattern stays), or, when
 *    that weekday has none, of all the days without a promotion; when every day was promoted there is
 *    nothing ordinary to go by and the days are kept as they are;
 *  - SCALE: each promoted day's demand × the factor (e.g. 0.6: a promotion sells 1 / 0.6 of normal).
 * Exact decimals, 6 places half-up, so the history total and the forecast agree with what is shown.
 */
import { Decimal } from 'decimal.js';
import { dayNumber } from './series';
import { ForecastError } from './types';

export type PromotedDaysRule = 'INCLUDE' | 'EXCLUDE' | 'SCALE';

export interface PromotedAdjustment {
  /** the demand per day after the rule, 6 decimals */
  qty: Decimal[];
  /** how many days of the history were promoted */
  promotedDays: number;
  /** demand on those days before and after the rule */
  promotedBefore: Decimal;
  promotedAfter: Decimal;
  /** EXCLUDE with no ordinary day to go by: nothing was changed */
  allPromoted: boolean;
}

const six = (d: Decimal) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_UP);

export function adjustPromotedDays(
  dates: string[],
  qty: Decimal[],
  promoted: ReadonlySet<string>,
  rule: PromotedDaysRule,
  factor?: Decimal.Value | null,
): PromotedAdjustment {
  if (dates.length !== qty.length) throw new ForecastError('INVALID_HISTORY', 'dates and quantities differ in length');
  const flagged = dates.map((d) => promoted.has(d));
  const promotedDays = flagged.filter(Boolean).length;
  const promotedBefore = qty.reduce((s, q, i) => (flagged[i] ? s.plus(q) : s), new Decimal(0));
  const same = (out: Decimal[], allPromoted = false): PromotedAdjustment => ({
    qty: out,
    promotedDays,
    promotedBefore,
    promotedAfter: out.reduce((s, q, i) => (flagged[i] ? s.plus(q) : s), new Decimal(0)),
    allPromoted,
  });
  if (rule === 'INCLUDE' || !promotedDays) return same(qty.slice());
  if (rule === 'SCALE') {
    const f = new Decimal(factor ?? NaN);
    if (!f.isFinite() || f.lt(0)) throw new ForecastError('INVALID_HISTORY', 'the scale factor must be 0 or more');
    return same(qty.map((q, i) => (flagged[i] ? six(q.times(f)) : q)));
  }
  // EXCLUDE: the ordinary days' average, by weekday first
  const weekday = dates.map((d) => ((dayNumber(d) % 7) + 7) % 7);
  const sums = new Map<number, { sum: Decimal; n: number }>();
  let all = { sum: new Decimal(0), n: 0 };
  qty.forEach((q, i) => {
    if (flagged[i]) return;
    const s = sums.get(weekday[i]) ?? { sum: new Decimal(0), n: 0 };
    sums.set(weekday[i], { sum: s.sum.plus(q), n: s.n + 1 });
    all = { sum: all.sum.plus(q), n: all.n + 1 };
  });
  if (!all.n) return same(qty.slice(), true);
  return same(
    qty.map((q, i) => {
      if (!flagged[i]) return q;
      const s = sums.get(weekday[i]);
      return s ? six(s.sum.div(s.n)) : six(all.sum.div(all.n));
    }),
  );
}
