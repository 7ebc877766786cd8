import { costStr, Dec } from './decimal';
import type { CostState } from './types';
import { unitCost } from './unit-cost';

/**
 * The unit cost a gain comes in at (a stocktake surplus, an adjustment up without a price):
 * moving average — the current average (value ÷ quantity), or the last average when nothing is
 * on hand; FIFO — the last cost: the rate of the newest layer on hand (of the gain's batch when it
 * has one), else the last unit cost the method remembers. '0.000000' when nothing is known.
 */
export function currentUnitCost(state: CostState | null, head: { qty: string; value: string }, batch?: number): string {
  if (!state || state.method === 'moving_average')
    return unitCost(head.qty, head.value) ?? costStr(new Dec(state?.lastUnitCost ?? 0));
  const onHand = state.layers.filter((l) => new Dec(l.qty).gt(0));
  const newest = [...onHand].reverse().find((l) => !!batch && l.batch === batch) ?? onHand[onHand.length - 1];
  if (newest) return unitCost(newest.qty, newest.value)!;
  return costStr(new Dec(state.lastUnitCost));
}
