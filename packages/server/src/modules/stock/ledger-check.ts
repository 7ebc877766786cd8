import { Decimal } from 'decimal.js';
import type { DataSource, EntityManager } from 'typeorm';
import { CostingError, replayLedger, type CostingMethod } from '../../domain/costing';
import { changesOf, loadHistory } from './ledger-history';
import type { PostingSql } from './posting-sql';
import { headKey } from './posting.types';

const D = (s: Decimal.Value) => new Decimal(s);

/**
 * A document type's owner answers which of these (document, line) pairs are lines of its
 * documents, as `${documentId}:${lineId}`; the ledger check reports every entry of the type that
 * names another. So the stock module checks the ledger against documents it does not own without
 * reading their tables.
 */
export type LineOwner = (em: EntityManager, refs: Array<[documentId: number, lineId: number]>) => Promise<Set<string>>;

/**
 * `pnpm jxc check-ledger` and the tests: the invariants of the stock ledger on a live database.
 * Σ ledger = balances and cost heads; no balance below zero where it may not be; every row on a
 * posted document line; and the ledger as it was built, posting by posting and correction by
 * correction, equal to a replay from scratch of every SKU over all its warehouses at once
 * (values of every entry, and the cost state each head holds).
 */
export async function checkLedger(
  ds: DataSource,
  sql: PostingSql,
  method: CostingMethod,
  owners: ReadonlyMap<string, LineOwner> = new Map(),
): Promise<string[]> {
  const problems: string[] = [];
  const ledger: Array<{
    warehouse_id: number;
    bin_id: number;
    sku_id: number;
    batch_id: number;
    qty: string;
    value: string;
  }> = await ds.query('SELECT warehouse_id, bin_id, sku_id, batch_id, qty, value FROM stock_ledger');
  const byBalance = new Map<string, Decimal>();
  const byHead = new Map<string, { qty: Decimal; value: Decimal }>();
  for (const r of ledger) {
    const bk = `${r.warehouse_id}:${r.bin_id}:${r.sku_id}:${r.batch_id}`;
    byBalance.set(bk, (byBalance.get(bk) ?? D(0)).plus(r.qty));
    const hk = headKey(Number(r.warehouse_id), Number(r.sku_id));
    const h = byHead.get(hk) ?? { qty: D(0), value: D(0) };
    byHead.set(hk, { qty: h.qty.plus(r.qty), value: h.value.plus(r.value) });
  }
  const balances: Array<{ warehouse_id: number; bin_id: number; sku_id: number; batch_id: number; qty: string }> =
    await ds.query('SELECT warehouse_id, bin_id, sku_id, batch_id, qty FROM stock_balance');
  const negOk = await sql.negativeAllowed(ds.manager, [...new Set(balances.map((b) => Number(b.warehouse_id)))]);
  const seen = new Set<string>();
  for (const b of balances) {
    const bk = `${b.warehouse_id}:${b.bin_id}:${b.sku_id}:${b.batch_id}`;
    seen.add(bk);
    const l = byBalance.get(bk) ?? D(0);
    if (!l.eq(b.qty)) problems.push(`balance ${bk}: ledger qty ${l.toFixed()} ≠ balance qty ${D(b.qty).toFixed()}`);
    if (D(b.qty).lt(0) && !negOk.get(Number(b.warehouse_id)))
      problems.push(`balance ${bk} is negative (${D(b.qty).toFixed()})`);
  }
  for (const [bk, q] of byBalance)
    if (!seen.has(bk) && !q.isZero()) problems.push(`balance ${bk}: ledger qty ${q.toFixed()} has no balance row`);

  const heads: Array<{ warehouse_id: number; sku_id: number; qty: string; value: string; state: string | null }> =
    await ds.query('SELECT warehouse_id, sku_id, qty, value, state FROM stock_cost ORDER BY sku_id, warehouse_id');
  const bySku = new Map<number, typeof heads>();
  for (const h of heads) {
    const l = byHead.get(headKey(Number(h.warehouse_id), Number(h.sku_id))) ?? { qty: D(0), value: D(0) };
    if (!l.qty.eq(h.qty) || !l.value.eq(h.value)) {
      problems.push(
        `warehouse ${h.warehouse_id} × SKU ${h.sku_id}: ledger ${l.qty.toFixed()} / ${l.value.toFixed(2)} ≠ head ${D(h.qty).toFixed()} / ${D(h.value).toFixed(2)}`,
      );
    }
    if (l.qty.isZero() && !l.value.isZero())
      problems.push(`warehouse ${h.warehouse_id} × SKU ${h.sku_id}: value ${l.value.toFixed(2)} left with no stock`);
    bySku.set(Number(h.sku_id), [...(bySku.get(Number(h.sku_id)) ?? []), h]);
  }
  for (const [skuId, hs] of bySku) {
    const history = await loadHistory(
      ds.manager,
      skuId,
      hs.map((h) => Number(h.warehouse_id)),
    );
    try {
      const r = replayLedger(method, history.moves, history.settled);
      for (const c of changesOf(history, r))
        problems.push(`entry ${c.row.id}: replay from scratch gives a value ${c.delta} away from the ledger`);
      for (const h of hs) {
        const replayed = r.states.get(String(h.warehouse_id));
        if (replayed && h.state && JSON.stringify(replayed) !== h.state)
          problems.push(
            `warehouse ${h.warehouse_id} × SKU ${skuId}: the cost state differs from a replay from scratch`,
          );
      }
    } catch (e) {
      if (!(e instanceof CostingError)) throw e;
      problems.push(`SKU ${skuId}: the ledger cannot be replayed: ${e.message}`);
    }
  }

  const orphans = await ds.query(
    `SELECT l.id FROM stock_ledger l LEFT JOIN stock_document_line dl ON dl.id = l.document_line_id AND dl.document_id = l.document_id
     LEFT JOIN stock_document d ON d.id = l.document_id
     WHERE l.document_type IN ('other_in','other_out','transfer','adjustment') AND (dl.id IS NULL OR d.status = 'draft')`,
  );
  for (const o of orphans) problems.push(`ledger entry ${o.id} does not belong to a posted document line`);
  for (const [type, owner] of [...owners].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const rows: Array<{ id: string; document_id: number; document_line_id: number }> = await ds.query(
      'SELECT id, document_id, document_line_id FROM stock_ledger WHERE document_type = ? ORDER BY id',
      [type],
    );
    const known = await owner(
      ds.manager,
      rows.map((r) => [Number(r.document_id), Number(r.document_line_id)]),
    );
    for (const r of rows)
      if (!known.has(`${Number(r.document_id)}:${Number(r.document_line_id)}`))
        problems.push(`ledger entry ${r.id} does not belong to a ${type.replace('_', ' ')} line`);
  }
  return problems;
}
