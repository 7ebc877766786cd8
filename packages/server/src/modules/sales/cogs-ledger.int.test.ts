import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockDocType, Warehouse } from '../stock';
import { CompanySettings } from '../system';
import { recomputeCogs } from '../../recompute-cogs';

/**
 * Issue 10: COGS and margin follow the ledger. A back-dated receipt re-costs a later shipment and
 * issue; their lines, the order's COGS and margin, the overview and the export show the ledger's
 * figure and name the documents that changed it; a cancellation and a return follow the same way.
 * Moving average, exact figures, on both databases.
 */
describe(`COGS and margin follow the ledger (${testDbKind})`, () => {
  let t: TestApp;
  let ctx: Context;
  let W: Warehouse[];
  let admin: string;
  let keeper: string;
  let channel: string;
  let customer: string;
  let n = 0;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const check = async () => expect(await t.app.services.posting.check('moving_average')).toEqual([]);

  beforeAll(async () => {
    t = await testApp();
    await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: 'moving_average' as any });
    ctx = await contextAs(t.ds, t.app.services, 'admin');
    W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    admin = await t.login('admin');
    keeper = await t.login('warehouse');
    channel = ok(
      await t.gql('mutation{ saveSalesChannel(input:{code:"CG", name:"批发", kind: OFFLINE_STORE}){ id } }', {}, admin),
    ).saveSalesChannel.id;
    customer = ok(
      await t.gql(
        'mutation{ createCustomer(input:{code:"CG-1", name:"成本客户", creditLimit:"100000.00"}){ id } }',
        {},
        admin,
      ),
    ).createCustomer.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const newSku = () => newProductSku(t.ds, `CG-${++n}`);
  const post = async (type: StockDocType, date: string, skuId: number, qty: string, unitCost?: string) => {
    const doc = await t.app.services.stockDocuments.create(ctx, {
      type,
      warehouseId: String(W[0].id),
      businessDate: date,
      lines: [{ skuId: String(skuId), qty, ...(unitCost ? { unitCost } : {}) }],
    });
    return t.app.services.stockDocuments.post(ctx, String(doc.id));
  };
  /** An order of `qty` at 20.00 dated 04-01, confirmed and shipped on `date`. */
  const sell = async (skuId: number, qty: string, date: string) => {
    const o = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
        {
          i: {
            customerId: customer,
            channelId: channel,
            warehouseId: String(W[0].id),
            orderDate: '2026-04-01',
            lines: [{ skuId: String(skuId), qty, unitPrice: '20.00' }],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: o.id }, admin));
    const s = ok(
      await t.gql(
        'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id number lines { id cogs } } }',
        { i: { orderId: o.id, businessDate: date, lines: [{ orderLineId: o.lines[0].id, qty }] } },
        admin,
      ),
    ).shipSalesOrder;
    return { orderId: o.id as string, shipment: s };
  };
  const CHANGES = 'costChanges { causeType causeNumber action causeDate delta }';
  const order = async (id: string, token = admin) =>
    t.gql(
      `query($id:ID!){ salesOrder(id:$id){ cogs margin ${CHANGES} lines { cogs margin ${CHANGES} } } }`,
      { id },
      token,
    );
  const shipment = async (id: string) =>
    ok(await t.gql(`query($id:ID!){ salesShipment(id:$id){ lines { cogs ${CHANGES} } } }`, { id }, admin)).salesShipment
      .lines[0];
  const docLine = async (id: number) =>
    ok(
      await t.gql(
        `query($id:ID!){ stockDocument(id:$id){ lines { value unitCost ${CHANGES} } } }`,
        { id: String(id) },
        admin,
      ),
    ).stockDocument.lines[0];

  it('a back-dated receipt re-costs the shipment, the order and the issue: 1340.00 and margin 1060.00, naming the receipt; its cancellation puts back 1320.00 / 1080.00', async () => {
    const sku = await newSku();
    await post(StockDocType.OTHER_IN, '2026-04-01', sku.id, '100', '10.00');
    await post(StockDocType.OTHER_IN, '2026-04-02', sku.id, '50', '13.00');
    const sold = await sell(sku.id, '120', '2026-04-05');
    // 120 × 1650 / 150 = 1320.00; revenue 120 × 20.00 = 2400.00
    expect(sold.shipment.lines[0].cogs).toBe('1320.00');
    expect(ok(await order(sold.orderId)).salesOrder).toMatchObject({ cogs: '1320.00', margin: '1080.00' });

    const late = await post(StockDocType.OTHER_IN, '2026-04-03', sku.id, '30', '12.00');
    // 120 × (1650 + 360) / 180 = 1340.00
    const change = { causeType: 'other_in', causeNumber: late.number, action: 'POST', causeDate: '2026-04-03' };
    expect(ok(await order(sold.orderId)).salesOrder).toEqual({
      cogs: '1340.00',
      margin: '1060.00',
      costChanges: [{ ...change, delta: '20.00' }],
      lines: [{ cogs: '1340.00', margin: '1060.00', costChanges: [{ ...change, delta: '20.00' }] }],
    });
    expect(await shipment(sold.shipment.id)).toEqual({ cogs: '1340.00', costChanges: [{ ...change, delta: '20.00' }] });
    // the stock card and the period's cost of goods issued agree
    const card = ok(
      await t.gql(
        'query($w:ID!,$s:ID!){ stockCard(warehouseId:$w, skuId:$s){ rows { value } closingQty closingValue } }',
        { w: String(W[0].id), s: String(sku.id) },
        admin,
      ),
    ).stockCard;
    expect([card.closingQty, card.closingValue]).toEqual(['60', '670.00']);
    // the overview and the export read the same figures
    const overview = ok(
      await t.gql('query{ salesOverview(from:"2026-04-01", to:"2026-04-30"){ revenue cogs margin } }', {}, admin),
    ).salesOverview;
    expect(overview).toEqual({ revenue: '2400.00', cogs: '1340.00', margin: '1060.00' });
    const csv = ok(await t.gql('query{ exportSalesOrders{ content } }', {}, admin)).exportSalesOrders.content as string;
    expect(csv).toMatch(/1340\.00.*1060\.00/);
    // without sales.margin.read the changes are hidden like the figures
    const hidden = await order(sold.orderId, keeper);
    expect(ok(hidden).salesOrder).toMatchObject({ cogs: null, margin: null, costChanges: null });
    expect((hidden as any).extensions?.hiddenFields).toContain('SalesOrder.costChanges');
    await check();

    await t.app.services.stockDocuments.cancel(ctx, String(late.id));
    const undo = { ...change, action: 'CANCEL' };
    expect(ok(await order(sold.orderId)).salesOrder).toEqual({
      cogs: '1320.00',
      margin: '1080.00',
      costChanges: [
        { ...change, delta: '20.00' },
        { ...undo, delta: '-20.00' },
      ],
      lines: [
        {
          cogs: '1320.00',
          margin: '1080.00',
          costChanges: [
            { ...change, delta: '20.00' },
            { ...undo, delta: '-20.00' },
          ],
        },
      ],
    });
    expect((await shipment(sold.shipment.id)).cogs).toBe('1320.00');
    await check();
  });

  it("an issue's document line shows the re-costed value, naming the receipt", async () => {
    const sku = await newSku();
    await post(StockDocType.OTHER_IN, '2026-04-01', sku.id, '100', '10.00');
    await post(StockDocType.OTHER_IN, '2026-04-02', sku.id, '50', '13.00');
    const out = await post(StockDocType.OTHER_OUT, '2026-04-05', sku.id, '120');
    expect(await docLine(out.id)).toEqual({ value: '-1320.00', unitCost: '11.000000', costChanges: [] });
    const late = await post(StockDocType.OTHER_IN, '2026-04-03', sku.id, '30', '12.00');
    expect(await docLine(out.id)).toEqual({
      value: '-1340.00',
      unitCost: '11.166667',
      costChanges: [
        { causeType: 'other_in', causeNumber: late.number, action: 'POST', causeDate: '2026-04-03', delta: '-20.00' },
      ],
    });
    await check();
  });

  it("a return's restocked cost follows the re-costed shipment, and so do the order's COGS and margin", async () => {
    const sku = await newSku();
    await post(StockDocType.OTHER_IN, '2026-04-01', sku.id, '100', '10.00');
    await post(StockDocType.OTHER_IN, '2026-04-02', sku.id, '50', '13.00');
    const sold = await sell(sku.id, '120', '2026-04-05');
    const ret = ok(
      await t.gql(
        'mutation($i:SalesReturnInput!){ returnSalesGoods(input:$i){ id number credit lines { restockedCost } } }',
        {
          i: {
            shipmentId: sold.shipment.id,
            businessDate: '2026-04-06',
            reason: 'DEFECTIVE',
            resolution: 'REFUND',
            lines: [{ shipmentLineId: sold.shipment.lines[0].id, qty: '20', disposition: 'RESTOCK' }],
          },
        },
        admin,
      ),
    ).returnSalesGoods;
    // 20 of 120 back at the cost they left with: 1320.00 × 20 / 120 = 220.00; credit 400.00
    expect(ret.lines[0].restockedCost).toBe('220.00');
    expect(ok(await order(sold.orderId)).salesOrder).toMatchObject({ cogs: '1100.00', margin: '900.00' });
    const late = await post(StockDocType.OTHER_IN, '2026-04-03', sku.id, '30', '12.00');
    // shipped 1340.00, the 20 back at 1340.00 × 20 / 120 = 223.33: COGS 1116.67, margin 2000.00 − 1116.67
    const o = ok(await order(sold.orderId)).salesOrder;
    expect([o.cogs, o.margin]).toEqual(['1116.67', '883.33']);
    const change = { causeType: 'other_in', causeNumber: late.number, action: 'POST', causeDate: '2026-04-03' };
    expect(o.costChanges).toEqual([{ ...change, delta: '16.67' }]);
    const r = ok(
      await t.gql(
        `query($o:ID!){ salesReturns(orderId:$o){ items { lines { restockedCost ${CHANGES} } } } }`,
        { o: sold.orderId },
        admin,
      ),
    ).salesReturns.items[0].lines[0];
    expect(r).toEqual({ restockedCost: '223.33', costChanges: [{ ...change, delta: '3.33' }] });
    await check();
  });

  it('recompute-cogs sets the stored figures of a database from before to the ledger’s, once', async () => {
    const none = { stockDocumentLines: 0, shipmentLines: 0, returnLines: 0, orderLines: 0, orders: 0 };
    // everything posted so far (the demo and the tests above) followed the ledger already
    expect(await recomputeCogs(t.ds, { dryRun: true })).toEqual(none);
    const sku = await newSku();
    await post(StockDocType.OTHER_IN, '2026-04-01', sku.id, '100', '10.00');
    await post(StockDocType.OTHER_IN, '2026-04-02', sku.id, '50', '13.00');
    const sold = await sell(sku.id, '120', '2026-04-05');
    const ret = ok(
      await t.gql(
        'mutation($i:SalesReturnInput!){ returnSalesGoods(input:$i){ id lines { id restockedCost } } }',
        {
          i: {
            shipmentId: sold.shipment.id,
            businessDate: '2026-04-06',
            reason: 'DEFECTIVE',
            resolution: 'REFUND',
            lines: [{ shipmentLineId: sold.shipment.lines[0].id, qty: '20', disposition: 'RESTOCK' }],
          },
        },
        admin,
      ),
    ).returnSalesGoods;
    const issue = await post(StockDocType.OTHER_OUT, '2026-04-07', sku.id, '10');
    const figures = async () => {
      const o = ok(await order(sold.orderId)).salesOrder;
      const r = ok(
        await t.gql(
          'query($o:ID!){ salesReturns(orderId:$o){ items { lines { restockedCost } } } }',
          { o: sold.orderId },
          admin,
        ),
      ).salesReturns.items[0].lines[0];
      const d = await docLine(issue.id);
      return {
        order: [o.cogs, o.margin],
        line: [o.lines[0].cogs, o.lines[0].margin],
        shipment: (await shipment(sold.shipment.id)).cogs,
        restocked: r.restockedCost,
        issue: [d.value, d.unitCost],
      };
    };
    // 120 leave at 11.00; 20 come back at 220.00; the issue of 10 takes 50 @ 11.00
    const before = await figures();
    expect(before).toEqual({
      order: ['1100.00', '900.00'],
      line: ['1100.00', '900.00'],
      shipment: '1320.00',
      restocked: '220.00',
      issue: ['-110.00', '11.000000'],
    });
    await post(StockDocType.OTHER_IN, '2026-04-03', sku.id, '30', '12.00');
    // shipped 1340.00, 223.33 back: COGS 1116.67; the issue 10 × 893.33 / 80 = 111.67
    const after = {
      order: ['1116.67', '883.33'],
      line: ['1116.67', '883.33'],
      shipment: '1340.00',
      restocked: '223.33',
      issue: ['-111.67', '11.167000'],
    };
    expect(await figures()).toEqual(after);
    expect(await recomputeCogs(t.ds, { dryRun: true })).toEqual(none);

    // a database from before: the re-costs are in the ledger, the stored figures stayed at posting time
    await t.ds.query('UPDATE sales_order SET cogs = ?, margin = ? WHERE id = ?', ['1100.00', '900.00', sold.orderId]);
    await t.ds.query('UPDATE sales_order_line SET cogs = ?, margin = ? WHERE order_id = ?', [
      '1100.00',
      '900.00',
      sold.orderId,
    ]);
    await t.ds.query('UPDATE sales_shipment_line SET cogs = ? WHERE id = ?', ['1320.00', sold.shipment.lines[0].id]);
    await t.ds.query('UPDATE sales_return_line SET restocked_cost = ? WHERE id = ?', ['220.00', ret.lines[0].id]);
    await t.ds.query('UPDATE stock_document_line SET value = ?, unit_cost = ? WHERE document_id = ?', [
      '-110.00',
      '11.000000',
      issue.id,
    ]);
    expect(await figures()).toEqual(before);
    const stale = { stockDocumentLines: 1, shipmentLines: 1, returnLines: 1, orderLines: 1, orders: 1 };
    // a dry run only counts
    expect(await recomputeCogs(t.ds, { dryRun: true })).toEqual(stale);
    expect(await figures()).toEqual(before);
    expect(await recomputeCogs(t.ds)).toEqual(stale);
    expect(await figures()).toEqual(after);
    expect(await recomputeCogs(t.ds)).toEqual(none);
    await check();
  });
});
