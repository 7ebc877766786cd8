/**
 * Exact fixed-point arithmetic on bigint: amounts in cents, unit prices and quantities in millionths,
 * percentages in ten-thousandths of a percent. The engine prices a 200-line cart against dozens of
 * promotions several times over while it searches, so it avoids a decimal object per operation; the
 * decimal strings are parsed by their digits, never through a float.
 */
import { PromotionError, type PromotionErrorCode } from './types';

export const CENT = 2;
export const MICRO = 6;
export const PCT = 4;
export const HUNDRED_PCT = 1_000_000n; // 100 % at 4 decimals
const TEN_TO_10 = 10_000_000_000n; // micro × micro → cents

const RE = /^(-?)(\d{1,18})(?:\.(\d+))?$/;

export function parseFixed(
  s: unknown,
  scale: number,
  field: string,
  code: PromotionErrorCode,
  { negativeOk = false } = {},
): bigint {
  const m = typeof s === 'string' ? RE.exec(s) : null;
  if (!m) throw new PromotionError(code, `${field} "${String(s)}" is not a decimal number.`, field);
  const frac = m[3] ?? '';
  if (frac.length > scale) throw new PromotionError(code, `${field} "${s}" has more than ${scale} decimals.`, field);
  const v = BigInt(m[2] + frac.padEnd(scale, '0'));
  const signed = m[1] ? -v : v;
  if (signed < 0n && !negativeOk) throw new PromotionError(code, `${field} "${s}" is negative.`, field);
  return signed;
}

export function fmt(v: bigint, scale: number): string {
  if (v < 0n) return `-${fmt(-v, scale)}`;
  let s = v.toString();
  if (s.length <= scale) s = '0'.repeat(scale + 1 - s.length) + s;
  return scale ? `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}` : s;
}

export const cents = (v: bigint) => fmt(v, CENT);
export const micros = (v: bigint) => fmt(v, MICRO);

/** A percentage as written: trailing zeros dropped ("12.5", "20"). */
export function pct(v: bigint): string {
  const s = fmt(v, PCT);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** n ÷ d rounded half away from zero (四舍五入), d > 0. */
export function divRound(n: bigint, d: bigint): bigint {
  if (n < 0n) return -divRound(-n, d);
  return (n * 2n + d) / (2n * d);
}

/** qty (micro) × unit price (micro) → cents, half-up. */
export const lineAmount = (qty: bigint, price: bigint) => divRound(qty * price, TEN_TO_10);

/** The amount less `p` percent (4 decimals), half-up to the cent. */
export const lessPercent = (amount: bigint, p: bigint) => divRound(amount * (HUNDRED_PCT - p), HUNDRED_PCT);

/** `p` percent of the amount, half-up to the cent. */
export const percentOf = (amount: bigint, p: bigint) => divRound(amount * p, HUNDRED_PCT);

/** cents ÷ qty (micro) → a unit price in micro, half-up. */
export const unitPrice = (amount: bigint, qty: bigint) => (qty === 0n ? 0n : divRound(amount * TEN_TO_10, qty));

export const min = (a: bigint, b: bigint) => (a < b ? a : b);
export const max = (a: bigint, b: bigint) => (a > b ? a : b);
