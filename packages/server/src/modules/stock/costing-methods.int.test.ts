import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextAs } from '../../test/context';
import { CompanySettings, seedCatalog } from '../../test/fixtures';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import type { Context } from '../../core/context';
import { StockDocStatus, StockDocType } from './stock-document.entity';

/** A seeded generator: a failure names its seed and replays exactly. */
const rng = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

for (const method of ['moving_average', 'fifo'] as const) {
  describe(`posting engine with ${method} (${testDbKind})`, () => {
    let t: TestApp;
    let ctx: Context;
    let c: Awaited<ReturnType<typeof seedCatalog>>;
    beforeAll(async () => {
      t = await testApp();
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: method as any });
      c = await seedCatalog(t.ds);
      ctx = await contextAs(t.ds, t.app.services, 'admin');
    });
    afterAll(async () => {
      await t.close();
    });
    const post = async (
      type: StockDocType,
      businessDate: string,
      lines: Array<{ skuId: number; qty: string; unitCost?: string }>,
      warehouseId = c.warehouses[0].id,
    ) => {
      const doc = await t.app.services.stockDocuments.create(ctx, {
        type,
        warehouseId: String(warehouseId),
        businessDate,
        lines: lines.map((l) => ({ ...l, skuId: String(l.skuId) })),
      });
      return t.app.services.stockDocuments.post(ctx, String(doc.id));
    };
    const lineValue = async (docId: number) => (await t.app.services.stockDocuments.lines([docId]))[0].value;

    it('issues at the method’s cost: 10 @ 10.00 and 10 @ 12.00, then 15 out', async () => {
      await post(StockDocType.OTHER_IN, '2026-03-01', [{ skuId: c.tea.id, qty: '10', unitCost: '10' }]);
      await post(StockDocType.OTHER_IN, '2026-03-02', [{ skuId: c.tea.id, qty: '10', unitCost: '12' }]);
      const out = await post(StockDocType.OTHER_OUT, '2026-03-03', [{ skuId: c.tea.id, qty: '15' }]);
      // FIFO: 10 × 10 + 5 × 12 = 160.00; moving average: 15 × 11 = 165.00
      expect(await lineValue(out.id)).toBe(method === 'fifo' ? '-160.00' : '-165.00');
      const out2 = await post(StockDocType.OTHER_OUT, '2026-03-04', [{ skuId: c.tea.id, qty: '5' }]);
      // the last units take exactly what is left
      expect(await lineValue(out2.id)).toBe(method === 'fifo' ? '-60.00' : '-55.00');
      expect(await t.app.services.posting.check(method)).toEqual([]);
    });

    it('cancelling a receipt removes exactly what that receipt brought in, not the oldest layer', async () => {
      const sku = c.milk; // batch-tracked: receipts need a batch
      await post(StockDocType.OTHER_IN, '2026-05-01', [
        { skuId: sku.id, qty: '10', unitCost: '10', batchNo: 'M1' } as any,
      ]);
      const b = await post(StockDocType.OTHER_IN, '2026-05-02', [
        { skuId: sku.id, qty: '10', unitCost: '12', batchNo: 'M2' } as any,
      ]);
      await t.app.services.stockDocuments.cancel(ctx, String(b.id));
      const card = await t.app.services.stockReports.stockCard(ctx, String(c.warehouses[0].id), String(sku.id));
      expect(card.rows.map((r) => r.value)).toEqual(['100.00', '120.00', '-120.00']);
      expect([card.closingQty, card.closingValue]).toEqual(['10', '100.00']);
      // a back-dated receipt before both re-costs nothing here: every value is fixed by its own receipt
      await post(StockDocType.OTHER_IN, '2026-04-30', [
        { skuId: sku.id, qty: '5', unitCost: '8', batchNo: 'M0' } as any,
      ]);
      expect(await t.app.services.posting.check(method)).toEqual([]);
    });

    it('random postings, back-dated ones and cancellations always equal a replay from scratch', async () => {
      const rand = rng(method === 'fifo' ? 7 : 11);
      const sku = c.rice;
      const posted: number[] = [];
      let refused = 0;
      for (let i = 0; i < 40; i++) {
        const date = `2026-04-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
        const r = rand();
        try {
          if (r < 0.45) {
            const d = await post(StockDocType.OTHER_IN, date, [
              {
                skuId: sku.id,
                qty: (1 + Math.floor(rand() * 20000) / 1000).toFixed(3),
                unitCost: (1 + Math.floor(rand() * 1000) / 100).toFixed(2),
              },
            ]);
            posted.push(d.id);
          } else if (r < 0.85) {
            const d = await post(StockDocType.OTHER_OUT, date, [
              { skuId: sku.id, qty: (Math.floor(rand() * 8000) / 1000 + 0.001).toFixed(3) },
            ]);
            posted.push(d.id);
          } else if (posted.length) {
            const id = posted.splice(Math.floor(rand() * posted.length), 1)[0];
            await t.app.services.stockDocuments.cancel(ctx, String(id));
          }
        } catch (e) {
          // an issue or a cancellation the stock cannot cover (now or on its date) is refused whole
          expect((e as { extensions?: { code?: string } }).extensions?.code).toBe('INSUFFICIENT_STOCK');
          refused++;
        }
        expect(await t.app.services.posting.check(method), `step ${i}`).toEqual([]);
      }
      expect(posted.length).toBeGreaterThan(10);
      expect(refused).toBeLessThan(40);
      const cancelled = await t.ds.query('SELECT COUNT(*) AS n FROM stock_document WHERE status = ?', [
        StockDocStatus.CANCELLED,
      ]);
      expect(Number(cancelled[0].n)).toBeGreaterThan(0);
      const recost = await t.ds.query("SELECT COUNT(*) AS n FROM stock_ledger WHERE kind = 'recost'");
      expect(Number(recost[0].n)).toBeGreaterThan(0);
    });

    it('the costing method is fixed once stock was posted (the settings ask the stock module)', async () => {
      const before = await t.app.services.settings.get();
      const other = method === 'fifo' ? 'moving_average' : 'fifo';
      await expect(
        t.app.services.settings.update(ctx, { version: before.version, costingMethod: other as any }),
      ).rejects.toMatchObject({
        extensions: {
          code: 'BAD_USER_INPUT',
          details: {
            fields: [
              { field: 'costingMethod', message: 'The costing method cannot change once stock has been posted.' },
            ],
          },
        },
      });
      expect((await t.app.services.settings.get()).costingMethod).toBe(method);
    });
  });
}
