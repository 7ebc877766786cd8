/**
 * The purchasing module's face: what other modules may use. Anything not exported here is internal.
 */
export { fixedSafetyStockRead, fixedSafetyStocks } from './safety-levels';
export { checkDemand, rebuildDemand as rebuildDemandTables } from './demand';
export { openQty } from './purchase-order.entity';
export type { PurchaseOrderService } from './purchase-order.service';
export type { PurchaseReceiptService } from './purchase-receipt.service';
