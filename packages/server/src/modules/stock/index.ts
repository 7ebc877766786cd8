/**
 * The stock module's face: what other modules may use. Anything not exported here is internal.
 */
export { StockCost, StockLedgerEntry } from './ledger.entity';
export { Batch, Bin } from './location.entity';
export type { PostingService, Recosted, StockMove } from './posting.service';
export { CostChange, CostChangeAction, costChangesOf, mergeCostChanges, type EntryFilter } from './cost-changes';
export { Warehouse } from './warehouse.entity';
export { assertExpiryReasons, type ReceivedBatchLine } from './receiving-expiry';
export { StockDocType } from './stock-document.entity';
