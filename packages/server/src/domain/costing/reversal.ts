import type { Decimal } from 'decimal.js';
import { Dec, round2, valueStr, ZERO } from './decimal';

/** What earlier reversals of one entry took: quantity and value, signed as the reversals were. */
export interface Reversed {
  qty: Decimal;
  value: Decimal;
}

export const nothingReversed = (): Reversed => ({ qty: ZERO, value: ZERO });

/**
 * The value of a reversal of `qty` units of an entry whose value is now `entryValue` (own value
 * plus its corrections) over `entryQty` units. A partial reversal takes its share; the reversal
 * that takes the last units takes whatever the earlier ones (`prior`) left, so an entry reversed in
 * parts is undone to the cent. The result has the opposite sign of the entry's value.
 */
export function reversalValue(
  entryValue: Decimal.Value,
  entryQty: Decimal.Value,
  qty: Decimal.Value,
  prior: Reversed = nothingReversed(),
): string {
  const v = new Dec(entryValue);
  const whole = new Dec(entryQty).abs();
  const part = new Dec(qty).abs();
  const last = prior.qty.abs().plus(part).eq(whole);
  const share = last ? v.plus(prior.value) : round2(v.times(part).div(whole));
  return valueStr(share.neg());
}

/** `prior` after one more reversal of the same entry. */
export const plusReversed = (prior: Reversed, qty: Decimal.Value, value: Decimal.Value): Reversed => ({
  qty: prior.qty.plus(qty),
  value: prior.value.plus(value),
});
