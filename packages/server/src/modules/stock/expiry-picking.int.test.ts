import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { Sku } from '../catalog';
import { CompanySettings } from '../system';
import { StockDocType } from './stock-document.entity';
import { Warehouse } from './warehouse.entity';

/**
 * Issue 10: picking, expiry and cost layers. A sale never takes an expired batch (FEFO skips it,
 * STOCK_EXPIRED when only expired stock is left); expired stock may still be scrapped; the pick
 * strategy is set per warehouse and per SKU; under FIFO the cost that leaves is the cost of the
 * batches picked (layers per batch); a short-dated receipt needs a reason. Exact figures.
 */
describe(`picking, expiry and FIFO layers per batch (${testDbKind})`, () => {
  let t: TestApp;
  let ctx: Context;
  let W: Warehouse[];
  let admin: string;
  let channel: string;
  let customer: string;
  let n = 0;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const check = async () => expect(await t.app.services.posting.check('fifo')).toEqual([]);

  beforeAll(async () => {
    t = await testApp();
    await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: 'fifo' as any });
    ctx = await contextAs(t.ds, t.app.services, 'admin');
    W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    admin = await t.login('admin');
    channel = ok(
      await t.gql('mutation{ saveSalesChannel(input:{code:"EX", name:"批发", kind: OFFLINE_STORE}){ id } }', {}, admin),
    ).saveSalesChannel.id;
    customer = ok(
      await t.gql(
        'mutation{ createCustomer(input:{code:"EX-1", name:"效期客户", creditLimit:"100000.00"}){ id } }',
        {},
        admin,
      ),
    ).createCustomer.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const newSku = () => newProductSku(t.ds, `EX-${++n}`, { baseUnit: '盒', shelfLifeDays: 60, batchTracked: true });
  type Line = { batchNo: string; expiryDate?: string; qty: string; unitCost?: string; expiryReason?: string };
  const post = async (type: StockDocType, w: Warehouse, date: string, skuId: number, lines: Line[], demand = false) => {
    const doc = await t.app.services.stockDocuments.create(ctx, {
      type,
      warehouseId: String(w.id),
      businessDate: date,
      countsAsDemand: demand,
      lines: lines.map((l) => ({ skuId: String(skuId), ...l })),
    });
    return t.app.services.stockDocuments.post(ctx, String(doc.id));
  };
  /** P0 10 @ 10.00 (expires 2026-12-04), P1 10 @ 11.00 (2027-01-31), P2 10 @ 12.00 (2026-12-20), received in that order. */
  const stock = async (w: Warehouse) => {
    const sku = await newSku();
    await post(StockDocType.OTHER_IN, w, '2026-11-01', sku.id, [
      { batchNo: 'P0', expiryDate: '2026-12-04', qty: '10', unitCost: '10.00' },
    ]);
    await post(StockDocType.OTHER_IN, w, '2026-11-02', sku.id, [
      { batchNo: 'P1', expiryDate: '2027-01-31', qty: '10', unitCost: '11.00' },
    ]);
    await post(StockDocType.OTHER_IN, w, '2026-11-03', sku.id, [
      { batchNo: 'P2', expiryDate: '2026-12-20', qty: '10', unitCost: '12.00' },
    ]);
    return sku;
  };
  const order = async (w: Warehouse, skuId: number, qty: string) => {
    const o = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
        {
          i: {
            customerId: customer,
            channelId: channel,
            warehouseId: String(w.id),
            orderDate: '2026-11-20',
            lines: [{ skuId: String(skuId), qty, unitPrice: '20.00' }],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: o.id }, admin));
    return o;
  };
  const ship = (o: any, qty: string, date: string) =>
    t.gql(
      'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ lines { cogs picks { batchNo qty } } } }',
      { i: { orderId: o.id, businessDate: date, lines: [{ orderLineId: o.lines[0].id, qty }] } },
      admin,
    );

  it('FEFO never picks an expired batch for a sale; only expired stock left is STOCK_EXPIRED; it can still be scrapped', async () => {
    const sku = await stock(W[0]);
    // FEFO among the valid batches on 2026-12-05: P2 (2026-12-20), then P1; costed from those very batches
    const o = await order(W[0], sku.id, '20');
    const s = ok(await ship(o, '20', '2026-12-05')).shipSalesOrder.lines[0];
    expect(s.picks).toEqual([
      { batchNo: 'P2', qty: '10' },
      { batchNo: 'P1', qty: '10' },
    ]);
    expect(s.cogs).toBe('230.00'); // 10 × 12.00 + 10 × 11.00
    // only P0 is left, expired since 2026-12-04: a sale is refused
    const o2 = await order(W[0], sku.id, '5');
    const refused = await ship(o2, '5', '2026-12-05');
    expect(codeOf(refused)).toBe('STOCK_EXPIRED');
    expect(refused.errors![0].message).toBe(
      'Expired stock cannot be sold or sent to a customer — line 1: 10 expired (batch P0 expired 2026-12-04). Scrap it, return it to the supplier or move it to a quarantine bin.',
    );
    ok(await t.gql('mutation($id:ID!){ cancelSalesOrder(id:$id){ id } }', { id: o2.id }, admin));
    // scrapping the expired batch is allowed, at its own cost
    const scrap = await post(StockDocType.OTHER_OUT, W[0], '2026-12-05', sku.id, [{ batchNo: 'P0', qty: '10' }]);
    const lines = await t.app.services.stockDocuments.lines([scrap.id]);
    expect(lines[0].value).toBe('-100.00');
    await check();
  });

  it('under FIFO costing the cost that leaves is that of the batches picked (layers per batch)', async () => {
    const sku = await stock(W[0]);
    const o = await order(W[0], sku.id, '15');
    // on 2026-12-01 FEFO picks P0 then P2: 10 × 10.00 + 5 × 12.00 (not P0 and P1's 155.00)
    const s = ok(await ship(o, '15', '2026-12-01')).shipSalesOrder.lines[0];
    expect(s.picks).toEqual([
      { batchNo: 'P0', qty: '10' },
      { batchNo: 'P2', qty: '5' },
    ]);
    expect(s.cogs).toBe('160.00');
    // what is left is P1 10 @ 11.00 and P2 5 @ 12.00
    const card = await t.app.services.stockReports.stockCard(ctx, String(W[0].id), String(sku.id));
    expect([card.closingQty, card.closingValue]).toEqual(['15', '170.00']);
    await check();
  });

  it('the pick strategy is a warehouse setting with a per-SKU override; FIFO by receipt still skips expired batches', async () => {
    const w = ok(
      await t.gql(
        'mutation($i:UpdateWarehouseInput!){ updateWarehouse(input:$i){ id pickStrategy } }',
        { i: { id: String(W[1].id), version: W[1].version, pickStrategy: 'FIFO' } },
        admin,
      ),
    ).updateWarehouse;
    expect(w.pickStrategy).toBe('FIFO');
    const sku = await stock(W[1]);
    const o = await order(W[1], sku.id, '12');
    // FIFO by receipt: P0 first but expired on 12-05, so P1, then P2
    const s = ok(await ship(o, '12', '2026-12-05')).shipSalesOrder.lines[0];
    expect(s.picks).toEqual([
      { batchNo: 'P1', qty: '10' },
      { batchNo: 'P2', qty: '2' },
    ]);
    expect(s.cogs).toBe('134.00'); // 10 × 11.00 + 2 × 12.00
    // a SKU set to FEFO picks by expiry in that FIFO warehouse
    const other = await stock(W[1]);
    await t.ds.getRepository(Sku).update({ id: other.id }, { pickStrategy: 'fefo' as any });
    const o2 = await order(W[1], other.id, '12');
    const s2 = ok(await ship(o2, '12', '2026-12-01')).shipSalesOrder.lines[0];
    expect(s2.picks).toEqual([
      { batchNo: 'P0', qty: '10' },
      { batchNo: 'P2', qty: '2' },
    ]);
    expect(s2.cogs).toBe('124.00');
    await check();
  });

  it('receiving a short-dated or expired batch needs a reason; the stock levels show expired stock', async () => {
    const sku = await newSku();
    const doc = ok(
      await t.gql(
        'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: String(W[0].id),
            businessDate: '2026-11-10',
            lines: [
              { skuId: String(sku.id), qty: '4', unitCost: '10.00', batchNo: 'X1', expiryDate: '2026-11-20' },
              { skuId: String(sku.id), qty: '6', unitCost: '10.00', batchNo: 'X2', expiryDate: '2027-06-30' },
            ],
          },
        },
        admin,
      ),
    ).createStockDocument;
    const refused = await t.gql('mutation($id:ID!){ postStockDocument(id:$id){ id } }', { id: doc.id }, admin);
    expect(codeOf(refused)).toBe('EXPIRY_REASON_REQUIRED');
    expect(refused.errors![0].message).toBe(
      'Short-dated stock — line 1: batch X1 expires on 2026-11-20 (in 10 days; the warning starts at 30). Give a reason (expiryReason) to receive it.',
    );
    expect(refused.errors![0].extensions!.details).toMatchObject({
      warningDays: 30,
      lines: [{ index: 0, field: 'lines[0].expiryReason', batchNo: 'X1', daysLeft: 10, expired: false }],
    });
    const fixed = ok(
      await t.gql(
        'mutation($i:UpdateStockDocumentInput!){ updateStockDocument(input:$i){ id } }',
        {
          i: {
            id: doc.id,
            version: 1,
            lines: [
              {
                skuId: String(sku.id),
                qty: '4',
                unitCost: '10.00',
                batchNo: 'X1',
                expiryDate: '2026-11-20',
                expiryReason: '临期促销 clearance',
              },
              { skuId: String(sku.id), qty: '6', unitCost: '10.00', batchNo: 'X2', expiryDate: '2027-06-30' },
            ],
          },
        },
        admin,
      ),
    );
    expect(fixed.updateStockDocument.id).toBe(doc.id);
    const posted = ok(
      await t.gql(
        'mutation($id:ID!){ postStockDocument(id:$id){ lines { batchNo expiryReason } } }',
        { id: doc.id },
        admin,
      ),
    ).postStockDocument;
    expect(posted.lines).toEqual([
      { batchNo: 'X1', expiryReason: '临期促销 clearance' },
      { batchNo: 'X2', expiryReason: null },
    ]);
    // today (2026-11-25) X1 has expired
    const level = ok(
      await t.gql(
        'query($f:StockLevelFilter){ stockLevels(filter:$f){ items { onHand reserved expired available } } }',
        { f: { warehouseId: String(W[0].id), skuId: String(sku.id) } },
        admin,
      ),
    ).stockLevels.items;
    expect(level).toEqual([{ onHand: '10', reserved: '0', expired: '4', available: '6' }]);
    await check();
  });
});
