import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import {
  nothingReversed,
  plusReversed,
  type CostSource,
  type LedgerMove,
  type LedgerReplay,
  type Reversed,
  type SettledEntry,
} from '../../domain/costing';
import { moveKey } from './posting.types';

const D = (s: Decimal.Value) => new Decimal(s);

/** A ledger row as the re-costing reads it (plain SQL: thousands of rows, no entity hydration). */
export interface HistoryRow {
  id: string;
  warehouseId: number;
  binId: number;
  skuId: number;
  batchId: number;
  documentId: number;
  documentLineId: number;
  documentType: string;
  documentNumber: string;
  kind: 'in' | 'out' | 'recost';
  costSource: CostSource;
  refEntryId: string | null;
  businessDate: string;
  qty: string;
  unitCost: string;
  value: string;
}

/** The ledger of one SKU in some warehouses, ready to replay. */
export interface History {
  /** every in/out row by id */
  rows: Map<string, HistoryRow>;
  moves: LedgerMove[];
  /** value of each row now: its own plus its corrections */
  current: Map<string, Decimal>;
  /** departures outside these warehouses that arrivals here follow */
  settled: Map<string, SettledEntry>;
}

const COLS =
  'id, warehouse_id, bin_id, sku_id, batch_id, document_id, document_line_id, document_type, document_number, kind, cost_source, ref_entry_id, business_date, qty, unit_cost, value';

const toRow = (r: any): HistoryRow => ({
  id: String(r.id),
  warehouseId: Number(r.warehouse_id),
  binId: Number(r.bin_id),
  skuId: Number(r.sku_id),
  batchId: Number(r.batch_id),
  documentId: Number(r.document_id),
  documentLineId: Number(r.document_line_id),
  documentType: r.document_type,
  documentNumber: r.document_number,
  kind: r.kind,
  costSource: r.cost_source,
  refEntryId: r.ref_entry_id === null || r.ref_entry_id === undefined ? null : String(r.ref_entry_id),
  businessDate: r.business_date,
  qty: D(r.qty).toFixed(6),
  unitCost: D(r.unit_cost).toFixed(6),
  value: D(r.value).toFixed(2),
});

export const rowKey = (e: Pick<HistoryRow, 'documentId' | 'documentLineId' | 'binId' | 'batchId' | 'kind'>) =>
  moveKey(e.documentId, e.documentLineId, e.binId, e.batchId, e.kind);

/** A cancellation reverses an entry of its own document; a return is another document. */
export const isCancellation = (
  reversal: Pick<HistoryRow, 'documentId' | 'documentType'>,
  target: Pick<HistoryRow, 'documentId' | 'documentType'>,
) => reversal.documentId === target.documentId && reversal.documentType === target.documentType;

/** The ledger move of a row; `byId` resolves what a reversal reverses. */
export function ledgerMove(e: HistoryRow, byId: Map<string, HistoryRow>): LedgerMove {
  const target = e.refEntryId ? byId.get(e.refEntryId) : undefined;
  return {
    id: e.id,
    head: String(e.warehouseId),
    key: rowKey(e),
    seq: Number(e.id),
    date: e.businessDate,
    qty: e.qty,
    ...(e.batchId ? { batch: e.batchId } : {}),
    source: e.costSource,
    ...(e.costSource === 'price' ? { unitCost: e.unitCost } : {}),
    ...(e.costSource === 'fixed' ? { value: e.value } : {}),
    ...(e.refEntryId && (e.costSource === 'reverse' || e.costSource === 'transfer') ? { ref: e.refEntryId } : {}),
    ...(e.costSource === 'reverse' && target ? { cancels: isCancellation(e, target) } : {}),
  };
}

/** Rows (with their current values) by id, wherever they are: what moves being posted refer to. */
export async function rowsById(
  tx: EntityManager,
  ids: string[],
): Promise<Map<string, HistoryRow & { current: Decimal }>> {
  const out = new Map<string, HistoryRow & { current: Decimal }>();
  if (!ids.length) return out;
  const marks = ids.map(() => '?').join(',');
  const rows: any[] = await tx.query(
    `SELECT ${COLS} FROM stock_ledger WHERE id IN (${marks}) OR (kind = 'recost' AND ref_entry_id IN (${marks})) ORDER BY id`,
    [...ids, ...ids],
  );
  for (const r of rows.map(toRow)) if (r.kind !== 'recost') out.set(r.id, { ...r, current: D(r.value) });
  for (const r of rows.map(toRow)) {
    const e = r.kind === 'recost' && r.refEntryId ? out.get(r.refEntryId) : undefined;
    if (e) e.current = e.current.plus(r.value);
  }
  return out;
}

/** Loads the ledger of a SKU in the given warehouses, with the departures outside them that it follows. */
export async function loadHistory(tx: EntityManager, skuId: number, warehouseIds: number[]): Promise<History> {
  const rows = new Map<string, HistoryRow>();
  const current = new Map<string, Decimal>();
  const extras = new Map<string, Decimal>();
  if (warehouseIds.length) {
    const raw: any[] = await tx.query(
      `SELECT ${COLS} FROM stock_ledger WHERE sku_id = ? AND warehouse_id IN (${warehouseIds.map(() => '?').join(',')}) ORDER BY id`,
      [skuId, ...warehouseIds],
    );
    for (const r of raw) {
      const row = toRow(r);
      if (row.kind === 'recost') {
        current.set(row.refEntryId!, (current.get(row.refEntryId!) ?? D(0)).plus(row.value));
        // a given value (a landed cost), not one the method derived: the replay adds it to its entry
        if (row.costSource === 'fixed')
          extras.set(row.refEntryId!, (extras.get(row.refEntryId!) ?? D(0)).plus(row.value));
      } else {
        rows.set(row.id, row);
        current.set(row.id, (current.get(row.id) ?? D(0)).plus(row.value));
      }
    }
  }
  const moves = [...rows.values()].map((e) => {
    const m = ledgerMove(e, rows);
    const extra = extras.get(e.id);
    return extra ? { ...m, extra: extra.toFixed(2) } : m;
  });
  const outside = [...new Set(moves.filter((m) => m.source === 'transfer' && !rows.has(m.ref!)).map((m) => m.ref!))];
  const settled = new Map<string, SettledEntry>();
  for (const [id, e] of await rowsById(tx, outside))
    settled.set(id, { key: rowKey(e), qty: e.qty, value: e.current.toFixed(2) });
  return { rows, moves, current, settled };
}

/**
 * The warehouses that goods of a SKU went to from the given ones by transfers dated `since` or
 * later, and on from there (A → B → C …): what a re-cost from `since` in the given warehouses
 * reaches. A cycle (A → B → A) ends where it began.
 */
export async function downstreamOf(
  tx: EntityManager,
  skuId: number,
  warehouseIds: number[],
  since: string,
): Promise<number[]> {
  const seen = new Set(warehouseIds);
  let frontier = [...warehouseIds];
  while (frontier.length) {
    const rows: Array<{ w: number }> = await tx.query(
      `SELECT DISTINCT a.warehouse_id AS w FROM stock_ledger d JOIN stock_ledger a ON a.ref_entry_id = d.id
        WHERE d.sku_id = ? AND d.warehouse_id IN (${frontier.map(() => '?').join(',')}) AND d.business_date >= ?
          AND a.cost_source = 'transfer' AND a.kind = 'in'`,
      [skuId, ...frontier, since],
    );
    frontier = rows.map((r) => Number(r.w)).filter((w) => !seen.has(w));
    for (const w of frontier) seen.add(w);
  }
  return [...seen].filter((w) => !warehouseIds.includes(w)).sort((a, b) => a - b);
}

/** The rows whose replayed value is not their current value, with the difference. */
export function changesOf(history: History, replay: LedgerReplay): Array<{ row: HistoryRow; delta: string }> {
  const out: Array<{ row: HistoryRow; delta: string }> = [];
  for (const id of replay.order) {
    const row = history.rows.get(id);
    if (!row) continue;
    const delta = D(replay.values.get(id)!.value).minus(history.current.get(id) ?? 0);
    if (!delta.isZero()) out.push({ row, delta: delta.toFixed(2) });
  }
  return out;
}

/** What earlier reversals took of each given entry (quantity, and value now). */
export async function reversalsOf(tx: EntityManager, ids: string[]): Promise<Map<string, Reversed>> {
  const out = new Map<string, Reversed>();
  if (!ids.length) return out;
  const rows: any[] = await tx.query(
    `SELECT id, ref_entry_id, qty, value FROM stock_ledger WHERE cost_source = 'reverse' AND kind <> 'recost' AND ref_entry_id IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  if (!rows.length) return out;
  const target = new Map(rows.map((r) => [String(r.id), String(r.ref_entry_id)]));
  const corrections: any[] = await tx.query(
    `SELECT ref_entry_id, value FROM stock_ledger WHERE kind = 'recost' AND ref_entry_id IN (${rows.map(() => '?').join(',')})`,
    rows.map((r) => r.id),
  );
  for (const r of rows)
    out.set(String(r.ref_entry_id), plusReversed(out.get(String(r.ref_entry_id)) ?? nothingReversed(), r.qty, r.value));
  for (const c of corrections) {
    const id = target.get(String(c.ref_entry_id))!;
    out.set(id, plusReversed(out.get(id)!, 0, c.value));
  }
  return out;
}
