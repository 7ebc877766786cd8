/**
 * Supplier evaluation (供应商考核) from the system's own receipts: quality, delivery and price per
 * period, and the notes' rule that two late deliveries in a row flag a supplier for a reduced
 * share of orders. Pure: the caller reads the deliveries, these functions score them.
 */
import Decimal from 'decimal.js';

/** One receipt (a delivery) against an order. Quantities and amounts are decimal strings. */
export interface Delivery {
  receiptId: number;
  supplierId: number;
  /** YYYY-MM-DD the goods arrived */
  receivedOn: string;
  /** YYYY-MM-DD the order expected them; null: no promise, counted on time */
  expectedOn: string | null;
  accepted: string;
  rejected: string;
  /** Σ accepted × order price over lines that have an agreed price */
  paidAmount: string;
  /** Σ accepted × agreed price over the same lines */
  agreedAmount: string;
}

export type Bucket = 'MONTH' | 'QUARTER';

export interface Scorecard {
  supplierId: number;
  period: string;
  deliveries: number;
  onTime: number;
  /** on time ÷ deliveries, 4 places */
  onTimeRate: string;
  /** average days late over the late deliveries, 2 places; 0 when none was late */
  averageDaysLate: string;
  received: string;
  rejected: string;
  /** rejected ÷ (accepted + rejected), 4 places */
  rejectRate: string;
  paidAmount: string;
  agreedAmount: string;
  /** (paid ÷ agreed − 1) × 100, 2 places; null without agreed prices */
  priceDeviationPct: string | null;
}

const DAY = 86_400_000;
export const daysLate = (d: Pick<Delivery, 'receivedOn' | 'expectedOn'>): number =>
  d.expectedOn && d.receivedOn > d.expectedOn
    ? Math.round((Date.parse(`${d.receivedOn}T00:00:00Z`) - Date.parse(`${d.expectedOn}T00:00:00Z`)) / DAY)
    : 0;

export const periodOf = (day: string, bucket: Bucket): string =>
  bucket === 'MONTH' ? day.slice(0, 7) : `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** Scorecards per supplier × period, in supplier then period order. */
export function scorecards(deliveries: Delivery[], bucket: Bucket): Scorecard[] {
  const groups = new Map<string, Delivery[]>();
  for (const d of deliveries) {
    const k = `${String(d.supplierId).padStart(12, '0')}|${periodOf(d.receivedOn, bucket)}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  return [...groups.keys()].sort().map((k) => {
    const ds = groups.get(k)!;
    const late = ds.map(daysLate).filter((n) => n > 0);
    const sum = (f: (d: Delivery) => string) => ds.reduce((s, d) => s.plus(f(d)), new Decimal(0));
    const accepted = sum((d) => d.accepted);
    const rejected = sum((d) => d.rejected);
    const received = accepted.plus(rejected);
    const paid = sum((d) => d.paidAmount);
    const agreed = sum((d) => d.agreedAmount);
    return {
      supplierId: ds[0].supplierId,
      period: k.split('|')[1],
      deliveries: ds.length,
      onTime: ds.length - late.length,
      onTimeRate: new Decimal(ds.length - late.length).div(ds.length).toFixed(4),
      averageDaysLate: late.length ? new Decimal(late.reduce((a, b) => a + b, 0)).div(late.length).toFixed(2) : '0.00',
      received: received.toFixed(),
      rejected: rejected.toFixed(),
      rejectRate: received.isZero() ? '0.0000' : rejected.div(received).toFixed(4),
      paidAmount: paid.toFixed(2),
      agreedAmount: agreed.toFixed(2),
      priceDeviationPct: agreed.isZero() ? null : paid.div(agreed).minus(1).times(100).toFixed(2),
    };
  });
}

/**
 * The notes' rule: the two latest deliveries (by date, then receipt) both late → the supplier gets
 * a reduced share of orders; an on-time delivery clears it.
 */
export function reducedShare(deliveries: Array<Pick<Delivery, 'receiptId' | 'receivedOn' | 'expectedOn'>>): {
  flagged: boolean;
  lastTwoDaysLate: number[];
} {
  const latest = [...deliveries]
    .sort((a, b) => (a.receivedOn === b.receivedOn ? b.receiptId - a.receiptId : a.receivedOn < b.receivedOn ? 1 : -1))
    .slice(0, 2);
  const late = latest.map(daysLate);
  return { flagged: latest.length === 2 && late.every((n) => n > 0), lastTwoDaysLate: late };
}
