import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockDocType, Warehouse } from '../stock';
import { CompanySettings } from '../system';

/**
 * Issue 15: a 3PL's monthly fees allocated to the SKUs of its warehouse (May 2026, moving average):
 *   04-20 W1 A in 10 @ 10.00                          A on hand 10 from May 1st
 *   05-11 W1 A ship 4 @ 20.00 (revenue 80.00, COGS 40.00)
 *   05-21 W1 A in 6 @ 10.00;  05-30 W1 B in 5 @ 3.00
 *   fees of W1 for May: storage 100.00, handling 30.00
 * Space-days: A 10 × 10 + 6 × 10 + 12 × 11 = 292, B 5 × 2 = 10; lines: A 2, B 1.
 * Storage 100.00 × 292/302 = 96.688… and × 10/302 = 3.311… → 96.69 + 3.31 (the cent left to the
 * larger remainder); handling 20.00 + 10.00. Exact figures on both databases.
 */
describe(`warehouse fees allocated to SKUs (${testDbKind})`, () => {
  let t: TestApp;
  let ctx: Context;
  let W: Warehouse[];
  let admin: string;
  let accountant: string;
  let A: number;
  let B: number;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const post = async (w: number, date: string, skuId: number, qty: string, unitCost: string) => {
    const doc = await t.app.services.stockDocuments.create(ctx, {
      type: StockDocType.OTHER_IN,
      warehouseId: String(w),
      businessDate: date,
      lines: [{ skuId: String(skuId), qty, unitCost }],
    });
    return t.app.services.stockDocuments.post(ctx, String(doc.id));
  };
  const SAVE = `mutation($i:WarehouseFeeInput!,$v:Int){ saveWarehouseFee(input:$i, version:$v){ id warehouseId month storage handling version } }`;
  const ALLOC = `query($w:ID!,$m:String!){ warehouseFeeAllocation(warehouseId:$w, month:$m){ warehouse month storage handling
    unallocatedStorage unallocatedHandling shares { skuId sku baseUnit spaceDays lines storage handling total } } }`;
  const ANALYSIS = `query($i:AnalysisInput!){ analysis(input:$i){ rows { key1 key2 margin warehouseCost netMargin } total { margin warehouseCost netMargin } } }`;
  const may = (over: Record<string, unknown> = {}) => ({
    from: '2026-05-01',
    to: '2026-05-31',
    dimensions: ['WAREHOUSE', 'SKU'],
    measures: ['MARGIN', 'WAREHOUSE_COST', 'NET_MARGIN'],
    filter: { skuIds: [String(A), String(B)] },
    ...over,
  });

  beforeAll(async () => {
    t = await testApp();
    await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: 'moving_average' as any });
    ctx = await contextAs(t.ds, t.app.services, 'admin');
    W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    admin = await t.login('admin');
    accountant = await t.login('accountant');
    const channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"WF", name:"仓储费渠道", kind: OFFLINE_STORE}){ id } }',
        {},
        admin,
      ),
    ).saveSalesChannel.id;
    const customer = ok(
      await t.gql(
        'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
        { i: { code: 'WF-1', name: '客户WF', creditLimit: '100000.00' } },
        admin,
      ),
    ).createCustomer.id;
    A = (await newProductSku(t.ds, 'WF-A')).id;
    B = (await newProductSku(t.ds, 'WF-B')).id;
    await post(W[0].id, '2026-04-20', A, '10', '10.00');
    const o = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
        {
          i: {
            customerId: customer,
            channelId: channel,
            warehouseId: String(W[0].id),
            orderDate: '2026-05-11',
            lines: [{ skuId: String(A), qty: '4', unitPrice: '20.00' }],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: o.id }, admin));
    ok(
      await t.gql(
        'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id } }',
        { i: { orderId: o.id, businessDate: '2026-05-11', lines: [{ orderLineId: o.lines[0].id, qty: '4' }] } },
        admin,
      ),
    );
    await post(W[0].id, '2026-05-21', A, '6', '10.00');
    await post(W[0].id, '2026-05-30', B, '5', '3.00');
  });
  afterAll(() => t.close());

  it('an accountant enters the fees; a keeper may not; bad amounts change nothing', async () => {
    const keeper = await t.login('warehouse');
    const i = { warehouseId: String(W[0].id), month: '2026-05', storage: '100.00', handling: '30.00' };
    expect(codeOf(await t.gql(SAVE, { i }, keeper))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SAVE, { i: { ...i, storage: '-1.00' } }, accountant))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(SAVE, { i: { ...i, month: '2026-13' } }, accountant))).toBe('BAD_USER_INPUT');
    expect(ok(await t.gql('query{ warehouseFees(month:"2026-05"){ id } }', {}, accountant)).warehouseFees).toEqual([]);
    const first = ok(await t.gql(SAVE, { i: { ...i, storage: '90.00' } }, accountant)).saveWarehouseFee;
    expect(first).toMatchObject({ storage: '90.00', handling: '30.00', version: 1 });
    // replacing names the version it saw
    expect(codeOf(await t.gql(SAVE, { i, v: 7 }, accountant))).toBe('CONFLICT');
    const saved = ok(await t.gql(SAVE, { i, v: 1 }, accountant)).saveWarehouseFee;
    expect(saved).toMatchObject({ month: '2026-05', storage: '100.00', handling: '30.00', version: 2 });
  });

  it('allocates storage by space-days and handling by lines, to the cent', async () => {
    const a = ok(await t.gql(ALLOC, { w: String(W[0].id), m: '2026-05' }, accountant)).warehouseFeeAllocation;
    expect(a).toMatchObject({ month: '2026-05', storage: '100.00', handling: '30.00' });
    expect(a.shares.filter((s: any) => [String(A), String(B)].includes(s.skuId))).toEqual([
      {
        skuId: String(A),
        sku: expect.stringContaining('WF-A'),
        baseUnit: expect.any(String),
        spaceDays: '292',
        lines: 2,
        storage: '96.69',
        handling: '20.00',
        total: '116.69',
      },
      {
        skuId: String(B),
        sku: expect.stringContaining('WF-B'),
        baseUnit: expect.any(String),
        spaceDays: '10',
        lines: 1,
        storage: '3.31',
        handling: '10.00',
        total: '13.31',
      },
    ]);
    expect([a.unallocatedStorage, a.unallocatedHandling]).toEqual(['0.00', '0.00']);
  });

  it('the analysis shows the warehouse cost and the net margin per warehouse × SKU', async () => {
    const r = ok(await t.gql(ANALYSIS, { i: may() }, accountant)).analysis;
    expect(r.rows.map((x: any) => [x.key2, x.margin, x.warehouseCost, x.netMargin])).toEqual(
      [
        [String(A), '40.00', '116.69', '-76.69'],
        [String(B), '0.00', '13.31', '-13.31'],
      ].sort((x, y) => (x[0] < y[0] ? -1 : 1)),
    );
    expect(r.total).toEqual({ margin: '40.00', warehouseCost: '130.00', netMargin: '-90.00' });
    // the month's fees are dated on its last day: a range ending before it has none
    const early = ok(await t.gql(ANALYSIS, { i: may({ to: '2026-05-30' }) }, accountant)).analysis;
    expect(early.total).toEqual({ margin: '40.00', warehouseCost: '0.00', netMargin: '40.00' });
    // by month: the cost sits in May
    const byMonth = ok(
      await t.gql(ANALYSIS, { i: may({ from: '2026-04-01', dimensions: ['MONTH'] }) }, accountant),
    ).analysis;
    expect(byMonth.rows.map((x: any) => [x.key1, x.warehouseCost])).toEqual([['2026-05', '130.00']]);
  });

  it('drills from a warehouse-cost figure to the fee and its allocation rows per SKU', async () => {
    const DRILL = `query($i:AnalysisInput!,$k1:String,$k2:String){ analysisDrill(input:$i, key1:$k1, key2:$k2){
      documents { documentType skuId margin }
      warehouseFees { feeId month warehouseId warehouse skuId sku spaceDays lines storage handling total feeStorage feeHandling memo } } }`;
    const fee = (await t.app.services.warehouseFees.list(ctx, '2026-05')).find((f) => f.warehouseId === W[0].id)!;
    // the cell W1 × A: its sale, and A's share of May's fees (116.69, the cell's warehouse cost)
    const a = ok(await t.gql(DRILL, { i: may(), k1: String(W[0].id), k2: String(A) }, accountant)).analysisDrill;
    expect(a.documents.map((d: any) => [d.documentType, d.skuId, d.margin])).toEqual([
      ['sales_shipment', String(A), '40.00'],
    ]);
    expect(a.warehouseFees).toEqual([
      {
        feeId: String(fee.id),
        month: '2026-05',
        warehouseId: String(W[0].id),
        warehouse: `${W[0].code} ${W[0].name}`,
        skuId: String(A),
        sku: expect.stringContaining('WF-A'),
        spaceDays: '292',
        lines: 2,
        storage: '96.69',
        handling: '20.00',
        total: '116.69',
        feeStorage: '100.00',
        feeHandling: '30.00',
        memo: fee.memo,
      },
    ]);
    // the warehouse's row (any SKU): both shares, adding up to the fee
    const w = ok(
      await t.gql(DRILL, { i: may({ dimensions: ['WAREHOUSE'] }), k1: String(W[0].id) }, accountant),
    ).analysisDrill;
    expect(w.warehouseFees.map((x: any) => [x.skuId, x.total])).toEqual([
      [String(A), '116.69'],
      [String(B), '13.31'],
    ]);
    // without a fee measure the drill lists no fees
    const plain = ok(
      await t.gql(DRILL, { i: may({ measures: ['MARGIN'] }), k1: String(W[0].id), k2: String(A) }, accountant),
    ).analysisDrill;
    expect(plain.warehouseFees).toEqual([]);
    // a user without stock.cost.read may not ask for the warehouse cost, so not drill into it either
    const sales = await t.login('sales');
    expect(codeOf(await t.gql(DRILL, { i: may(), k1: String(W[0].id), k2: String(A) }, sales))).toBe('FORBIDDEN');
  });

  it('follows a back-dated posting into the month', async () => {
    await post(W[0].id, '2026-05-01', B, '1', '1.00');
    // B: 1 × 31 + 5 × 2 = 41 space-days, 2 lines; A: 292, 2 → storage 87.69 + 12.31, handling 15.00 each
    const a = ok(await t.gql(ALLOC, { w: String(W[0].id), m: '2026-05' }, accountant)).warehouseFeeAllocation;
    expect(
      a.shares
        .filter((s: any) => [String(A), String(B)].includes(s.skuId))
        .map((s: any) => [s.spaceDays, s.lines, s.storage, s.handling, s.total]),
    ).toEqual([
      ['292', 2, '87.69', '15.00', '102.69'],
      ['41', 2, '12.31', '15.00', '27.31'],
    ]);
    const r = ok(await t.gql(ANALYSIS, { i: may() }, accountant)).analysis;
    expect(r.total).toEqual({ margin: '40.00', warehouseCost: '130.00', netMargin: '-90.00' });
  });

  it('field rules: the cost needs stock.cost.read, and it goes by warehouse, SKU or period only', async () => {
    const sales = await t.login('sales');
    const r = await t.gql(ANALYSIS, { i: may({ measures: ['WAREHOUSE_COST'] }) }, sales);
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ALLOC, { w: String(W[0].id), m: '2026-05' }, sales))).toBe('FORBIDDEN');
    const byCustomer = await t.gql(ANALYSIS, { i: may({ dimensions: ['CUSTOMER'] }) }, admin);
    expect(codeOf(byCustomer)).toBe('BAD_USER_INPUT');
  });
});
