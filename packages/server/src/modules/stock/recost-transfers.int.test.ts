import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import { CompanySettings } from '../system';
import { StockDocType } from './stock-document.entity';
import { Warehouse } from './warehouse.entity';

/**
 * Issue 18: a back-dated receipt re-costs the goods where they went: the transfer's arrival takes
 * the value its departure has after the re-cost, and the warehouses downstream (A → B → C) are
 * re-costed in turn, in one global order; the ledger check replays every SKU from scratch over all
 * warehouses and compares it with what is stored (values and cost states). Exact figures.
 */
for (const method of ['moving_average', 'fifo'] as const) {
  describe(`re-costing through transfers with ${method} (${testDbKind})`, () => {
    let t: TestApp;
    let ctx: Context;
    let A: Warehouse;
    let B: Warehouse;
    let C: Warehouse;
    let n = 0;
    const fifo = method === 'fifo';
    beforeAll(async () => {
      t = await testApp();
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: method as any });
      ctx = await contextAs(t.ds, t.app.services, 'admin');
      [A, B, C] = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    });
    afterAll(async () => {
      await t.close();
    });

    const newSku = () => newProductSku(t.ds, `RT-${fifo ? 'F' : 'M'}-${++n}`);
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
    /** Ships and receives a transfer (two steps: in transit between them). */
    const transfer = async (from: Warehouse, to: Warehouse, date: string, sku: number, qty: string) => {
      const doc = await post(StockDocType.TRANSFER, from, date, [{ skuId: sku, qty }], to);
      return t.app.services.stockDocuments.receiveTransfer(ctx, String(doc.id), null, date);
    };

    /** Stock (quantity, value) of a warehouse from its stock card, and its cost of goods issued in April. */
    const figures = async (w: Warehouse, skuId: number) => {
      const card = await t.app.services.stockReports.stockCard(ctx, String(w.id), String(skuId));
      const cogs = await t.app.services.stockReports.costOfGoodsIssued(
        ctx,
        '2026-04-01',
        '2026-04-30',
        'WAREHOUSE_SKU',
        String(w.id),
      );
      const row = cogs.find((r) => r.key === `${w.id}:${skuId}`);
      return { qty: card.closingQty, value: card.closingValue, cogs: row?.value ?? '0.00' };
    };
    const check = async () => expect(await t.app.services.posting.check(method)).toEqual([]);

    /**
     * A: 04-01 40 @ 10.00, 04-06 60 @ 20.00, 04-08 60 → B; B: 04-09 issues 15, 04-10 30 → C;
     * C: 04-11 issues 15. Then a receipt of 50 @ 13.00 dated 04-03 arrives in A.
     */
    const chain = async (withC: boolean) => {
      const sku = await newSku();
      await receive(A, '2026-04-01', sku.id, '40', '10.00');
      await receive(A, '2026-04-06', sku.id, '60', '20.00');
      await transfer(A, B, '2026-04-08', sku.id, '60');
      await issue(B, '2026-04-09', sku.id, '15');
      if (withC) {
        await transfer(B, C, '2026-04-10', sku.id, '30');
        await issue(C, '2026-04-11', sku.id, '15');
      }
      return sku;
    };

    it('A → B: B’s stock value and cost of goods issued follow a back-dated receipt in A', async () => {
      const sku = await chain(false);
      // MA: 100 @ 1600.00 → 60 leave at 960.00, B issues 15 of them at 240.00
      // FIFO: 40 @ 10 + 20 @ 20 = 800.00 leave, B issues a quarter: 200.00
      expect(await figures(B, sku.id)).toEqual(
        fifo ? { qty: '45', value: '600.00', cogs: '200.00' } : { qty: '45', value: '720.00', cogs: '240.00' },
      );
      await check();
      await receive(A, '2026-04-03', sku.id, '50', '13.00');
      // MA: on 04-06 A holds 150 @ 2250.00 (15.00) → 900.00 leave; B issues 15 at 225.00
      // FIFO: 40 @ 10 + 20 @ 13 = 660.00 leave; B issues a quarter: 165.00
      expect(await figures(A, sku.id)).toEqual(
        fifo ? { qty: '90', value: '1590.00', cogs: '0.00' } : { qty: '90', value: '1350.00', cogs: '0.00' },
      );
      expect(await figures(B, sku.id)).toEqual(
        fifo ? { qty: '45', value: '495.00', cogs: '165.00' } : { qty: '45', value: '675.00', cogs: '225.00' },
      );
      await check();
    });

    it('A → B → C: C’s figures follow too, and the incremental result equals a replay from scratch', async () => {
      const sku = await chain(true);
      expect(await figures(B, sku.id)).toEqual(
        fifo ? { qty: '15', value: '200.00', cogs: '200.00' } : { qty: '15', value: '240.00', cogs: '240.00' },
      );
      expect(await figures(C, sku.id)).toEqual(
        fifo ? { qty: '15', value: '200.00', cogs: '200.00' } : { qty: '15', value: '240.00', cogs: '240.00' },
      );
      await receive(A, '2026-04-03', sku.id, '50', '13.00');
      const b = fifo ? { qty: '15', value: '165.00', cogs: '165.00' } : { qty: '15', value: '225.00', cogs: '225.00' };
      expect(await figures(B, sku.id)).toEqual(b);
      expect(await figures(C, sku.id)).toEqual(b);
      // the check replays the SKU from scratch over every warehouse and compares values and states
      await check();
      // the corrections downstream name the receipt that caused them
      const causes: Array<{ warehouse_id: number; n: number }> = await t.ds.query(
        "SELECT warehouse_id, COUNT(*) AS n FROM stock_ledger WHERE sku_id = ? AND kind = 'recost' GROUP BY warehouse_id ORDER BY warehouse_id",
        [sku.id],
      );
      expect(causes.map((c) => Number(c.warehouse_id))).toEqual([A.id, B.id, C.id]);
    });

    it('A → B → A: goods that come back are costed once, in time order; a back-dated receipt re-costs the round trip', async () => {
      const sku = await newSku();
      await receive(A, '2026-04-01', sku.id, '10', '10.00');
      await transfer(A, B, '2026-04-02', sku.id, '10');
      await transfer(B, A, '2026-04-03', sku.id, '10');
      await issue(A, '2026-04-04', sku.id, '4');
      expect(await figures(A, sku.id)).toEqual({ qty: '6', value: '60.00', cogs: '40.00' });
      await check();
      await receive(A, '2026-03-31', sku.id, '10', '13.00');
      // MA: A holds 20 @ 230.00; 10 go to B and back at 115.00; 4 of 20 @ 230.00 = 46.00
      // FIFO: the 10 @ 13.00 are the oldest: they make the trip; the issue takes 4 of the 10.00 layer
      expect(await figures(A, sku.id)).toEqual(
        fifo ? { qty: '16', value: '190.00', cogs: '40.00' } : { qty: '16', value: '184.00', cogs: '46.00' },
      );
      expect(await figures(B, sku.id)).toEqual({ qty: '0', value: '0.00', cogs: '0.00' });
      await check();
    });
  });
}
