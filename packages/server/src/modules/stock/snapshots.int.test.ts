import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { addDays } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { CompanySettings, newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import { bookAt, bookAtByScan, checkSnapshots, snapshotOnOrBefore, writeSnapshotsThrough } from './snapshots';
import { StockDocType } from './stock-document.entity';
import { Warehouse } from './warehouse.entity';

/**
 * Issue 15, speed and scale: monthly snapshots. Valuation at any date (one snapshot plus at most a
 * month of ledger rows) equals the full scan, day by day, over a worked history with back-dated
 * postings into snapshotted months, cancellations, transfers and re-costing, on both databases.
 */
for (const method of ['moving_average', 'fifo'] as const) {
  describe(`monthly stock snapshots with ${method} (${testDbKind})`, () => {
    let t: TestApp;
    let ctx: Context;
    let W: Warehouse[];
    let skus: number[];
    beforeAll(async () => {
      t = await testApp();
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: method as any });
      ctx = await contextAs(t.ds, t.app.services, 'admin');
      W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
      skus = [];
      for (let i = 0; i < 3; i++) skus.push((await newProductSku(t.ds, `SN-${method[0]}-${i}`)).id);
    });
    afterAll(() => t.close());

    const post = async (
      type: StockDocType,
      w: Warehouse,
      businessDate: string,
      lines: Array<{ skuId: number; qty: string; unitCost?: string }>,
      to?: Warehouse,
    ) => {
      const doc = await t.app.services.stockDocuments.create(ctx, {
        type,
        warehouseId: String(w.id),
        ...(to ? { toWarehouseId: String(to.id) } : {}),
        businessDate,
        lines: lines.map((l) => ({ ...l, skuId: String(l.skuId) })),
      });
      return t.app.services.stockDocuments.post(ctx, String(doc.id));
    };
    const receive = (w: Warehouse, d: string, s: number, qty: string, cost: string) =>
      post(StockDocType.OTHER_IN, w, d, [{ skuId: s, qty, unitCost: cost }]);
    const issue = (w: Warehouse, d: string, s: number, qty: string) =>
      post(StockDocType.OTHER_OUT, w, d, [{ skuId: s, qty }]);
    const transfer = async (from: Warehouse, to: Warehouse, d: string, s: number, qty: string, arrives = d) => {
      const doc = await post(StockDocType.TRANSFER, from, d, [{ skuId: s, qty }], to);
      return t.app.services.stockDocuments.receiveTransfer(ctx, String(doc.id), null, arrives);
    };
    const ours = (rows: Awaited<ReturnType<typeof bookAt>>) =>
      rows
        .filter((r) => skus.includes(r.s) && (!r.qty.isZero() || !r.value.isZero()))
        .map((r) => `${r.w}:${r.s} ${r.qty.toFixed(6)} ${r.value.toFixed(2)}`)
        .sort();
    /** Every day from..to: the snapshot-based book equals the full scan. */
    const sameEveryDay = async (from: string, to: string) => {
      for (let d = from; d <= to; d = addDays(d, 1))
        expect(ours(await bookAt(t.ds, d, null)), d).toEqual(ours(await bookAtByScan(t.ds, d, null)));
    };
    const book = async (d: string, w: Warehouse, s: number) => {
      const r = (await bookAt(t.ds, d, [w.id])).find((x) => x.s === s);
      return r ? [r.qty.toFixed(), r.value.toFixed(2)] : ['0', '0.00'];
    };

    it('valuation reads the snapshot before the date and agrees with the full scan through back-dated postings and re-costing', async () => {
      const [a, b, c] = skus;
      // January – April
      await receive(W[0], '2026-01-05', a, '100', '10.00');
      await receive(W[0], '2026-01-20', b, '40', '2.50');
      await issue(W[0], '2026-01-25', a, '30');
      await receive(W[0], '2026-02-03', a, '50', '13.00');
      await transfer(W[0], W[1], '2026-02-10', a, '20');
      await issue(W[0], '2026-02-27', b, '15');
      await receive(W[1], '2026-03-02', c, '9', '7.77');
      await issue(W[0], '2026-03-15', a, '25');
      await issue(W[1], '2026-04-08', a, '5');

      // the period close through February writes January's and February's snapshots
      const s = await t.app.services.settings.get();
      await t.app.services.settings.update(ctx, { version: s.version, closedThrough: '2026-02-28' });
      expect((await snapshotOnOrBefore(t.ds, '2026-03-10'))?.month).toBe('2026-02');
      expect((await snapshotOnOrBefore(t.ds, '2026-01-30'))?.month).toBeUndefined();
      // March as well (as `pnpm jxc rebuild-snapshots` would through March): open, so postings may still land in it
      const written = await inTransaction(t.ds, (tx) => writeSnapshotsThrough(tx, '2026-03-31'));
      expect(written).toEqual(['2026-03']);
      const march = (await t.ds.query(
        "SELECT warehouse_id, sku_id, qty, value FROM stock_snapshot WHERE month = '2026-03'",
      )) as any[];
      expect(march.filter((r) => skus.includes(Number(r.sku_id))).length).toBe(4);
      await sameEveryDay('2026-01-01', '2026-04-30');

      // W0 × a at the end of March: 100 in, 30 out, 50 in, 20 out, 25 out = 75
      const aMarch = await book('2026-03-31', W[0], a);
      expect(aMarch[0]).toBe('75');

      // back-dated into the snapshotted March: a receipt before the issue of 03-15 re-costs it
      await receive(W[0], '2026-03-10', a, '10', '40.00');
      expect(await checkSnapshots(t.ds)).toEqual([]);
      expect((await book('2026-03-31', W[0], a))[0]).toBe('85');
      expect((await book('2026-03-31', W[0], a))[1]).not.toBe(aMarch[1]);
      await sameEveryDay('2026-03-01', '2026-04-30');

      // a cancellation of the March receipt: reversing rows and corrections dated in March
      const late = await receive(W[1], '2026-03-20', c, '1', '100.00');
      await issue(W[1], '2026-03-25', c, '5');
      await t.app.services.stockDocuments.cancel(ctx, String(late.id));
      expect(await checkSnapshots(t.ds)).toEqual([]);
      await sameEveryDay('2026-03-01', '2026-04-30');

      // a transfer from March arriving in April; a receipt back-dated before it re-costs both warehouses; a new SKU's first posting in March
      await transfer(W[0], W[1], '2026-03-30', a, '10', '2026-04-02');
      await receive(W[1], '2026-03-31', b, '3', '1.11');
      await receive(W[0], '2026-03-29', a, '5', '99.00');
      expect(await checkSnapshots(t.ds)).toEqual([]);
      await sameEveryDay('2026-02-25', '2026-04-30');
      // the ledger check covers the snapshots too
      expect(await t.app.services.posting.check(method)).toEqual([]);
    });

    it('a rebuild from scratch gives the same snapshots, and a tampered one is found', async () => {
      const before = (await t.ds.query(
        'SELECT month, warehouse_id, sku_id, qty, value FROM stock_snapshot ORDER BY month, warehouse_id, sku_id',
      )) as any[];
      await inTransaction(t.ds, (tx) => writeSnapshotsThrough(tx, '2026-03-31', { rebuild: true }));
      const after = (await t.ds.query(
        'SELECT month, warehouse_id, sku_id, qty, value FROM stock_snapshot ORDER BY month, warehouse_id, sku_id',
      )) as any[];
      const norm = (rows: any[]) =>
        rows.map((r) => `${r.month} ${r.warehouse_id}:${r.sku_id} ${Number(r.qty)} ${r.value}`);
      expect(norm(after)).toEqual(norm(before));
      await t.ds.query("UPDATE stock_snapshot SET value = '1.00' WHERE month = '2026-02' AND sku_id = ?", [skus[0]]);
      const problems = await checkSnapshots(t.ds);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]).toMatch(/^snapshot 2026-02 warehouse \d+ SKU \d+: /);
      await inTransaction(t.ds, (tx) => writeSnapshotsThrough(tx, '2026-03-31', { rebuild: true }));
      expect(await checkSnapshots(t.ds)).toEqual([]);
    });
  });
}
