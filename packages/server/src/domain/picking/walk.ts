/**
 * Walking order (拣货路径) through a warehouse: zone, then aisle, then bin, so a picker walks each
 * aisle once. Bins carry no aisle of their own: it is the bin code's first segment ("A" of
 * "A-03-2"). Codes compare naturally ("A-2" before "A-10"); stock outside bins comes last.
 */

/** The aisle of a bin code: its first segment before "-", "." or "_" (the whole code without one). */
export function aisleOf(binCode: string): string {
  return binCode.split(/[-._]/)[0] ?? binCode;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const natural = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

export interface WalkStop {
  /** null: no zone (walked after the zoned bins) */
  zoneCode: string | null;
  /** null: stock outside bins (walked last) */
  binCode: string | null;
}

export function compareWalk(a: WalkStop, b: WalkStop): number {
  if ((a.binCode === null) !== (b.binCode === null)) return a.binCode === null ? 1 : -1;
  if ((a.zoneCode === null) !== (b.zoneCode === null)) return a.zoneCode === null ? 1 : -1;
  return (
    natural(a.zoneCode ?? '', b.zoneCode ?? '') ||
    natural(aisleOf(a.binCode ?? ''), aisleOf(b.binCode ?? '')) ||
    natural(a.binCode ?? '', b.binCode ?? '')
  );
}

/** The stops in walking order (stable: stops at the same bin keep their order, e.g. FEFO). */
export function inWalkingOrder<T extends WalkStop>(stops: readonly T[]): T[] {
  return stops
    .map((s, i) => [s, i] as const)
    .sort(([a, i], [b, j]) => compareWalk(a, b) || i - j)
    .map(([s]) => s);
}
