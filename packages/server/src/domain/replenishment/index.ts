export * from './types';
export type { DecimalInput } from './decimal';
export { inverseNormal } from './inverse-normal';
export {
  fixedSafetyStock,
  percent,
  sampleStdDev,
  simpleSafetyStock,
  statisticalSafetyStock,
  type SafetyStock,
  type SimpleSafetyStockInput,
  type StatisticalSafetyStockInput,
} from './safety-stock';
export { orderQuantity, suggestOrder, type DemandInput, type OrderInput, type OrderSuggestion } from './order-quantity';
