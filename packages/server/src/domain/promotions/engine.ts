/**
 * priceCart: cart + promotions + coupons → priced cart with each line's steps and an explanation.
 * Pure and deterministic: the same input always prices the same way.
 *
 * Which promotions apply is decided for the customer's benefit, as a search:
 *  - the stackable promotions together, in sequence (line promotions, then order promotions, each by
 *    priority, then the coupons);
 *  - each exclusive promotion alone (不与其他优惠同享; coupons still apply);
 *  - and, when a threshold was not reached in full because earlier promotions lowered its base (a line
 *    discount that takes the cart below 满300, or below a coupon's minimum spend), the same set without
 *    those earlier promotions, recursively.
 * The cheapest result for the customer wins (what they pay less the list value of their gifts); on a
 * tie the first found (the fuller stackable set first), and two exclusive promotions of the same
 * priority that tie are an error the data must settle. Because every subset that could be cheaper is
 * priced (subtrees whose lower bound cannot win are skipped), taking a promotion away never lowers the
 * price. The search stops after `maxEvaluations` passes and then says it was not exhaustive.
 */
import { cartMiss } from './eligibility';
import { run, type CouponCandidate, type Run } from './evaluate';
import type { Candidate } from './kinds';
import { parseCart, parseCoupons, parsePromotions, type Line } from './prepare';
import { buildResult, type Blocked, type CouponBlocked } from './result';
import { PromotionError, type Cart, type PriceInput, type PricedCart } from './types';
import { cents, micros } from './fixed';
import type { ParsedCoupon, ParsedPromotion } from './prepare';

const DEFAULT_MAX_EVALUATIONS = 256;

export function priceCart(input: PriceInput): PricedCart {
  const { cart } = input;
  const lines = parseCart(cart);
  const promotions = parsePromotions(input.promotions ?? []);
  const parsedCoupons = parseCoupons(input.coupons ?? []);

  const blocked: Blocked[] = [];
  const candidates: Candidate[] = [];
  promotions.forEach((pp) => {
    const why = staticMiss(pp, cart, lines);
    if ('reason' in why) blocked.push({ pp, ...why });
    else candidates.push({ k: candidates.length, pp, ...why });
  });
  const { valid: coupons, rejected } = couponCandidates(parsedCoupons, cart, lines);

  const order = (a: Candidate, b: Candidate) =>
    Number(a.pp.orderLevel) - Number(b.pp.orderLevel) ||
    a.pp.p.priority - b.pp.p.priority ||
    // then by id, so the order the promotions arrive in never changes a price
    (a.pp.p.id < b.pp.p.id ? -1 : a.pp.p.id > b.pp.p.id ? 1 : 0);
  const stackable = candidates.filter((c) => !c.pp.p.exclusive).sort(order);
  const exclusive = candidates.filter((c) => c.pp.p.exclusive).sort(order);

  const max = input.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  if (!Number.isInteger(max) || max < 1)
    throw new PromotionError('PROMOTION_INVALID_RULE', 'maxEvaluations is a whole number ≥ 1.', 'maxEvaluations');
  const search = new Search(lines, coupons, max);
  const full = search.visit(stackable)!;
  const alone = new Map<Candidate, Run>();
  for (const e of exclusive) {
    const r = search.visit([e]);
    if (r) alone.set(e, r);
  }
  const best = search.best!;
  const winner = best.selection.length === 1 && best.selection[0].pp.p.exclusive ? best.selection[0] : null;
  if (winner) {
    const rival = exclusive.find(
      (e) =>
        e !== winner &&
        e.pp.p.priority === winner.pp.p.priority &&
        alone.get(e)?.applied.length &&
        alone.get(e)!.effective === best.effective,
    );
    if (rival)
      throw new PromotionError(
        'PROMOTION_EXCLUSIVE_AMBIGUOUS',
        `Exclusive promotions ${winner.pp.p.id} and ${rival.pp.p.id} have the same priority and give this cart the same benefit: give one of them a different priority.`,
      );
  }
  const chosen = run(lines, best.selection, coupons, { record: true });
  return buildResult({
    cart,
    lines,
    promotions,
    chosen,
    full,
    alone,
    winner,
    blocked,
    couponBlocked: rejected,
    coupons,
    allCoupons: parsedCoupons,
    search: { evaluated: search.evaluations, exhaustive: !search.truncated },
  });
}

class Search {
  best: Run | null = null;
  evaluations = 0;
  truncated = false;
  private readonly seen = new Set<string>();

  constructor(
    private readonly lines: Line[],
    private readonly coupons: CouponCandidate[],
    private readonly max: number,
  ) {}

  private key = (s: Candidate[]) => s.map((c) => c.k).join(',');

  /** Prices the selection and, when a threshold fell short, its subsets that might price lower. */
  visit(selection: Candidate[]): Run | null {
    const key = this.key(selection);
    if (this.seen.has(key)) return null;
    if (this.evaluations >= this.max) {
      this.truncated = true;
      return null;
    }
    this.seen.add(key);
    this.evaluations++;
    const r = run(this.lines, selection, this.coupons);
    if (!this.best || r.effective < this.best.effective) this.best = r;
    if (!r.interferers.length) return r;
    // no subset of a selection prices below its frozen pass: when that cannot win, none of them can
    if (this.evaluations >= this.max) {
      this.truncated = true;
      return r;
    }
    this.evaluations++;
    if (run(this.lines, selection, this.coupons, { frozen: true }).effective >= this.best.effective) return r;
    for (const drop of r.interferers) {
      const child = selection.filter((c) => c !== drop);
      const childKey = this.key(child);
      if (this.seen.has(childKey)) continue;
      if (this.evaluations >= this.max) {
        this.truncated = true;
        break;
      }
      // no subset of the child can price below its frozen pass: skip the subtree when that cannot win
      this.evaluations++;
      if (run(this.lines, child, this.coupons, { frozen: true }).effective >= this.best.effective) {
        this.seen.add(childKey);
        continue;
      }
      this.visit(child);
    }
    return r;
  }
}

/** What keeps a promotion out whatever the amounts: limits, budget, channel, store, tier, time, lines, quantity. */
function staticMiss(pp: ParsedPromotion, cart: Cart, lines: Line[]): Omit<Blocked, 'pp'> | Omit<Candidate, 'k' | 'pp'> {
  const { p } = pp;
  const u = p.usage;
  const l = p.limits;
  if (u && l?.total && u.total >= l.total)
    return {
      reason: 'LIMIT_REACHED',
      detail: 'TOTAL',
      params: { used: String(u.total), limit: String(l.total) },
      text: `used ${u.total} times, its limit is ${l.total}`,
    };
  if (u && l?.perCustomer && cart.customerId !== null && u.byCustomer >= l.perCustomer)
    return {
      reason: 'LIMIT_REACHED',
      detail: 'PER_CUSTOMER',
      params: { used: String(u.byCustomer), limit: String(l.perCustomer) },
      text: `this customer used it ${u.byCustomer} times, the limit is ${l.perCustomer}`,
    };
  if (pp.budget !== null && pp.spent >= pp.budget)
    return {
      reason: 'BUDGET_SPENT',
      detail: 'BUDGET',
      params: { budget: cents(pp.budget), spent: cents(pp.spent) },
      text: `its budget ${cents(pp.budget)} is spent`,
    };
  const m = cartMiss(p.eligibility, cart);
  if (m) return { reason: 'NOT_ELIGIBLE', ...m };
  const cover: number[] = [];
  let listBase = 0n;
  let coverQty = 0n;
  // a bundle covers only its own SKUs, whatever else its sets let in
  const only = pp.rule.kind === 'BUNDLE_PRICE' ? new Set(pp.rule.items.map((it) => it.sku)) : null;
  lines.forEach((line, i) => {
    if ((!only || only.has(line.sku)) && pp.matcher(line)) {
      cover.push(i);
      listBase += line.listAmount;
      coverQty += line.qty;
    }
  });
  if (!cover.length)
    return { reason: 'NOT_ELIGIBLE', detail: 'NO_LINES', params: {}, text: 'covers no line of this cart' };
  if (pp.minQty !== null && coverQty < pp.minQty)
    return {
      reason: 'NOT_ELIGIBLE',
      detail: 'MIN_QTY',
      params: { qty: micros(coverQty), min: micros(pp.minQty) },
      text: `covered quantity ${micros(coverQty)} is below its minimum ${micros(pp.minQty)}`,
    };
  return { cover, listBase, coverQty };
}

/** Coupon checks that do not depend on amounts; the minimum spend is checked in the pass. */
function couponCandidates(
  coupons: ParsedCoupon[],
  cart: Cart,
  lines: Line[],
): { valid: CouponCandidate[]; rejected: CouponBlocked[] } {
  const valid: CouponCandidate[] = [];
  const rejected: CouponBlocked[] = [];
  const batches = new Set<string>();
  for (const pc of coupons) {
    const c = pc.c;
    const no = (reason: CouponBlocked['reason'], params: Record<string, string>, text: string) =>
      rejected.push({ pc, reason, params, text });
    if (cart.at < c.validFrom) no('COUPON_NOT_YET_VALID', { from: c.validFrom }, `valid from ${c.validFrom}`);
    else if (cart.at >= c.validTo) no('COUPON_EXPIRED', { to: c.validTo }, `expired at ${c.validTo}`);
    else if (c.customerId && c.customerId !== cart.customerId)
      no('COUPON_OTHER_CUSTOMER', {}, 'issued to another customer');
    else if (c.used >= c.maxUses)
      no('COUPON_USED_UP', { used: String(c.used), max: String(c.maxUses) }, `used ${c.used} of ${c.maxUses} times`);
    else if (c.perCustomer && (c.usedByCustomer ?? 0) >= c.perCustomer)
      no(
        'COUPON_CUSTOMER_LIMIT',
        { used: String(c.usedByCustomer ?? 0), limit: String(c.perCustomer) },
        `this customer used its batch ${c.usedByCustomer ?? 0} times, the limit is ${c.perCustomer}`,
      );
    else if (batches.has(c.batch))
      no('COUPON_SAME_BATCH', { batch: c.batch }, `another coupon of batch ${c.batch} is used`);
    else {
      const cover: number[] = [];
      let listBase = 0n;
      lines.forEach((line, i) => {
        if (pc.matcher(line)) {
          cover.push(i);
          listBase += line.listAmount;
        }
      });
      if (!cover.length) no('COUPON_NO_LINES', {}, 'covers no line of this cart');
      else {
        batches.add(c.batch);
        valid.push({ pc, cover, listBase });
      }
    }
  }
  return { valid, rejected };
}
