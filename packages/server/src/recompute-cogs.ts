import type { DataSource } from 'typeorm';
import { inTransaction } from './core/db';
import { isSqlite } from './core/sql';
import { recomputeSalesCosts, type RecomputedSales } from './modules/sales/sales-costs';
import { recomputeStockDocumentCosts } from './modules/stock';

export interface RecomputedCogs extends RecomputedSales {
  stockDocumentLines: number;
}

/**
 * `pnpm jxc recompute-cogs [--dry-run]`: sets every stored cost figure to what the ledger says —
 * stock document lines' value and unit cost, shipment lines' COGS, return lines' restocked cost,
 * order lines' and orders' COGS and margin. For databases created before these figures followed
 * re-costing (a back-dated posting or a cancellation used to leave them at the posting's value).
 * One transaction; on MySQL every cost head is locked first, so no posting runs meanwhile (a
 * posting locks them before it changes a figure). Idempotent: the second run changes nothing.
 */
export async function recomputeCogs(ds: DataSource, opts: { dryRun?: boolean } = {}): Promise<RecomputedCogs> {
  const write = !opts.dryRun;
  return inTransaction(ds, async (tx) => {
    if (!isSqlite(tx)) await tx.query('SELECT warehouse_id FROM stock_cost ORDER BY warehouse_id, sku_id FOR UPDATE');
    const stock = await recomputeStockDocumentCosts(tx, write);
    const sales = await recomputeSalesCosts(tx, write);
    return { stockDocumentLines: stock.length, ...sales };
  });
}
