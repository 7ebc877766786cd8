import { In, type EntityManager } from 'typeorm';
import type { StorageNeeds } from '../../domain/storage';
import { Product } from './product.entity';
import { Sku } from './sku.entity';

/** A product's structured storage needs. */
export const storageNeedsOf = (p: Product): StorageNeeds => ({
  tempMin: p.storageTempMin ?? null,
  tempMax: p.storageTempMax ?? null,
  humidityMin: p.storageHumidityMin ?? null,
  humidityMax: p.storageHumidityMax ?? null,
  dark: !!p.storageDark,
  hazardClass: p.hazardClass ?? null,
  foodGrade: !!p.storageFoodGrade,
});

/** What each SKU's product needs of its zone, by SKU id (in the caller's transaction). */
export async function skuStorageNeeds(em: EntityManager, skuIds: number[]): Promise<Map<number, StorageNeeds>> {
  const ids = [...new Set(skuIds)];
  if (!ids.length) return new Map();
  const skus = await em.find(Sku, { where: { id: In(ids) }, select: { id: true, productId: true } });
  const products = new Map(
    (await em.find(Product, { where: { id: In([...new Set(skus.map((s) => s.productId))]) } })).map((p) => [p.id, p]),
  );
  return new Map(skus.map((s) => [s.id, storageNeedsOf(products.get(s.productId)!)]));
}
