import type { CountLineStatus, CountReason, StocktakeKind, StocktakeStatus } from '@/gql/graphql';

export const KINDS: StocktakeKind[] = ['FULL', 'CYCLE'] as StocktakeKind[];
export const STATUSES: StocktakeStatus[] = ['COUNTING', 'REVIEW', 'APPROVED', 'CANCELLED'] as StocktakeStatus[];
export const STATUS_TAG: Record<StocktakeStatus, 'primary' | 'warning' | 'success' | 'info'> = {
  COUNTING: 'primary',
  REVIEW: 'warning',
  APPROVED: 'success',
  CANCELLED: 'info',
} as Record<StocktakeStatus, 'primary' | 'warning' | 'success' | 'info'>;
export const LINE_STATUS_TAG: Record<CountLineStatus, 'info' | 'warning' | 'success'> = {
  PENDING: 'info',
  RECOUNT: 'warning',
  SETTLED: 'success',
} as Record<CountLineStatus, 'info' | 'warning' | 'success'>;
/** The reasons of a difference, in the order a manager reads them. */
export const REASONS: CountReason[] = [
  'RECEIVING_ERROR',
  'SHIPPING_ERROR',
  'DAMAGE',
  'THEFT_LOSS',
  'EXPIRY',
  'UNIT_ERROR',
  'UNKNOWN',
] as CountReason[];
