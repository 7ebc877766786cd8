import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { CompanySettings, newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockDocType } from './stock-document.entity';
import { Warehouse } from './warehouse.entity';

/**
 * Issue 18: re-costing follows the goods. Back-dated receipts and cancellations re-cost the later
 * issues of their warehouse; a cancellation is dated the day of what it cancels (or the first
 * open day), as if the document had never been posted. Exact figures, on both databases.
 */
for (const method of ['moving_average', 'fifo'] as const) {
  describe(`re-costing with ${method} (${testDbKind})`, () => {
    let t: TestApp;
    let ctx: Context;
    let W: Warehouse[];
    let n = 0;
    beforeAll(async () => {
      t = await testApp();
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: method as any });
      ctx = await contextAs(t.ds, t.app.services, 'admin');
      W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    });
    afterAll(async () => {
      await t.close();
    });

    /** A SKU of its own for each test, so its ledger holds only what the test posts. */
    const newSku = () => newProductSku(t.ds, `RC-${method === 'fifo' ? 'F' : 'M'}-${++n}`);
    const post = async (
      type: StockDocType,
      warehouse: Warehouse,
      businessDate: string,
      lines: Array<{ skuId: number; qty: string; unitCost?: string }>,
      toWarehouse?: Warehouse,
    ) => {
      const doc = await t.app.services.stockDocuments.create(ctx, {
        type,
        warehouseId: String(warehouse.id),
        ...(toWarehouse ? { toWarehouseId: String(toWarehouse.id) } : {}),
        businessDate,
        lines: lines.map((l) => ({ ...l, skuId: String(l.skuId) })),
      });
      return t.app.services.stockDocuments.post(ctx, String(doc.id));
    };
    const receive = (w: Warehouse, date: string, sku: number, qty: string, cost: string) =>
      post(StockDocType.OTHER_IN, w, date, [{ skuId: sku, qty, unitCost: cost }]);
    const issue = (w: Warehouse, date: string, sku: number, qty: string) =>
      post(StockDocType.OTHER_OUT, w, date, [{ skuId: sku, qty }]);
    /** The value of a document's line now: Σ of its ledger rows of that kind, corrections included. */
    const valueOf = async (docId: number, kind: 'in' | 'out') => {
      const rows: Array<{ id: string; value: string }> = await t.ds.query(
        "SELECT id, value FROM stock_ledger WHERE document_type IN ('other_in','other_out','transfer') AND document_id = ? AND kind = ?",
        [docId, kind],
      );
      const ids = rows.map((r) => r.id);
      const fixes: Array<{ value: string }> = ids.length
        ? await t.ds.query(
            `SELECT value FROM stock_ledger WHERE kind = 'recost' AND ref_entry_id IN (${ids.map(() => '?').join(',')})`,
            ids,
          )
        : [];
      return [...rows, ...fixes].reduce((s, r) => s.plus(r.value), new Decimal(0)).toFixed(2);
    };
    const head = async (w: Warehouse, skuId: number) => {
      const card = await t.app.services.stockReports.stockCard(ctx, String(w.id), String(skuId));
      return [card.closingQty, card.closingValue];
    };
    const check = async () => expect(await t.app.services.posting.check(method)).toEqual([]);

    it('a cancelled back-dated receipt restores the later costs, as if it had never been posted', async () => {
      const sku = await newSku();
      await receive(W[0], '2026-04-01', sku.id, '100', '10.00');
      await receive(W[0], '2026-04-02', sku.id, '50', '13.00');
      const out = await issue(W[0], '2026-04-05', sku.id, '120');
      // MA: 120 × 1650 / 150 = 1320.00; FIFO: 100 × 10 + 20 × 13 = 1260.00
      const before = method === 'fifo' ? '-1260.00' : '-1320.00';
      expect(await valueOf(out.id, 'out')).toBe(before);
      const late = await receive(W[0], '2026-04-03', sku.id, '30', '12.00');
      // MA: 120 × 2010 / 180 = 1340.00; FIFO: the 30 @ 12 are younger than what left
      expect(await valueOf(out.id, 'out')).toBe(method === 'fifo' ? '-1260.00' : '-1340.00');
      await check();
      await t.app.services.stockDocuments.cancel(ctx, String(late.id));
      expect(await valueOf(out.id, 'out')).toBe(before);
      expect(await head(W[0], sku.id)).toEqual(['30', method === 'fifo' ? '390.00' : '330.00']);
      // the reversal is dated the receipt's own day, and the corrections name what caused them
      const rows: Array<{ business_date: string; kind: string; cause_number: string | null }> = await t.ds.query(
        'SELECT business_date, kind, cause_number FROM stock_ledger WHERE sku_id = ? ORDER BY id',
        [sku.id],
      );
      expect(rows.filter((r) => r.kind !== 'recost').map((r) => [r.business_date, r.kind])).toEqual([
        ['2026-04-01', 'in'],
        ['2026-04-02', 'in'],
        ['2026-04-05', 'out'],
        ['2026-04-03', 'in'],
        ['2026-04-03', 'out'],
      ]);
      const causes = rows.filter((r) => r.kind === 'recost').map((r) => r.cause_number);
      expect(causes).toEqual(method === 'fifo' ? [] : [late.number, late.number]);
      await check();
    });

    it('a cancellation dated in a closed period posts its reversal on the first open day', async () => {
      const sku = await newSku();
      await receive(W[0], '2026-05-01', sku.id, '10', '10.00');
      const r2 = await receive(W[0], '2026-05-02', sku.id, '10', '16.00');
      const out1 = await issue(W[0], '2026-05-10', sku.id, '5');
      const out2 = await issue(W[0], '2026-06-10', sku.id, '5');
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { closedThrough: '2026-05-31' });
      try {
        await t.app.services.stockDocuments.cancel(ctx, String(r2.id));
      } finally {
        await t.ds.getRepository(CompanySettings).update({ id: 1 }, { closedThrough: null });
      }
      const reversal: Array<{ business_date: string }> = await t.ds.query(
        "SELECT business_date FROM stock_ledger WHERE sku_id = ? AND cost_source = 'reverse'",
        [sku.id],
      );
      expect(reversal).toEqual([{ business_date: '2026-06-01' }]);
      // May stays as it was; the June issue is costed without the cancelled receipt
      // MA: May 5 of 20 @ 13.00 = 65.00, leaving 15 / 195.00; minus 10 × 16 = 160.00 → 5 / 35.00
      // FIFO: May 5 of the 10.00 layer; the receipt's own layer goes; June takes the other 5 @ 10.00
      expect(await valueOf(out1.id, 'out')).toBe(method === 'fifo' ? '-50.00' : '-65.00');
      expect(await valueOf(out2.id, 'out')).toBe(method === 'fifo' ? '-50.00' : '-35.00');
      expect(await head(W[0], sku.id)).toEqual(['0', '0.00']);
      await check();
    });
  });
}
