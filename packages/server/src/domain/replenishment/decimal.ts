import { Decimal } from 'decimal.js';
import { ReplenishmentError } from './types';

/** 50 significant digits, as in costing: 20/7 × 10 is carried far past any unit's scale. */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
// Compare with gt(0) / lt(0), never isPositive(): decimal.js counts 0 as positive.

/** A quantity as the API takes it: a decimal string ('12.5') or a number. */
export type DecimalInput = string | number;

const DECIMAL_RE = /^-?\d{1,30}(\.\d{1,20})?$/;

export function dec(x: DecimalInput, field: string, { negativeOk = false } = {}): Decimal {
  let d: Decimal;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new ReplenishmentError(field, `${field} is not a finite number`);
    d = new Dec(x);
  } else if (typeof x === 'string' && DECIMAL_RE.test(x)) {
    d = new Dec(x);
  } else {
    throw new ReplenishmentError(field, `${field} "${String(x)}" is not a decimal`);
  }
  if (!negativeOk && d.lt(0)) throw new ReplenishmentError(field, `${field} is negative`);
  return d;
}

export function assertScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > 6)
    throw new ReplenishmentError('scale', 'scale must be an integer 0 … 6');
}

/** The result's quantities: exactly `scale` decimals, half-up. */
export const qty = (x: Decimal, scale: number): string =>
  x.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toFixed(scale);

/** Up to the next multiple of 10^−scale (a safety stock or an order is never rounded down). */
export const ceilTo = (x: Decimal, scale: number): Decimal => x.toDecimalPlaces(scale, Decimal.ROUND_CEIL);

/** A step's value: at most 6 decimals, trailing zeros dropped ("50", "28.571429"). */
export const show = (x: Decimal): string => x.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();

/**
 * A float (a statistic: z, σ, a forecast) as an exact decimal, taken to 9 decimals so that
 * binary noise such as 60.00000000000001 does not push a ceiling up by a whole unit.
 */
export const fromFloat = (x: number, field: string): Decimal => {
  if (!Number.isFinite(x)) throw new ReplenishmentError(field, `${field} is not a finite number`);
  return new Dec(x.toFixed(9));
};
