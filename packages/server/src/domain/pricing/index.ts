/**
 * The sale price of one SKU for one order line. Pure: the caller supplies the candidate price-list
 * items, the customer's tier, the order's channel and date, the current unit cost and the SKU's
 * reference (list) sale price; the answer says which list applied, by which rule, and why, step by step.
 *
 * Steps, in order (each one is recorded in `steps` so the order line can show how its price came about):
 *   1. base price   — the best-matching price-list item's rule applied (or the reference sale price when none matches)
 *   2. promotions   — none yet: later promotions plug in here, as functions (price, context) → price + step
 *   3. rounding     — half-up to 0.01
 */
import Decimal from 'decimal.js';

export type PriceRule = 'FIXED' | 'COST_PLUS' | 'DISCOUNT_OFF_LIST';

export interface PriceCandidate {
  priceListId: number;
  priceListCode: string;
  /** the list's name, shown with its code where the rule is not */
  priceListName?: string;
  /** null: any tier */
  tierCode: string | null;
  /** null: any channel */
  channelCode: string | null;
  /** YYYY-MM-DD, inclusive */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; null: open-ended */
  validTo: string | null;
  rule: PriceRule;
  /** FIXED: the unit price; COST_PLUS: margin % over cost; DISCOUNT_OFF_LIST: % off the list price */
  value: string;
}

export interface PriceQuery {
  tierCode: string | null;
  channelCode: string;
  /** YYYY-MM-DD the order is priced on */
  on: string;
  /** current moving/FIFO unit cost of the warehouse × SKU; null when unknown (no stock yet) */
  unitCost: string | null;
  /** the SKU's reference sale price */
  listPrice: string;
  /** for someone who may not see cost: a cost-plus step names only the list and the resulting price */
  hideCost?: boolean;
}

/** A promotion step, for later: takes the price so far and returns the new price with its explanation. */
export type PromotionStep = (price: Decimal, q: PriceQuery) => { price: Decimal; step: string } | null;

export interface PriceResult {
  unitPrice: string;
  priceListId: number | null;
  rule: PriceRule | 'LIST_PRICE';
  steps: string[];
}

export class PricingError extends Error {}

/** How specific a candidate is: tier and channel both named beats one named beats neither. */
const specificity = (c: PriceCandidate) => (c.tierCode ? 2 : 0) + (c.channelCode ? 1 : 0);

const applies = (c: PriceCandidate, q: PriceQuery) =>
  (c.tierCode === null || c.tierCode === q.tierCode) &&
  (c.channelCode === null || c.channelCode === q.channelCode) &&
  c.validFrom <= q.on &&
  (c.validTo === null || q.on <= c.validTo);

/**
 * The price of a line. Among the applying candidates the most specific wins (tier+channel, tier,
 * channel, neither); on a tie the one valid from the latest date, then the lowest list id (stable).
 */
export function resolvePrice(
  candidates: PriceCandidate[],
  q: PriceQuery,
  promotions: PromotionStep[] = [],
): PriceResult {
  const steps: string[] = [`list price ${new Decimal(q.listPrice).toFixed(2)}`];
  const best = candidates
    .filter((c) => applies(c, q))
    .sort(
      (a, b) =>
        specificity(b) - specificity(a) ||
        (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0) ||
        a.priceListId - b.priceListId,
    )[0];
  let price: Decimal;
  if (!best) {
    price = new Decimal(q.listPrice);
    steps.push('no price list applies: the list price');
  } else {
    const v = new Decimal(best.value);
    const where = `price list ${best.priceListCode} (${best.tierCode ?? 'any tier'}, ${best.channelCode ?? 'any channel'}, ${best.validFrom}–${best.validTo ?? 'open'})`;
    if (best.rule === 'FIXED') {
      price = v;
      steps.push(`${where}: fixed ${v.toFixed(2)}`);
    } else if (best.rule === 'COST_PLUS') {
      if (q.unitCost === null)
        throw new PricingError(
          `Price list ${best.priceListCode} prices over cost, but this SKU has no cost yet in the warehouse.`,
        );
      price = new Decimal(q.unitCost).mul(v.plus(100)).div(100);
      // "cost + 12 %" next to the price is the cost: without the cost permission only the list and the result show
      steps.push(
        q.hideCost
          ? `price list ${best.priceListCode}${best.priceListName ? ` (${best.priceListName})` : ''}: ${price.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}`
          : `${where}: cost ${new Decimal(q.unitCost).toFixed(2)} + ${v.toFixed()}% = ${price.toFixed()}`,
      );
    } else {
      price = new Decimal(q.listPrice).mul(new Decimal(100).minus(v)).div(100);
      steps.push(`${where}: ${v.toFixed()}% off ${new Decimal(q.listPrice).toFixed(2)} = ${price.toFixed()}`);
    }
  }
  // promotions plug in here (a later issue); none exist yet
  if (!promotions.length) steps.push('promotions: none');
  for (const p of promotions) {
    const r = p(price, q);
    if (r) {
      price = r.price;
      steps.push(r.step);
    }
  }
  const rounded = price.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  steps.push(`rounded to 0.01: ${rounded.toFixed(2)}`);
  return {
    unitPrice: rounded.toFixed(2),
    priceListId: best?.priceListId ?? null,
    rule: best?.rule ?? 'LIST_PRICE',
    steps,
  };
}

/** Selling below cost needs sales.price.below_cost; an unknown cost is never "below". */
export function isBelowCost(unitPrice: string, unitCost: string | null): boolean {
  return unitCost !== null && new Decimal(unitPrice).lt(unitCost);
}
