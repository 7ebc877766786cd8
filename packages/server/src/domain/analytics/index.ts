import { Decimal } from 'decimal.js';

/**
 * The arithmetic of the analysis (pure, no database): period buckets of business days and the
 * derived measures of a cell (margin, margin %, turnover, days of supply) from its sums.
 */
export type PeriodKind = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER';

const DAY_MS = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** Monday of the ISO week a day falls in. */
function monday(day: string): string {
  const t = ms(day);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return iso(t - dow * DAY_MS);
}

/** The ISO week label (2026-W45) of a day: the year of its Thursday. */
function isoWeek(day: string): string {
  const thu = ms(monday(day)) + 3 * DAY_MS;
  const year = new Date(thu).getUTCFullYear();
  const week = Math.floor((thu - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${pad(week)}`;
}

/** The bucket a business day falls in: 2026-11-05, 2026-W45, 2026-11, 2026-Q4. */
export function periodKey(day: string, kind: PeriodKind): string {
  if (kind === 'DAY') return day;
  if (kind === 'WEEK') return isoWeek(day);
  if (kind === 'MONTH') return day.slice(0, 7);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** First and last day of the bucket a day falls in (unclipped). */
function bucketOf(day: string, kind: PeriodKind): { start: string; end: string } {
  if (kind === 'DAY') return { start: day, end: day };
  if (kind === 'WEEK') {
    const start = monday(day);
    return { start, end: iso(ms(start) + 6 * DAY_MS) };
  }
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1;
  const first = kind === 'MONTH' ? m : Math.floor(m / 3) * 3;
  const months = kind === 'MONTH' ? 1 : 3;
  return { start: iso(Date.UTC(y, first, 1)), end: iso(Date.UTC(y, first + months, 1) - DAY_MS) };
}

export interface Bucket {
  key: string;
  /** clipped to the analysed range */
  start: string;
  end: string;
  days: number;
}

/** The buckets covering [from, to], each clipped to it, in order. */
export function periodBuckets(from: string, to: string, kind: PeriodKind): Bucket[] {
  const out: Bucket[] = [];
  for (let day = from; day <= to;) {
    const b = bucketOf(day, kind);
    const end = b.end < to ? b.end : to;
    out.push({ key: periodKey(day, kind), start: day, end, days: daysInclusive(day, end) });
    day = iso(ms(b.end) + DAY_MS);
  }
  return out;
}

export const daysInclusive = (from: string, to: string) => Math.round((ms(to) - ms(from)) / DAY_MS) + 1;

/** The sums of one cell. Stock figures are present only where the cell has a stock position. */
export interface CellSums {
  qty: Decimal;
  revenue: Decimal;
  cogs: Decimal;
  openingValue: Decimal;
  closingValue: Decimal;
  closingQty: Decimal;
  /** warehouse fees (storage and handling) allocated to the cell (domain/warehouse-fees) */
  warehouseCost?: Decimal;
  /** days the cell covers (its period bucket, or the whole range) */
  days: number;
}

export interface CellMeasures {
  quantity: string;
  revenue: string;
  cogs: string;
  margin: string;
  /** margin ÷ revenue × 100, 2 places; null without revenue */
  marginPct: string | null;
  /** closing stock value */
  stockValue: string;
  /** COGS ÷ average stock value ((opening + closing) ÷ 2), 2 places; null without stock */
  turnover: string | null;
  /** closing quantity ÷ (quantity sold ÷ days), 1 place; null when nothing was sold */
  daysOfSupply: string | null;
  /** the warehouse fees allocated to it */
  warehouseCost: string;
  /** margin − warehouse cost */
  netMargin: string;
}

export function cellMeasures(s: CellSums): CellMeasures {
  const margin = s.revenue.minus(s.cogs);
  const average = s.openingValue.plus(s.closingValue).div(2);
  return {
    quantity: s.qty.toFixed(),
    revenue: s.revenue.toFixed(2),
    cogs: s.cogs.toFixed(2),
    margin: margin.toFixed(2),
    // of no revenue (or only credits: a period of returns) a percentage would read a loss as a margin
    marginPct: s.revenue.lte(0) ? null : margin.div(s.revenue).times(100).toFixed(2),
    stockValue: s.closingValue.toFixed(2),
    turnover: average.lte(0) ? null : s.cogs.div(average).toFixed(2),
    daysOfSupply: s.qty.lte(0) || s.days <= 0 ? null : s.closingQty.div(s.qty.div(s.days)).toFixed(1),
    warehouseCost: (s.warehouseCost ?? new Decimal(0)).toFixed(2),
    netMargin: margin.minus(s.warehouseCost ?? 0).toFixed(2),
  };
}

export const emptySums = (days: number): CellSums => ({
  qty: new Decimal(0),
  revenue: new Decimal(0),
  cogs: new Decimal(0),
  openingValue: new Decimal(0),
  closingValue: new Decimal(0),
  closingQty: new Decimal(0),
  warehouseCost: new Decimal(0),
  days,
});
