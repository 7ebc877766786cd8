import type { EntityManager } from 'typeorm';
import { FixedSafetyStock } from './replenishment.entity';

/** What other modules read of safety stock (purchasing owns it): the fixed levels of these warehouse × SKU pairs. */
export async function fixedSafetyStocks(
  em: EntityManager,
  pairs: Array<{ warehouseId: number; skuId: number }>,
): Promise<Array<{ warehouseId: number; skuId: number; qty: string }>> {
  if (!pairs.length) return [];
  const rows = await em.find(FixedSafetyStock, {
    where: pairs.map((p) => ({ warehouseId: p.warehouseId, skuId: p.skuId })),
  });
  return rows.map((r) => ({ warehouseId: r.warehouseId, skuId: r.skuId, qty: r.qty }));
}
