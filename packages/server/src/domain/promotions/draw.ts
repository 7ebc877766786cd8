/**
 * 抽奖 (lucky draws), the pure part: the prizes' odds and budget checked, who qualifies for an entry,
 * and each entry's result derived from the draw's secret seed and the entry id, so that anyone holding
 * the revealed seed re-derives every result (scripts/verify-draw.mjs does the same in plain Node).
 *
 * The rule, in full:
 *   commitment = hex(SHA-256(seed bytes))            published when the draw opens
 *   mac        = HMAC-SHA256(key = seed bytes, message = the entry id in decimal ASCII, e.g. "42")
 *   n          = the first 6 bytes of mac, big-endian (0 … 2^48 − 1)
 *   roll       = floor(n × 1 000 000 / 2^48)          (0 … 999 999, parts per million)
 *   prize      = the first prize, in position order, whose cumulative odds (in ppm) exceed roll;
 *                none when roll ≥ the sum of the odds.
 *   Entries are settled in ascending id order; a prize with a quantity already given out to lower
 *   ids falls through to "nothing" (the result says so: `exhausted`), it never moves to another prize.
 *   With a budget, a prize is given only while the prizes' cost so far plus its own stays within the
 *   budget; otherwise the entry wins nothing (`budgetSpent`), and the prize's units stay.
 */
import crypto from 'node:crypto';
import { Decimal } from 'decimal.js';
import { cartMiss } from './eligibility';
import type { Cart, Eligibility } from './types';

export type DrawErrorCode =
  'DRAW_ODDS_OVER_100' | 'DRAW_INVALID_ODDS' | 'DRAW_INVALID_PRIZE' | 'DRAW_OVER_BUDGET' | 'DRAW_INVALID_SEED';

/** Bad input: the module turns it into a DomainError with the same code. */
export class DrawError extends Error {
  constructor(
    readonly code: DrawErrorCode,
    message: string,
    readonly params: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type PrizeKind = 'SKU' | 'COUPON' | 'NONE';

export interface DrawPrize {
  id: string;
  name: string;
  kind: PrizeKind;
  /** percent, > 0, at most 4 decimals */
  odds: string;
  /** how many can be won; null only for NONE (谢谢参与) */
  quantity: number | null;
  /** what one prize costs the company (SKU at its cost, a coupon at its face value); 0 for NONE */
  unitCost: string;
}

/** One part per million is the odds' resolution: 0.0001 %. */
export const PPM = 1_000_000;

/** The odds as parts per million; refuses odds ≤ 0 or finer than 0.0001 %. */
export function oddsPpm(odds: string, name = ''): number {
  let d: Decimal;
  try {
    d = new Decimal(odds);
  } catch {
    throw new DrawError('DRAW_INVALID_ODDS', `Prize ${name}: the odds "${odds}" are not a number.`, { prize: name });
  }
  const ppm = d.times(10_000);
  if (!d.gt(0) || !ppm.isInteger())
    throw new DrawError(
      'DRAW_INVALID_ODDS',
      `Prize ${name}: odds are a percentage above 0 with at most 4 decimals (not ${odds}).`,
      { prize: name, odds },
    );
  return ppm.toNumber();
}

/** Checks the prizes: each one's odds and quantity, the odds at most 100 % together, the cost within the budget. */
export function validatePrizes(
  prizes: readonly DrawPrize[],
  budget: string | null,
): { totalPpm: number; cost: string } {
  let total = 0;
  let cost = new Decimal(0);
  for (const p of prizes) {
    total += oddsPpm(p.odds, p.name);
    if (p.kind !== 'NONE' && (p.quantity === null || !Number.isInteger(p.quantity) || p.quantity < 1))
      throw new DrawError('DRAW_INVALID_PRIZE', `Prize ${p.name}: a quantity of at least 1.`, { prize: p.name });
    if (p.quantity !== null && (!Number.isInteger(p.quantity) || p.quantity < 0))
      throw new DrawError('DRAW_INVALID_PRIZE', `Prize ${p.name}: the quantity is a whole number.`, { prize: p.name });
    const unit = new Decimal(p.unitCost || 0);
    if (unit.lt(0))
      throw new DrawError('DRAW_INVALID_PRIZE', `Prize ${p.name}: the cost cannot be negative.`, { prize: p.name });
    if (p.kind !== 'NONE') cost = cost.plus(unit.times(p.quantity ?? 0));
  }
  if (total > PPM)
    throw new DrawError(
      'DRAW_ODDS_OVER_100',
      `The prizes' odds add up to ${new Decimal(total).div(10_000).toFixed()} %: at most 100 %.`,
      { total: new Decimal(total).div(10_000).toFixed() },
    );
  if (budget !== null && cost.gt(budget))
    throw new DrawError(
      'DRAW_OVER_BUDGET',
      `The prizes cost ${cost.toFixed(2)} together, more than the budget ${new Decimal(budget).toFixed(2)}.`,
      { cost: cost.toFixed(2), budget: new Decimal(budget).toFixed(2) },
    );
  return { totalPpm: total, cost: cost.toFixed(2) };
}

const SEED_RE = /^[0-9a-f]{64}$/;

function seedBytes(seed: string): Buffer {
  if (!SEED_RE.test(seed)) throw new DrawError('DRAW_INVALID_SEED', 'A seed is 64 lower-case hex digits (32 bytes).');
  return Buffer.from(seed, 'hex');
}

/** The commitment published when the draw opens. */
export function seedHash(seed: string): string {
  return crypto.createHash('sha256').update(seedBytes(seed)).digest('hex');
}

/** The entry's roll in parts per million (0 … 999 999). */
export function entryRoll(seed: string, entryId: string | number): number {
  const mac = crypto.createHmac('sha256', seedBytes(seed)).update(String(entryId), 'ascii').digest();
  const n = BigInt('0x' + mac.subarray(0, 6).toString('hex'));
  return Number((n * BigInt(PPM)) >> 48n);
}

/** The prize whose cumulative band holds the roll (prizes in position order), or null. */
export function prizeForRoll<P extends Pick<DrawPrize, 'odds' | 'name'>>(roll: number, prizes: readonly P[]): P | null {
  let cum = 0;
  for (const p of prizes) {
    cum += oddsPpm(p.odds, p.name);
    if (roll < cum) return p;
  }
  return null;
}

export interface EntryResult {
  entryId: string;
  roll: number;
  /** the prize the roll picked (null: none) */
  picked: string | null;
  /** the prize won: the picked one, unless it was gone (then null and exhausted) */
  prize: string | null;
  exhausted: boolean;
  /** the picked prize had units left, but its cost no longer fitted the budget: nothing */
  budgetSpent: boolean;
  /** what the prize given (or refused by the budget) costs; null otherwise or when no costs were asked for */
  cost: string | null;
}

/** The budget measure of a draw: what is left of it, and what the prize an entry picked costs. */
export interface DrawBudget {
  /** null: no budget (the costs are still worked out) */
  left: string | null;
  cost: (entryId: string, prize: DrawPrize) => string;
}

/**
 * Settles entries in ascending id order against the prizes' quantities left (`remaining`, by prize
 * id; a NONE prize or a missing key counts as unlimited). Returns the results and what is left.
 */
export function settleEntries(
  seed: string,
  entryIds: ReadonlyArray<string | number>,
  prizes: readonly DrawPrize[],
  remaining: Readonly<Record<string, number>> = {},
  budget: DrawBudget | null = null,
): { results: EntryResult[]; remaining: Record<string, number>; budgetLeft: string | null } {
  let budgetLeft = budget?.left != null ? new Decimal(budget.left) : null;
  const left: Record<string, number> = {};
  for (const p of prizes)
    if (p.kind !== 'NONE') left[p.id] = remaining[p.id] !== undefined ? remaining[p.id] : (p.quantity ?? 0);
  const ids = [...entryIds].map(String).sort((a, b) => Number(a) - Number(b));
  const none = { budgetSpent: false, cost: null };
  const results = ids.map((entryId): EntryResult => {
    const roll = entryRoll(seed, entryId);
    const picked = prizeForRoll(roll, prizes);
    if (!picked) return { entryId, roll, picked: null, prize: null, exhausted: false, ...none };
    if (picked.kind === 'NONE')
      return { entryId, roll, picked: picked.id, prize: picked.id, exhausted: false, ...none };
    if (!(left[picked.id] > 0)) return { entryId, roll, picked: picked.id, prize: null, exhausted: true, ...none };
    let cost: string | null = null;
    if (budget) {
      const c = new Decimal(budget.cost(entryId, picked));
      cost = c.toFixed(2);
      if (budgetLeft && c.gt(budgetLeft))
        return { entryId, roll, picked: picked.id, prize: null, exhausted: false, budgetSpent: true, cost };
      if (budgetLeft) budgetLeft = budgetLeft.minus(c);
    }
    left[picked.id] -= 1;
    return { entryId, roll, picked: picked.id, prize: picked.id, exhausted: false, budgetSpent: false, cost };
  });
  return { results, remaining: left, budgetLeft: budgetLeft ? budgetLeft.toFixed(2) : null };
}

/** What an order must meet for an entry: the promotions' cart-level rules and a minimum amount. */
export interface DrawRules extends Pick<
  Eligibility,
  'channels' | 'stores' | 'tiers' | 'from' | 'to' | 'weekdays' | 'hours'
> {
  minAmount?: string | null;
}

export interface DrawOrder {
  channel: string;
  store: string | null;
  tier: string | null;
  /** the sale's business time 'YYYY-MM-DDTHH:mm' */
  at: string;
  /** the order's total after promotions and coupons */
  total: string;
}

/** Whether a confirmed order earns an entry (one entry per qualifying order). */
export function qualifies(rules: DrawRules, order: DrawOrder): boolean {
  const cart: Cart = {
    customerId: null,
    tier: order.tier,
    channel: order.channel,
    store: order.store,
    at: order.at,
    lines: [],
  };
  if (cartMiss(rules, cart)) return false;
  return !(rules.minAmount && new Decimal(order.total).lt(rules.minAmount));
}
