/**
 * Costing works on one warehouse × SKU at a time. All numbers cross this API as decimal strings
 * (quantities 6 dp, values 2 dp, unit costs 6 dp) so nothing is ever a binary float.
 */

export type CostingMethod = 'moving_average' | 'fifo';

/** What the document line was; costing does not branch on it, reports and the reader do. */
export type MoveKind =
  'receipt' | 'issue' | 'return_in' | 'return_out' | 'transfer_in' | 'transfer_out' | 'adjustment' | 'reversal';

/**
 * One ledger entry to be costed.
 *
 * - Inbound (qty > 0) carries exactly one of `unitCost` (a receipt at a known price: value =
 *   round2(qty × unitCost)) or `value` (a fixed-value move: it comes in at exactly this value,
 *   e.g. the cancellation of an issue brings the goods back at the value that issue took).
 * - Outbound (qty < 0) never carries `unitCost`: its cost comes from the method. It may carry a
 *   fixed `value` (negative) when it cancels a receipt and must remove that receipt's value.
 */
export interface Move {
  id: string;
  /** Posting order; breaks ties between moves with the same date. */
  seq: number;
  /**
   * The document's business date, ISO 8601. Dates are compared as strings, so pass them all in
   * one normalized form (e.g. UTC with `Z`).
   */
  date: string;
  /** Signed quantity, at most 6 decimals, never zero. */
  qty: string;
  /** Inbound only: unit price, at most 6 decimals, not negative. */
  unitCost?: string;
  /** Fixed value, at most 2 decimals, same sign as qty (or zero). */
  value?: string;
  /**
   * The id of the move this one cancels or returns. FIFO takes an outbound from that move's
   * layer first (a purchase return gives back the goods it received); moving average ignores it.
   */
  reverses?: string;
  /**
   * Ordered directly after the move with this seq (same date): a cancellation dated the day of the
   * move it cancels sits right behind it, as if that move had never happened.
   */
  after?: number;
  kind?: MoveKind;
  /**
   * The batch the goods belong to (0 or absent: none). FIFO keeps layers per batch: an inbound
   * opens a layer of its batch, and an outbound takes the layers of its own batch first, oldest
   * first, so the cost that leaves is the cost of the batch that physically left.
   */
  batch?: number;
}

/** How much of one FIFO layer a move touched; qty and value are magnitudes (never negative). */
export interface LayerTake {
  layerId: string;
  qty: string;
  value: string;
}

export interface AverageState {
  method: 'moving_average';
  qty: string;
  value: string;
  /** The average while stock was last non-zero: the cost of an issue from an empty balance. */
  lastUnitCost: string;
}

/**
 * A FIFO cost layer. Layers are either all positive (stock on hand, oldest first) or all
 * negative (stock oversold, oldest shortage first); a layer at qty 0 is dropped.
 */
export interface FifoLayer {
  /** The id of the move that opened it. */
  id: string;
  qty: string;
  value: string;
  /** The batch of the goods (absent: none). */
  batch?: number;
}

export interface FifoState {
  method: 'fifo';
  layers: FifoLayer[];
  /** The unit cost of the last layer opened or consumed: the cost of an issue with no layers left. */
  lastUnitCost: string;
}

export type CostState = AverageState | FifoState;

export interface CostedMove {
  /** The move as given (kept whole so a history can be re-costed from it). */
  move: Move;
  /** The rate this row was valued at (6 dp): the price of a priced receipt, the average of a
   * moving-average issue, and |value| ÷ |qty| otherwise. */
  unitCost: string;
  /** Signed value of this row (2 dp); what the ledger row holds. */
  value: string;
  /** Running balance after this row. */
  balanceQty: string;
  balanceValue: string;
  /** FIFO only: the layers this move consumed, filled or opened. Σ value = |value|. */
  layers?: LayerTake[];
  /**
   * Present when the move asked for an amount (a priced or fixed-value move) and the ledger took
   * another: requested − value. It happens only where stock cannot absorb the difference
   * (a receipt into negative stock, a fixed-value issue that empties the stock, a FIFO
   * receipt cancellation whose layer was already consumed). The posting engine books it to
   * cost of goods sold / price variance so the ledger stays exact.
   */
  variance?: string;
  /** The cost state after this row, so a back-dated move can be re-costed from here. */
  state: CostState;
}

export interface CostResult {
  state: CostState;
  costed: CostedMove;
}

/** A later move whose value changed when a back-dated move was inserted. */
export interface CostChange {
  id: string;
  oldValue: string;
  newValue: string;
}

/** A move the costing cannot accept; a bug in whoever built it, not a user error. */
export class CostingError extends Error {
  readonly code = 'INVALID_COST_MOVE';
  constructor(
    message: string,
    readonly moveId?: string,
  ) {
    super(moveId ? `Move ${moveId}: ${message}` : message);
    this.name = 'CostingError';
  }
}
