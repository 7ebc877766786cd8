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
  type Line = {
    batchNo: string;
    expiryDate?: string;
    qty: string;
    unitCost?: string;
    expiryReason?: string;
    binId?: string;
  };
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

  it('a shipment line may name its batch (a line per batch): it leaves from that batch at its cost; an unknown batch posts nothing', async () => {
    const sku = await newSku();
    await post(StockDocType.OTHER_IN, W[0], '2026-11-02', sku.id, [
      { batchNo: 'Q1', expiryDate: '2027-01-31', qty: '10', unitCost: '11.00' },
    ]);
    await post(StockDocType.OTHER_IN, W[0], '2026-11-03', sku.id, [
      { batchNo: 'Q2', expiryDate: '2026-12-20', qty: '10', unitCost: '12.00' },
    ]);
    const o = await order(W[0], sku.id, '7');
    const SHIP =
      'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ lines { qty cogs picks { batchNo qty } } } }';
    const lines = (q1: string, q2: string, b2 = 'Q2') => [
      { orderLineId: o.lines[0].id, qty: q1, batchNo: 'Q1' },
      { orderLineId: o.lines[0].id, qty: q2, batchNo: b2 },
    ];
    const bad = await t.gql(
      SHIP,
      { i: { orderId: o.id, businessDate: '2026-11-25', lines: lines('4', '3', 'ZZ') } },
      admin,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect((bad.errors![0].extensions as any).details.fields).toEqual([
      { field: 'lines[1].batchNo', message: 'Batch ZZ does not exist for this SKU.' },
    ]);
    const picks = async () =>
      (
        await t.ds.query(
          'SELECT b.batch_no, SUM(e.qty) AS qty FROM stock_ledger e JOIN batch b ON b.id = e.batch_id WHERE e.sku_id = ? GROUP BY b.batch_no ORDER BY b.batch_no',
          [sku.id],
        )
      ).map((r: any) => [r.batch_no, Number(r.qty).toString()]);
    expect(await picks()).toEqual([
      ['Q1', '10'],
      ['Q2', '10'],
    ]);
    // FEFO would take Q2 first; the lines say 4 of Q1 and 3 of Q2
    const s = ok(await t.gql(SHIP, { i: { orderId: o.id, businessDate: '2026-11-25', lines: lines('4', '3') } }, admin))
      .shipSalesOrder.lines;
    expect(s).toEqual([
      { qty: '4', cogs: '44.00', picks: [{ batchNo: 'Q1', qty: '4' }] },
      { qty: '3', cogs: '36.00', picks: [{ batchNo: 'Q2', qty: '3' }] },
    ]);
    expect(await picks()).toEqual([
      ['Q1', '6'],
      ['Q2', '7'],
    ]);
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

  it('expired and quarantined stock is never reserved or sold; it can be scrapped or moved between bins (移库), and stock levels show it', async () => {
    const w = W[0];
    const bin = async (code: string, quarantine: boolean) =>
      ok(
        await t.gql(
          'mutation($i:CreateBinInput!){ createBin(input:$i){ id code quarantine } }',
          { i: { warehouseId: String(w.id), code, quarantine } },
          admin,
        ),
      ).createBin;
    const Q = await bin('QX-1', true);
    const R = await bin('RX-1', false);
    expect([Q.quarantine, R.quarantine]).toEqual([true, false]);
    const sku = await newSku();
    // PX expired on 2026-11-20 (received with a reason), P1 and P2 valid; all in the regular bin RX-1
    await post(StockDocType.OTHER_IN, w, '2026-11-10', sku.id, [
      {
        batchNo: 'PX',
        expiryDate: '2026-11-20',
        qty: '4',
        unitCost: '9.00',
        expiryReason: '退货重入 returned',
        binId: R.id,
      },
      { batchNo: 'P1', expiryDate: '2027-01-31', qty: '10', unitCost: '11.00', binId: R.id },
      { batchNo: 'P2', expiryDate: '2026-12-20', qty: '10', unitCost: '12.00', binId: R.id },
    ]);
    const level = async () =>
      ok(
        await t.gql(
          'query($f:StockLevelFilter, $w:ID!, $s:[ID!]!){ stockLevels(filter:$f){ items { onHand reserved expired quarantined available } } skuAvailability(warehouseId:$w, skuIds:$s){ onHand reserved expired quarantined available } }',
          { f: { warehouseId: String(w.id), skuId: String(sku.id) }, w: String(w.id), s: [String(sku.id)] },
          admin,
        ),
      );
    // today (2026-11-25) PX has expired: 20 of 24 may be reserved
    expect((await level()).skuAvailability).toEqual([
      { onHand: '24', reserved: '0', expired: '4', quarantined: '0', available: '20' },
    ]);
    const a = await order(w, sku.id, '20');
    // 3 of P2 are found damaged and moved into the quarantine bin: a transfer within the warehouse,
    // posted at once (nothing in transit), at the value they had
    const move = async (lines: object[]) => {
      const doc = await t.app.services.stockDocuments.create(ctx, {
        type: StockDocType.TRANSFER,
        warehouseId: String(w.id),
        toWarehouseId: String(w.id),
        businessDate: '2026-11-25',
        lines: lines.map((l) => ({ skuId: String(sku.id), ...l })) as any,
      });
      return t.app.services.stockDocuments.post(ctx, String(doc.id));
    };
    const noBin = await t.gql(
      'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
      {
        i: {
          type: 'TRANSFER',
          warehouseId: String(w.id),
          toWarehouseId: String(w.id),
          lines: [{ skuId: String(sku.id), qty: '3', batchNo: 'P2' }],
        },
      },
      admin,
    );
    expect(codeOf(noBin)).toBe('BAD_USER_INPUT');
    expect(noBin.errors![0].extensions!.details.fields).toEqual([
      { field: 'lines[0].toBinId', message: 'A move within the warehouse needs the destination bin.' },
    ]);
    const moved = await move([{ qty: '3', batchNo: 'P2', toBinId: Q.id }]);
    expect(moved.status).toBe('posted');
    expect((await t.app.services.stockDocuments.lines([moved.id]))[0].value).toBe('-36.00');
    const balances = ok(
      await t.gql(
        'query($w:ID!,$s:ID!){ binBalances(warehouseId:$w, skuId:$s){ binCode quarantine batchNo expired qty } }',
        { w: String(w.id), s: String(sku.id) },
        admin,
      ),
    ).binBalances;
    expect(balances).toEqual([
      { binCode: 'QX-1', quarantine: true, batchNo: 'P2', expired: false, qty: '3' },
      { binCode: 'RX-1', quarantine: false, batchNo: 'PX', expired: true, qty: '4' },
      { binCode: 'RX-1', quarantine: false, batchNo: 'P2', expired: false, qty: '7' },
      { binCode: 'RX-1', quarantine: false, batchNo: 'P1', expired: false, qty: '10' },
    ]);
    // the order holds 20 while only 17 may be sold: available says so
    const l = await level();
    expect(l.stockLevels.items).toEqual([
      { onHand: '24', reserved: '20', expired: '4', quarantined: '3', available: '-3' },
    ]);
    expect(l.skuAvailability).toEqual([
      { onHand: '24', reserved: '20', expired: '4', quarantined: '3', available: '-3' },
    ]);
    // nothing more can be reserved
    const b = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id } }',
        {
          i: {
            customerId: customer,
            channelId: channel,
            warehouseId: String(w.id),
            orderDate: '2026-11-25',
            lines: [{ skuId: String(sku.id), qty: '1', unitPrice: '20.00' }],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    const refused = await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: b.id }, admin);
    expect(codeOf(refused)).toBe('INSUFFICIENT_AVAILABLE');
    expect(refused.errors![0].message).toBe(
      'Line 1: Only 0 available (on hand − reserved − 4 expired − 3 quarantined); 1 cannot be reserved.',
    );
    expect(refused.errors![0].extensions!.details).toMatchObject({ available: '0', expired: '4', quarantined: '3' });
    // shipping all 20 would need the expired and the quarantined units
    const all = await ship(a, '20', '2026-11-25');
    expect(codeOf(all)).toBe('STOCK_EXPIRED');
    expect(all.errors![0].message).toBe(
      'Expired stock cannot be sold or sent to a customer — line 1: 4 expired (batch PX expired 2026-11-20), 3 in quarantine bin QX-1. Scrap it, return it to the supplier or move it to a quarantine bin.',
    );
    // the expired batch is scrapped (it leaves its regular bin: the quarantine bin is not picked unnamed)
    const scrap = await post(StockDocType.OTHER_OUT, w, '2026-11-25', sku.id, [{ batchNo: 'PX', qty: '4' }]);
    expect((await t.app.services.stockDocuments.lines([scrap.id]))[0].value).toBe('-36.00');
    // 17 ship, FEFO among the sellable stock: P2 then P1
    const s1 = ok(await ship(a, '17', '2026-11-25')).shipSalesOrder.lines[0];
    expect(s1.picks).toEqual([
      { batchNo: 'P2', qty: '7' },
      { batchNo: 'P1', qty: '10' },
    ]);
    expect(s1.cogs).toBe('194.00'); // 7 × 12.00 + 10 × 11.00
    // the last 3 lie in quarantine
    const held = await ship(a, '3', '2026-11-25');
    expect(codeOf(held)).toBe('STOCK_QUARANTINED');
    expect(held.errors![0].message).toBe(
      'Stock in quarantine bins cannot be sold — line 1: 3 in quarantine bin QX-1. Move it to a regular bin once released, or scrap it.',
    );
    // another issue takes quarantined stock only when it names the bin
    const unnamed = await t.gql(
      'mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id } }',
      {
        i: { type: 'OTHER_OUT', warehouseId: String(w.id), lines: [{ skuId: String(sku.id), qty: '1' }] },
        k: 'quarantine-unnamed',
      },
      admin,
    );
    expect(codeOf(unnamed)).toBe('STOCK_QUARANTINED');
    expect(unnamed.errors![0].message).toBe(
      'Stock in quarantine bins leaves only by a document that names the bin — line 1: 3 in quarantine bin QX-1.',
    );
    // released: moved back into a regular bin, they ship
    await move([{ qty: '3', batchNo: 'P2', binId: Q.id, toBinId: R.id }]);
    const s2 = ok(await ship(a, '3', '2026-11-25')).shipSalesOrder.lines[0];
    expect(s2.picks).toEqual([{ batchNo: 'P2', qty: '3' }]);
    expect(s2.cogs).toBe('36.00');
    expect((await level()).skuAvailability).toEqual([
      { onHand: '0', reserved: '0', expired: '0', quarantined: '0', available: '0' },
    ]);
    // a move is cancelled like any document: the units are back where they were
    await post(StockDocType.OTHER_IN, w, '2026-11-25', sku.id, [
      { batchNo: 'P1', qty: '2', unitCost: '11.00', binId: R.id },
    ]);
    const again = await move([{ qty: '2', batchNo: 'P1', toBinId: Q.id }]);
    expect((await level()).skuAvailability[0]).toMatchObject({ quarantined: '2', available: '0' });
    await t.app.services.stockDocuments.cancel(ctx, String(again.id));
    expect((await level()).skuAvailability[0]).toMatchObject({ onHand: '2', quarantined: '0', available: '2' });
    await check();
  });
});
