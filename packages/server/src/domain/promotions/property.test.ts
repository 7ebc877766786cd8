import { describe, expect, it } from 'vitest';
import { prng } from '../costing/test-helpers';
import { priceCart, type Coupon, type Eligibility, type PricedCart, type Promotion, type PromotionRule } from './index';
import { cart, line } from './test-helpers';

// Properties over random carts. Each case is built from its own seed, so a failure names it.

const CATALOG: Record<string, { categories: string[]; brand: string }> = {
  A: { categories: ['DRINK', 'FOOD'], brand: 'X' },
  B: { categories: ['FOOD'], brand: 'X' },
  C: { categories: ['TOYS'], brand: 'Y' },
  D: { categories: ['TOYS'], brand: 'Y' },
  E: { categories: ['FOOD'], brand: 'Z' },
  F: { categories: ['HOME'], brand: 'Z' },
};
const SKUS = Object.keys(CATALOG);

const pick = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const one = <T>(rnd: () => number, xs: readonly T[]): T => xs[pick(rnd, 0, xs.length - 1)];
const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

function randomRule(rnd: () => number): PromotionRule {
  switch (pick(rnd, 0, 6)) {
    case 0:
      return { kind: 'PERCENT_OFF', percent: String(pick(rnd, 1, 50)) + (rnd() < 0.3 ? '.5' : '') };
    case 1:
      return { kind: 'FIXED_PRICE', price: money(pick(rnd, 100, 20000)) };
    case 2:
      return {
        kind: 'TIER_PRICE',
        tiers: [
          { minQty: String(pick(rnd, 2, 4)), percent: String(pick(rnd, 1, 10)) },
          { minQty: String(pick(rnd, 5, 9)), percent: String(pick(rnd, 11, 30)) },
        ],
      };
    case 3:
      return {
        kind: 'BUNDLE_PRICE',
        items: [
          { sku: one(rnd, SKUS.slice(0, 3)), qty: '1' },
          { sku: one(rnd, SKUS.slice(3)), qty: String(pick(rnd, 1, 2)) },
        ],
        price: money(pick(rnd, 500, 30000)),
        maxTimes: rnd() < 0.5 ? pick(rnd, 1, 2) : null,
      };
    case 4:
      return {
        kind: 'BUY_X_GET_Y',
        buyQty: String(pick(rnd, 2, 4)),
        getQty: '1',
        gift:
          rnd() < 0.5
            ? null
            : { sku: 'G', listPrice: money(pick(rnd, 100, 3000)), unitCost: money(pick(rnd, 50, 900)) },
        maxTimes: rnd() < 0.5 ? pick(rnd, 1, 3) : null,
      };
    case 5: {
      const threshold = pick(rnd, 50, 800) * 100;
      const off = pick(rnd, 1, threshold / 100) * 100;
      const perMultiple = rnd() < 0.5;
      return {
        kind: 'THRESHOLD_OFF',
        threshold: money(threshold),
        off: money(off),
        perMultiple,
        cap: perMultiple && rnd() < 0.5 ? money(off * pick(rnd, 1, 4)) : null,
      };
    }
    default:
      return {
        kind: 'ORDER_PERCENT',
        percent: String(pick(rnd, 1, 20)),
        cap: rnd() < 0.3 ? money(pick(rnd, 500, 5000)) : null,
      };
  }
}

function randomEligibility(rnd: () => number): Eligibility {
  const e: Eligibility = {};
  const r = rnd();
  if (r < 0.2) e.categories = [one(rnd, ['FOOD', 'TOYS', 'DRINK', 'HOME'])];
  else if (r < 0.35) e.brands = [one(rnd, ['X', 'Y', 'Z'])];
  else if (r < 0.45) e.skus = [one(rnd, SKUS), one(rnd, SKUS)];
  if (rnd() < 0.15) e.excludeSkus = [one(rnd, SKUS)];
  if (rnd() < 0.2) e.minAmount = money(pick(rnd, 1000, 60000));
  return e;
}

function randomCase(seed: number) {
  const rnd = prng(seed);
  const lines = Array.from({ length: pick(rnd, 1, 10) }, (_, i) => {
    const sku = one(rnd, SKUS);
    const qty = rnd() < 0.75 ? String(pick(rnd, 1, 6)) : `${pick(rnd, 0, 3)}.${pick(rnd, 1, 99)}`;
    return line(String(i + 1), sku, qty, money(pick(rnd, 1, 40000)), {
      ...CATALOG[sku],
      unitCost: money(pick(rnd, 1, 9000)),
    });
  });
  const promotions: Promotion[] = Array.from({ length: pick(rnd, 0, 6) }, (_, i) => {
    const exclusive = rnd() < 0.2;
    const budget = rnd() < 0.15 ? pick(rnd, 100, 20000) : null;
    return {
      id: `P${i}`,
      name: `P${i}`,
      // exclusive ones get priorities of their own: a tie between two of them is an error by design
      priority: exclusive ? 100 + i : pick(rnd, 1, 4),
      exclusive,
      rule: randomRule(rnd),
      eligibility: randomEligibility(rnd),
      limits: budget === null ? undefined : { budget: money(budget) },
      usage: budget === null ? undefined : { total: 0, byCustomer: 0, spent: money(pick(rnd, 0, budget)) },
    };
  });
  const coupons: Coupon[] = Array.from({ length: pick(rnd, 0, 2) }, (_, i) => ({
    code: `C${i}`,
    batch: `B${i}`,
    kind: rnd() < 0.5 ? 'AMOUNT_OFF' : 'PERCENT_OFF',
    value: rnd() < 0.5 ? money(pick(rnd, 100, 10000)) : String(pick(rnd, 1, 30)),
    maxOff: rnd() < 0.3 ? money(pick(rnd, 500, 5000)) : null,
    minSpend: rnd() < 0.6 ? money(pick(rnd, 1000, 80000)) : null,
    validFrom: '2026-11-01T00:00',
    validTo: '2026-12-01T00:00',
    maxUses: 1,
    used: 0,
    lines: rnd() < 0.3 ? { brands: [one(rnd, ['X', 'Y', 'Z'])] } : undefined,
  }));
  // a percent value of an AMOUNT_OFF coupon is just a small amount; a money value of a PERCENT_OFF one is cut to 2 digits
  for (const c of coupons) if (c.kind === 'PERCENT_OFF') c.value = String(pick(rnd, 1, 30));
  return { cart: cart(lines), promotions, coupons };
}

const c = (s: string) => BigInt(s.replace('.', ''));
const effective = (r: PricedCart) => c(r.total) - c(r.giftValue);

describe('properties (600 random carts)', () => {
  it('line amounts add up to the total, no line below zero, each discount accounted for on its lines', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const input = randomCase(seed * 7919);
      const r = priceCart(input);
      const ctx = `seed ${seed * 7919}`;
      const sold = r.lines.filter((l) => !l.gift);
      expect(
        sold.reduce((s, l) => s + c(l.amount), 0n),
        ctx,
      ).toBe(c(r.total));
      expect(c(r.listTotal) - c(r.discountTotal), ctx).toBe(c(r.total));
      for (const l of r.lines) {
        expect(c(l.amount) >= 0n && c(l.amount) <= c(l.listAmount), ctx).toBe(true);
        if (l.gift) expect(l.amount, ctx).toBe('0.00');
        else expect(c(l.listAmount) - l.allocations.reduce((s, a) => s + c(a.amount), 0n), ctx).toBe(c(l.amount));
      }
      for (const a of r.applied) {
        const onLines = sold.flatMap((l) => l.allocations).filter((x) => x.promotionId === a.promotionId);
        expect(
          onLines.reduce((s, x) => s + c(x.amount), 0n),
          ctx,
        ).toBe(c(a.discount));
      }
      for (const k of r.coupons) {
        const onLines = sold.flatMap((l) => l.allocations).filter((x) => x.couponCode === k.code);
        expect(
          onLines.reduce((s, x) => s + c(x.amount), 0n),
          ctx,
        ).toBe(c(k.discount));
      }
      expect(r.search.exhaustive, ctx).toBe(true);
      expect(priceCart(input), ctx).toEqual(r);
    }
  });

  it('removing a promotion never lowers the price (what the customer pays less the value of their gifts)', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const input = randomCase(seed * 104729);
      const all = effective(priceCart(input));
      for (const p of input.promotions) {
        const without = priceCart({ ...input, promotions: input.promotions.filter((q) => q !== p) });
        expect(effective(without) >= all, `seed ${seed * 104729} without ${p.id}`).toBe(true);
      }
    }
  });

  it('the price is the cheapest of every subset of the stackable promotions and each exclusive one alone', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const input = randomCase(seed * 17);
      const stack = input.promotions.filter((p) => !p.exclusive);
      // one pass, no search: the plain sequence over exactly these promotions
      const plain = (ps: Promotion[]) => effective(priceCart({ ...input, promotions: ps, maxEvaluations: 1 }));
      let best = plain([]);
      for (let m = 1; m < 1 << stack.length; m++) {
        const e = plain(stack.filter((_, i) => m & (1 << i)));
        if (e < best) best = e;
      }
      for (const x of input.promotions.filter((p) => p.exclusive)) {
        const e = plain([{ ...x, exclusive: false }]);
        if (e < best) best = e;
      }
      expect(effective(priceCart(input)), `seed ${seed * 17}`).toBe(best);
    }
  });
});
