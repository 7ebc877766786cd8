/**
 * Expiry and pick strategy rules, pure: which stock counts as expired or short-dated on a day, and
 * which pick strategy applies to a SKU in a warehouse.
 */
/**
 * fefo: first expiry, first out (goods without an expiry date last); fifo: first received, first
 * out; auto: fefo where the candidates carry expiry dates, fifo otherwise.
 */
export type PickStrategy = 'auto' | 'fefo' | 'fifo';
export const PICK_STRATEGIES: readonly PickStrategy[] = ['auto', 'fefo', 'fifo'];

/** none: no expiry date; expired: its last day of use has passed; expiring: within the warning days; valid: later. */
export type ExpiryClass = 'none' | 'expired' | 'expiring' | 'valid';

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/**
 * Classifies an expiry date on a day: expired when the date is before the day (the expiry date
 * itself is the last day of use), expiring when it is at most `warnDays` days away.
 */
export function classifyExpiry(expiryDate: string | null, on: string, warnDays: number): ExpiryClass {
  if (!expiryDate) return 'none';
  const days = Math.round(dayNumber(expiryDate) - dayNumber(on));
  if (days < 0) return 'expired';
  return days <= warnDays ? 'expiring' : 'valid';
}

/**
 * The strategy an issue of a SKU picks by: the SKU's own setting, else its warehouse's, else
 * auto (FEFO where the stock carries expiry dates, FIFO by receipt date otherwise).
 */
export function strategyFor(
  sku: PickStrategy | null | undefined,
  warehouse: PickStrategy | null | undefined,
): PickStrategy {
  return sku ?? warehouse ?? 'auto';
}

/** What an issue is for: only sales (and other issues to customers) must never take expired stock. */
export type IssuePurpose = 'sale' | 'scrap' | 'supplier_return' | 'transfer' | 'adjustment' | 'other';

/** Expired goods may be scrapped, returned to the supplier, moved (to a quarantine bin) or counted, never sold. */
export const mayTakeExpired = (purpose: IssuePurpose): boolean => purpose !== 'sale';
