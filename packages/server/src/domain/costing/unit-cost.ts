import { Dec, costStr, round6 } from './decimal';

/**
 * The one unit cost of stock on hand: value ÷ quantity, rounded half-up to 6 places (a unit cost's
 * scale everywhere). With nothing on hand (quantity zero, or below zero where negative stock is
 * allowed) there is no average to take: the answer is null, and the caller says what stands in
 * (a price quote then has no cost, a stock level shows none, a stocktake gain comes in at the
 * last cost the head remembers).
 *
 *   unitCost('10', '84.00')  → '8.400000'
 *   unitCost('3', '10.00')   → '3.333333'
 *   unitCost('3', '20.00')   → '6.666667'
 *   unitCost('0', '0.00')    → null
 *   unitCost('-2', '-16.80') → null
 */
export function unitCost(qty: string | number, value: string | number): string | null {
  const q = new Dec(qty);
  if (!q.gt(0)) return null;
  return costStr(round6(new Dec(value).div(q)));
}
