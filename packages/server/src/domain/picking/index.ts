/**
 * Picking: which bins and batches an issue takes its units from. Pure: the caller reads the
 * balances (under the cost-head locks) and applies the result.
 */
import { Decimal } from 'decimal.js';

import { type PickStrategy } from './expiry';

/** A balance an issue may take from. */
export interface Stock {
  binId: number;
  /** 0 = no batch */
  batchId: number;
  qty: string;
  /** YYYY-MM-DD, the last day the goods may be used; null when the batch has none */
  expiryDate: string | null;
  /** when the batch first came in (ISO); null without a batch */
  receivedAt: string | null;
  /** the batch number, for messages */
  batchNo?: string | null;
  /** in a quarantine bin: never for a sale, and other issues take it only when they name the bin */
  quarantine?: boolean;
}

export interface Take {
  binId: number;
  batchId: number;
  /** positive magnitude, 6 dp */
  qty: string;
}

export interface PickResult {
  takes: Take[];
  /** what could not be picked (magnitude; "0" when the issue is covered) */
  short: string;
  /** usable-looking stock left out because it expired (magnitude) */
  expired: string;
  /** stock left out because it lies in a quarantine bin (magnitude; expired stock there counts as expired) */
  quarantined: string;
}

/** Expired on a day: its last day of use is before it. */
export const isExpired = (s: Pick<Stock, 'expiryDate'>, on: string): boolean => !!s.expiryDate && s.expiryDate < on;

/** Whole days from `on` to the expiry date (negative when past); null without one. */
export function daysToExpiry(expiryDate: string | null, on: string): number | null {
  if (!expiryDate) return null;
  return Math.round((Date.parse(`${expiryDate}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`)) / 86_400_000);
}

/** Nulls first, as both databases order them: stock without a batch is the oldest there is. */
const cmpNullFirst = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
const cmpNullLast = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** The order an issue takes the balances in, by the strategy; ties by receipt, bin, batch. */
export function pickOrder(stock: Stock[], strategy: PickStrategy): Stock[] {
  const fefo = strategy === 'fefo' || (strategy === 'auto' && stock.some((s) => s.expiryDate));
  return [...stock].sort(
    (a, b) =>
      (fefo ? cmpNullLast(a.expiryDate, b.expiryDate) : 0) ||
      cmpNullFirst(a.receivedAt, b.receivedAt) ||
      a.binId - b.binId ||
      a.batchId - b.batchId,
  );
}

const takenKey = (s: Pick<Stock, 'binId' | 'batchId'>) => `${s.binId}:${s.batchId}`;

/**
 * Takes `need` units from the stock in the given order, leaving out what earlier lines of the same
 * document already took (`taken`, updated); with `blockExpiredOn`, every batch expired on that
 * day (expired goods never go to a customer: they are scrapped, returned or quarantined by a
 * document that names their batch); with `skipQuarantine`, everything in quarantine bins (a sale
 * never takes it; other issues only when they name the bin).
 */
export function pick(
  need: Decimal.Value,
  ordered: Stock[],
  taken: Map<string, Decimal>,
  opts: { blockExpiredOn?: string; skipQuarantine?: boolean } = {},
): PickResult {
  let rest = new Decimal(need);
  let expired = new Decimal(0);
  let quarantined = new Decimal(0);
  const takes: Take[] = [];
  for (const s of ordered) {
    const k = takenKey(s);
    const has = new Decimal(s.qty).minus(taken.get(k) ?? 0);
    if (!has.gt(0)) continue;
    if (opts.blockExpiredOn && isExpired(s, opts.blockExpiredOn)) {
      expired = expired.plus(has);
      continue;
    }
    if (opts.skipQuarantine && s.quarantine) {
      quarantined = quarantined.plus(has);
      continue;
    }
    if (rest.isZero()) continue;
    const take = Decimal.min(has, rest);
    taken.set(k, (taken.get(k) ?? new Decimal(0)).plus(take));
    takes.push({ binId: s.binId, batchId: s.batchId, qty: take.toFixed(6) });
    rest = rest.minus(take);
  }
  return { takes, short: rest.toFixed(), expired: expired.toFixed(), quarantined: quarantined.toFixed() };
}

export {
  classifyExpiry,
  mayTakeExpired,
  PICK_STRATEGIES,
  strategyFor,
  type ExpiryClass,
  type IssuePurpose,
  type PickStrategy,
} from './expiry';
export { aisleOf, compareWalk, inWalkingOrder, type WalkStop } from './walk';
