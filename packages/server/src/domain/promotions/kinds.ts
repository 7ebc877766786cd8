/**
 * What one promotion does to the cart as it stands when the sequence reaches it. Each kind maps the
 * covered lines' amounts to new ones (never higher, never below zero) or adds gift lines; none of them
 * reads anything but its own lines, so the order of the sequence is the whole story.
 */
import { allocate } from './allocate';
import { cents, divRound, lessPercent, lineAmount, min, micros, pct } from './fixed';
import type { Line, ParsedPromotion, Rule } from './prepare';

/** A promotion with the cart's facts about it, fixed for the whole search. */
export interface Candidate {
  /** position among the candidates: the key of a selection */
  k: number;
  pp: ParsedPromotion;
  /** covered cart lines, in cart order */
  cover: number[];
  /** Σ list amounts of the covered lines: no selection can give a threshold more base than this */
  listBase: bigint;
  coverQty: bigint;
}

export interface GiftLine {
  promotionId: string;
  sku: string;
  qty: bigint;
  listPrice: bigint;
  value: bigint;
  cost: bigint;
}

export type Effect =
  | {
      ok: true;
      /** [line, new amount] for the lines it changed */
      changes: Array<[number, bigint]>;
      discount: bigint;
      gifts: GiftLine[];
      /** it got less than some smaller selection could give it (a threshold not reached in full) */
      hurt: boolean;
    }
  | { ok: false; detail: string; params: Record<string, string>; text: string; hurt: boolean };

const miss = (detail: string, params: Record<string, string>, text: string, hurt = false): Effect => ({
  ok: false,
  detail,
  params,
  text,
  hurt,
});

const done = (changes: Array<[number, bigint]>, discount: bigint, gifts: GiftLine[] = [], hurt = false): Effect =>
  discount > 0n || gifts.length
    ? { ok: true, changes, discount, gifts, hurt }
    : miss('NO_BENEFIT', {}, 'gives nothing on this cart');

function perLine(c: Candidate, amount: bigint[], f: (i: number, a: bigint) => bigint): Effect {
  const changes: Array<[number, bigint]> = [];
  let discount = 0n;
  for (const i of c.cover) {
    const a = amount[i];
    if (a === 0n) continue;
    const n = f(i, a);
    if (n < a) {
      changes.push([i, n]);
      discount += a - n;
    }
  }
  return done(changes, discount);
}

/** Most a threshold rule can take off when its base is `base` (before the budget). */
export function thresholdOff(r: Extract<Rule, { kind: 'THRESHOLD_OFF' }>, base: bigint): bigint {
  const n = r.perMultiple ? base / r.threshold : base >= r.threshold ? 1n : 0n;
  const off = n * r.off;
  return r.cap !== null && off > r.cap ? r.cap : off;
}

/**
 * The effect of a line-level or order-level rule. `budgetLeft` only matters to a threshold: in a
 * frozen run (the optimiser's lower bound) a threshold takes the most it could take in any selection.
 */
export function effect(
  c: Candidate,
  lines: Line[],
  amount: bigint[],
  frozen: boolean,
  budgetLeft: bigint | null,
): Effect {
  const r = c.pp.rule;
  switch (r.kind) {
    case 'PERCENT_OFF':
      return perLine(c, amount, (_, a) => lessPercent(a, r.percent));
    case 'FIXED_PRICE':
      return perLine(c, amount, (i, a) => min(a, lineAmount(lines[i].qty, r.price)));
    case 'TIER_PRICE': {
      let tier: (typeof r.tiers)[number] | undefined;
      for (const t of r.tiers) if (t.minQty <= c.coverQty) tier = t;
      if (!tier)
        return miss(
          'MIN_QTY',
          { qty: micros(c.coverQty), min: micros(r.tiers[0].minQty) },
          `covered quantity ${micros(c.coverQty)} is below the first tier ${micros(r.tiers[0].minQty)}`,
        );
      const t = tier;
      return perLine(c, amount, (i, a) =>
        t.percent !== null ? lessPercent(a, t.percent) : min(a, lineAmount(lines[i].qty, t.price!)),
      );
    }
    case 'BUNDLE_PRICE':
      return bundle(c, r, lines, amount);
    case 'BUY_X_GET_Y':
      return buyGet(c, r, lines);
    case 'THRESHOLD_OFF': {
      const base = sum(c, amount);
      const off = thresholdOff(r, base);
      const next = r.perMultiple ? (base / r.threshold + 1n) * r.threshold : base < r.threshold ? r.threshold : null;
      const most = reach(base, c.listBase, (x) => thresholdOff(r, x), next, budgetLeft);
      const take = frozen ? most : off;
      if (take === 0n)
        return miss(
          'THRESHOLD',
          { amount: cents(base), threshold: cents(r.threshold) },
          `covered amount ${cents(base)} is below the threshold ${cents(r.threshold)}`,
          most > 0n,
        );
      return reduce(c, amount, take, !frozen && most > (budgetLeft === null || off <= budgetLeft ? off : 0n));
    }
    case 'ORDER_PERCENT': {
      const base = sum(c, amount);
      let off = divRound(base * r.percent, 1_000_000n);
      if (r.cap !== null && off > r.cap) off = r.cap;
      return reduce(c, amount, off, false);
    }
  }
}

/**
 * The most a threshold step can take off a base of `base` in any selection, where leaving promotions
 * out can only raise its base, up to `limit`: the base less the lower envelope of x − R(x) over
 * [base, limit]. Between two jumps of R, x − R(x) rises with x, and from one jump to the next it does
 * not fall (a 满减 never takes off more than its threshold), so only the next jump can do better
 * than R(base). A reduction above the budget left is not given at all.
 */
export function reach(
  base: bigint,
  limit: bigint,
  off: (x: bigint) => bigint,
  next: bigint | null,
  budgetLeft: bigint | null,
): bigint {
  const given = (r: bigint) => (budgetLeft === null || r <= budgetLeft ? r : 0n);
  let most = given(off(base));
  if (next !== null && next <= limit) {
    const there = base - (next - given(off(next)));
    if (there > most) most = there;
  }
  return most;
}

export function sum(c: { cover: number[] }, amount: bigint[]): bigint {
  let s = 0n;
  for (const i of c.cover) s += amount[i];
  return s;
}

/** An order-level reduction spread over the covered lines (see allocate). */
export function reduce(c: { cover: number[] }, amount: bigint[], off: bigint, hurt: boolean): Effect {
  const weights = c.cover.map((i) => amount[i]);
  const shares = allocate(off, weights);
  const changes: Array<[number, bigint]> = [];
  let discount = 0n;
  shares.forEach((s, j) => {
    if (s > 0n) {
      changes.push([c.cover[j], weights[j] - s]);
      discount += s;
    }
  });
  return done(changes, discount, [], hurt);
}

function bundle(c: Candidate, r: Extract<Rule, { kind: 'BUNDLE_PRICE' }>, lines: Line[], amount: bigint[]): Effect {
  let times: bigint | null = r.maxTimes === null ? null : BigInt(r.maxTimes);
  const bySku = new Map<string, number[]>();
  for (const i of c.cover) {
    const l = lines[i];
    const list = bySku.get(l.sku);
    if (list) list.push(i);
    else bySku.set(l.sku, [i]);
  }
  for (const it of r.items) {
    let have = 0n;
    for (const i of bySku.get(it.sku) ?? []) have += lines[i].qty;
    const t = have / it.qty;
    if (times === null || t < times) times = t;
  }
  if (!times)
    return miss(
      'BUNDLE_INCOMPLETE',
      { skus: r.items.map((it) => it.sku).join(', ') },
      `the cart does not hold the whole set ${r.items.map((it) => `${micros(it.qty)} × ${it.sku}`).join(' + ')}`,
    );
  // the bundled units of each line and what they are worth now
  const parts: Array<{ i: number; value: bigint }> = [];
  let value = 0n;
  for (const it of r.items) {
    let want = times * it.qty;
    for (const i of bySku.get(it.sku)!) {
      if (want === 0n) break;
      const q = lines[i].qty;
      const take = q < want ? q : want;
      want -= take;
      const v = take === q ? amount[i] : divRound(amount[i] * take, q);
      parts.push({ i, value: v });
      value += v;
    }
  }
  const price = times * r.price;
  if (value <= price)
    return miss('NO_BENEFIT', {}, `the set already costs ${cents(value)}, not more than ${cents(price)}`);
  const shares = allocate(
    value - price,
    parts.map((p) => p.value),
  );
  const changes: Array<[number, bigint]> = [];
  let discount = 0n;
  parts.forEach((p, j) => {
    if (shares[j] > 0n) {
      changes.push([p.i, amount[p.i] - shares[j]]);
      discount += shares[j];
    }
  });
  return done(changes, discount);
}

function buyGet(c: Candidate, r: Extract<Rule, { kind: 'BUY_X_GET_Y' }>, lines: Line[]): Effect {
  let left: bigint | null = r.maxTimes === null ? null : BigInt(r.maxTimes);
  const take = (t: bigint) => {
    const n = left !== null && t > left ? left : t;
    if (left !== null) left -= n;
    return n;
  };
  const gifts: GiftLine[] = [];
  const give = (sku: string, qty: bigint, listPrice: bigint, unitCost: bigint | null) => {
    const value = lineAmount(qty, listPrice);
    gifts.push({ promotionId: c.pp.p.id, sku, qty, listPrice, value, cost: lineAmount(qty, unitCost ?? listPrice) });
  };
  if (r.gift) {
    const t = take(c.coverQty / r.buy);
    if (t > 0n) give(r.gift.sku, t * r.get, r.gift.listPrice, r.gift.unitCost);
  } else {
    const bySku = new Map<string, { qty: bigint; first: number }>();
    for (const i of c.cover) {
      const s = bySku.get(lines[i].sku);
      if (s) s.qty += lines[i].qty;
      else bySku.set(lines[i].sku, { qty: lines[i].qty, first: i });
    }
    for (const [sku, s] of bySku) {
      const t = take(s.qty / r.buy);
      const l = lines[s.first];
      if (t > 0n) give(sku, t * r.get, l.listPrice, l.unitCost);
    }
  }
  if (!gifts.length)
    return miss(
      'MIN_QTY',
      { qty: micros(c.coverQty), min: micros(r.buy) },
      `buy ${micros(r.buy)} of the covered goods to get ${micros(r.get)} free`,
    );
  return done([], 0n, gifts);
}

/** A rule in a few English words, for steps and explanations. */
export function describe(r: Rule): string {
  switch (r.kind) {
    case 'PERCENT_OFF':
      return `${pct(r.percent)}% off`;
    case 'FIXED_PRICE':
      return `fixed price ${micros(r.price)}`;
    case 'TIER_PRICE':
      return `tier prices ${r.tiers.map((t) => `from ${micros(t.minQty)}: ${t.percent !== null ? `${pct(t.percent)}% off` : micros(t.price!)}`).join('; ')}`;
    case 'BUNDLE_PRICE':
      return `bundle ${r.items.map((it) => `${micros(it.qty)} × ${it.sku}`).join(' + ')} for ${cents(r.price)}`;
    case 'BUY_X_GET_Y':
      return `buy ${micros(r.buy)} get ${micros(r.get)}${r.gift ? ` × ${r.gift.sku}` : ''} free`;
    case 'THRESHOLD_OFF':
      return r.perMultiple
        ? `every ${cents(r.threshold)} get ${cents(r.off)} off${r.cap !== null ? `, at most ${cents(r.cap)}` : ''}`
        : `spend ${cents(r.threshold)} get ${cents(r.off)} off`;
    case 'ORDER_PERCENT':
      return `order ${pct(r.percent)}% off${r.cap !== null ? `, at most ${cents(r.cap)}` : ''}`;
  }
}
