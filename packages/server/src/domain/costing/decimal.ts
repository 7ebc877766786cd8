import { Decimal } from 'decimal.js';
import { CostingError, type Move } from './types';

/**
 * A private Decimal with 50 significant digits: products and quotients of balances are rounded
 * once to 2 or 6 places, and the extra digits keep a quotient that is not a terminating decimal
 * from being rounded twice. Half-up is the rounding of the brief and of Chinese accounting (四舍五入).
 */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });

export const ZERO = new Dec(0);
// Compare with gt(0) / lt(0), never isPositive(): decimal.js counts 0 as positive.

/** Half-up rounds away from zero, so −x rounds to −round(x): issues and receipts mirror each other. */
export const round2 = (x: Decimal): Decimal => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
export const round6 = (x: Decimal): Decimal => x.toDecimalPlaces(6, Decimal.ROUND_HALF_UP);

export const qtyStr = (x: Decimal): string => x.toFixed(6);
export const valueStr = (x: Decimal): string => x.toFixed(2);
export const costStr = (x: Decimal): string => x.toFixed(6);

const DECIMAL_RE = /^-?\d{1,30}(\.\d+)?$/;

function parse(s: string, maxDp: number, what: string, id: string): Decimal {
  if (typeof s !== 'string' || !DECIMAL_RE.test(s))
    throw new CostingError(`${what} "${s}" is not a decimal string`, id);
  const d = new Dec(s);
  if (d.decimalPlaces() > maxDp) throw new CostingError(`${what} "${s}" has more than ${maxDp} decimals`, id);
  return d;
}

/** The move's numbers, checked. */
export interface ParsedMove {
  /** Signed quantity. */
  q: Decimal;
  /** The signed amount the move asks for: round2(qty × unitCost) or its fixed value; none for a plain issue. */
  requested?: Decimal;
  /** Its own rate per unit: the price of a priced receipt, requested ÷ qty of a fixed-value move. */
  rate?: Decimal;
  /** True when unitCost was given (the row then shows that price). */
  priced: boolean;
}

export function parseMove(m: Move): ParsedMove {
  const q = parse(m.qty, 6, 'qty', m.id);
  if (q.isZero()) throw new CostingError('qty is zero', m.id);
  if (m.unitCost !== undefined && m.value !== undefined)
    throw new CostingError('give unitCost or value, not both', m.id);
  if (q.gt(0)) {
    if (m.unitCost !== undefined) {
      const price = parse(m.unitCost, 6, 'unitCost', m.id);
      if (price.lt(0)) throw new CostingError('unitCost is negative', m.id);
      return { q, requested: round2(q.times(price)), rate: price, priced: true };
    }
    if (m.value === undefined) throw new CostingError('an inbound move needs unitCost or value', m.id);
  } else if (m.unitCost !== undefined) {
    // outbound cost comes from the method, never from a typed-in number
    throw new CostingError('an outbound move cannot carry unitCost', m.id);
  }
  if (m.value === undefined) return { q, priced: false };
  const v = parse(m.value, 2, 'value', m.id);
  if (!v.isZero() && v.gt(0) !== q.gt(0)) throw new CostingError('value and qty have different signs', m.id);
  return { q, requested: v, rate: v.div(q), priced: false };
}

/** The part of a move's own amount that belongs to `part` units of it; the whole move keeps its exact amount. */
export function ownShare(p: ParsedMove, part: Decimal): Decimal {
  return part.eq(p.q.abs()) ? p.requested!.abs() : round2(part.times(p.rate!));
}
