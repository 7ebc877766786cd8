/**
 * A SKU's demand history in exact decimals: the daily quantities after the promoted-days rule
 * (`adjustPromotedDays`), their total and the sums a suggestion shows. Demand is kept with 6
 * decimals (`replenishment_demand.qty`), so the days are worked as integers of 10⁻⁶ — a
 * "needs ordering" over 10,000 SKUs × 91 days is a million days, and a Decimal per day was most of
 * its CPU. The integers give exactly what the Decimal path gives (`exactHistory(…, { decimal: true })`,
 * which the tests compare them with); where they could not — a quantity with more than 6 decimals,
 * sums beyond 2⁵³, a scale factor past 20 digits — the Decimal path answers.
 */
import { Decimal } from 'decimal.js';
import { adjustPromotedDays, type PromotedDaysRule } from './promoted';
import { dayNumber } from './series';
import { ForecastError } from './types';

/** The decimals demand is kept with: the integers are in units of 10^−PLACES. */
export const DEMAND_PLACES = 6;
const ONE = 10 ** DEMAND_PLACES;
/** Beyond 20 significant digits decimal.js (precision 20) rounds a product or a quotient before the 6 places do. */
const EXACT_DIGITS = 10n ** 20n;

/** One day's demand as the database sends it: a decimal string. */
export interface ExactPoint {
  date: string;
  exact: string;
}

export interface ExactHistory {
  /** demand per day after the rule, as numbers for the forecast methods */
  qty: number[];
  /** the history's demand after the rule, exact (decimal text, no trailing zeros) */
  total: string;
  promotedDays: number;
  /** demand on the promoted days before and after the rule */
  promotedBefore: string;
  promotedAfter: string;
  /** EXCLUDE with no ordinary day to go by: nothing was changed */
  allPromoted: boolean;
  /** the exact demand of the last n days (a moving average's window) */
  lastDays(n: number): string;
}

const QTY_RE = /^(-?)(\d+)(?:\.(\d*))?$/;

/** A decimal string as an integer of 10⁻⁶; null when it has more decimals or is beyond 2⁵³. */
export function scaledOf(text: string): number | null {
  const m = QTY_RE.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > DEMAND_PLACES) {
    // "1.2345670" is still 6 decimals: only zeros past them
    if (/[^0]/.test(frac.slice(DEMAND_PLACES))) return null;
  }
  const whole = Number(m[2]) * ONE;
  const n = whole + Number(frac.slice(0, DEMAND_PLACES).padEnd(DEMAND_PLACES, '0'));
  if (!Number.isSafeInteger(whole) || !Number.isSafeInteger(n)) return null;
  // "-0" is a negative zero to decimal.js (and -0 as a number): left to the Decimal path
  if (m[1]) return n ? -n : null;
  return n;
}

/** An integer of 10⁻⁶ as decimal text the way decimal.js's toFixed() writes it ("1.5", "0", "-0.25"). */
export function scaledText(n: number): string {
  if (n === 0) return '0';
  const neg = n < 0;
  const digits = String(Math.abs(n)).padStart(DEMAND_PLACES + 1, '0');
  const int = digits.slice(0, -DEMAND_PLACES);
  const frac = digits.slice(-DEMAND_PLACES).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/**
 * a ÷ b (b > 0) to a whole number, halves away from zero (decimal.js's ROUND_HALF_UP); a negative
 * quotient that rounds to nothing is -0, as decimal.js keeps the sign (and toNumber() gives -0).
 */
function divHalfUp(a: bigint, b: bigint): number {
  const x = a < 0n ? -a : a;
  let q = x / b;
  if ((x % b) * 2n >= b) q += 1n;
  return a < 0n ? -Number(q) : Number(q);
}

/**
 * The history of `dates` (consecutive days, as `dailySeries` gives them) from its points (each
 * within the dates; several on one day are added), with the promoted days counted by `rule`.
 * `decimal`: the Decimal path (a Decimal per day), which the integers are checked against.
 */
export function exactHistory(
  dates: string[],
  points: readonly ExactPoint[],
  promoted: ReadonlySet<string>,
  rule: PromotedDaysRule,
  factor?: Decimal.Value | null,
  options: { decimal?: boolean } = {},
): ExactHistory {
  return (
    (!options.decimal && integerHistory(dates, points, promoted, rule, factor)) ||
    decimalHistory(dates, points, promoted, rule, factor)
  );
}

function decimalHistory(
  dates: string[],
  points: readonly ExactPoint[],
  promoted: ReadonlySet<string>,
  rule: PromotedDaysRule,
  factor?: Decimal.Value | null,
): ExactHistory {
  const zero = new Decimal(0);
  const sold = dates.map(() => zero);
  const index = new Map(dates.map((d, i) => [d, i]));
  for (const p of points) {
    const i = index.get(p.date);
    if (i === undefined) throw new ForecastError('INVALID_HISTORY', `${p.date} is not in the history`);
    sold[i] = sold[i].plus(p.exact);
  }
  const promo = adjustPromotedDays(dates, sold, promoted, rule, factor);
  const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed();
  return {
    qty: promo.qty.map((q) => q.toNumber()),
    total: sum(promo.qty),
    promotedDays: promo.promotedDays,
    promotedBefore: promo.promotedBefore.toFixed(),
    promotedAfter: promo.promotedAfter.toFixed(),
    allPromoted: promo.allPromoted,
    lastDays: (n) => sum(n > 0 ? promo.qty.slice(-n) : []),
  };
}

/** The same in integers of 10⁻⁶; null where they might not give the Decimal path's answer. */
function integerHistory(
  dates: string[],
  points: readonly ExactPoint[],
  promoted: ReadonlySet<string>,
  rule: PromotedDaysRule,
  factor?: Decimal.Value | null,
): ExactHistory | null {
  const days = dates.length;
  const first = days ? dayNumber(dates[0]) : 0;
  const sold = new Array<number>(days).fill(0);
  // every partial sum below stays within the sum of the absolute values: one check covers them all
  let bound = 0;
  for (const p of points) {
    const v = scaledOf(p.exact);
    if (v === null) return null;
    const i = dayNumber(p.date) - first;
    if (!(i >= 0 && i < days) || dates[i] !== p.date)
      throw new ForecastError('INVALID_HISTORY', `${p.date} is not in the history`);
    sold[i] += v;
    bound += Math.abs(v);
  }
  if (!Number.isSafeInteger(bound)) return null;
  const flagged = promoted.size ? dates.map((d) => promoted.has(d)) : null;
  let promotedDays = 0;
  let promotedBefore = 0;
  if (flagged)
    for (let i = 0; i < days; i++)
      if (flagged[i]) {
        promotedDays++;
        promotedBefore += sold[i];
      }
  let out = sold;
  let allPromoted = false;
  if (flagged && promotedDays && rule === 'SCALE') {
    const f = new Decimal(factor ?? NaN);
    if (!f.isFinite() || f.lt(0)) throw new ForecastError('INVALID_HISTORY', 'the scale factor must be 0 or more');
    const places = f.decimalPlaces();
    const fInt = BigInt(f.toFixed().replace('.', ''));
    const unit = 10n ** BigInt(places);
    out = sold.slice();
    for (let i = 0; i < days; i++) {
      if (!flagged[i]) continue;
      const product = BigInt(sold[i]) * fInt;
      if ((product < 0n ? -product : product) >= EXACT_DIGITS) return null;
      const r = divHalfUp(product, unit);
      out[i] = r === 0 && sold[i] < 0 ? -0 : r; // decimal.js: −5 × 0 is −0
      bound += Math.abs(out[i]); // a factor above 1 makes days larger than the sold ones
    }
    if (!Number.isSafeInteger(bound)) return null;
  } else if (flagged && promotedDays && rule === 'EXCLUDE') {
    // each promoted day as the ordinary days of its weekday, or of the whole history
    const sums = new Array<number>(7).fill(0);
    const counts = new Array<number>(7).fill(0);
    let all = 0;
    let n = 0;
    const weekday = dates.map((d) => ((dayNumber(d) % 7) + 7) % 7);
    for (let i = 0; i < days; i++) {
      if (flagged[i]) continue;
      const wd = weekday[i];
      sums[wd] += sold[i];
      counts[wd]++;
      all += sold[i];
      n++;
    }
    // a quotient's 20 digits decide its 6th decimal as the exact one does while the divisor is small
    if (days > 1000) return null;
    if (!n) allPromoted = true;
    else {
      out = sold.slice();
      for (let i = 0; i < days; i++) {
        if (!flagged[i]) continue;
        const wd = weekday[i];
        out[i] = counts[wd] ? divHalfUp(BigInt(sums[wd]), BigInt(counts[wd])) : divHalfUp(BigInt(all), BigInt(n));
      }
    }
  } else if (rule !== 'INCLUDE' && rule !== 'SCALE' && rule !== 'EXCLUDE') return null;
  // the rule's days are averages of the sold ones or checked above: within the bound
  let total = 0;
  let promotedAfter = 0;
  for (let i = 0; i < days; i++) {
    total += out[i];
    if (flagged?.[i]) promotedAfter += out[i];
  }
  const qty = new Array<number>(days);
  for (let i = 0; i < days; i++) qty[i] = out[i] / ONE;
  return {
    qty,
    total: scaledText(total),
    promotedDays,
    promotedBefore: scaledText(promotedBefore),
    promotedAfter: scaledText(promotedAfter),
    allPromoted,
    lastDays: (k) => {
      let s = 0;
      for (let i = Math.max(0, days - k); i < days && k > 0; i++) s += out[i];
      return scaledText(s);
    },
  };
}
