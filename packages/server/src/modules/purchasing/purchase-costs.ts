import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { lockRows } from '../../core/sql';
import type { Recosted } from '../stock';

const D = (s: Decimal.Value) => new Decimal(s);
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * Re-costing corrected the entries of returns to suppliers: a return reverses its receipt's entry
 * (its share of that entry's value), so when a landed cost (or a cancelled one) changes the
 * receipt's value, the reversal follows, and with it the return line's value and the receipt
 * line's returned value, in the posting's transaction. The orders are locked first, as a return
 * locks its order before the stock (the opposite order here is a deadlock InnoDB resolves and the
 * transaction is retried).
 */
export async function followRecostedPurchaseReturns(tx: EntityManager, changes: Recosted[]): Promise<void> {
  const byLine = new Map<number, Decimal>();
  for (const c of changes)
    if (c.documentType === 'purchase_return' && !c.cancellation)
      byLine.set(c.documentLineId, (byLine.get(c.documentLineId) ?? D(0)).plus(c.delta));
  if (!byLine.size) return;
  const ids = [...byLine.keys()].sort((a, b) => a - b);
  const lines: Array<{ id: number; value: string; receipt_line_id: number; order_id: number }> = await tx.query(
    `SELECT l.id, l.value, l.receipt_line_id, r.order_id FROM purchase_return_line l
       JOIN purchase_return r ON r.id = l.return_id WHERE l.id IN (${marks(ids.length)})`,
    ids,
  );
  await lockRows(
    tx,
    'purchase_order',
    [...new Set(lines.map((l) => Number(l.order_id)))].sort((a, b) => a - b),
  );
  const receiptDelta = new Map<number, Decimal>();
  for (const l of lines) {
    const delta = byLine.get(Number(l.id))!;
    await tx.query('UPDATE purchase_return_line SET value = ? WHERE id = ?', [
      D(l.value ?? 0)
        .plus(delta)
        .toFixed(2),
      l.id,
    ]);
    // the receipt line keeps what went back as a positive value; the return's entries are negative
    const rl = Number(l.receipt_line_id);
    receiptDelta.set(rl, (receiptDelta.get(rl) ?? D(0)).minus(delta));
  }
  const rlIds = [...receiptDelta.keys()].sort((a, b) => a - b);
  const rls: Array<{ id: number; returned_value: string }> = await tx.query(
    `SELECT id, returned_value FROM purchase_receipt_line WHERE id IN (${marks(rlIds.length)})`,
    rlIds,
  );
  for (const rl of rls)
    await tx.query('UPDATE purchase_receipt_line SET returned_value = ? WHERE id = ?', [
      D(rl.returned_value ?? 0)
        .plus(receiptDelta.get(Number(rl.id))!)
        .toFixed(2),
      rl.id,
    ]);
}
