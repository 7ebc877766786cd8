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
 * Issue 15: a customer's statement for November 2026 (today 11-25):
 *   October: 10 @ 30.00 shipped 10-20, invoiced 10-25 (300.00), paid 100.00 on 10-30 → opening 200.00
 *   November: 5 @ 30.00 shipped 11-05, invoiced 11-06 (150.00); 1 returned 11-08 (credit 30.00); paid 120.00 on 11-10
 *   → 350.00, 320.00, 200.00: closing 200.00; the customer confirms it; the close checklist finds one draft order.
 */
describe(`statements and the close checklist (${testDbKind})`, () => {
  let t: TestApp;
  let ctx: Context;
  let W: Warehouse[];
  let admin: string;
  let c1: string;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const S = `query($p:StatementParty!,$id:ID!){ statement(party:$p, partyId:$id, from:"2026-11-01", to:"2026-11-30"){
    partyName opening invoiced paid credited closing lines { date kind debit credit balance } confirmations { confirmedBy closing } } }`;

  beforeAll(async () => {
    t = await testApp();
    await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: 'moving_average' as any });
    ctx = await contextAs(t.ds, t.app.services, 'admin');
    W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    admin = await t.login('admin');
    const seller = await t.ds.getRepository(User).findOneByOrFail({ username: 'sales' });
    const channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"FS", name:"对账渠道", kind: OFFLINE_STORE}){ id } }',
        {},
        admin,
      ),
    ).saveSalesChannel.id;
    c1 = ok(
      await t.gql(
        'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
        { i: { code: 'FS-1', name: '对账客户', creditLimit: '100000.00', ownerId: String(seller.id) } },
        admin,
      ),
    ).createCustomer.id;
    const A = (await newProductSku(t.ds, 'FS-A')).id;
    const doc = await t.app.services.stockDocuments.create(ctx, {
      type: StockDocType.OTHER_IN,
      warehouseId: String(W[0].id),
      businessDate: '2026-10-01',
      lines: [{ skuId: String(A), qty: '100', unitCost: '10.00' }],
    });
    await t.app.services.stockDocuments.post(ctx, String(doc.id));
    const sellAndInvoice = async (qty: string, shipOn: string, invoiceOn: string) => {
      const o = ok(
        await t.gql(
          'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
          {
            i: {
              customerId: c1,
              channelId: channel,
              warehouseId: String(W[0].id),
              orderDate: shipOn,
              lines: [{ skuId: String(A), qty, unitPrice: '30.00' }],
            },
          },
          admin,
        ),
      ).createSalesOrder;
      ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: o.id }, admin));
      const s = ok(
        await t.gql(
          'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id lines { id } } }',
          { i: { orderId: o.id, businessDate: shipOn, lines: [{ orderLineId: o.lines[0].id, qty }] } },
          admin,
        ),
      ).shipSalesOrder;
      ok(
        await t.gql(
          'mutation($i:CreateSalesInvoiceInput!){ createSalesInvoice(input:$i){ id } }',
          { i: { orderId: o.id, invoiceDate: invoiceOn } },
          admin,
        ),
      );
      return s;
    };
    const pay = async (amount: string, on: string) =>
      ok(
        await t.gql(
          'mutation($i:RecordCustomerPaymentInput!){ recordCustomerPayment(input:$i){ id } }',
          { i: { customerId: c1, amount, receivedOn: on, reference: `BANK-${on}` } },
          admin,
        ),
      );
    await sellAndInvoice('10', '2026-10-20', '2026-10-25');
    await pay('100.00', '2026-10-30');
    const s2 = await sellAndInvoice('5', '2026-11-05', '2026-11-06');
    ok(
      await t.gql(
        'mutation($i:SalesReturnInput!){ returnSalesGoods(input:$i){ id } }',
        {
          i: {
            shipmentId: s2.id,
            businessDate: '2026-11-08',
            reason: 'DEFECTIVE',
            resolution: 'REFUND',
            lines: [{ shipmentLineId: s2.lines[0].id, qty: '1', disposition: 'RESTOCK' }],
          },
        },
        admin,
      ),
    );
    await pay('120.00', '2026-11-10');
    // a draft order dated in November: the close checklist names it
    ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id } }',
        {
          i: {
            customerId: c1,
            channelId: channel,
            warehouseId: String(W[0].id),
            orderDate: '2026-11-20',
            lines: [{ skuId: String(A), qty: '1', unitPrice: '30.00' }],
          },
        },
        admin,
      ),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("gives the customer's statement for November: opening, invoices, credits, payments, closing", async () => {
    const s = ok(await t.gql(S, { p: 'CUSTOMER', id: c1 }, await t.login('accountant'))).statement;
    expect(s).toEqual({
      partyName: 'FS-1 对账客户',
      opening: '200.00',
      invoiced: '150.00',
      paid: '120.00',
      credited: '30.00',
      closing: '200.00',
      lines: [
        { date: '2026-11-06', kind: 'INVOICE', debit: '150.00', credit: '0.00', balance: '350.00' },
        { date: '2026-11-08', kind: 'CREDIT', debit: '0.00', credit: '30.00', balance: '320.00' },
        { date: '2026-11-10', kind: 'PAYMENT', debit: '0.00', credit: '120.00', balance: '200.00' },
      ],
      confirmations: [],
    });
  });

  it("records the customer's confirmation of 200.00, refuses another figure, and exports the statement", async () => {
    const sales = await t.login('sales');
    const confirm = (closing: string) =>
      t.gql(
        'mutation($i:ConfirmStatementInput!){ confirmStatement(input:$i){ closing confirmedBy } }',
        { i: { party: 'CUSTOMER', partyId: c1, from: '2026-11-01', to: '2026-11-30', closing, confirmedBy: '王会计' } },
        sales,
      );
    expect(codeOf(await confirm('199.00'))).toBe('BAD_USER_INPUT');
    expect(ok(await confirm('200.00')).confirmStatement).toEqual({ closing: '200.00', confirmedBy: '王会计' });
    expect(ok(await t.gql(S, { p: 'CUSTOMER', id: c1 }, sales)).statement.confirmations).toEqual([
      { confirmedBy: '王会计', closing: '200.00' },
    ]);
    // the purchaser may not read customers' statements at all
    expect(codeOf(await t.gql(S, { p: 'CUSTOMER', id: c1 }, await t.login('purchaser')))).toBe('FORBIDDEN');
    const f = ok(
      await t.gql(
        `query($id:ID!){ exportStatement(party: CUSTOMER, partyId:$id, from:"2026-11-01", to:"2026-11-30"){ filename content } }`,
        { id: c1 },
        admin,
      ),
    ).exportStatement;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.content, 'base64') as any);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['日期', '类型', '单号', '增加', '减少', '余额']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '2026-11-01',
      '期初余额',
      'FS-1 对账客户',
      undefined,
      undefined,
      200,
    ]);
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual(['2026-11-30', '期末余额', '', 150, 150, 200]);
  });

  it('lists what blocks closing November, and no payables', async () => {
    const acc = await t.login('accountant');
    const c = ok(
      await t.gql(
        '{ closeChecklist(through:"2026-11-30"){ through closedThrough ready checks { key count ok link } } }',
        {},
        acc,
      ),
    ).closeChecklist;
    expect(c).toEqual({
      through: '2026-11-30',
      closedThrough: null,
      ready: false,
      checks: [
        { key: 'draftStockDocuments', count: 0, ok: true, link: '/inventory/documents?status=draft' },
        { key: 'draftPurchaseOrders', count: 0, ok: true, link: '/purchasing/orders?status=draft' },
        { key: 'draftSalesOrders', count: 1, ok: false, link: '/sales/orders?status=draft' },
        { key: 'unmatchedReceiptLines', count: 0, ok: true, link: '/purchasing/payables' },
        { key: 'negativeStock', count: 0, ok: true, link: '/inventory/levels' },
      ],
    });
    expect(ok(await t.gql('{ payablesAgeing { supplierId open } }', {}, acc)).payablesAgeing).toEqual([]);
  });

  it("exports November's postings as vouchers (CSV), through the account mapping", async () => {
    const admin2 = await t.login('admin');
    ok(
      await t.gql(
        'mutation{ setVoucherAccount(key:"BANK", code:"100201", name:"银行存款-工行", version:0){ version } }',
        {},
        admin2,
      ),
    );
    const f = ok(
      await t.gql(
        '{ exportVouchers(from:"2026-11-01", to:"2026-11-30", format: CSV){ filename content } }',
        {},
        await t.login('accountant'),
      ),
    ).exportVouchers;
    const lines = (f.content as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(lines[0]).toEqual(['凭证日期', '凭证号', '摘要', '科目代码', '科目名称', '借方金额', '贷方金额']);
    // date, voucher, account, debit, credit (the summary names the document)
    expect(lines.slice(1).map((l) => [l[0], l[1], l[3], l[5], l[6]])).toEqual([
      ['2026-11-05', '0001', '6401', '50.00', ''],
      ['2026-11-05', '0001', '1405', '', '50.00'],
      ['2026-11-06', '0002', '1122', '150.00', ''],
      ['2026-11-06', '0002', '6001', '', '150.00'],
      ['2026-11-08', '0003', '1405', '10.00', ''],
      ['2026-11-08', '0003', '6401', '', '10.00'],
      ['2026-11-10', '0004', '100201', '120.00', ''],
      ['2026-11-10', '0004', '1122', '', '120.00'],
    ]);
    expect(lines[1][2]).toMatch(/^sales_shipment /);
    expect(
      codeOf(
        await t.gql(
          '{ exportVouchers(from:"2026-11-01", to:"2026-11-30", format: CSV){ filename } }',
          {},
          await t.login('sales'),
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
