import { costStr, Dec, round6 } from './decimal';
import type { CostState } from './types';

/**
 * The unit cost a gain comes in at (a stocktake surplus, an adjustment up without a price):
 * moving average — the current average (value ÷ quantity), or the last average when nothing is
 * on hand; FIFO — the last cost: the rate of the newest layer on hand (of the gain's batch when it
 * has one), else the last unit cost the method remembers. '0.000000' when nothing is known.
 */
export function currentUnitCost(state: CostState | null, head: { qty: string; value: string }, batch?: number): string {
  const qty = new Dec(head.qty);
  if (!state || state.method === 'moving_average') {
    if (qty.gt(0)) return costStr(round6(new Dec(head.value).div(qty)));
    return state ? costStr(new Dec(state.lastUnitCost)) : costStr(new Dec(0));
  }
  const onHand = state.layers.filter((l) => new Dec(l.qty).gt(0));
  const newest = [...onHand].reverse().find((l) => !!batch && l.batch === batch) ?? onHand[onHand.length - 1];
  if (newest) return costStr(round6(new Dec(newest.value).div(newest.qty)));
  return costStr(new Dec(state.lastUnitCost));
}
