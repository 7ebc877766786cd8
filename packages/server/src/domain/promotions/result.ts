/** The chosen pass written out: lines with their steps and allocations, and why each promotion did or did not apply. */
import type { CouponCandidate, Run } from './evaluate';
import { cents, micros, unitPrice } from './fixed';
import { describe, type Candidate } from './kinds';
import type { Line, ParsedCoupon, ParsedPromotion } from './prepare';
import type {
  AppliedCoupon,
  AppliedPromotion,
  Cart,
  CouponRejection,
  LineStep,
  NotApplied,
  NotAppliedReason,
  PricedCart,
  PricedLine,
  RejectedCoupon,
} from './types';

export interface Blocked {
  pp: ParsedPromotion;
  reason: NotAppliedReason;
  detail: string;
  params: Record<string, string>;
  text: string;
}

export interface CouponBlocked {
  pc: ParsedCoupon;
  reason: CouponRejection;
  params: Record<string, string>;
  text: string;
}

export interface ResultInput {
  cart: Cart;
  lines: Line[];
  promotions: ParsedPromotion[];
  chosen: Run;
  /** the pass of every stackable candidate together */
  full: Run;
  /** each exclusive candidate's pass alone */
  alone: Map<Candidate, Run>;
  winner: Candidate | null;
  blocked: Blocked[];
  couponBlocked: CouponBlocked[];
  /** the coupons that passed the checks independent of amounts, in input order */
  coupons: CouponCandidate[];
  allCoupons: ParsedCoupon[];
  search: PricedCart['search'];
}

const listStep = (l: { listPrice: bigint; qty: bigint }, amount: bigint): LineStep => ({
  kind: 'LIST',
  discount: '0.00',
  amount: cents(amount),
  text: `list price ${micros(l.listPrice)} × ${micros(l.qty)} = ${cents(amount)}`,
});

const roundingStep = (amount: bigint): LineStep => ({
  kind: 'ROUNDING',
  discount: '0.00',
  amount: cents(amount),
  text: `rounded to 0.01: ${cents(amount)}`,
});

export function buildResult(x: ResultInput): PricedCart {
  const { chosen, lines } = x;
  const byK = new Map<number, Candidate>(chosen.selection.map((c) => [c.k, c]));
  // a 200-line cart has a thousand steps: each rule is described once, not once per step
  const said = new Map<number, string>();
  const say = (c: Candidate) => {
    let d = said.get(c.k);
    if (d === undefined) said.set(c.k, (d = `promotion ${c.pp.p.id} (${describe(c.pp.rule)})`));
    return d;
  };
  const out: PricedLine[] = lines.map((l, i) => {
    const amount = chosen.amount[i];
    const steps: LineStep[] = [listStep(l, l.listAmount)];
    const allocations: Array<{ promotionId?: string; couponCode?: string; amount: bigint }> = [];
    for (const e of chosen.log![i]) {
      const d = cents(e.discount);
      const after = cents(e.after);
      let promotionId: string | undefined;
      let couponCode: string | undefined;
      let text: string;
      if (e.kind === 'COUPON') {
        couponCode = x.coupons[e.ref].pc.c.code;
        text = `coupon ${couponCode}: −${d} = ${after}`;
        steps.push({ kind: e.kind, couponCode, discount: d, amount: after, text });
      } else {
        const c = byK.get(e.ref)!;
        promotionId = c.pp.p.id;
        text = `${say(c)}: −${d} = ${after}`;
        steps.push({ kind: e.kind, promotionId, discount: d, amount: after, text });
      }
      const a = allocations.find((y) => y.promotionId === promotionId && y.couponCode === couponCode);
      if (a) a.amount += e.discount;
      else allocations.push(promotionId ? { promotionId, amount: e.discount } : { couponCode, amount: e.discount });
    }
    steps.push(roundingStep(amount));
    return {
      id: l.id,
      sku: l.sku,
      qty: micros(l.qty),
      gift: false,
      promotionId: null,
      listPrice: micros(l.listPrice),
      listAmount: cents(l.listAmount),
      amount: cents(amount),
      unitPrice: micros(unitPrice(amount, l.qty)),
      discount: cents(l.listAmount - amount),
      steps,
      allocations: allocations.map((a) =>
        a.promotionId
          ? { promotionId: a.promotionId, amount: cents(a.amount) }
          : { couponCode: a.couponCode, amount: cents(a.amount) },
      ),
    };
  });

  const applied: AppliedPromotion[] = [];
  for (const o of chosen.applied) {
    const { p, rule } = o.cand.pp;
    const lineIds = o.lines.map((i) => lines[i].id);
    let giftQty = 0n;
    let giftValue = 0n;
    let use = o.discount;
    for (const g of o.gifts) {
      const id = `gift:${p.id}:${g.sku}`;
      lineIds.push(id);
      giftQty += g.qty;
      giftValue += g.value;
      use += g.cost;
      out.push({
        id,
        sku: g.sku,
        qty: micros(g.qty),
        gift: true,
        promotionId: p.id,
        listPrice: micros(g.listPrice),
        listAmount: cents(g.value),
        amount: '0.00',
        unitPrice: micros(0n),
        discount: cents(g.value),
        steps: [
          listStep(g, g.value),
          {
            kind: 'GIFT',
            promotionId: p.id,
            discount: cents(g.value),
            amount: '0.00',
            text: `gift of promotion ${p.id} (${describe(rule)}): −${cents(g.value)} = 0.00`,
          },
          roundingStep(0n),
        ],
        allocations: [],
      });
    }
    const gifts = o.gifts.length > 0;
    applied.push({
      promotionId: p.id,
      name: p.name,
      kind: rule.kind,
      discount: cents(o.discount),
      giftQty: gifts ? micros(giftQty) : null,
      giftValue: gifts ? cents(giftValue) : null,
      budgetUse: cents(use),
      lineIds,
      text: gifts
        ? `${p.name} (${describe(rule)}): gifts worth ${cents(giftValue)}`
        : `${p.name} (${describe(rule)}): −${cents(o.discount)}`,
    });
  }

  const notApplied: NotApplied[] = [];
  const inChosen = new Set(chosen.applied.map((o) => o.cand.pp));
  const missIn = (r: Run | undefined, pp: ParsedPromotion) => r?.misses.find((m) => m.cand.pp === pp);
  for (const pp of x.promotions) {
    if (inChosen.has(pp)) continue;
    const { id, name } = pp.p;
    const b = x.blocked.find((y) => y.pp === pp);
    const own = b ?? missIn(chosen, pp) ?? (pp.p.exclusive ? missIn(aloneOf(x, pp), pp) : missIn(x.full, pp));
    if (own) {
      notApplied.push({
        promotionId: id,
        name,
        reason: own.reason,
        detail: own.detail,
        params: own.params,
        text: own.text,
      });
    } else if (x.winner) {
      const by = x.winner.pp.p.id;
      notApplied.push({
        promotionId: id,
        name,
        reason: 'BEATEN_BY_EXCLUSIVE',
        detail: 'EXCLUSIVE',
        params: { by },
        text: `exclusive promotion ${by} gives the customer more`,
      });
    } else {
      notApplied.push({
        promotionId: id,
        name,
        reason: 'NOT_BEST',
        detail: pp.p.exclusive ? 'EXCLUSIVE_LESS' : 'LEFT_OUT',
        params: {},
        text: pp.p.exclusive
          ? 'alone it gives the customer less than the promotions applied'
          : 'left out: the cart prices lower without it (a threshold is reached instead)',
      });
    }
  }

  const coupons: AppliedCoupon[] = chosen.coupons.map((o) => ({
    code: o.cc.pc.c.code,
    batch: o.cc.pc.c.batch,
    discount: cents(o.discount),
    lineIds: o.lines.map((i) => lines[i].id),
  }));
  const rejected = new Map<ParsedCoupon, RejectedCoupon>();
  for (const b of x.couponBlocked)
    rejected.set(b.pc, { code: b.pc.c.code, reason: b.reason, params: b.params, text: b.text });
  for (const m of chosen.couponMisses)
    rejected.set(m.cc.pc, { code: m.cc.pc.c.code, reason: 'COUPON_BELOW_MIN_SPEND', params: m.params, text: m.text });
  const rejectedCoupons = x.allCoupons.flatMap((pc) => rejected.get(pc) ?? []);

  let listTotal = 0n;
  for (const l of lines) listTotal += l.listAmount;
  return {
    lines: out,
    listTotal: cents(listTotal),
    discountTotal: cents(listTotal - chosen.total),
    total: cents(chosen.total),
    giftValue: cents(chosen.giftValue),
    applied,
    notApplied,
    coupons,
    rejectedCoupons,
    search: x.search,
  };
}

function aloneOf(x: ResultInput, pp: ParsedPromotion): Run | undefined {
  for (const [c, r] of x.alone) if (c.pp === pp) return r;
  return undefined;
}
