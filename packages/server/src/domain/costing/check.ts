import { Dec, qtyStr, valueStr, ZERO } from './decimal';
import type { CostedMove } from './types';

/**
 * The ledger invariant: Σ qty and Σ value of the rows equal the balance. Checked after every row,
 * not only the last, so a row whose running balance drifted is caught where it happens.
 */
export function sumsMatch(costed: CostedMove[]): boolean {
  let qty = ZERO;
  let value = ZERO;
  for (const c of costed) {
    qty = qty.plus(new Dec(c.move.qty));
    value = value.plus(new Dec(c.value));
    if (qtyStr(qty) !== c.balanceQty || valueStr(value) !== c.balanceValue) return false;
  }
  return true;
}
