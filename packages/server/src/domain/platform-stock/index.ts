import { Decimal } from '../../core/decimal';

/**
 * What an online store is told it may sell of a SKU (推送可售库存): the warehouse's available stock
 * (on hand − reserved − expired − quarantined) less the store's safety buffer, times the store's
 * share of it when several stores sell from one warehouse, in whole units rounded down, never
 * below zero.
 */
export function stockToPush(available: string, buffer: string, sharePercent: number): string {
  const free = new Decimal(available).minus(buffer);
  if (free.lte(0)) return '0';
  const share = Math.min(100, Math.max(0, Math.floor(sharePercent)));
  return free.times(share).div(100).floor().toFixed(0);
}
