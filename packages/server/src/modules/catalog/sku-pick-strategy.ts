import type { EntityManager } from 'typeorm';
import type { PickStrategy } from '../../domain/picking';

/** The SKUs' own pick strategies (absent: the warehouse's), for the posting engine. */
export async function skuPickStrategies(tx: EntityManager, skuIds: number[]): Promise<Map<number, PickStrategy>> {
  const out = new Map<number, PickStrategy>();
  if (!skuIds.length) return out;
  const rows: Array<{ id: number; pick_strategy: string | null }> = await tx.query(
    `SELECT id, pick_strategy FROM sku WHERE id IN (${skuIds.map(() => '?').join(',')}) AND pick_strategy IS NOT NULL`,
    skuIds,
  );
  for (const r of rows) out.set(Number(r.id), r.pick_strategy as PickStrategy);
  return out;
}
