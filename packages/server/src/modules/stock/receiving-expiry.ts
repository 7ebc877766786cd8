import { DomainError } from '../../core/errors';
import { classifyExpiry, daysToExpiry } from '../../domain/picking';

export interface ReceivedBatchLine {
  index: number;
  batchNo: string | null;
  expiryDate: string | null;
  /** why a short-dated batch is received anyway */
  expiryReason: string | null;
}

/**
 * Receiving a batch that has expired, or expires within the company's warning days, needs a
 * reason on its line: EXPIRY_REASON_REQUIRED lists every such line without one (days left, and
 * whether it has expired), and nothing is posted.
 */
export function assertExpiryReasons(lines: ReceivedBatchLine[], receivedOn: string, warningDays: number): void {
  const missing = lines
    .map((l) => ({ l, c: classifyExpiry(l.expiryDate, receivedOn, warningDays) }))
    .filter(({ l, c }) => (c === 'expired' || c === 'expiring') && !l.expiryReason?.trim())
    .map(({ l, c }) => ({
      index: l.index,
      field: `lines[${l.index}].expiryReason`,
      batchNo: l.batchNo,
      expiryDate: l.expiryDate,
      daysLeft: daysToExpiry(l.expiryDate, receivedOn),
      expired: c === 'expired',
    }));
  if (!missing.length) return;
  const said = missing
    .map((m) =>
      m.expired
        ? `line ${m.index + 1}: batch ${m.batchNo ?? ''} expired on ${m.expiryDate}`
        : `line ${m.index + 1}: batch ${m.batchNo ?? ''} expires on ${m.expiryDate} (in ${m.daysLeft} days; the warning starts at ${warningDays})`,
    )
    .join('; ');
  throw new DomainError(
    'EXPIRY_REASON_REQUIRED',
    `Short-dated stock — ${said}. Give a reason (expiryReason) to receive it.`,
    { warningDays, lines: missing },
  );
}
