/**
 * The stock module's face: what other modules may use. Anything not exported here is internal.
 */
export { StockCost, StockLedgerEntry } from './ledger.entity';
export { Batch, Bin, Zone } from './location.entity';
export { bookBalances, type BookBalance } from './count-support';
export type { DocumentSource, StockDocumentService } from './stock-document.service';
export type { CreateStockDocumentInput } from './stock-document.types';
export type {
  DocRef,
  FactRow,
  HeadChange,
  MovedQty,
  PostingFacts,
  PostingGuard,
  PostingObserver,
  PostingRead,
  PostingService,
  Recosted,
  StockMove,
  ValueAdjustment,
  ValueCause,
} from './posting.service';
export {
  CostChange,
  CostChangeAction,
  costChangesOf,
  ledgerLineValues,
  mergeCostChanges,
  type EntryFilter,
} from './cost-changes';
export { recomputeStockDocumentCosts } from './document-costs';
export { postingFacts } from './posting.service';
export { valuesGivenBy, valuesGivenTo } from './value-adjustments';
export { Warehouse } from './warehouse.entity';
export { TransferDestination } from './warehouse.types';
export { assertExpiryReasons, type ReceivedBatchLine } from './receiving-expiry';
export { StockDocType } from './stock-document.entity';
export { blockedOf, unsellableInWarehouse, unsellableStock, type Unsellable } from './unsellable';
export {
  currentUnitCost,
  onReservationChanged,
  releaseStock,
  reserveStock,
  stockAvailability,
  type ReservationObserver,
} from './reservation';
export {
  activeBinIds,
  batchesByIds,
  batchFor,
  binByCode,
  binIdsInZone,
  binLabel,
  binsByIds,
  costHeads,
  documentNumbers,
  expiringBatches,
  type ExpiringBatch,
  onHandBySku,
  findBatch,
  findWarehouse,
  findZone,
  issuedValues,
  ledgerEntriesOf,
  picksOf,
  reversedQuantities,
  transferOf,
  warehouseLabel,
  warehousesByIds,
  zoneLabel,
  type StockPick,
} from './lookups';
export { BlindCounts, BlindView, type BlindCountSource } from './blind-counts';
export { pickList, PickList, PickListRow, PickListShort } from './pick-list';
export {
  bookAt,
  bookAtByScan,
  checkSnapshots,
  monthEnd,
  monthUsage,
  snapshotOnOrBefore,
  writeSnapshotsThrough,
  type PairSum,
} from './snapshots';
