import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockDocType, Warehouse } from '../stock';
import { CompanySettings } from '../system';
import { User } from '../auth';

/**
 * Issue 15: the cost and margin analysis against a worked month (October 2026, moving average):
 *   09-20 W1 A in 100 @ 10.00              opening W1 A 100 / 1000.00
 *   10-02 W1 A in  50 @ 13.00; 10-03 W1 B in 20 @ 5.00; 10-05 W2 A in 40 @ 12.00
 *   10-10 W1 A ship 60 @ 20.00 to C1 (owned by the salesperson)   → COGS 660.00 at posting
 *   10-12 W2 A ship 10 @ 25.00 to C2                               → COGS 120.00
 *   10-15 W1 B ship  8 @  9.00 to C1                               → COGS  40.00
 *   10-08 W1 A in  30 @ 14.00, posted after the shipment: W1 A re-costs to 2070 / 180 = 11.50 → 690.00
 *   10-20 C1 returns 5 A of the 10-10 shipment into W1 (refund 100.00, back into stock at 5/60 × 690 = 57.50)
 * Exact figures, field rules, the owner scope, drill-down to ledger rows and the xlsx export.
 */
describe(`cost and margin analysis (${testDbKind})`, () => {
  let t: TestApp;
  let ctx: Context;
  let W: Warehouse[];
  let admin: string;
  let A: number;
  let B: number;
  let shipment1: { id: string; number: string; lines: Array<{ id: string }> };
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const post = async (type: StockDocType, w: number, date: string, skuId: number, qty: string, unitCost?: string) => {
    const doc = await t.app.services.stockDocuments.create(ctx, {
      type,
      warehouseId: String(w),
      businessDate: date,
      lines: [{ skuId: String(skuId), qty, ...(unitCost ? { unitCost } : {}) }],
    });
    return t.app.services.stockDocuments.post(ctx, String(doc.id));
  };
  const sell = async (
    customer: string,
    channel: string,
    w: number,
    skuId: number,
    qty: string,
    price: string,
    date: string,
  ) => {
    const o = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
        {
          i: {
            customerId: customer,
            channelId: channel,
            warehouseId: String(w),
            orderDate: date,
            lines: [{ skuId: String(skuId), qty, unitPrice: price }],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: o.id }, admin));
    return ok(
      await t.gql(
        'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id number lines { id cogs } } }',
        { i: { orderId: o.id, businessDate: date, lines: [{ orderLineId: o.lines[0].id, qty }] } },
        admin,
      ),
    ).shipSalesOrder;
  };
  const Q = `query($i:AnalysisInput!){ analysis(input:$i){ rows { key1 label1 key2 label2 quantity revenue cogs margin marginPct stockValue turnover daysOfSupply }
    total { quantity revenue cogs margin marginPct stockValue turnover daysOfSupply } } }`;
  const ALL = ['QUANTITY', 'REVENUE', 'COGS', 'MARGIN', 'MARGIN_PCT', 'STOCK_VALUE', 'TURNOVER', 'DAYS_OF_SUPPLY'];
  const input = (over: Record<string, unknown> = {}) => ({
    from: '2026-10-01',
    to: '2026-10-31',
    dimensions: ['WAREHOUSE', 'SKU'],
    measures: ALL,
    filter: { skuIds: [String(A), String(B)] },
    ...over,
  });

  beforeAll(async () => {
    t = await testApp();
    await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: 'moving_average' as any });
    ctx = await contextAs(t.ds, t.app.services, 'admin');
    W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    admin = await t.login('admin');
    const seller = await t.ds.getRepository(User).findOneByOrFail({ username: 'sales' });
    const channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"AN", name:"分析渠道", kind: OFFLINE_STORE}){ id } }',
        {},
        admin,
      ),
    ).saveSalesChannel.id;
    const customer = async (code: string, ownerId?: number) =>
      ok(
        await t.gql(
          'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
          {
            i: {
              code,
              name: `客户${code}`,
              creditLimit: '100000.00',
              ...(ownerId ? { ownerId: String(ownerId) } : {}),
            },
          },
          admin,
        ),
      ).createCustomer.id as string;
    const c1 = await customer('AN-1', seller.id);
    const c2 = await customer('AN-2');
    A = (await newProductSku(t.ds, 'AN-A')).id;
    B = (await newProductSku(t.ds, 'AN-B')).id;
    await post(StockDocType.OTHER_IN, W[0].id, '2026-09-20', A, '100', '10.00');
    await post(StockDocType.OTHER_IN, W[0].id, '2026-10-02', A, '50', '13.00');
    await post(StockDocType.OTHER_IN, W[0].id, '2026-10-03', B, '20', '5.00');
    await post(StockDocType.OTHER_IN, W[1].id, '2026-10-05', A, '40', '12.00');
    shipment1 = await sell(c1, channel, W[0].id, A, '60', '20.00', '2026-10-10');
    expect(shipment1.lines[0]).toMatchObject({ cogs: '660.00' });
    await sell(c2, channel, W[1].id, A, '10', '25.00', '2026-10-12');
    await sell(c1, channel, W[0].id, B, '8', '9.00', '2026-10-15');
    await post(StockDocType.OTHER_IN, W[0].id, '2026-10-08', A, '30', '14.00');
    const ret = ok(
      await t.gql(
        'mutation($i:SalesReturnInput!){ returnSalesGoods(input:$i){ credit lines { restockedCost } } }',
        {
          i: {
            shipmentId: shipment1.id,
            businessDate: '2026-10-20',
            reason: 'DEFECTIVE',
            resolution: 'REFUND',
            lines: [{ shipmentLineId: shipment1.lines[0].id, qty: '5', disposition: 'RESTOCK' }],
          },
        },
        admin,
      ),
    ).returnSalesGoods;
    expect(ret).toMatchObject({ credit: '100.00', lines: [{ restockedCost: '57.50' }] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives the margin per warehouse × SKU for October exactly, with stock value, turnover and days of supply', async () => {
    const r = ok(await t.gql(Q, { i: input() }, await t.login('accountant'))).analysis;
    const w1 = `${W[0].code} ${W[0].name}`;
    const w2 = `${W[1].code} ${W[1].name}`;
    expect(r.rows).toEqual([
      // rows sort by their labels: GZ01 广州仓 (W2) before SH01 上海总仓 (W1)
      {
        key1: String(W[1].id),
        label1: w2,
        key2: String(A),
        label2: 'AN-A-1 AN-A',
        quantity: '10',
        revenue: '250.00',
        cogs: '120.00',
        margin: '130.00',
        marginPct: '52.00',
        stockValue: '360.00',
        turnover: '0.67',
        daysOfSupply: '93.0',
      },
      // 55 sold net; 1100.00 − 632.50; stock 125 units 1437.50; (1000 + 1437.50) / 2 = 1218.75; 125 / (55 / 31)
      {
        key1: String(W[0].id),
        label1: w1,
        key2: String(A),
        label2: 'AN-A-1 AN-A',
        quantity: '55',
        revenue: '1100.00',
        cogs: '632.50',
        margin: '467.50',
        marginPct: '42.50',
        stockValue: '1437.50',
        turnover: '0.52',
        daysOfSupply: '70.5',
      },
      {
        key1: String(W[0].id),
        label1: w1,
        key2: String(B),
        label2: 'AN-B-1 AN-B',
        quantity: '8',
        revenue: '72.00',
        cogs: '40.00',
        margin: '32.00',
        marginPct: '44.44',
        stockValue: '60.00',
        turnover: '1.33',
        daysOfSupply: '46.5',
      },
    ]);
    expect(r.total).toEqual({
      quantity: '73',
      revenue: '1422.00',
      cogs: '792.50',
      margin: '629.50',
      marginPct: '44.27',
      stockValue: '1857.50',
      turnover: '0.55',
      daysOfSupply: '70.9',
    });
  });

  it('groups by customer and by week; the salesperson sees only their own customer, without cost or margin', async () => {
    const byCustomer = ok(
      await t.gql(Q, { i: input({ dimensions: ['CUSTOMER'], measures: ['QUANTITY', 'REVENUE', 'MARGIN'] }) }, admin),
    ).analysis;
    expect(byCustomer.rows.map((x: any) => [x.label1, x.quantity, x.revenue, x.margin, x.cogs])).toEqual([
      ['AN-1 客户AN-1', '63', '1172.00', '499.50', null],
      ['AN-2 客户AN-2', '10', '250.00', '130.00', null],
    ]);
    const weeks = ok(
      await t.gql(Q, { i: input({ dimensions: ['WEEK'], measures: ['QUANTITY', 'STOCK_VALUE'] }) }, admin),
    ).analysis;
    expect(weeks.rows.map((x: any) => [x.key1, x.quantity, x.stockValue])).toEqual([
      // 1650 + 100; 1650 + 420 − 690 + 100 + 480; then − 40 − 120; then + 57.50 back in stock
      ['2026-W40', '0', '1750.00'],
      ['2026-W41', '60', '1960.00'],
      ['2026-W42', '18', '1800.00'],
      ['2026-W43', '-5', '1857.50'],
      ['2026-W44', '0', '1857.50'],
    ]);
    const sales = await t.login('sales');
    const own = ok(
      await t.gql(Q, { i: input({ dimensions: ['CUSTOMER'], measures: ['QUANTITY', 'REVENUE'] }) }, sales),
    ).analysis;
    expect(own.rows.map((x: any) => [x.label1, x.quantity, x.revenue])).toEqual([['AN-1 客户AN-1', '63', '1172.00']]);
    const refused = await t.gql(Q, { i: input({ measures: ['REVENUE', 'MARGIN'] }) }, sales);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions!.details.fields).toEqual(['AnalysisRow.margin']);
    const keeper = await t.gql(Q, { i: input({ measures: ['QUANTITY', 'REVENUE'] }) }, await t.login('warehouse'));
    expect(codeOf(keeper)).toBe('FORBIDDEN');
    const mixed = await t.gql(Q, { i: input({ dimensions: ['CUSTOMER'], measures: ['STOCK_VALUE'] }) }, admin);
    expect(codeOf(mixed)).toBe('BAD_USER_INPUT');
    const three = await t.gql(Q, { i: input({ dimensions: ['CUSTOMER', 'SKU', 'WAREHOUSE'] }) }, admin);
    expect(codeOf(three)).toBe('BAD_USER_INPUT');
  });

  it('drills from W1 × A down to the shipment, the return and their ledger rows (the re-cost included)', async () => {
    const r = ok(
      await t.gql(
        `query($i:AnalysisInput!,$k1:String,$k2:String){ analysisDrill(input:$i,key1:$k1,key2:$k2){
          documents { documentType documentNumber businessDate quantity revenue cogs margin }
          ledger { documentType documentNumber kind qty value businessDate causeNumber } } }`,
        { i: input(), k1: String(W[0].id), k2: String(A) },
        await t.login('accountant'),
      ),
    ).analysisDrill;
    expect(
      r.documents.map((d: any) => [d.documentType, d.businessDate, d.quantity, d.revenue, d.cogs, d.margin]),
    ).toEqual([
      ['sales_shipment', '2026-10-10', '60', '1200.00', '690.00', '510.00'],
      ['sales_return', '2026-10-20', '-5', '-100.00', '-57.50', '-42.50'],
    ]);
    expect(r.ledger.map((l: any) => [l.documentType, l.kind, l.qty, l.value])).toEqual([
      ['sales_shipment', 'out', '-60', '-660.00'],
      ['sales_shipment', 'recost', '0', '-30.00'],
      ['sales_return', 'in', '5', '57.50'],
    ]);
    // the ledger rows add up to the cell's COGS
    expect(r.ledger.reduce((a: number, l: any) => a + Math.round(Number(l.value) * 100), 0)).toBe(-63250);
  });

  it('counts the rows each cell drills into: none where a cell is only a stock position', async () => {
    const accountant = await t.login('accountant');
    const DQ = `query($i:AnalysisInput!){ analysis(input:$i){ rows { key1 key2 revenue stockValue drillRows } total { drillRows } } }`;
    // October: W1 × A the shipment line and the return line, W2 × A and W1 × B one shipment line each
    const oct = ok(await t.gql(DQ, { i: input({ measures: ['REVENUE', 'STOCK_VALUE'] }) }, accountant)).analysis;
    expect(oct.rows.map((x: any) => [x.key1, x.key2, x.revenue, x.drillRows])).toEqual([
      [String(W[1].id), String(A), '250.00', 1],
      [String(W[0].id), String(A), '1100.00', 2],
      [String(W[0].id), String(B), '72.00', 1],
    ]);
    expect(oct.total.drillRows).toBe(4);
    // November: nothing sold, the stock is still there: every cell shows 0.00 revenue and has nothing behind it
    const nov = input({ from: '2026-11-01', to: '2026-11-30', measures: ['REVENUE', 'STOCK_VALUE'] });
    const r = ok(await t.gql(DQ, { i: nov }, accountant)).analysis;
    expect(r.rows.map((x: any) => [x.key1, x.key2, x.revenue, x.stockValue, x.drillRows])).toEqual([
      [String(W[1].id), String(A), '0.00', '360.00', 0],
      [String(W[0].id), String(A), '0.00', '1437.50', 0],
      [String(W[0].id), String(B), '0.00', '60.00', 0],
    ]);
    expect(r.total.drillRows).toBe(0);
    // as the drill-down of such a cell finds: nothing
    const drill = ok(
      await t.gql(
        `query($i:AnalysisInput!,$k1:String,$k2:String){ analysisDrill(input:$i,key1:$k1,key2:$k2){ documents { lineId } ledger { documentNumber } warehouseFees { feeId } } }`,
        { i: nov, k1: String(W[0].id), k2: String(A) },
        accountant,
      ),
    ).analysisDrill;
    expect(drill).toEqual({ documents: [], ledger: [], warehouseFees: [] });
  });

  it('exports the cross-tab as xlsx with Chinese headers, without the columns the user may not see', async () => {
    const f = ok(
      await t.gql(
        'query($i:AnalysisInput!){ exportAnalysis(input:$i){ filename content columns } }',
        { i: input() },
        admin,
      ),
    ).exportAnalysis;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.content, 'base64') as any);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '仓库',
      'SKU',
      '数量',
      '销售收入',
      '销售成本',
      '毛利',
      '毛利率%',
      '库存金额',
      '周转率',
      '可供天数',
    ]);
    expect((ws.getRow(3).values as unknown[]).slice(1, 11)).toEqual([
      `${W[0].code} ${W[0].name}`,
      'AN-A-1 AN-A',
      55,
      1100,
      632.5,
      467.5,
      42.5,
      1437.5,
      0.52,
      70.5,
    ]);
    expect((ws.getRow(5).values as unknown[]).slice(1, 6)).toEqual(['合计', undefined, 73, 1422, 792.5]);
    // the salesperson's export has no cost columns at all
    const s = ok(
      await t.gql(
        'query($i:AnalysisInput!){ exportAnalysis(input:$i){ columns } }',
        { i: input({ dimensions: ['CUSTOMER'], measures: ['QUANTITY', 'REVENUE'] }) },
        await t.login('sales'),
      ),
    ).exportAnalysis;
    expect(s.columns).toEqual(['label1', 'quantity', 'revenue']);
  });

  it('lists slow stock (no move for 40 days on 2026-11-25) with its value', async () => {
    const rows = ok(
      await t.gql('{ slowStock(days: 40){ warehouseId skuId lastMove idleDays dead value } }', {}, admin),
    ).slowStock.filter((x: any) => [String(A), String(B)].includes(x.skuId));
    expect(rows).toEqual([
      {
        warehouseId: String(W[1].id),
        skuId: String(A),
        lastMove: '2026-10-12',
        idleDays: 44,
        dead: false,
        value: '360.00',
      },
      {
        warehouseId: String(W[0].id),
        skuId: String(B),
        lastMove: '2026-10-15',
        idleDays: 41,
        dead: false,
        value: '60.00',
      },
    ]);
  });
});
