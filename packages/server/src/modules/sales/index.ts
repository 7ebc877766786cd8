/**
 * The sales module's face: what other modules may use. Anything not exported here is internal (it
 * registers with the stock module for its postings). A new need is a new export here, next to the
 * tables. The integration module imports platform orders through `SalesOrderService.createIn` (the
 * instance comes from services.ts) into a store found with `findStore`, and books
 * platform refunds as returns through `SalesFulfilmentService.returnGoodsIn` (in its own transaction);
 * `shipmentsOfOrder` answers which shipments an order had (a refund's lines find theirs); `orderToShip`
 * what a 3PL needs to ship a confirmed order (its open lines and where they go).
 */
export { customerLabel, orderLabel } from './related-names';
export { soldOnly } from './sales-costs';
export { ordersDueToShip, type DueOrder } from './due-orders';
export { customersBornIn, findCustomer, findStore, orderToShip, shipmentLinesOfOrder } from './lookups';
export type { SalesOrderService } from './sales-order.service';
export type { SalesFulfilmentService } from './sales-fulfilment.service';
export { ReturnDisposition, ReturnReason, ReturnResolution } from './sales-return.entity';
export type { CreateSalesOrderInput, SalesReturnInput } from './sales.types';
