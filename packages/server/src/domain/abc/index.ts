/**
 * ABC classification (ABC 分类) by value: the SKUs that make most of the value issued get the
 * most attention. Pure: the caller supplies each SKU's value over the period.
 *
 * Rule: SKUs are ranked by value, highest first (ties by SKU id). A SKU is A while the cumulative
 * share of the SKUs ranked before it is below the A cut-off (80 % by default), so the SKU that
 * crosses the line is still A (one SKU making 90 % of the value is A, not B); likewise B up to the
 * B cut-off (95 %); the rest are C. A SKU that issued nothing (value 0 or less) is always C.
 * Shares are compared exactly; they are shown to 4 decimals.
 */
import { Decimal } from 'decimal.js';
import { addDays } from '../../core/dates';

export type AbcClass = 'A' | 'B' | 'C';
export const ABC_CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];

/** Cumulative percentages: A up to `a`, B up to `b` (0 < a ≤ b ≤ 100). */
export interface AbcCutoffs {
  a: string;
  b: string;
}
export const DEFAULT_CUTOFFS: AbcCutoffs = { a: '80', b: '95' };

export interface AbcItem {
  skuId: number;
  /** value issued over the period (decimal string, 2 places) */
  value: string;
}

export interface AbcRow {
  skuId: number;
  rank: number;
  value: string;
  /** this SKU's share of the total, percent, 4 places */
  share: string;
  /** cumulative share including this SKU, percent, 4 places */
  cumulative: string;
  abcClass: AbcClass;
}

export class AbcError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const pct = (x: Decimal) => x.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);

export function assertCutoffs(c: AbcCutoffs): void {
  const a = new Decimal(c.a);
  const b = new Decimal(c.b);
  if (!a.gt(0) || a.gt(100)) throw new AbcError('a', 'The A cut-off is a percentage above 0 and at most 100.');
  if (b.lt(a) || b.gt(100)) throw new AbcError('b', 'The B cut-off is at least the A cut-off and at most 100.');
}

/** Classes for the items, ranked by value (highest first). */
export function classify(items: AbcItem[], cutoffs: AbcCutoffs = DEFAULT_CUTOFFS): AbcRow[] {
  assertCutoffs(cutoffs);
  const a = new Decimal(cutoffs.a);
  const b = new Decimal(cutoffs.b);
  const ranked = [...items]
    .map((i) => ({ skuId: i.skuId, value: new Decimal(i.value) }))
    .sort((x, y) => y.value.comparedTo(x.value) || x.skuId - y.skuId);
  const total = ranked.reduce((s, i) => (i.value.gt(0) ? s.plus(i.value) : s), new Decimal(0));
  let before = new Decimal(0); // cumulative percent of the SKUs ranked before
  return ranked.map((i, n) => {
    const positive = i.value.gt(0) && total.gt(0);
    const share = positive ? i.value.times(100).div(total) : new Decimal(0);
    const abcClass: AbcClass = !positive ? 'C' : before.lt(a) ? 'A' : before.lt(b) ? 'B' : 'C';
    before = before.plus(share);
    return {
      skuId: i.skuId,
      rank: n + 1,
      value: i.value.toFixed(2),
      share: pct(share),
      cumulative: pct(before),
      abcClass,
    };
  });
}

/** Days between counts of a class (A weekly, B fortnightly, C monthly by default). */
export interface ReviewDays {
  A: number;
  B: number;
  C: number;
}
export const DEFAULT_REVIEW_DAYS: ReviewDays = { A: 7, B: 14, C: 30 };

export interface CycleItem {
  skuId: number;
  abcClass: AbcClass;
  /** YYYY-MM-DD of the last approved count, null when never counted */
  lastCountedOn: string | null;
}

export interface DueItem extends CycleItem {
  /** the day the next count is due (today when never counted) */
  dueOn: string;
  /** days past due (0 on the day) */
  overdueDays: number;
}

const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The cycle-count plan on `asOf`: every SKU whose last count is at least its class's review days
 * ago (or that was never counted), most overdue first, then A before B before C, then SKU id.
 */
export function dueForCount(items: CycleItem[], asOf: string, days: ReviewDays = DEFAULT_REVIEW_DAYS): DueItem[] {
  const due: DueItem[] = [];
  for (const i of items) {
    const dueOn = i.lastCountedOn ? addDays(i.lastCountedOn, days[i.abcClass]) : asOf;
    if (dueOn > asOf) continue;
    due.push({ ...i, dueOn, overdueDays: daysFrom(dueOn, asOf) });
  }
  return due.sort((x, y) => y.overdueDays - x.overdueDays || x.abcClass.localeCompare(y.abcClass) || x.skuId - y.skuId);
}
