/**
 * 满减 taken back on a return. A confirmed order's 满减 was spread over the lines it covered (their
 * shares are in each line's net price), so a return that refunds the returned units' net amount
 * already keeps back those units' share. What is left to settle is the kept units: they still carry
 * their share of the reduction, and after the return they may no longer reach the threshold (or reach
 * a smaller multiple). Exactly:
 *
 *  - kept base  = Σ over the covered lines of round2(base × kept ÷ qty), where base is the line's amount
 *    the 满减 was computed on (list amount less the steps before it) and kept = ordered − returned so far
 *    (this return included);
 *  - kept share = Σ round2(share × kept ÷ qty), the line's allocation of this 满减;
 *  - earned now = the rule on the kept base (once, or per multiple with its cap);
 *  - owed       = max(0, kept share − earned now): what the kept units got that they no longer earn;
 *  - this return takes owed − taken by earlier returns (negative: an earlier return took more than the
 *    kept units now owe, e.g. the rest came back too, and this one gives it back), but never more than
 *    its own refund: the refund never goes below zero, and what could not be taken stays owed for a
 *    later return.
 */
import { divRound, cents, parseFixed, type CENT } from './fixed';
import { allocate } from './allocate';
import { PromotionError } from './types';

export interface TakeBackLine {
  /** ordered, in the base unit */
  qty: string;
  /** ordered − returned so far, this return included */
  keptQty: string;
  /** the whole line's amount the 满减 was computed on (list less the earlier steps), 2 decimals */
  base: string;
  /** the whole line's share of this 满减, 2 decimals */
  share: string;
}

export interface TakeBackThreshold {
  /** the promotion's code (named on the return) */
  code: string;
  rule: { threshold: string; off: string; perMultiple: boolean; cap?: string | null };
  lines: TakeBackLine[];
  /** taken back by this order's earlier returns, net of what they gave back */
  takenBefore: string;
}

export interface TakeBackResult {
  /** per 满减, in input order */
  thresholds: Array<{
    code: string;
    keptBase: string;
    keptShare: string;
    earnedNow: string;
    owed: string;
    /** this return's take-back (negative: given back) */
    taken: string;
  }>;
  /** Σ taken */
  taken: string;
  /** the refund after the take-back, ≥ 0 */
  refund: string;
  /** the take-back spread over the return's lines in proportion to their refunds (input order) */
  lines: string[];
}

const MICRO = 6;
const parse = (s: string, scale: typeof CENT | typeof MICRO, field: string, negativeOk = false) =>
  parseFixed(s, scale, field, 'PROMOTION_INVALID_RULE', { negativeOk });

/** part of a whole-line amount for `kept` of `qty` units, half-up to the cent */
const part = (amount: bigint, kept: bigint, qty: bigint) =>
  qty === 0n || kept === qty ? (qty === 0n ? 0n : amount) : divRound(amount * kept, qty);

/** The rule on a base (cents): once, or per multiple with its cap. */
export function thresholdReduction(rule: TakeBackThreshold['rule'], base: bigint): bigint {
  const threshold = parse(rule.threshold, 2, 'threshold');
  const off = parse(rule.off, 2, 'off');
  const cap = rule.cap === null || rule.cap === undefined || rule.cap === '' ? null : parse(rule.cap, 2, 'cap');
  if (threshold <= 0n)
    throw new PromotionError('PROMOTION_INVALID_RULE', 'The threshold must be above zero.', 'threshold');
  const n = rule.perMultiple ? base / threshold : base >= threshold ? 1n : 0n;
  const r = n * off;
  return cap !== null && r > cap ? cap : r;
}

/**
 * The 满减 a return takes back. `refunds`: the return's lines' refunds before the take-back (their
 * units' net amounts, 2 decimals).
 */
export function thresholdTakeBack(thresholds: TakeBackThreshold[], refunds: string[]): TakeBackResult {
  const gross = refunds.map((r, i) => parse(r, 2, `refunds[${i}]`));
  let room = gross.reduce((s, r) => s + r, 0n);
  const out: TakeBackResult['thresholds'] = [];
  let total = 0n;
  for (const t of thresholds) {
    let keptBase = 0n;
    let keptShare = 0n;
    t.lines.forEach((l, i) => {
      const qty = parse(l.qty, MICRO, `lines[${i}].qty`);
      const kept = parse(l.keptQty, MICRO, `lines[${i}].keptQty`);
      if (kept > qty)
        throw new PromotionError('PROMOTION_INVALID_RULE', 'More kept than ordered.', `lines[${i}].keptQty`);
      keptBase += part(parse(l.base, 2, `lines[${i}].base`), kept, qty);
      keptShare += part(parse(l.share, 2, `lines[${i}].share`), kept, qty);
    });
    const earnedNow = thresholdReduction(t.rule, keptBase);
    const owed = keptShare > earnedNow ? keptShare - earnedNow : 0n;
    const before = parse(t.takenBefore, 2, 'takenBefore', true);
    let taken = owed - before;
    // never more than what is left of the refund (what is not taken stays owed for a later return)
    if (taken > room) taken = room;
    room -= taken;
    total += taken;
    out.push({
      code: t.code,
      keptBase: cents(keptBase),
      keptShare: cents(keptShare),
      earnedNow: cents(earnedNow),
      owed: cents(owed),
      taken: cents(taken),
    });
  }
  // a take-back never exceeds the refunds, so it spreads exactly; a give-back may exceed them (or they are
  // all zero): what the proportions do not place goes on the first line
  const spread = total >= 0n ? allocate(total, gross) : allocate(-total, gross).map((s) => -s);
  if (spread.length) spread[0] += total - spread.reduce((s, x) => s + x, 0n);
  const refund = gross.reduce((s, r) => s + r, 0n) - total;
  return { thresholds: out, taken: cents(total), refund: cents(refund), lines: spread.map(cents) };
}
