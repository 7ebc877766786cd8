import type { Decimal } from 'decimal.js';
import { costStr, Dec, ownShare, parseMove, qtyStr, round2, round6, valueStr, ZERO } from './decimal';
import type { AverageState, CostResult, Move } from './types';

export const emptyAverageState = (): AverageState => ({
  method: 'moving_average',
  qty: qtyStr(ZERO),
  value: valueStr(ZERO),
  lastUnitCost: costStr(ZERO),
});

/**
 * Moving weighted average (移动加权平均) for one warehouse × SKU.
 *
 * - Receipt: comes in at round2(qty × unitCost), or at its fixed value; the balance adds.
 * - Issue: takes round2(qty × balanceValue ÷ balanceQty); an issue of the whole remaining
 *   quantity takes exactly the remaining value, so rounding differences are carried by the
 *   balance and end at 0.00 together with the quantity, never lost.
 * - Fixed-value issue (cancelling a receipt): removes exactly its value while stock remains after
 *   it; if it empties the stock (or oversells) it is costed as a plain issue, because no quantity
 *   is left to carry the difference, and the difference is reported as `variance`.
 *
 * Negative stock (only reached when the warehouse allows it):
 * - The part of an issue beyond the stock on hand is valued at the current average
 *   (balanceValue ÷ balanceQty, also while the balance is already negative), or at the last
 *   average the SKU had when the balance is exactly zero (0 if it never had stock).
 * - A receipt into a negative balance first fills the shortage at the cost the shortage was
 *   issued at (filling all of it takes exactly the negative value); the rest comes in at the
 *   receipt's own price. Requested − value is reported as `variance` (the earlier oversold
 *   issues were costed too low or too high; the posting engine books it to cost of goods sold).
 *   Why not simply add the receipt at its price: a balance could then reach qty 0 with a value
 *   left over, and the average after the shortage would mix the shortage's price error into
 *   the goods on hand. With this rule value is 0.00 whenever qty is 0, in every case.
 */
export function applyMovingAverage(state: AverageState, move: Move): CostResult {
  const p = parseMove(move);
  const Q = new Dec(state.qty);
  const V = new Dec(state.value);
  let value: Decimal; // signed value of this row
  let unitCost: Decimal;

  if (p.q.gt(0)) {
    const P = p.requested!;
    if (Q.lt(0)) {
      const fill = Dec.min(p.q, Q.neg());
      const fillValue = fill.eq(Q.neg()) ? V.neg() : round2(fill.times(V).div(Q));
      value = fillValue.plus(P.minus(ownShare(p, fill)));
    } else {
      value = P;
    }
    unitCost = p.priced && value.eq(P) ? p.rate! : value.div(p.q);
  } else {
    const q = p.q.neg(); // magnitude issued
    if (p.requested && q.lt(Q)) {
      value = p.requested;
      unitCost = value.div(p.q);
    } else {
      const avg = Q.isZero() ? new Dec(state.lastUnitCost) : V.div(Q);
      let taken: Decimal;
      if (q.lt(Q)) {
        taken = round2(q.times(V).div(Q));
      } else {
        // all stock on hand goes with its exact value; any excess becomes a shortage at the average
        const onHand = Q.gt(0) ? V : ZERO;
        const excess = q.minus(Dec.max(Q, ZERO));
        taken = onHand.plus(round2(excess.times(avg)));
      }
      value = taken.neg();
      unitCost = avg;
    }
  }

  const newQ = Q.plus(p.q);
  const newV = V.plus(value);
  const next: AverageState = {
    method: 'moving_average',
    qty: qtyStr(newQ),
    value: valueStr(newV),
    // at qty 0 keep the average the goods last had: an issue from zero stock is costed at it
    lastUnitCost: newQ.isZero() ? state.lastUnitCost : costStr(round6(newV.div(newQ))),
  };
  return {
    state: next,
    costed: {
      move,
      unitCost: costStr(round6(unitCost)),
      value: valueStr(value),
      balanceQty: next.qty,
      balanceValue: next.value,
      ...(p.requested && !p.requested.eq(value) ? { variance: valueStr(p.requested.minus(value)) } : {}),
      state: next,
    },
  };
}
