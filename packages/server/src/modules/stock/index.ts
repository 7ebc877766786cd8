/**
 * The stock module's face: what other modules may use. Anything not exported here is internal.
 */
export { StockCost, StockLedgerEntry } from './ledger.entity';
export { Batch, Bin } from './location.entity';
export type { PostingService, StockMove } from './posting.service';
export { Warehouse } from './warehouse.entity';
