import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { now } from '../../core/dates';
import { emptyState, replayLedger, type CostingMethod } from '../../domain/costing';
import type { StockLedgerEntry } from './ledger.entity';
import { changesOf, downstreamOf, loadHistory, rowsById } from './ledger-history';
import type { PostingSql } from './posting-sql';
import { headKey, type Recosted } from './posting.types';

const D = (s: Decimal.Value) => new Decimal(s);

/** Value given to a posted inbound entry afterwards (a landed cost's share of a receipt line). */
export interface ValueAdjustment {
  /** the inbound ledger entry (kind in) whose value grows */
  entryId: string;
  /** signed, 2 dp: + when posted, − when cancelled */
  value: string;
}

/** The document that gives the values: named on every row it appends (cause). */
export interface ValueCause {
  id: number;
  type: string;
  number: string;
  businessDate: string;
  action: 'post' | 'cancel';
}

/**
 * Adds value to posted inbound entries without moving any quantity, in the caller's transaction,
 * the way a back-dated posting re-costs: the heads of the entries' warehouse × SKU (and of the
 * warehouses transfers carried the goods to since) are locked; each entry gets a recost row with
 * cost source `fixed` — a given value, dated like the entry, naming the cause — which every later
 * replay adds to what the entry asks; the SKU's ledger is replayed, and every later entry whose
 * value changed (issues, their returns, transfers …) gets its correction row (cost source
 * `method`), exactly as after a back-dated receipt. No posted row is updated.
 */
export async function adjustEntryValues(
  tx: EntityManager,
  sql: PostingSql,
  cause: ValueCause,
  adjustments: ValueAdjustment[],
  method: CostingMethod,
  notify: (tx: EntityManager, changes: Recosted[]) => Promise<void>,
): Promise<Recosted[]> {
  const given = adjustments.filter((a) => !D(a.value).isZero());
  if (!given.length) return [];
  const targets = await rowsById(
    tx,
    given.map((a) => a.entryId),
  );
  for (const a of given) {
    const t = targets.get(a.entryId);
    if (!t || t.kind !== 'in') throw new Error(`Ledger entry ${a.entryId} is not a posted inbound entry.`);
  }
  const pairs = [...new Map([...targets.values()].map((t) => [headKey(t.warehouseId, t.skuId), t])).values()]
    .map((t) => [t.warehouseId, t.skuId] as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const heads = await sql.lockHeads(tx, pairs);
  const at = now();

  const fixed: Array<Partial<StockLedgerEntry>> = given.map((a) => {
    const t = targets.get(a.entryId)!;
    return {
      warehouseId: t.warehouseId,
      binId: t.binId,
      skuId: t.skuId,
      batchId: t.batchId,
      documentId: t.documentId,
      documentLineId: t.documentLineId,
      documentType: t.documentType,
      documentNumber: t.documentNumber,
      kind: 'recost',
      costSource: 'fixed',
      refEntryId: t.id,
      causeType: cause.type,
      causeId: cause.id,
      causeNumber: cause.number,
      causeAction: cause.action,
      causeDate: cause.businessDate,
      businessDate: t.businessDate,
      qty: '0',
      unitCost: '0',
      value: D(a.value).toFixed(2),
    };
  });
  await sql.insertEntries(tx, fixed, at);

  const recosted: Recosted[] = given.map((a) => {
    const t = targets.get(a.entryId)!;
    return {
      documentType: t.documentType,
      documentId: t.documentId,
      documentLineId: t.documentLineId,
      kind: 'in',
      costSource: t.costSource,
      cancellation: false,
      delta: D(a.value).toFixed(2),
    };
  });
  const corrections: Array<Partial<StockLedgerEntry>> = [];
  const headRows: Array<[number, number, string, string, string, string]> = [];
  for (const skuId of [...new Set(pairs.map(([, s]) => s))]) {
    const mine = [...targets.values()].filter((t) => t.skuId === skuId);
    const keys = [...new Set(mine.map((t) => headKey(t.warehouseId, skuId)))];
    const since = mine.map((t) => t.businessDate).sort()[0];
    const reached = await downstreamOf(
      tx,
      skuId,
      keys.map((k) => heads.get(k)!.warehouseId),
      since,
    );
    if (reached.length) {
      const more = await sql.lockHeads(
        tx,
        reached.map((w) => [w, skuId] as [number, number]),
      );
      for (const [k, h] of more) {
        heads.set(k, h);
        keys.push(k);
      }
    }
    const history = await loadHistory(
      tx,
      skuId,
      keys.map((k) => heads.get(k)!.warehouseId),
    );
    const r = replayLedger(method, history.moves, history.settled);
    const changes = changesOf(history, r);
    for (const c of changes) {
      corrections.push({
        warehouseId: c.row.warehouseId,
        binId: c.row.binId,
        skuId: c.row.skuId,
        batchId: c.row.batchId,
        documentId: c.row.documentId,
        documentLineId: c.row.documentLineId,
        documentType: c.row.documentType,
        documentNumber: c.row.documentNumber,
        kind: 'recost',
        costSource: 'method',
        refEntryId: c.row.id,
        causeType: cause.type,
        causeId: cause.id,
        causeNumber: cause.number,
        causeAction: cause.action,
        causeDate: cause.businessDate,
        businessDate: c.row.businessDate,
        qty: '0',
        unitCost: '0',
        value: c.delta,
      });
      const target = c.row.refEntryId ? history.rows.get(c.row.refEntryId) : undefined;
      recosted.push({
        documentType: c.row.documentType,
        documentId: c.row.documentId,
        documentLineId: c.row.documentLineId,
        kind: c.row.kind as 'in' | 'out',
        costSource: c.row.costSource,
        cancellation:
          c.row.costSource === 'reverse' &&
          !!target &&
          target.documentId === c.row.documentId &&
          target.documentType === c.row.documentType,
        delta: c.delta,
      });
    }
    for (const k of keys) {
      const h = heads.get(k)!;
      let value = D(h.value);
      for (const f of fixed) if (f.warehouseId === h.warehouseId && f.skuId === skuId) value = value.plus(f.value!);
      for (const c of changes) if (c.row.warehouseId === h.warehouseId) value = value.plus(c.delta);
      const state = r.states.get(String(h.warehouseId)) ?? emptyState(method);
      headRows.push([h.warehouseId, skuId, D(h.qty).toFixed(6), value.toFixed(2), JSON.stringify(state), h.lastDate]);
    }
  }
  await sql.insertEntries(tx, corrections, at);
  await sql.writeHeads(tx, headRows);
  await notify(tx, recosted);
  return recosted;
}

/** The values a cause gave entries (its posting's `fixed` recost rows), oldest first: what its cancellation takes out. */
export async function valuesGivenBy(em: EntityManager, causeType: string, causeId: number): Promise<ValueAdjustment[]> {
  const rows: Array<{ ref_entry_id: string | number; value: string }> = await em.query(
    "SELECT ref_entry_id, value FROM stock_ledger WHERE kind = 'recost' AND cost_source = 'fixed' AND cause_type = ? AND cause_id = ? AND cause_action = 'post' ORDER BY id",
    [causeType, causeId],
  );
  return rows.map((r) => ({ entryId: String(r.ref_entry_id), value: D(r.value).toFixed(2) }));
}

/**
 * The values given to a document's entries so far (posted less cancelled), per document line;
 * `except` leaves out one cause's own.
 */
export async function valuesGivenTo(
  em: EntityManager,
  documentType: string,
  documentId: number,
  except?: { type: string; id: number },
): Promise<Map<number, Decimal>> {
  const rows: Array<{ document_line_id: number; value: string }> = await em.query(
    `SELECT document_line_id, value FROM stock_ledger WHERE kind = 'recost' AND cost_source = 'fixed' AND document_type = ? AND document_id = ?${except ? ' AND NOT (cause_type = ? AND cause_id = ?)' : ''}`,
    [documentType, documentId, ...(except ? [except.type, except.id] : [])],
  );
  const out = new Map<number, Decimal>();
  for (const r of rows)
    out.set(Number(r.document_line_id), (out.get(Number(r.document_line_id)) ?? D(0)).plus(r.value));
  return out;
}
