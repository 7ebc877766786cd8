import { Dec, ZERO } from './decimal';
import { CostingError } from './types';

/**
 * Splits an amount (2 dp, not negative) over parts in proportion to their weights (not negative,
 * some above zero), in cents, so that the parts add up to the amount exactly: each part gets the
 * whole cents of its exact share, and the cents left over go one each to the parts with the
 * largest remainders (the earlier part first on a tie) — the largest-remainder method.
 */
export function allocateByWeight(amount: string, weights: string[]): string[] {
  const total = new Dec(amount);
  if (total.lt(0) || total.decimalPlaces() > 2) throw new CostingError(`cannot allocate ${amount}`);
  const w = weights.map((x) => new Dec(x));
  if (w.some((x) => x.lt(0))) throw new CostingError('a weight is negative');
  const sum = w.reduce((s, x) => s.plus(x), ZERO);
  if (!sum.gt(0)) throw new CostingError('the weights add up to zero');
  const cents = total.times(100);
  const exact = w.map((x) => cents.times(x).div(sum));
  const parts = exact.map((x) => x.floor());
  let left = cents.minus(parts.reduce((s, x) => s.plus(x), ZERO)).toNumber();
  const order = exact
    .map((x, i) => ({ i, rest: x.minus(parts[i]) }))
    .sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = parts[i].plus(1);
    left--;
  }
  return parts.map((x) => x.div(100).toFixed(2));
}
