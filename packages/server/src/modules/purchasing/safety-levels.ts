import type { EntityManager } from 'typeorm';
import { postingFacts, type PostingRead } from '../stock';
import { FixedSafetyStock } from './replenishment.entity';

const TAG = 'purchasing.safety';

/**
 * The fixed safety-stock levels of a posting's heads, read with the posting's warehouse facts (one
 * round trip for all of them): a module that looks at levels during postings (live alerts)
 * registers it with `PostingService.addRead`, and `fixedSafetyStocks` then answers from its rows.
 */
export const fixedSafetyStockRead: PostingRead = {
  tag: TAG,
  select: (heads) =>
    heads.length
      ? {
          sql: `SELECT '${TAG}' AS k, sku_id AS id, warehouse_id AS a, qty AS b, NULL AS c FROM fixed_safety_stock WHERE ${heads.map(() => '(warehouse_id = ? AND sku_id = ?)').join(' OR ')}`,
          params: heads.flat(),
        }
      : null,
};

/** What other modules read of safety stock (purchasing owns it): the fixed levels of these warehouse × SKU pairs. */
export async function fixedSafetyStocks(
  em: EntityManager,
  pairs: Array<{ warehouseId: number; skuId: number }>,
): Promise<Array<{ warehouseId: number; skuId: number; qty: string }>> {
  if (!pairs.length) return [];
  // in a posting that read them already
  const read = postingFacts(em, TAG);
  const asked = new Set(pairs.map((p) => `${p.warehouseId}:${p.skuId}`));
  if (read && [...asked].every((k) => read.heads.has(k)))
    return read.rows
      .map((r) => ({ warehouseId: Number(r.a), skuId: r.id, qty: r.b ?? '0' }))
      .filter((l) => asked.has(`${l.warehouseId}:${l.skuId}`));
  const rows = await em.find(FixedSafetyStock, {
    where: pairs.map((p) => ({ warehouseId: p.warehouseId, skuId: p.skuId })),
  });
  return rows.map((r) => ({ warehouseId: r.warehouseId, skuId: r.skuId, qty: r.qty }));
}
