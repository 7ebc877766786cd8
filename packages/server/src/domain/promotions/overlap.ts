/**
 * Exclusive promotions are ranked by the benefit they give a cart, then by priority. Two exclusive
 * promotions of the same priority that can meet on one cart could tie, and then nothing in the data
 * says which one the customer gets: that is refused when a promotion is scheduled, before any sale.
 * Category sets are compared as given: the caller expands each to its descendants first.
 */
import { parsePromotions } from './prepare';
import { PromotionError, type Eligibility, type Promotion } from './types';

const disjoint = (a?: readonly (string | number)[], b?: readonly (string | number)[]) =>
  !!a?.length && !!b?.length && !a.some((x) => b.includes(x));

const minutes = (hhmm: string) => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5);

/** A day's windows as [start, end) minute ranges, a window past midnight split in two. */
function ranges(e: Eligibility): Array<[number, number]> {
  if (!e.hours?.length) return [[0, 1440]];
  return e.hours.flatMap((w): Array<[number, number]> => {
    const f = minutes(w.from);
    const t = minutes(w.to);
    return f < t
      ? [[f, t]]
      : [
          [f, 1440],
          [0, t],
        ];
  });
}

function linesMayMeet(a: Eligibility, b: Eligibility): boolean {
  const only = (e: Eligibility) =>
    [
      e.skus?.length ? 'skus' : null,
      e.categories?.length ? 'categories' : null,
      e.brands?.length ? 'brands' : null,
    ].filter(Boolean);
  const oa = only(a);
  const ob = only(b);
  if (oa.length !== 1 || ob.length !== 1 || oa[0] !== ob[0]) return true;
  const k = oa[0] as 'skus' | 'categories' | 'brands';
  return !disjoint(a[k], b[k]);
}

export function mayMeet(a: Eligibility = {}, b: Eligibility = {}): boolean {
  if (disjoint(a.channels, b.channels) || disjoint(a.stores, b.stores) || disjoint(a.tiers, b.tiers)) return false;
  if ((a.to && b.from && a.to <= b.from) || (b.to && a.from && b.to <= a.from)) return false;
  if (disjoint(a.weekdays, b.weekdays)) return false;
  const rb = ranges(b);
  if (!ranges(a).some(([f, t]) => rb.some(([g, u]) => f < u && g < t))) return false;
  return linesMayMeet(a, b);
}

/** Throws PROMOTION_EXCLUSIVE_OVERLAP for the first pair of same-priority exclusive promotions that can meet. */
export function checkExclusiveOverlap(promotions: Promotion[]): void {
  parsePromotions(promotions);
  const ex = promotions.filter((p) => p.exclusive);
  for (let i = 0; i < ex.length; i++)
    for (let j = i + 1; j < ex.length; j++) {
      const a = ex[i];
      const b = ex[j];
      if (a.priority === b.priority && mayMeet(a.eligibility, b.eligibility))
        throw new PromotionError(
          'PROMOTION_EXCLUSIVE_OVERLAP',
          `Exclusive promotions ${a.id} and ${b.id} have the same priority ${a.priority} and can apply to the same cart: the engine could not tell which one wins. Give one a different priority or make their channels, stores, tiers, periods, hours or goods apart.`,
          'priority',
        );
    }
}
