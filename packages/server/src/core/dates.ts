/**
 * Business days. A shop in Shanghai closes its day at midnight Beijing time, not at midnight UTC, so "today" and the
 * day a timestamp belongs to are taken in the company's time zone (JXC_TIMEZONE, default Asia/Shanghai).
 */
const DAY_MS = 86_400_000;

/**
 * The one clock. Everything that needs "now" or "today" asks it, so tests (and the demo, with JXC_NOW) run at a
 * chosen instant whatever the real date is. The clock keeps running from the instant it is set to.
 */
let offsetMs = 0;

/** Sets the clock to an instant (ISO string or Date); later calls to now() run on from it. */
export function setNow(at: Date | string): void {
  offsetMs = new Date(at).getTime() - Date.now();
  if (Number.isNaN(offsetMs)) throw new RangeError(`Not an instant: ${String(at)}`);
}

/** Back to the real clock. */
export function resetNow(): void {
  offsetMs = 0;
}

/** The current instant. */
export const now = (): Date => new Date(Date.now() + offsetMs);

if (process.env.JXC_NOW) setNow(process.env.JXC_NOW);

let zone = process.env.JXC_TIMEZONE || 'Asia/Shanghai';
let format = makeFormat(zone);

function makeFormat(timeZone: string) {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** Sets the business time zone (refused when the runtime does not know it). */
export function setBusinessTimeZone(timeZone: string): void {
  format = makeFormat(timeZone); // throws RangeError for an unknown zone
  zone = timeZone;
}

export const businessTimeZone = () => zone;

/** The business day (YYYY-MM-DD) a moment falls on. */
export const businessDay = (at: Date): string => format.format(at);

/** Today's business day. */
export const today = (at: Date = now()): string => businessDay(at);

/** A YYYY-MM-DD day plus (or minus) whole days. */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from one YYYY-MM-DD day to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The first moment of a business day, as a Date (for range queries on timestamp columns). */
export function startOfBusinessDay(day: string): Date {
  // the zone's offset at noon of that day is its offset for the whole day except on DST switch days, which China has none of
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
  }).formatToParts(noonUtc);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const dayShift = get('day') - noonUtc.getUTCDate();
  const offsetMin = (get('hour') - 12 + (dayShift > 1 ? -24 : dayShift < -1 ? 24 : dayShift * 24)) * 60 + get('minute');
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMin * 60_000);
}

/** The last `days` business days (company time zone), oldest first, each with a count (zero where nothing happened). */
export function countByDay(dates: Date[], days: number, at = now()): Array<{ day: string; count: number }> {
  const out = new Map<string, number>();
  const last = today(at);
  for (let i = days - 1; i >= 0; i--) out.set(addDays(last, -i), 0);
  for (const d of dates) {
    const k = businessDay(d);
    if (out.has(k)) out.set(k, out.get(k)! + 1);
  }
  return [...out].map(([day, count]) => ({ day, count }));
}

/** The first instant of the business day `daysBack` days before today (company time zone). */
export const startOfDaysBack = (at: Date, daysBack: number) => startOfBusinessDay(addDays(today(at), -daysBack));

const minuteFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

/** The business minute a moment falls on, 'YYYY-MM-DDTHH:mm' in the company's time zone (promotion periods). */
export function businessMinute(at: Date = now()): string {
  const parts = Object.fromEntries(
    minuteFormat(zone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
