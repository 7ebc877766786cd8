import crypto from 'node:crypto';

/** Deliveries are retried for this long after the event (then they are marked failed; a replay starts again). */
export const RETRY_WINDOW_MS = 24 * 3600_000;
const BASE_MS = 30_000;
const CAP_MS = 3600_000;

/**
 * The wait before attempt `attempt + 1` after `attempt` failures: exponential from 30 s, capped at an
 * hour, with "equal jitter" (half fixed, half random) so receivers that come back are not hit by
 * every sender at once. `random` in [0, 1).
 */
export function backoffMs(attempt: number, random: number): number {
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * Math.min(Math.max(random, 0), 1));
}

/** The signature header's value: HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver checks: the signature matches and the timestamp is within `toleranceS` of its
 * clock (a replayed old request is refused). Comparison in constant time.
 */
export function verifySignature(
  secret: string,
  timestamp: number,
  body: string,
  header: string,
  nowS: number,
  toleranceS = 300,
): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(nowS - timestamp) > toleranceS) return false;
  const expected = Buffer.from(signature(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
