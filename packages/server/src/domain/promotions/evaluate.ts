/**
 * One pass of the sequence over a chosen set of promotions: line promotions, then order promotions
 * (each by priority), then the coupons, each step reading the amounts the previous ones left.
 *
 * A pass also says which promotions could matter to a threshold that was not reached in full (a 满减,
 * a minimum amount, a coupon's minimum spend): the optimiser in engine.ts tries the cart without them.
 * A "frozen" pass gives every threshold the most it could get in any selection: a lower bound for the
 * price of every subset of the selection.
 */
import { effect, reach, reduce, sum, type Candidate, type GiftLine } from './kinds';
import { cents, divRound, min } from './fixed';
import type { Line, ParsedCoupon } from './prepare';
import type { NotAppliedReason } from './types';

export interface CouponCandidate {
  pc: ParsedCoupon;
  cover: number[];
  listBase: bigint;
}

export interface Entry {
  kind: 'LINE_PROMOTION' | 'ORDER_PROMOTION' | 'COUPON';
  /** the candidate's k, or the coupon's index among the coupon candidates */
  ref: number;
  discount: bigint;
  after: bigint;
}

export interface Outcome {
  cand: Candidate;
  discount: bigint;
  gifts: GiftLine[];
  lines: number[];
}

export interface Miss {
  cand: Candidate;
  reason: NotAppliedReason;
  detail: string;
  params: Record<string, string>;
  text: string;
}

export interface CouponOutcome {
  cc: CouponCandidate;
  index: number;
  discount: bigint;
  lines: number[];
}

export interface CouponMiss {
  cc: CouponCandidate;
  params: Record<string, string>;
  text: string;
}

export interface Run {
  selection: Candidate[];
  amount: bigint[];
  /** per line, its steps after the list price (only when asked to record) */
  log: Entry[][] | null;
  applied: Outcome[];
  misses: Miss[];
  coupons: CouponOutcome[];
  couponMisses: CouponMiss[];
  gifts: GiftLine[];
  total: bigint;
  giftValue: bigint;
  /** what the customer pays less what the gifts are worth: the measure "best for the customer" minimises */
  effective: bigint;
  /** promotions whose removal might let a threshold give more; empty when every threshold got its most */
  interferers: Candidate[];
}

interface Trace {
  cand: Candidate | null;
  cover: number[];
  changed: boolean;
  hurt: boolean;
}

export function run(
  lines: Line[],
  selection: Candidate[],
  coupons: CouponCandidate[],
  { frozen = false, record = false } = {},
): Run {
  const amount = lines.map((l) => l.listAmount);
  const log = record ? lines.map((): Entry[] => []) : null;
  const applied: Outcome[] = [];
  const misses: Miss[] = [];
  const gifts: GiftLine[] = [];
  const trace: Trace[] = [];

  for (const c of selection) {
    const pp = c.pp;
    const budgetLeft = pp.budget === null ? null : pp.budget - pp.spent;
    if (!frozen && pp.minAmount !== null) {
      const base = sum(c, amount);
      if (base < pp.minAmount) {
        misses.push({
          cand: c,
          reason: 'NOT_ELIGIBLE',
          detail: 'MIN_AMOUNT',
          params: { amount: cents(base), min: cents(pp.minAmount) },
          text: `covered amount ${cents(base)} is below its minimum ${cents(pp.minAmount)}`,
        });
        trace.push({ cand: c, cover: c.cover, changed: false, hurt: c.listBase >= pp.minAmount });
        continue;
      }
    }
    const e = effect(c, lines, amount, frozen, budgetLeft);
    if (!e.ok) {
      const reason: NotAppliedReason = e.detail === 'NO_BENEFIT' ? 'NO_BENEFIT' : 'NOT_ELIGIBLE';
      misses.push({ cand: c, reason, detail: e.detail, params: e.params, text: e.text });
      trace.push({ cand: c, cover: c.cover, changed: false, hurt: e.hurt });
      continue;
    }
    let use = e.discount;
    for (const g of e.gifts) use += g.cost;
    if (budgetLeft !== null && use > budgetLeft) {
      misses.push({
        cand: c,
        reason: 'BUDGET_SPENT',
        detail: 'BUDGET',
        params: { needs: cents(use), left: cents(budgetLeft) },
        text: `needs ${cents(use)} of its budget, ${cents(budgetLeft)} left`,
      });
      trace.push({ cand: c, cover: c.cover, changed: false, hurt: false });
      continue;
    }
    const kind = pp.orderLevel ? 'ORDER_PROMOTION' : 'LINE_PROMOTION';
    for (const [i, n] of e.changes) {
      log?.[i].push({ kind, ref: c.k, discount: amount[i] - n, after: n });
      amount[i] = n;
    }
    gifts.push(...e.gifts);
    applied.push({ cand: c, discount: e.discount, gifts: e.gifts, lines: e.changes.map(([i]) => i) });
    trace.push({ cand: c, cover: c.cover, changed: e.changes.length > 0, hurt: e.hurt });
  }

  const couponOutcomes: CouponOutcome[] = [];
  const couponMisses: CouponMiss[] = [];
  coupons.forEach((cc, index) => {
    const base = sum(cc, amount);
    const { c } = cc.pc;
    const minSpend = cc.pc.minSpend;
    const offAt = (x: bigint) => {
      if (minSpend !== null && x < minSpend) return 0n;
      if (c.kind === 'AMOUNT_OFF') return min(cc.pc.value, x);
      const p = divRound(x * cc.pc.value, 1_000_000n);
      return cc.pc.maxOff !== null ? min(p, cc.pc.maxOff) : p;
    };
    const below = minSpend !== null && base < minSpend;
    const most = below ? reach(base, cc.listBase, offAt, minSpend, null) : 0n;
    if (below && !frozen) {
      couponMisses.push({
        cc,
        params: { amount: cents(base), min: cents(minSpend) },
        text: `covered amount ${cents(base)} is below its minimum spend ${cents(minSpend)}`,
      });
      trace.push({ cand: null, cover: cc.cover, changed: false, hurt: most > 0n });
      return;
    }
    const off = below ? most : offAt(base);
    const e = reduce(cc, amount, off, false);
    const changes = e.ok ? e.changes : [];
    for (const [i, n] of changes) {
      log?.[i].push({ kind: 'COUPON', ref: index, discount: amount[i] - n, after: n });
      amount[i] = n;
    }
    couponOutcomes.push({ cc, index, discount: e.ok ? e.discount : 0n, lines: changes.map(([i]) => i) });
    trace.push({ cand: null, cover: cc.cover, changed: changes.length > 0, hurt: false });
  });

  let total = 0n;
  for (const a of amount) total += a;
  let giftValue = 0n;
  for (const g of gifts) giftValue += g.value;
  return {
    selection,
    amount,
    log,
    applied,
    misses,
    coupons: couponOutcomes,
    couponMisses,
    gifts,
    total,
    giftValue,
    effective: total - giftValue,
    interferers: frozen ? [] : interferers(trace, lines.length),
  };
}

/**
 * Walking back from the last step: the lines a short threshold counts, widened by every earlier step
 * that changed one of them (its own result read its lines, so their earlier changes matter too).
 * The promotions among those steps are the ones worth leaving out.
 */
function interferers(trace: Trace[], n: number): Candidate[] {
  if (!trace.some((t) => t.hurt)) return [];
  const watched = new Uint8Array(n);
  const out: Candidate[] = [];
  for (let k = trace.length - 1; k >= 0; k--) {
    const t = trace[k];
    const touches = t.cover.some((i) => watched[i] === 1);
    if (t.changed && touches && t.cand) out.push(t.cand);
    if (t.hurt || (t.changed && touches)) for (const i of t.cover) watched[i] = 1;
  }
  return out;
}
