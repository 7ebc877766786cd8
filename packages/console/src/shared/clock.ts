/**
 * Today as the company counts it: the server's clock in the company's time zone, not the browser's.
 * A browser in another zone, or with its clock off, would otherwise date documents a day early or late.
 * `me` brings the server's now; until then the browser's clock in the default zone stands in.
 */
const clock = { offsetMs: 0, timeZone: 'Asia/Shanghai' };

export function setServerClock(serverNow: string, timeZone: string): void {
  const at = Date.parse(serverNow);
  if (!Number.isNaN(at)) clock.offsetMs = at - Date.now();
  clock.timeZone = timeZone;
}

/** The company's business day now, as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: clock.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + clock.offsetMs));
}
