import type { CostSource } from '../../domain/costing';
import type { IssuePurpose } from '../../domain/picking';
/** One physical movement of a document line: a warehouse × bin × SKU × batch and a signed base quantity. */
export interface StockMove {
  lineId: number;
  /** the line's index in the document, for error details */
  lineIndex: number;
  warehouseId: number;
  /** null on an issue: pick from the bins that hold stock (0 = no bin) */
  binId: number | null;
  skuId: number;
  /** null on an issue: pick batches by the pick strategy (0 = no batch) */
  batchId: number | null;
  /** signed, base unit */
  qty: string;
  /** inbound at a known price */
  unitCost?: string;
  /** a fixed value (same sign as qty) */
  value?: string;
  /** reverse exactly the value of this ledger entry (cancellations and returns) */
  reverses?: string;
  /** a transfer's arrival: comes in at the value this departure entry has, and follows its re-costs */
  follows?: string;
  /** the ledger row's date when it is not the document's (a cancellation reverses each entry on its own day) */
  businessDate?: string;
}

export interface DocRef {
  id: number;
  type: string;
  /** the number, or how to allocate it: allocated as late as possible, since it serialises postings of a type */
  number: string | (() => Promise<string>);
  businessDate: string;
  /**
   * What the issues are for (default: a sales shipment is a sale, anything else 'other'). A sale
   * never takes expired batches (STOCK_EXPIRED); scrapping, returns to the supplier, moves to
   * quarantine and counts may.
   */
  purpose?: IssuePurpose;
  /**
   * A move between bins of one warehouse (its departures now, its arrivals in a second call): the
   * units stay in the warehouse, so the stock reserved for sales orders is not touched.
   */
  withinWarehouse?: boolean;
  /** An other issue marked as demand (a sales shipment always is): its issues and their reversals count as demand. */
  countsAsDemand?: boolean;
}

export interface PostedRow {
  lineId: number;
  qty: string;
  unitCost: string;
  value: string;
}

export interface ShortLine {
  index: number;
  skuId: number;
  warehouseId: number;
  binId: number;
  batchId: number;
  requested: string;
  available: string;
  short: string;
  /** units left out because their batch expired */
  expired?: string;
  /** the expired batches left out: number and expiry date */
  expiredBatches?: Array<{ batchNo: string; expiryDate: string }>;
  /** units left out because they lie in quarantine bins */
  quarantined?: string;
  /** the codes of those quarantine bins */
  quarantineBins?: string[];
}

/** A move with its bin and batch decided. */
export type Placed = StockMove & { binId: number; batchId: number };

export const headKey = (w: number, s: number) => `${w}:${s}`;

/**
 * A move's identity in the costing state (FIFO layers carry it). It is known before the ledger
 * row exists and is rebuilt from the row on replay, so both ways name the same layers.
 */
export const moveKey = (documentId: number, lineId: number, binId: number, batchId: number, kind: string) =>
  `${documentId}:${lineId}:${binId}:${batchId}:${kind}`;

/** A ledger entry whose value a posting corrected (a recost row), as the owner of its document sees it. */
export interface Recosted {
  documentType: string;
  documentId: number;
  documentLineId: number;
  /** the corrected entry's kind and where its value came from (a reversal, a transfer's arrival …) */
  kind: 'in' | 'out';
  costSource: CostSource;
  /** the entry reverses an entry of its own document (a cancellation), not a posting of the line */
  cancellation: boolean;
  /** change of the entry's value (signed like the value: an issue that costs more gets a negative delta) */
  delta: string;
}

/** A row of a registered posting read (`PostingService.addRead`): four columns whose meaning the reader gives. */
export interface FactRow {
  id: number;
  a: unknown;
  b: string | null;
  c: unknown;
}

/**
 * A read another module adds to the posting's one read of warehouse facts (made once the cost
 * heads are locked): its rows come back to that module through `postingFacts(tx, tag)`, so a guard
 * or an observer asks nothing itself. `select` gives one SELECT of the columns
 * (k, id, a, b, c) with k = `tag` — only the owner's tables — or null when there is nothing to read.
 */
export interface PostingRead {
  tag: string;
  select(heads: Array<[number, number]>, warehouseIds: number[]): { sql: string; params: unknown[] } | null;
}

/** What one posting read of a registered source found, and for which heads and warehouses. */
export interface PostingFacts {
  rows: FactRow[];
  heads: Set<string>;
  warehouses: Set<number>;
}
