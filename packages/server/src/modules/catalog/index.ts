/**
 * The catalog module's face: what other modules may use. Anything not exported here is internal.
 */
export { Product, ProductUnit } from './product.entity';
export { skuLabel } from './sku-label';
export { skuPickStrategies } from './sku-pick-strategy';
export { skuStorageNeeds, storageNeedsOf } from './storage-needs';
export { PickStrategyKind, Sku, SkuBarcode } from './sku.entity';
export { Category } from './category.entity';
export {
  categoryAncestors,
  categoryExists,
  findSku,
  skuByCodeOrBarcode,
  skuIdsInCategory,
  skuLines,
  skuPriceFacts,
  type SkuPriceFacts,
  type SkuLine,
} from './lookups';
