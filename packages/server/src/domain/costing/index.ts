export * from './types';
export { applyMovingAverage, emptyAverageState } from './moving-average';
export { applyFifo, emptyFifoState } from './fifo';
export { applyMove, compareMoves, emptyState, recostFrom, replay, type RecostResult } from './replay';
export { sumsMatch } from './check';
export {
  replayLedger,
  withExtra,
  type CostSource,
  type LedgerMove,
  type LedgerReplay,
  type SettledEntry,
} from './ledger';
export { unitCost } from './unit-cost';
export { nothingReversed, plusReversed, reversalValue, type Reversed } from './reversal';
export { currentUnitCost } from './current-cost';
export { allocateByWeight } from './allocate';
