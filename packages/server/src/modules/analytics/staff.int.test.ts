import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockDocType, Warehouse } from '../stock';
import { CompanySettings } from '../system';
import { User } from '../auth';

/**
 * Issue 15: staff performance in November 2026 (today 11-25), moving average:
 *   11-02 admin posts W1 A in 100 @ 10.00 (a stock document: 1 line moved)
 *   C1 (created today, owned by the salesperson): orders of 10 and 5 @ 30.00 dated 11-05 and 11-06, both confirmed;
 *   the keeper ships the 10 on 11-05; 2 come back on 11-08; invoiced 11-09; C1 pays 100.00 on 11-10
 *   the manager sets the salesperson's November target at 500.00
 * → revenue 300 − 60 = 240.00, margin 240 − (100 − 20) = 160.00, returns 2 / 10 = 20.00 %, 48.00 % of target.
 */
describe(`staff performance (${testDbKind})`, () => {
  let t: TestApp;
  let ctx: Context;
  let W: Warehouse[];
  let admin: string;
  let seller: User;
  let keeper: User;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const Q = `query($f:String!,$t:String!){ staffPerformance(from:$f,to:$t){
    sales { userId name revenue margin orders newCustomers collections returnsRate target achievement salesLines payments }
    purchasing { userId orders received onTime onTimeRate cycleDays }
    warehouse { userId day linesReceived linesShipped linesMoved countsMade countsRight } } }`;
  const nov = { f: '2026-11-01', t: '2026-11-30' };

  beforeAll(async () => {
    t = await testApp();
    await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: 'moving_average' as any });
    ctx = await contextAs(t.ds, t.app.services, 'admin');
    W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    admin = await t.login('admin');
    seller = await t.ds.getRepository(User).findOneByOrFail({ username: 'sales' });
    keeper = await t.ds.getRepository(User).findOneByOrFail({ username: 'warehouse' });
    const channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"ST", name:"绩效渠道", kind: OFFLINE_STORE}){ id } }',
        {},
        admin,
      ),
    ).saveSalesChannel.id;
    const c1 = ok(
      await t.gql(
        'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
        { i: { code: 'ST-1', name: '绩效客户', creditLimit: '100000.00', ownerId: String(seller.id) } },
        admin,
      ),
    ).createCustomer.id;
    const A = (await newProductSku(t.ds, 'ST-A')).id;
    const doc = await t.app.services.stockDocuments.create(ctx, {
      type: StockDocType.OTHER_IN,
      warehouseId: String(W[0].id),
      businessDate: '2026-11-02',
      lines: [{ skuId: String(A), qty: '100', unitCost: '10.00' }],
    });
    await t.app.services.stockDocuments.post(ctx, String(doc.id));
    const order = async (qty: string, date: string) => {
      const o = ok(
        await t.gql(
          'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
          {
            i: {
              customerId: c1,
              channelId: channel,
              warehouseId: String(W[0].id),
              orderDate: date,
              lines: [{ skuId: String(A), qty, unitPrice: '30.00' }],
            },
          },
          admin,
        ),
      ).createSalesOrder;
      ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: o.id }, admin));
      return o;
    };
    const o1 = await order('10', '2026-11-05');
    await order('5', '2026-11-06');
    const s = ok(
      await t.gql(
        'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id lines { id } } }',
        { i: { orderId: o1.id, businessDate: '2026-11-05', lines: [{ orderLineId: o1.lines[0].id, qty: '10' }] } },
        await t.login('warehouse'),
      ),
    ).shipSalesOrder;
    ok(
      await t.gql(
        'mutation($i:SalesReturnInput!){ returnSalesGoods(input:$i){ id } }',
        {
          i: {
            shipmentId: s.id,
            businessDate: '2026-11-08',
            reason: 'DEFECTIVE',
            resolution: 'REFUND',
            lines: [{ shipmentLineId: s.lines[0].id, qty: '2', disposition: 'RESTOCK' }],
          },
        },
        admin,
      ),
    );
    ok(
      await t.gql(
        'mutation($i:CreateSalesInvoiceInput!){ createSalesInvoice(input:$i){ id } }',
        { i: { orderId: o1.id, invoiceDate: '2026-11-09' } },
        admin,
      ),
    );
    ok(
      await t.gql(
        'mutation($i:RecordCustomerPaymentInput!){ recordCustomerPayment(input:$i){ id } }',
        { i: { customerId: c1, amount: '100.00', receivedOn: '2026-11-10', reference: 'BANK-1' } },
        admin,
      ),
    );
    ok(
      await t.gql(
        'mutation($i:SalesTargetInput!){ setSalesTarget(input:$i){ revenue version } }',
        { i: { userId: String(seller.id), month: '2026-11', revenue: '500.00' } },
        await t.login('manager'),
      ),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("gives the manager everyone's figures, exactly", async () => {
    const r = ok(await t.gql(Q, nov, await t.login('manager'))).staffPerformance;
    expect(r.sales).toEqual([
      {
        userId: String(seller.id),
        name: expect.stringContaining('sales'),
        revenue: '240.00',
        margin: '160.00',
        orders: 2,
        newCustomers: 1,
        collections: '100.00',
        returnsRate: '20.00',
        target: '500.00',
        achievement: '48.00',
        // what the revenue and collections drill-downs list: the shipment and return lines, the payment
        salesLines: 2,
        payments: 1,
      },
    ]);
    expect(r.purchasing).toEqual([]);
    const adminId = (await t.ds.getRepository(User).findOneByOrFail({ username: 'admin' })).id;
    expect(r.warehouse).toEqual([
      {
        userId: String(adminId),
        day: '2026-11-02',
        linesReceived: 0,
        linesShipped: 0,
        linesMoved: 1,
        countsMade: 0,
        countsRight: 0,
      },
      {
        userId: String(keeper.id),
        day: '2026-11-05',
        linesReceived: 0,
        linesShipped: 1,
        linesMoved: 0,
        countsMade: 0,
        countsRight: 0,
      },
    ]);
    const docs = ok(
      await t.gql(
        `query($u:ID!){ staffDocuments(userId:$u, figure: SALES, from:"2026-11-01", to:"2026-11-30"){ documentType businessDate lines amount } }`,
        { u: String(seller.id) },
        await t.login('manager'),
      ),
    ).staffDocuments;
    expect(docs).toEqual([
      { documentType: 'sales_shipment', businessDate: '2026-11-05', lines: 1, amount: '300.00' },
      { documentType: 'sales_return', businessDate: '2026-11-08', lines: 1, amount: '-60.00' },
    ]);
  });

  it('shows each person only their own figures, without the margin they may not see', async () => {
    const sales = await t.login('sales');
    const r = await t.gql(Q, nov, sales);
    expect(r.data.staffPerformance.sales).toHaveLength(1);
    expect(r.data.staffPerformance.sales[0]).toMatchObject({ revenue: '240.00', margin: null, target: '500.00' });
    expect(r.extensions?.hiddenFields).toContain('SalesStaffRow.margin');
    expect(r.data.staffPerformance.warehouse).toEqual([]);
    const k = ok(await t.gql(Q, nov, await t.login('warehouse'))).staffPerformance;
    expect(k.sales).toEqual([]);
    expect(k.warehouse.map((x: any) => [x.day, x.linesShipped])).toEqual([['2026-11-05', 1]]);
    const theirs = ok(
      await t.gql(
        `query($u:ID!){ staffDocuments(userId:$u, figure: SHIPMENTS, from:"2026-11-01", to:"2026-11-30"){ documentNumber } }`,
        { u: String(keeper.id) },
        sales,
      ),
    ).staffDocuments;
    expect(theirs).toEqual([]);
    const refused = await t.gql(
      'mutation($i:SalesTargetInput!){ setSalesTarget(input:$i){ id } }',
      { i: { userId: String(seller.id), month: '2026-11', revenue: '9999.00' } },
      sales,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });
});
