import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRole, addUser, newProductSku } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { exportedFile, exportListAs } from '../../test/list-export';
import { User } from '../auth';
import { Warehouse } from '../stock';

/**
 * Issue 15: a purchaser's prices in November 2026 against the agreed price (供货协议价, as each order
 * line took it on its order date) and against the last price paid (the SKU's latest earlier order):
 *   supplier PP agrees A at 10.00 from 10-01 (nothing for B)
 *   10-20 order O1: A 5 @ 9.50                        (October: only a last price for later)
 *   11-03 order O2: A 10 @ 10.50 (agreed 10.00, last 9.50), B 4 @ 20.00 (no agreement, never bought)
 *   11-10 order O3: B 6 @ 18.00 (last 20.00), A 2 without a price → 10.00 agreed (last 10.50)
 *   11-12 a draft A 1 @ 1.00 (neither counted nor a last price)
 * → against agreed: lines 2, paid 105 + 20 = 125 vs 100 + 20 = 120: +5.00, +4.17 %
 * → against last: lines 3, paid 105 + 108 + 20 = 233 vs 95 + 120 + 21 = 236: −3.00, −1.27 %
 */
describe(`purchaser prices against agreed and last price (${testDbKind})`, () => {
  let t: TestApp;
  let buyer: User;
  let tok: Record<string, string> = {};
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const Q = `query($f:String!,$t:String!){ staffPerformance(from:$f,to:$t){
    purchasing { userId orders agreedLines overAgreed vsAgreedPct lastPricedLines overLast vsLastPct } } }`;
  const LINES = `query($u:ID!,$f:String!,$t:String!){ purchasePriceLines(userId:$u, from:$f, to:$t){
    orderNumber orderDate supplier sku qty price agreedPrice overAgreed lastPrice lastOrderNumber overLast } }`;
  const nov = { f: '2026-11-01', t: '2026-11-30' };

  beforeAll(async () => {
    t = await testApp();
    tok = { purchaser: await t.login('purchaser'), manager: await t.login('manager') };
    buyer = await t.ds.getRepository(User).findOneByOrFail({ username: 'purchaser' });
    // who reads staff figures but no purchase prices
    await addRole(t.ds, 'staff-viewer', ['report.staff.read']);
    await addUser(t.ds, 'viewer', ['staff-viewer']);
    tok.viewer = await t.login('viewer');
    const W = (await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } }))[0];
    const A = String((await newProductSku(t.ds, 'PP-A')).id);
    const B = String((await newProductSku(t.ds, 'PP-B')).id);
    const S = ok(
      await t.gql(
        'mutation($i:CreateSupplierInput!){ createSupplier(input:$i){ id } }',
        { i: { code: 'PP', name: '协议供应商', status: 'APPROVED' } },
        tok.purchaser,
      ),
    ).createSupplier.id;
    ok(
      await t.gql(
        'mutation($i:AddSupplierPriceInput!){ addSupplierPrice(input:$i){ id } }',
        { i: { supplierId: S, skuId: A, price: '10.00', validFrom: '2026-10-01' } },
        tok.purchaser,
      ),
    );
    const order = async (orderDate: string, lines: object[], submit = true) => {
      const o = ok(
        await t.gql(
          'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id } }',
          { i: { supplierId: S, warehouseId: String(W.id), orderDate, lines } },
          tok.purchaser,
        ),
      ).createPurchaseOrder.id;
      if (submit) ok(await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ id } }', { id: o }, tok.purchaser));
    };
    await order('2026-10-20', [{ skuId: A, qty: '5', price: '9.50' }]);
    await order('2026-11-03', [
      { skuId: A, qty: '10', price: '10.50' },
      { skuId: B, qty: '4', price: '20.00' },
    ]);
    await order('2026-11-10', [
      { skuId: B, qty: '6', price: '18.00' },
      { skuId: A, qty: '2' },
    ]);
    await order('2026-11-12', [{ skuId: A, qty: '1', price: '1.00' }], false);
  });
  afterAll(() => t.close());

  it('gives each purchaser their prices against the agreements and the last prices paid', async () => {
    const rows = ok(await t.gql(Q, nov, tok.manager)).staffPerformance.purchasing;
    expect(rows.find((r: any) => r.userId === String(buyer.id))).toEqual({
      userId: String(buyer.id),
      orders: 2,
      agreedLines: 2,
      overAgreed: '5.00',
      vsAgreedPct: '4.17',
      lastPricedLines: 3,
      overLast: '-3.00',
      vsLastPct: '-1.27',
    });
    // the purchaser sees their own
    const own = ok(await t.gql(Q, nov, tok.purchaser)).staffPerformance.purchasing;
    expect(own.map((r: any) => [r.userId, r.overAgreed, r.overLast])).toEqual([[String(buyer.id), '5.00', '-3.00']]);
    // October alone: one line, nothing bought before it; A's agreement 10.00 against 9.50 paid
    const oct = ok(await t.gql(Q, { f: '2026-10-01', t: '2026-10-31' }, tok.manager)).staffPerformance.purchasing;
    expect(oct.find((r: any) => r.userId === String(buyer.id))).toMatchObject({
      agreedLines: 1,
      overAgreed: '-2.50',
      vsAgreedPct: '-5.00',
      lastPricedLines: 0,
      overLast: '0.00',
      vsLastPct: null,
    });
  });

  it('exports the purchasing table of the page’s period; price figures only with their permissions', async () => {
    const cols: Array<[string, string]> = [
      ['name', '人员'],
      ['orders', '订单'],
      ['received', '已收货'],
      ['onTime', '准时'],
      ['onTimeRate', '准时率'],
      ['cycleDays', '周期（天）'],
      ['overAgreed', '高于协议价'],
      ['vsAgreedPct', '对协议价 %'],
      ['overLast', '高于上次价'],
      ['vsLastPct', '对上次价 %'],
    ];
    const period = { from: nov.f, to: nov.t };
    const manager = await exportedFile(t, tok.manager, 'staffPurchasing', cols, period);
    expect(manager.hidden).toBeUndefined();
    // two orders, none received yet (no on-time rate or cycle): empty cells
    const row = ['purchaser 赵采购 Zhao', '2', '0', '0', '', '', '5.00', '4.17', '-3.00', '-1.27'];
    expect(manager.rows).toEqual([cols.map(([, h]) => h), row]);
    const viewer = await exportedFile(t, tok.viewer, 'staffPurchasing', cols, period);
    expect(viewer.columns).toEqual(['name', 'orders', 'received', 'onTime', 'onTimeRate', 'cycleDays']);
    expect(viewer.rows).toEqual([cols.slice(0, 6).map(([, h]) => h), row.slice(0, 4)]);
    // the purchaser: their own row only
    expect((await exportedFile(t, tok.purchaser, 'staffPurchasing', cols, period)).rows.slice(1)).toEqual([row]);
    expect(codeOf(await exportListAs(t, tok.manager, 'staffPurchasing', cols, { from: nov.f }))).toBe('BAD_USER_INPUT');
  });

  it('drills from the figures to the order lines behind them', async () => {
    const lines = ok(await t.gql(LINES, { u: String(buyer.id), ...nov }, tok.manager)).purchasePriceLines;
    const numbers = lines.map((l: any) => l.orderNumber);
    expect(new Set(numbers).size).toBe(2);
    expect(
      lines.map((l: any) => [
        l.orderDate,
        l.sku,
        l.qty,
        l.price,
        l.agreedPrice,
        l.overAgreed,
        l.lastPrice,
        l.overLast,
        l.supplier,
      ]),
    ).toEqual([
      ['2026-11-03', 'PP-A-1 PP-A', '10', '10.5', '10', '5.00', '9.5', '10.00', 'PP 协议供应商'],
      ['2026-11-03', 'PP-B-1 PP-B', '4', '20', null, null, null, null, 'PP 协议供应商'],
      ['2026-11-10', 'PP-B-1 PP-B', '6', '18', null, null, '20', '-12.00', 'PP 协议供应商'],
      ['2026-11-10', 'PP-A-1 PP-A', '2', '10', '10', '0.00', '10.5', '-1.00', 'PP 协议供应商'],
    ]);
    // the last prices name the orders they come from
    expect(lines.map((l: any) => l.lastOrderNumber)).toEqual([expect.any(String), null, numbers[0], numbers[0]]);
    // the sums of the lines are the figures
    const sum = (k: string) => lines.reduce((a: Decimal, l: any) => a.plus(l[k] ?? 0), new Decimal(0)).toFixed(2);
    expect(sum('overAgreed')).toBe('5.00');
    expect(sum('overLast')).toBe('-3.00');
  });

  it('shows the prices only with their permissions, and one’s own lines only', async () => {
    const r = await t.gql<any>(Q, nov, tok.viewer);
    const row = r.data!.staffPerformance.purchasing.find((x: any) => x.userId === String(buyer.id));
    expect(row).toEqual({
      userId: String(buyer.id),
      orders: 2,
      agreedLines: 2,
      overAgreed: null,
      vsAgreedPct: null,
      lastPricedLines: 3,
      overLast: null,
      vsLastPct: null,
    });
    expect([...(r.extensions!.hiddenFields as string[])].sort()).toEqual([
      'PurchasingStaffRow.overAgreed',
      'PurchasingStaffRow.overLast',
      'PurchasingStaffRow.vsAgreedPct',
      'PurchasingStaffRow.vsLastPct',
    ]);
    const lines = await t.gql<any>(LINES, { u: String(buyer.id), ...nov }, tok.viewer);
    expect(lines.data!.purchasePriceLines.every((l: any) => l.price === null && l.agreedPrice === null)).toBe(true);
    // a keeper without report.staff.read sees no one else's lines
    const keeper = await t.login('warehouse');
    expect(ok(await t.gql(LINES, { u: String(buyer.id), ...nov }, keeper)).purchasePriceLines).toEqual([]);
  });
});
