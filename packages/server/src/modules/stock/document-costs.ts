import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { ledgerLineValues, type EntryFilter } from './cost-changes';
import type { Recosted } from './posting.service';

const D = (s: Decimal.Value) => new Decimal(s);

/** The stock documents whose lines keep a value. */
export const STOCK_DOC_TYPES = ['other_in', 'other_out', 'transfer', 'adjustment'];

/**
 * The entries a stock document line's value is made of: what its posting moved — for a transfer
 * the departure (the arrival follows it at the same value) — not the reversals of a cancellation.
 */
export const lineValueEntries =
  (documentType: string): EntryFilter =>
  (e) =>
    !e.cancellation && !(documentType === 'transfer' && e.kind === 'in');

/**
 * Re-costing corrected entries of stock documents: their lines' value and unit cost follow, in
 * the posting's transaction. The cost heads of the lines' warehouse × SKU are locked by the
 * posting, and every change of a line's value happens under that lock, so read-then-write is safe
 * (and exact on SQLite, which keeps decimals as text).
 */
export async function followRecostedStockDocuments(tx: EntityManager, changes: Recosted[]): Promise<void> {
  const byLine = new Map<number, Decimal>();
  for (const c of changes) {
    if (!lineValueEntries(c.documentType)(c)) continue;
    byLine.set(c.documentLineId, (byLine.get(c.documentLineId) ?? D(0)).plus(c.delta));
  }
  const ids = [...byLine.keys()].sort((a, b) => a - b);
  if (!ids.length) return;
  const rows: Array<{ id: number; value: string | null; base_qty: string }> = await tx.query(
    `SELECT id, value, base_qty FROM stock_document_line WHERE id IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  await writeLineCosts(
    tx,
    rows.map((r) => {
      const value = D(r.value ?? 0).plus(byLine.get(Number(r.id))!);
      return [Number(r.id), value, D(r.base_qty)];
    }),
  );
}

/**
 * Sets stock document lines' value and unit cost (|value| ÷ quantity, 6 places) in a few
 * statements: a back-dated receipt can re-cost thousands of lines, one round trip each was most of
 * its time.
 */
export async function writeLineCosts(tx: EntityManager, lines: Array<[id: number, value: Decimal, qty: Decimal]>) {
  for (let i = 0; i < lines.length; i += 500) {
    const sets = lines.slice(i, i + 500).map(([id, value, qty]) => {
      const unitCost = qty.isZero() ? D(0) : value.div(qty).abs().toDecimalPlaces(6);
      return [id, value.toFixed(2), unitCost.toFixed(6)] as const;
    });
    const cases = `CASE id ${sets.map(() => 'WHEN ? THEN ?').join(' ')} END`;
    await tx.query(
      `UPDATE stock_document_line SET value = ${cases}, unit_cost = ${cases} WHERE id IN (${sets.map(() => '?').join(',')})`,
      [...sets.flatMap(([id, v]) => [id, v]), ...sets.flatMap(([id, , c]) => [id, c]), ...sets.map(([id]) => id)],
    );
  }
}

/**
 * `pnpm jxc recompute-cogs`: every posted stock document line's value (and unit cost) set to what
 * the ledger says, for databases whose re-costs happened before the figures followed them.
 * Returns the lines whose value changed (none the second time).
 */
export async function recomputeStockDocumentCosts(
  tx: EntityManager,
  write: boolean,
): Promise<Array<{ lineId: number; from: string | null; to: string }>> {
  const changed: Array<{ lineId: number; from: string | null; to: string }> = [];
  for (const type of STOCK_DOC_TYPES) {
    const values = await ledgerLineValues(tx, type, lineValueEntries(type));
    const ids = [...values.keys()].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      const rows: Array<{ id: number; value: string | null; base_qty: string }> = await tx.query(
        `SELECT id, value, base_qty FROM stock_document_line WHERE id IN (${part.map(() => '?').join(',')})`,
        part,
      );
      const sets: Array<[number, Decimal, Decimal]> = [];
      for (const r of rows) {
        const v = values.get(Number(r.id))!;
        if (r.value !== null && D(r.value).eq(v.toFixed(2))) continue;
        changed.push({ lineId: Number(r.id), from: r.value === null ? null : D(r.value).toFixed(2), to: v.toFixed(2) });
        sets.push([Number(r.id), v, D(r.base_qty)]);
      }
      if (write && sets.length) await writeLineCosts(tx, sets);
    }
  }
  return changed;
}
