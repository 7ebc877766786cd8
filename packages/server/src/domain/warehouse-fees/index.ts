import { Decimal } from 'decimal.js';
import { allocateByWeight } from '../costing/allocate';

/**
 * 仓储费分摊: a warehouse's monthly fees (a 3PL's storage and handling) allocated to its SKUs.
 * Storage goes by space-days — base-unit-days: the quantity on hand at the end of each day of the
 * month, summed (a day below zero counts as zero) — and handling by the ledger lines each SKU moved
 * in the month (a receipt, issue, transfer or adjustment line; value corrections move nothing).
 * Each fee is split in cents by the largest-remainder rule (`allocateByWeight`), so the parts add up
 * to the fee exactly; with no weight at all (nothing stored, nothing moved) the fee stays
 * unallocated and is reported as such.
 */

export interface SkuUsage {
  skuId: number;
  /** quantity on hand at the end of the day before the month */
  opening: Decimal.Value;
  /** net quantity moved per day of the month (day 1 … days), missing days moved nothing */
  moves: Array<{ day: number; qty: Decimal.Value }>;
  /** ledger lines (in or out) of the month */
  lines: number;
}

/** Σ over the month's days of the quantity on hand at each day's end (never below zero). */
export function spaceDays(opening: Decimal.Value, moves: Array<{ day: number; qty: Decimal.Value }>, days: number) {
  const byDay = new Map<number, Decimal>();
  for (const m of moves) {
    if (!Number.isInteger(m.day) || m.day < 1 || m.day > days) throw new Error(`day ${m.day} is not in the month`);
    byDay.set(m.day, (byDay.get(m.day) ?? new Decimal(0)).plus(m.qty));
  }
  let onHand = new Decimal(opening);
  let sum = new Decimal(0);
  for (let d = 1; d <= days; d++) {
    onHand = onHand.plus(byDay.get(d) ?? 0);
    if (onHand.gt(0)) sum = sum.plus(onHand);
  }
  return sum;
}

export interface FeeShare {
  skuId: number;
  spaceDays: string;
  lines: number;
  storage: string;
  handling: string;
  /** storage + handling */
  total: string;
}

export interface FeeAllocation {
  shares: FeeShare[];
  /** what could not be allocated: storage with no space-days, handling with no lines */
  unallocatedStorage: string;
  unallocatedHandling: string;
}

/** Allocates one warehouse's month: storage by space-days, handling by lines; SKUs in id order. */
export function allocateWarehouseFee(
  fee: { storage: string; handling: string },
  usage: SkuUsage[],
  days: number,
): FeeAllocation {
  const list = [...usage].sort((a, b) => a.skuId - b.skuId);
  const sd = list.map((u) => spaceDays(u.opening, u.moves, days));
  const lines = list.map((u) => u.lines);
  const anySpace = sd.some((x) => x.gt(0));
  const anyLines = lines.some((x) => x > 0);
  const zero = list.map(() => '0.00');
  const storage =
    anySpace && new Decimal(fee.storage).gt(0)
      ? allocateByWeight(
          new Decimal(fee.storage).toFixed(2),
          sd.map((x) => x.toFixed()),
        )
      : zero;
  const handling =
    anyLines && new Decimal(fee.handling).gt(0)
      ? allocateByWeight(new Decimal(fee.handling).toFixed(2), lines.map(String))
      : zero;
  return {
    shares: list
      .map((u, i) => ({
        skuId: u.skuId,
        spaceDays: sd[i].toFixed(),
        lines: lines[i],
        storage: storage[i],
        handling: handling[i],
        total: new Decimal(storage[i]).plus(handling[i]).toFixed(2),
      }))
      .filter((s) => !new Decimal(s.spaceDays).isZero() || s.lines > 0),
    unallocatedStorage: anySpace ? '0.00' : new Decimal(fee.storage).toFixed(2),
    unallocatedHandling: anyLines ? '0.00' : new Decimal(fee.handling).toFixed(2),
  };
}
