/**
 * Customer tiers by RFM (recency, frequency, monetary) over a period: a customer gets the highest
 * tier whose every condition it meets. Pure: the caller supplies each customer's figures.
 */
import Decimal from 'decimal.js';

export interface TierRule {
  code: string;
  /** higher is better (普通 0, 银卡 1, 金卡 2, VIP 3) */
  rank: number;
  /** Σ paid order amount in the period, at least (decimal string) */
  minAmount: string;
  /** orders in the period, at least */
  minOrders: number;
  /** the last order at most this many days ago; null: any */
  maxRecencyDays: number | null;
}

export interface CustomerFigures {
  customerId: number;
  /** YYYY-MM-DD of the last order, null when none */
  lastOrderOn: string | null;
  orders: number;
  amount: string;
}

const DAY = 86_400_000;
const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** The tier a customer's figures earn on `asOf`, with the reason; the lowest-ranked tier when none other fits. */
export function tierFor(f: CustomerFigures, rules: TierRule[], asOf: string): { code: string; reason: string } {
  if (!rules.length) throw new Error('no tier rules');
  const sorted = [...rules].sort((a, b) => b.rank - a.rank);
  const recency = f.lastOrderOn ? daysFrom(f.lastOrderOn, asOf) : null;
  for (const r of sorted) {
    const amountOk = new Decimal(f.amount).gte(r.minAmount);
    const ordersOk = f.orders >= r.minOrders;
    const recentOk = r.maxRecencyDays === null || (recency !== null && recency <= r.maxRecencyDays);
    if (amountOk && ordersOk && recentOk) {
      return {
        code: r.code,
        reason: `amount ${new Decimal(f.amount).toFixed(2)} ≥ ${new Decimal(r.minAmount).toFixed(2)}, orders ${f.orders} ≥ ${r.minOrders}${r.maxRecencyDays === null ? '' : `, last order ${recency} ≤ ${r.maxRecencyDays} days ago`}`,
      };
    }
  }
  const lowest = sorted[sorted.length - 1];
  return { code: lowest.code, reason: 'meets no higher tier' };
}
