import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import { Sku } from '../catalog';
import { StockDocType, Warehouse } from '../stock';
import { CompanySettings } from '../system';
import { User } from '../auth';

/**
 * Issue 15: the workbench per position on 2026-11-25 (moving average):
 *   10-31 W1 A in 100 @ 10.00 (last month's closing stock 1000.00); 11-03 W1 A in 50 @ 12.00
 *   11-10 order of C1 (the salesperson's customer) 10 @ 30.00 shipped: COGS 10 × 1600 / 150 = 106.67
 *   an order of C2 confirmed (to ship), an order of C1 in draft; C1's birthday on 11-27
 */
describe(`workbench per position (${testDbKind})`, () => {
  let t: TestApp;
  let ctx: Context;
  let W: Warehouse[];
  let admin: string;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const Q = `{ workbench { sections today cards { section key kind value detail link } series { section key kind link points { key label value value2 } } } }`;
  const bench = async (user: string) => ok(await t.gql(Q, {}, await t.login(user))).workbench;
  const figures = (wb: any, section: string) =>
    Object.fromEntries(
      wb.cards.filter((c: any) => c.section === section).map((c: any) => [c.key, [c.value, c.detail]]),
    );

  beforeAll(async () => {
    t = await testApp();
    await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: 'moving_average' as any });
    ctx = await contextAs(t.ds, t.app.services, 'admin');
    W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    admin = await t.login('admin');
    const seller = await t.ds.getRepository(User).findOneByOrFail({ username: 'sales' });
    const channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"WB", name:"工作台渠道", kind: OFFLINE_STORE}){ id } }',
        {},
        admin,
      ),
    ).saveSalesChannel.id;
    const customer = async (code: string, extra: Record<string, unknown>) =>
      ok(
        await t.gql(
          'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
          { i: { code, name: `客户${code}`, creditLimit: '5000.00', ...extra } },
          admin,
        ),
      ).createCustomer.id as string;
    const c1 = await customer('WB-1', { ownerId: String(seller.id), birthday: '1990-11-27' });
    const c2 = await customer('WB-2', {});
    const A = (await newProductSku(t.ds, 'WB-A')).id;
    for (const [date, qty, cost] of [
      ['2026-10-31', '100', '10.00'],
      ['2026-11-03', '50', '12.00'],
    ]) {
      const doc = await t.app.services.stockDocuments.create(ctx, {
        type: StockDocType.OTHER_IN,
        warehouseId: String(W[0].id),
        businessDate: date,
        lines: [{ skuId: String(A), qty, unitCost: cost }],
      });
      await t.app.services.stockDocuments.post(ctx, String(doc.id));
    }
    const order = async (customerId: string, qty: string) =>
      ok(
        await t.gql(
          'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
          {
            i: {
              customerId,
              channelId: channel,
              warehouseId: String(W[0].id),
              orderDate: '2026-11-10',
              lines: [{ skuId: String(A), qty, unitPrice: '30.00' }],
            },
          },
          admin,
        ),
      ).createSalesOrder;
    const confirm = (id: string) => t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id }, admin);
    const o1 = await order(c1, '10');
    ok(await confirm(o1.id));
    ok(
      await t.gql(
        'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id } }',
        { i: { orderId: o1.id, businessDate: '2026-11-10', lines: [{ orderLineId: o1.lines[0].id, qty: '10' }] } },
        admin,
      ),
    );
    ok(await confirm((await order(c2, '5')).id));
    await order(c1, '3');
  });
  afterAll(async () => {
    await t.close();
  });

  it("the accountant's: stock value and its change this month, COGS and margin, receivables, payables", async () => {
    const wb = await bench('accountant');
    expect(wb.sections).toEqual(['ACCOUNTANT']);
    expect(wb.today).toBe('2026-11-25');
    expect(figures(wb, 'ACCOUNTANT')).toEqual({
      stockValue: ['1493.33', '493.33'],
      monthCogs: ['106.67', null],
      monthMargin: ['193.33', '64.44'],
      receivables: ['0.00', '0.00'],
      payables: ['0.00', '0.00'],
      receiptsToInvoice: ['0', null],
      closedThrough: [null, null],
    });
    const chart = wb.series.find((s: any) => s.key === 'stockByWarehouse');
    expect(chart.points.map((p: any) => [p.key, p.value, p.value2])).toEqual([[String(W[0].id), '1493.33', '1000.00']]);
    expect(wb.cards.find((c: any) => c.key === 'monthMargin').link).toBe(
      '/analytics?from=2026-11-01&to=2026-11-25&d1=WAREHOUSE&d2=SKU',
    );
  });

  it("the salesperson's: their own orders by state, birthdays this week, their month's revenue; no cost", async () => {
    const wb = await bench('sales');
    expect(wb.sections).toEqual(['SALES']);
    expect(figures(wb, 'SALES')).toEqual({
      orders_draft: ['1', null],
      orders_pending_price_approval: ['0', null],
      // the confirmed order is C2's, not theirs
      orders_confirmed: ['0', null],
      orders_partly_shipped: ['0', null],
      customersOverdue: ['0', '0.00'],
      creditNearFull: ['0', null],
      birthdaysWeek: ['1', null],
      myMonthRevenue: ['300.00', null],
    });
    expect(wb.cards.find((c: any) => c.key === 'orders_draft').link).toBe('/sales/orders?status=draft');
    expect(wb.series).toEqual([]);
  });

  it("the keeper's: work to do and no money at all", async () => {
    const wb = await bench('warehouse');
    expect(wb.sections).toEqual(['KEEPER']);
    expect(figures(wb, 'KEEPER')).toEqual({
      toReceive: ['0', null],
      toShip: ['1', null],
      inTransit: ['0', null],
      nearExpiry: ['0', null],
      countsOpen: ['0', null],
      alertsUnread: ['0', null],
    });
    expect(wb.cards.every((c: any) => c.kind === 'COUNT')).toBe(true);
    expect(wb.cards.find((c: any) => c.key === 'toShip').link).toBe('/sales/orders?status=confirmed');
  });

  it("the purchaser's and the manager's: orders to decide and the staff league table", async () => {
    const p = await bench('purchaser');
    expect(p.sections).toEqual(['PURCHASER']);
    expect(Object.keys(figures(p, 'PURCHASER'))).toEqual([
      'ordersAwaitingMe',
      'ordersSubmitted',
      'ordersAtSupplier',
      'receiptsLate',
      'receiptsDueWeek',
      'toOrder',
      'qualificationsLapsing',
      'suppliersFlagged',
    ]);
    const toOrder = (wb: any) => wb.cards.find((c: any) => c.key === 'toOrder');
    // no suggestion computed today: no figure (the card says so), the page opens on "needs ordering"
    expect([toOrder(p).value, toOrder(p).detail, toOrder(p).link]).toEqual([
      null,
      null,
      '/purchasing/replenishment?onlyToOrder=1',
    ]);
  });

  it("the purchaser's suggestions to order: today's stored suggestions, valued at the supplier's agreed price", async () => {
    const purchaser = await t.login('purchaser');
    const A = await t.ds.getRepository(Sku).findOneByOrFail({ code: 'WB-A-1' });
    const S = ok(
      await t.gql(
        'mutation{ createSupplier(input:{code:"WB-S", name:"工作台供应商", status: APPROVED, leadTimeDays: 5}){ id } }',
        {},
        purchaser,
      ),
    ).createSupplier.id;
    ok(
      await t.gql(
        'mutation($i:AddSupplierPriceInput!){ addSupplierPrice(input:$i){ id } }',
        {
          i: {
            supplierId: S,
            skuId: String(A.id),
            price: '8.50',
            validFrom: '2026-01-01',
            packSize: '12',
            minOrderQty: '24',
          },
        },
        purchaser,
      ),
    );
    // A in W1: 140 on hand, 5 reserved; a fixed safety stock of 300 and 2.7456 of demand over the lead time:
    // 167.7456 short, 168 to order (14 packs of 12) at 8.50 = 1428.00
    const FIX =
      'mutation($w:ID!,$s:ID!,$q:Decimal){ setFixedSafetyStock(input:{ warehouseId:$w, skuId:$s, qty:$q }){ qty } }';
    ok(await t.gql(FIX, { w: String(W[0].id), s: String(A.id), q: '300' }, purchaser));
    const rs = t.app.services.replenishment;
    const page = await rs.page(W[0].id, { onlyToOrder: true });
    await rs.stored();
    expect(page.items.map((i) => [i.skuCode, i.suggested, i.supplierName])).toEqual([
      ['WB-A-1', '168', '工作台供应商'],
    ]);
    const p = await bench('purchaser');
    const card = p.cards.find((c: any) => c.key === 'toOrder');
    expect([card.value, card.detail, card.link]).toEqual([
      '1',
      '1428.00',
      `/purchasing/replenishment?onlyToOrder=1&warehouseId=${W[0].id}`,
    ]);
    // without supplier prices (the salesperson has no purchaser section; a keeper neither): the count only
    const noPrice = await contextAs(t.ds, t.app.services, 'purchaser');
    noPrice.user!.permissions.delete('purchasing.supplier.price.read' as any);
    const wb = await t.app.services.workbench.build(noPrice);
    expect(wb.cards.find((c) => c.key === 'toOrder')).toMatchObject({ value: '1', detail: null });
    // another day's stored suggestions do not count: none computed on the day after
    expect(await rs.storedToOrder(null, '2026-11-26')).toEqual([]);
    const m = await bench('manager');
    expect(m.sections).toEqual(['MANAGER', 'ACCOUNTANT', 'PURCHASER', 'SALES', 'KEEPER']);
    expect(figures(m, 'MANAGER')).toEqual({ approvalsWaiting: ['0', null] });
    // company level: both confirmed orders' customers count for the manager
    expect(figures(m, 'SALES').orders_confirmed).toEqual(['1', null]);
    const league = m.series.find((s: any) => s.key === 'staffLeague');
    expect(league.points.map((x: any) => [x.value, x.value2])).toEqual([['300.00', '193.33']]);
  });
});
