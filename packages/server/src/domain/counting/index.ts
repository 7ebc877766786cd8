/**
 * Blind counting (盲盘) of a stocktake line: two counters count independently; when they differ,
 * or agree on a figure further from the book than the tolerance, a third person recounts and that
 * count is final. Pure: the caller supplies the counts and the quantity expected on the shelf.
 */
import { Decimal } from 'decimal.js';

export type LineStatus = 'pending' | 'recount' | 'settled';
export type RecountCause = 'counters_differ' | 'beyond_tolerance';

/** Why a line needs no more counts, or which count is taken. */
export interface CountEntry {
  /** 1 and 2: the two blind counts; 3: the recount */
  round: number;
  countedBy: number;
  qty: string;
}

/** A recount is needed beyond max(qty, pct % of the expected quantity). */
export interface Tolerance {
  qty: string;
  pct: string;
}
export const NO_TOLERANCE: Tolerance = { qty: '0', pct: '0' };

export interface LineEvaluation {
  status: LineStatus;
  recountCause: RecountCause | null;
  /** the quantity taken (settled lines only) */
  finalQty: string | null;
  /** final − expected (settled lines only) */
  difference: string | null;
}

const D = (x: Decimal.Value) => new Decimal(x);

/** How far a count may be from the expected quantity without a recount. */
export function toleranceFor(expected: string, t: Tolerance): Decimal {
  return Decimal.max(D(t.qty), D(expected).abs().times(t.pct).div(100));
}

export function evaluateLine(expected: string, counts: CountEntry[], t: Tolerance = NO_TOLERANCE): LineEvaluation {
  const byRound = new Map(counts.map((c) => [c.round, D(c.qty)]));
  const settled = (q: Decimal): LineEvaluation => ({
    status: 'settled',
    recountCause: null,
    finalQty: q.toFixed(),
    difference: q.minus(expected).toFixed(),
  });
  const first = byRound.get(1);
  const second = byRound.get(2);
  if (!first || !second) return { status: 'pending', recountCause: null, finalQty: null, difference: null };
  const cause: RecountCause | null = !first.eq(second)
    ? 'counters_differ'
    : first.minus(expected).abs().gt(toleranceFor(expected, t))
      ? 'beyond_tolerance'
      : null;
  const recount = byRound.get(3);
  if (recount) return { ...settled(recount), recountCause: cause };
  if (cause) return { status: 'recount', recountCause: cause, finalQty: null, difference: null };
  return settled(first);
}

export type CountRefusal =
  | { code: 'SAME_COUNTER'; message: string }
  | { code: 'LINE_SETTLED'; message: string }
  | { code: 'NEGATIVE_QTY'; message: string };

/**
 * The round a user's count of a line takes, or why it is refused: nobody counts a line twice
 * (the second count and the recount are by other people), a settled line takes no more counts,
 * and a count is never negative.
 */
export function nextRound(
  status: LineStatus,
  counts: CountEntry[],
  userId: number,
  qty: string,
): { round: number } | CountRefusal {
  if (D(qty).lt(0)) return { code: 'NEGATIVE_QTY', message: 'A count cannot be negative.' };
  if (counts.some((c) => c.countedBy === userId))
    return {
      code: 'SAME_COUNTER',
      message:
        status === 'recount'
          ? 'The recount must be made by someone who has not counted this line.'
          : 'You counted this line already: the second count must be made by someone else.',
    };
  if (status === 'settled') return { code: 'LINE_SETTLED', message: 'This line is counted; it needs no more counts.' };
  if (status === 'recount') return { round: 3 };
  return { round: counts.some((c) => c.round === 1) ? 2 : 1 };
}

/** The accuracy of counted lines: how many were right (the count equalled the book), and the value of the differences. */
export interface AccuracyLine {
  difference: string;
  /** value of the difference as posted (gains positive, losses negative) */
  value: string;
}
export interface Accuracy {
  linesCounted: number;
  linesRight: number;
  /** linesRight ÷ linesCounted, percent, 2 places ("100.00" when nothing was counted) */
  accuracyPct: string;
  gainValue: string;
  lossValue: string;
  netValue: string;
}

export function accuracyOf(lines: AccuracyLine[]): Accuracy {
  let right = 0;
  let gain = D(0);
  let loss = D(0);
  for (const l of lines) {
    if (D(l.difference).isZero()) right++;
    const v = D(l.value);
    if (v.gt(0)) gain = gain.plus(v);
    else loss = loss.plus(v);
  }
  return {
    linesCounted: lines.length,
    linesRight: right,
    accuracyPct: lines.length
      ? D(right).times(100).div(lines.length).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
      : '100.00',
    gainValue: gain.toFixed(2),
    lossValue: loss.neg().toFixed(2),
    netValue: gain.plus(loss).toFixed(2),
  };
}

/**
 * What an open blind count covers, for withholding the book from those who count blind: a
 * warehouse, its bins (null: every bin, and stock outside bins) and its SKUs (null: every SKU).
 */
export interface BlindScope {
  warehouseId: number;
  binIds: readonly number[] | null;
  skuIds: readonly number[] | null;
}

/**
 * Is this place under an open blind count? With a bin, that bin × SKU; without one (a figure
 * summed over the warehouse's bins), any bin of the warehouse holding the SKU in a count's scope,
 * since the sum less the bins outside the count gives the book of those inside it.
 */
export function coveredByCount(
  scopes: readonly BlindScope[],
  warehouseId: number,
  skuId: number,
  binId?: number | null,
): boolean {
  return scopes.some(
    (s) =>
      s.warehouseId === warehouseId &&
      (s.skuIds === null || s.skuIds.includes(skuId)) &&
      (binId === undefined || binId === null || s.binIds === null || s.binIds.includes(binId)),
  );
}
