import { ForecastError } from './types';

/** One day's demand as the sales documents give it; several points on one day are added up. */
export interface DemandPoint {
  /** Local business date, `YYYY-MM-DD` (the caller decides the time zone). */
  date: string;
  qty: number;
}

export interface DailySeries {
  /** Every date from `from` to `to`, inclusive. */
  dates: string[];
  /** Demand per date; 0 on days without a point. */
  qty: number[];
  /** Points outside [from, to], left out. */
  ignored: number;
}

export interface WeekBucket {
  /** ISO week, `2026-W10`. */
  week: string;
  /** The Monday the week starts on. */
  start: string;
  /** How many days of this week the daily series covered (7 except at the ends). */
  days: number;
  qty: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * The day numbers of dates seen and the dates of day numbers made (a replenishment page turns a
 * window of 91 days into dates for every SKU): each is worked out once. Bounded, cleared when full.
 */
const dayNumbers = new Map<string, number>();
const dates = new Map<number, string>();
const remember = <K, V>(m: Map<K, V>, k: K, v: V): V => {
  if (m.size >= 50_000) m.clear();
  m.set(k, v);
  return v;
};

/** Days since 1970-01-01 for a `YYYY-MM-DD` date; rejects impossible dates such as 2026-02-30. */
export function dayNumber(date: string): number {
  const known = dayNumbers.get(date);
  return known ?? remember(dayNumbers, date, parseDay(date));
}

function parseDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new ForecastError('INVALID_DATE', `"${date}" is not a YYYY-MM-DD date`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new ForecastError('INVALID_DATE', `"${date}" is not a calendar date`);
  }
  return ms / DAY_MS;
}

export const dateOf = (day: number): string =>
  dates.get(day) ?? remember(dates, day, new Date(day * DAY_MS).toISOString().slice(0, 10));

/**
 * A dense daily series from sparse points between two dates (both inclusive): missing days are
 * 0, points on the same day are summed, points outside the range are ignored (and counted).
 */
export function dailySeries(points: DemandPoint[], from: string, to: string): DailySeries {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) throw new ForecastError('INVALID_DATE', `"${to}" is before "${from}"`);
  const qty = new Array<number>(last - first + 1).fill(0);
  let ignored = 0;
  for (const p of points) {
    if (typeof p.qty !== 'number' || !Number.isFinite(p.qty)) {
      throw new ForecastError('INVALID_HISTORY', `qty on ${p.date} is not a finite number`);
    }
    const d = dayNumber(p.date);
    if (d < first || d > last) ignored++;
    else qty[d - first] += p.qty;
  }
  return { dates: qty.map((_, i) => dateOf(first + i)), qty, ignored };
}

/** ISO 8601 week of a day number: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(day: number): { week: string; start: number } {
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const start = day - weekday;
  const thursday = new Date((start + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  const n = Math.floor((start + 3 - jan1) / 7) + 1;
  return { week: `${year}-W${String(n).padStart(2, '0')}`, start };
}

/**
 * Daily → weekly (ISO weeks, Monday start). The dates must be consecutive days (as
 * `dailySeries` gives them). The first and last week may be partial: `days` says how many of
 * their days were in the series, so the caller can drop them rather than read a short week as
 * a drop in demand.
 */
export function weeklySeries(daily: Pick<DailySeries, 'dates' | 'qty'>): WeekBucket[] {
  if (daily.dates.length !== daily.qty.length)
    throw new ForecastError('INVALID_HISTORY', 'dates and qty differ in length');
  const out: WeekBucket[] = [];
  let prev: number | undefined;
  daily.dates.forEach((date, i) => {
    const d = dayNumber(date);
    if (prev !== undefined && d !== prev + 1)
      throw new ForecastError('INVALID_DATE', `${date} does not follow ${dateOf(prev)}`);
    prev = d;
    const { week, start } = isoWeek(d);
    const cur = out[out.length - 1];
    if (cur && cur.week === week) {
      cur.days++;
      cur.qty += daily.qty[i];
    } else {
      out.push({ week, start: dateOf(start), days: 1, qty: daily.qty[i] });
    }
  });
  return out;
}
