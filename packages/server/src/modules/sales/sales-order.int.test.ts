import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, CompanySettings, seedCatalog, StockCost, StockLedgerEntry } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { exportedFile, exportListAs } from '../../test/list-export';
import { SalesOrder } from './sales-order.entity';
import { SalesShipment } from './sales-shipment.entity';
import { SalesReturn } from './sales-return.entity';
import { CustomerPayment, SalesInvoice } from './receivable.entity';

const DOC = 'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }';
const POST_DOC = 'mutation($id:ID!){ postStockDocument(id:$id){ id } }';
const ORDER_FIELDS = `id number status total cogs margin version customerName channelName storeName ownerName
  lines { id lineNo skuId skuCode qty unitPrice quotedPrice priceRule priceSteps priceChanged belowCost amount reservedQty shippedQty returnedQty invoicedQty cogs margin }`;
const CREATE = `mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ ${ORDER_FIELDS} } }`;
const CONFIRM = `mutation($id:ID!){ confirmSalesOrder(id:$id){ ${ORDER_FIELDS} } }`;
const CANCEL = `mutation($id:ID!){ cancelSalesOrder(id:$id){ ${ORDER_FIELDS} } }`;
const ORDER = `query($id:ID!){ salesOrder(id:$id){ ${ORDER_FIELDS} } }`;
const SHIP =
  'mutation($i:ShipSalesOrderInput!,$k:String){ shipSalesOrder(input:$i, idempotencyKey:$k){ id number lines { id orderLineId skuId qty amount cogs picks { binCode batchNo expiryDate qty } } } }';
const RETURN =
  'mutation($i:SalesReturnInput!){ returnSalesGoods(input:$i){ id number credit replacementOrderId lines { qty disposition amount restockedCost } } }';
const INVOICE =
  'mutation($i:CreateSalesInvoiceInput!){ createSalesInvoice(input:$i){ id number total settled dueDate lines { qty amount } } }';
const PAY = 'mutation($i:RecordCustomerPaymentInput!){ recordCustomerPayment(input:$i){ id amount } }';
const AVAIL =
  'query($w:ID!,$s:[ID!]!){ skuAvailability(warehouseId:$w, skuIds:$s){ skuId onHand reserved available } }';
const RECEIVABLES =
  'query($a:String){ customerReceivables(asOf:$a){ customerCode invoiced credited paid balance age0to30 age31to60 age61to90 ageOver90 overdue openInvoices } }';

describe(`sales: order → reservation → FIFO/FEFO shipment → return → invoice → payment (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  const id: Record<string, string> = {};
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const check = async () => expect(await t.app.services.posting.check('fifo')).toEqual([]);
  const counts = async () => ({
    orders: await t.ds.getRepository(SalesOrder).count(),
    shipments: await t.ds.getRepository(SalesShipment).count(),
    returns: await t.ds.getRepository(SalesReturn).count(),
    invoices: await t.ds.getRepository(SalesInvoice).count(),
    payments: await t.ds.getRepository(CustomerPayment).count(),
    ledger: await t.ds.getRepository(StockLedgerEntry).count(),
    reserved: (await t.ds.getRepository(StockCost).find())
      .reduce((s, h) => s.plus(h.reserved), new Decimal(0))
      .toFixed(),
  });
  const avail = async () =>
    ok(await t.gql(AVAIL, { w: id.wh, s: [id.milk, id.tea] }, tok.sales)).skuAvailability.map((a: any) => [
      a.onHand,
      a.reserved,
      a.available,
    ]);

  beforeAll(async () => {
    t = await testApp();
    await addUser(t.ds, 'sales2', ['sales'], { displayName: '周销售 Zhou' });
    for (const u of ['admin', 'manager', 'accountant', 'sales', 'sales2', 'warehouse']) tok[u] = await t.login(u);
    c = await seedCatalog(t.ds);
    await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: 'fifo' as any });
    [id.wh, id.tea, id.milk] = [String(c.warehouses[0].id), String(c.tea.id), String(c.milk.id)];
    // stock: milk L1 (expires first) 5 @ 3.00 in A-02, then L2 5 @ 3.60 in A-01; tea 10 @ 8.00 then 10 @ 9.00
    const post = async (lines: object[], businessDate: string) =>
      ok(
        await t.gql(
          POST_DOC,
          {
            id: ok(await t.gql(DOC, { i: { type: 'OTHER_IN', warehouseId: id.wh, businessDate, lines } }, tok.admin))
              .createStockDocument.id,
          },
          tok.admin,
        ),
      );
    await post(
      [
        {
          skuId: id.milk,
          qty: '5',
          unitCost: '3.00',
          batchNo: 'L1',
          expiryDate: '2026-12-10',
          binId: String(c.bins[1].id),
        },
        { skuId: id.tea, qty: '10', unitCost: '8.00' },
      ],
      '2026-11-01',
    );
    await post(
      [
        {
          skuId: id.milk,
          qty: '5',
          unitCost: '3.60',
          batchNo: 'L2',
          expiryDate: '2026-12-20',
          binId: String(c.bins[0].id),
        },
        { skuId: id.tea, qty: '10', unitCost: '9.00' },
      ],
      '2026-11-02',
    );
    id.store = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"STORE", name:"门店", kind: OFFLINE_STORE}){ id } }',
        {},
        tok.manager,
      ),
    ).saveSalesChannel.id;
    id.nanjing = ok(
      await t.gql(
        'mutation($c:ID!){ saveSalesStore(input:{channelId:$c, code:"NJ", name:"南京路店"}){ id } }',
        { c: id.store },
        tok.manager,
      ),
    ).saveSalesStore.id;
    const base = ok(await t.gql('mutation{ savePriceList(input:{code:"BASE", name:"基础价"}){ id } }', {}, tok.manager))
      .savePriceList.id;
    ok(
      await t.gql(
        'mutation($i:PriceListItemInput!){ setPriceListItem(input:$i){ id } }',
        { i: { priceListId: base, skuId: id.milk, rule: 'FIXED', value: '6.00', validFrom: '2026-01-01' } },
        tok.manager,
      ),
    );
    id.cust = ok(
      await t.gql(
        'mutation{ createCustomer(input:{code:"C-1", name:"张三商行", address:"上海市南京东路 1 号", creditLimit:"500.00", paymentTermsDays: 31}){ id } }',
        {},
        tok.sales,
      ),
    ).createCustomer.id;
    id.cust2 = ok(
      await t.gql(
        'mutation{ createCustomer(input:{code:"C-2", name:"李四超市", creditLimit:"1000.00"}){ id } }',
        {},
        tok.sales2,
      ),
    ).createCustomer.id;
  });
  afterAll(() => t.close());

  const head = (extra: object = {}) => ({
    customerId: id.cust,
    channelId: id.store,
    storeId: id.nanjing,
    warehouseId: id.wh,
    orderDate: '2026-11-20',
    ...extra,
  });
  let A: any;

  it("prices each line from the lists with its steps; a hand price is recorded; unknown channel and another salesperson's customer are refused with nothing saved", async () => {
    const before = await counts();
    const unknownChannel = await t.gql(
      CREATE,
      { i: head({ channelId: '99999', lines: [{ skuId: id.tea, qty: '1' }] }) },
      tok.sales,
    );
    expect(codeOf(unknownChannel)).toBe('BAD_USER_INPUT');
    expect(unknownChannel.errors![0].extensions!.details).toEqual({
      fields: [{ field: 'channelId', message: 'Unknown channel.' }],
    });
    const foreign = await t.gql(
      CREATE,
      { i: head({ customerId: id.cust2, lines: [{ skuId: id.tea, qty: '1' }] }) },
      tok.sales,
    );
    expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.errors![0].extensions!.details).toEqual({
      fields: [{ field: 'customerId', message: 'Unknown customer.' }],
    });
    expect(await counts()).toEqual(before);
    // a manager may sell below cost; the line says so (to those who may see margins)
    const cheap = ok(
      await t.gql(CREATE, { i: head({ lines: [{ skuId: id.tea, qty: '1', unitPrice: '8.00' }] }) }, tok.manager),
    ).createSalesOrder;
    expect(cheap.lines[0]).toMatchObject({
      unitPrice: '8.000000',
      quotedPrice: '20.000000',
      priceChanged: true,
      belowCost: true,
    });
    ok(await t.gql(CANCEL, { id: cheap.id }, tok.manager));

    A = ok(
      await t.gql(
        CREATE,
        {
          i: head({
            lines: [
              { skuId: id.milk, qty: '8' },
              { skuId: id.tea, qty: '3', unitPrice: '19.50' },
            ],
          }),
        },
        tok.sales,
      ),
    ).createSalesOrder;
    expect(A).toMatchObject({
      status: 'DRAFT',
      total: '106.50',
      cogs: null,
      margin: null,
      customerName: '张三商行',
      channelName: '门店',
      storeName: '南京路店',
      ownerName: expect.any(String),
    });
    expect(
      A.lines.map((l: any) => [l.skuCode, l.qty, l.unitPrice, l.priceRule, l.priceChanged, l.amount, l.belowCost]),
    ).toEqual([
      ['P-MILK-1', '8', '6.000000', 'FIXED', false, '48.00', null],
      ['P-TEA-1', '3', '19.500000', 'LIST_PRICE', true, '58.50', null],
    ]);
    expect(A.lines[0].priceSteps[0]).toBe('list price 20.00');
    expect(A.lines[0].priceSteps.join(' | ')).toMatch(/BASE/);
    expect(A.lines[1].priceSteps.at(-1)).toMatch(/changed by .* to 19\.50/);
  });

  it('confirming reserves the stock; beyond what is available or beyond the credit limit is refused and nothing is reserved', async () => {
    expect(await avail()).toEqual([
      ['10', '0', '10'],
      ['20', '0', '20'],
    ]);
    const actions = async (u: string) =>
      ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ availableActions } }', { id: A.id }, tok[u])).salesOrder
        .availableActions;
    expect(await actions('sales')).toEqual(['EDIT', 'CONFIRM', 'CANCEL']);
    expect(await actions('warehouse')).toEqual([]);
    A = ok(await t.gql(CONFIRM, { id: A.id }, tok.sales)).confirmSalesOrder;
    expect(A.status).toBe('CONFIRMED');
    expect(await actions('sales')).toEqual(['CANCEL']);
    expect(await actions('warehouse')).toEqual(['SHIP']);
    expect(A.lines.map((l: any) => l.reservedQty)).toEqual(['8', '3']);
    expect(await avail()).toEqual([
      ['10', '8', '2'],
      ['20', '3', '17'],
    ]);
    const again = await t.gql(CONFIRM, { id: A.id }, tok.sales);
    expect(codeOf(again)).toBe('DOCUMENT_STATE');
    // reserved stock is not for other issues either: 3 of the 2 available is refused, nothing posted
    const ledger = await t.ds.getRepository(StockLedgerEntry).count();
    const out = ok(
      await t.gql(
        DOC,
        {
          i: {
            type: 'OTHER_OUT',
            warehouseId: id.wh,
            businessDate: '2026-11-20',
            lines: [{ skuId: id.milk, qty: '3' }],
          },
        },
        tok.admin,
      ),
    ).createStockDocument.id;
    const refused = await t.gql(POST_DOC, { id: out }, tok.admin);
    expect(codeOf(refused)).toBe('INSUFFICIENT_AVAILABLE');
    expect(refused.errors![0].message).toBe(
      'Only 2 available (on hand − reserved for sales orders); 3 cannot be issued.',
    );
    expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(ledger);
    expect(await avail()).toEqual([
      ['10', '8', '2'],
      ['20', '3', '17'],
    ]);

    const B = ok(
      await t.gql(
        CREATE,
        {
          i: head({
            lines: [
              { skuId: id.tea, qty: '1' },
              { skuId: id.milk, qty: '3' },
            ],
          }),
        },
        tok.sales,
      ),
    ).createSalesOrder;
    const before = await counts();
    const short = await t.gql(CONFIRM, { id: B.id }, tok.sales);
    expect(codeOf(short)).toBe('INSUFFICIENT_AVAILABLE');
    expect(short.errors![0].message).toBe('Line 2: Only 2 available (on hand − reserved); 3 cannot be reserved.');
    expect(await counts()).toEqual(before);
    expect(await avail()).toEqual([
      ['10', '8', '2'],
      ['20', '3', '17'],
    ]);
    expect(ok(await t.gql(ORDER, { id: B.id }, tok.sales)).salesOrder.status).toBe('DRAFT');

    // 500.00 limit: 106.50 confirmed + 400.00 > 500.00
    const C = ok(
      await t.gql(CREATE, { i: head({ lines: [{ skuId: id.tea, qty: '20' }] }) }, tok.sales),
    ).createSalesOrder;
    const credit = await t.gql(CONFIRM, { id: C.id }, tok.sales);
    expect(codeOf(credit)).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(credit.errors![0].extensions!.details).toEqual({
      creditLimit: '500.00',
      exposure: '106.50',
      order: '400.00',
      over: '6.50',
    });
    expect(await avail()).toEqual([
      ['10', '8', '2'],
      ['20', '3', '17'],
    ]);
    ok(await t.gql(CANCEL, { id: C.id }, tok.sales));
    ok(await t.gql(CANCEL, { id: B.id }, tok.sales));
  });

  let S1: any;
  it('a keeper ships part: FEFO across two batches, FIFO cost, no prices for the keeper; the reservation goes with the goods', async () => {
    const ship = {
      orderId: A.id,
      businessDate: '2026-11-21',
      lines: [
        { orderLineId: A.lines[0].id, qty: '7' },
        { orderLineId: A.lines[1].id, qty: '1' },
      ],
    };
    S1 = ok(await t.gql(SHIP, { i: ship, k: 'ship-A-1' }, tok.warehouse)).shipSalesOrder;
    expect(S1.number).toBe('SS-20261121-0001');
    expect(S1.lines.map((l: any) => [l.qty, l.amount, l.cogs])).toEqual([
      ['7', null, null],
      ['1', null, null],
    ]);
    expect(S1.lines[0].picks).toEqual([
      { binCode: 'A-02', batchNo: 'L1', expiryDate: '2026-12-10', qty: '5' },
      { binCode: 'A-01', batchNo: 'L2', expiryDate: '2026-12-20', qty: '2' },
    ]);
    // a retry with the same key returns the same shipment and posts nothing
    const ledger = await t.ds.getRepository(StockLedgerEntry).count();
    expect(ok(await t.gql(SHIP, { i: ship, k: 'ship-A-1' }, tok.warehouse)).shipSalesOrder.id).toBe(S1.id);
    expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(ledger);

    const acc = ok(await t.gql(ORDER, { id: A.id }, tok.accountant)).salesOrder;
    expect(acc.status).toBe('PARTLY_SHIPPED');
    // milk: 5 × 3.00 + 2 × 3.60 = 22.20 against 7 × 6.00 = 42.00; tea: 1 × 8.00 against 19.50
    expect(acc.lines.map((l: any) => [l.shippedQty, l.reservedQty, l.cogs, l.margin])).toEqual([
      ['7', '1', '22.20', '19.80'],
      ['1', '2', '8.00', '11.50'],
    ]);
    expect([acc.cogs, acc.margin]).toEqual(['30.20', '31.30']);
    expect(await avail()).toEqual([
      ['3', '1', '2'],
      ['19', '2', '17'],
    ]);
    const shipped = await t.gql(
      'query($id:ID!){ salesShipment(id:$id){ lines { amount cogs } } }',
      { id: S1.id },
      tok.accountant,
    );
    expect(shipped.data.salesShipment.lines).toEqual([
      { amount: '42.00', cogs: '22.20' },
      { amount: '19.50', cogs: '8.00' },
    ]);

    const before = await counts();
    const over = await t.gql(
      SHIP,
      { i: { orderId: A.id, lines: [{ orderLineId: A.lines[0].id, qty: '2' }] } },
      tok.warehouse,
    );
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
    expect(over.errors![0].extensions!.details).toEqual({
      fields: [{ field: 'lines[0].qty', message: 'At most 1 is left to ship (ordered 8, shipped 7).' }],
    });
    expect(await counts()).toEqual(before);
    await check();
  });

  it('an invoice bills what was shipped; a return restocks at the cost the goods left with and credits the customer', async () => {
    const inv1 = ok(
      await t.gql(INVOICE, { i: { orderId: A.id, invoiceDate: '2026-11-22' } }, tok.accountant),
    ).createSalesInvoice;
    expect([inv1.number, inv1.total, inv1.dueDate]).toEqual(['SI-20261122-0001', '61.50', '2026-12-23']);
    const before = await counts();
    const tooMany = await t.gql(
      RETURN,
      {
        i: {
          shipmentId: S1.id,
          reason: 'DEFECTIVE',
          resolution: 'REFUND',
          lines: [{ shipmentLineId: S1.lines[0].id, qty: '8', disposition: 'RESTOCK' }],
        },
      },
      tok.sales,
    );
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].extensions!.details).toEqual({
      fields: [{ field: 'lines[0].qty', message: 'At most 7 can be returned (shipped 7, returned 0).' }],
    });
    expect(await counts()).toEqual(before);

    const R = ok(
      await t.gql(
        RETURN,
        {
          i: {
            shipmentId: S1.id,
            businessDate: '2026-11-23',
            reason: 'DEFECTIVE',
            resolution: 'REFUND',
            lines: [{ shipmentLineId: S1.lines[0].id, qty: '2', disposition: 'RESTOCK' }],
          },
        },
        tok.sales,
      ),
    ).returnSalesGoods;
    // the salesperson sees the credit, never the cost
    expect(R).toMatchObject({
      number: 'SR-20261123-0001',
      credit: '12.00',
      replacementOrderId: null,
      lines: [{ qty: '2', disposition: 'RESTOCK', amount: '12.00', restockedCost: null }],
    });
    // back into L2 (the newest pick) at 3.60
    const rows = await t.ds.getRepository(StockLedgerEntry).find({ where: { documentType: 'sales_return' } });
    expect(rows.map((r) => [new Decimal(r.qty).toFixed(), new Decimal(r.value).toFixed(2)])).toEqual([['2', '7.20']]);
    const acc = ok(await t.gql(ORDER, { id: A.id }, tok.accountant)).salesOrder;
    expect(acc.lines[0]).toMatchObject({ returnedQty: '2', cogs: '15.00', margin: '15.00' });
    expect(await avail()).toEqual([
      ['5', '1', '4'],
      ['19', '2', '17'],
    ]);
    const bins = ok(
      await t.gql(`{ binBalances(warehouseId:"${id.wh}", skuId:"${id.milk}") { binCode batchNo qty } }`, {}, tok.admin),
    ).binBalances;
    expect(bins).toEqual([{ binCode: 'A-01', batchNo: 'L2', qty: '5' }]);
    await check();
  });

  it('the ledger check finds an entry that belongs to no shipment or return line (sales registers its lines)', async () => {
    // the first shipment's and return's first lines go missing for a moment
    const entry = async (type: string) =>
      (
        await t.ds.query('SELECT id, document_line_id FROM stock_ledger WHERE document_type = ? ORDER BY id LIMIT 1', [
          type,
        ])
      )[0] as { id: string; document_line_id: number };
    const [shipped, returned] = [await entry('sales_shipment'), await entry('sales_return')];
    const lines = [
      ['sales_shipment_line', shipped.document_line_id],
      ['sales_return_line', returned.document_line_id],
    ] as const;
    const rows = await Promise.all(
      lines.map(async ([table, id]) => (await t.ds.query(`SELECT * FROM ${table} WHERE id = ?`, [id]))[0]),
    );
    for (const [table, id] of lines) await t.ds.query(`DELETE FROM ${table} WHERE id = ?`, [id]);
    try {
      // document types in order: sales_return before sales_shipment
      expect(await t.app.services.posting.check('fifo')).toEqual([
        `ledger entry ${returned.id} does not belong to a sales return line`,
        `ledger entry ${shipped.id} does not belong to a sales shipment line`,
      ]);
    } finally {
      for (const [k, [table]] of lines.entries()) {
        const cols = Object.keys(rows[k]);
        await t.ds.query(
          `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
          cols.map((c) => rows[k][c]),
        );
      }
    }
    await check();
  });

  it('ships the rest (status SHIPPED), bills it (INVOICED), ages the balance and is paid (PAID); amounts exact to the cent', async () => {
    const S2 = ok(
      await t.gql(
        SHIP,
        {
          i: {
            orderId: A.id,
            businessDate: '2026-11-24',
            lines: [
              { orderLineId: A.lines[0].id, qty: '1' },
              { orderLineId: A.lines[1].id, qty: '2' },
            ],
          },
        },
        tok.warehouse,
      ),
    ).shipSalesOrder;
    expect(S2.lines[0].picks).toEqual([{ binCode: 'A-01', batchNo: 'L2', expiryDate: '2026-12-20', qty: '1' }]);
    let acc = ok(await t.gql(ORDER, { id: A.id }, tok.accountant)).salesOrder;
    expect(acc.status).toBe('SHIPPED');
    // milk: cogs 15.00 + 3.60, revenue 48.00 − 12.00; tea: 8.00 + 2 × 8.00, revenue 58.50
    expect(acc.lines.map((l: any) => [l.shippedQty, l.reservedQty, l.cogs, l.margin])).toEqual([
      ['8', '0', '18.60', '17.40'],
      ['3', '0', '24.00', '34.50'],
    ]);
    expect([acc.cogs, acc.margin]).toEqual(['42.60', '51.90']);
    expect(await avail()).toEqual([
      ['4', '0', '4'],
      ['17', '0', '17'],
    ]);
    const inv2 = ok(
      await t.gql(INVOICE, { i: { orderId: A.id, invoiceDate: '2026-11-24' } }, tok.accountant),
    ).createSalesInvoice;
    const inv2Number = inv2.number;
    expect(inv2.total).toBe('45.00');
    expect(ok(await t.gql(ORDER, { id: A.id }, tok.accountant)).salesOrder.status).toBe('INVOICED');
    expect(codeOf(await t.gql(INVOICE, { i: { orderId: A.id } }, tok.accountant))).toBe('DOCUMENT_STATE');

    // 61.50 − 12.00 credit = 49.50 open on the first invoice (62 days old), 45.00 on the second (60 days)
    const aged = ok(await t.gql(RECEIVABLES, { a: '2027-01-23' }, tok.accountant)).customerReceivables;
    expect(aged).toEqual([
      {
        customerCode: 'C-1',
        invoiced: '106.50',
        credited: '12.00',
        paid: '0.00',
        balance: '94.50',
        age0to30: '0.00',
        age31to60: '45.00',
        age61to90: '49.50',
        ageOver90: '0.00',
        overdue: '94.50',
        openInvoices: 2,
      },
    ]);
    // the detail of the row, as of a day: what payments and credits up to that day had settled
    const AS_OF =
      'query($c:ID!,$a:String){ customerInvoicesAsOf(customerId:$c, asOf:$a){ number total settled open overdue } }';
    expect(ok(await t.gql(AS_OF, { c: id.cust, a: '2027-01-23' }, tok.accountant)).customerInvoicesAsOf).toEqual([
      { number: inv2Number, total: '45.00', settled: '0.00', open: '45.00', overdue: true },
      { number: 'SI-20261122-0001', total: '61.50', settled: '12.00', open: '49.50', overdue: true },
    ]);
    // before the return was credited (the 23rd), nothing had been settled
    expect(ok(await t.gql(AS_OF, { c: id.cust, a: '2026-11-22' }, tok.accountant)).customerInvoicesAsOf).toEqual([
      { number: 'SI-20261122-0001', total: '61.50', settled: '0.00', open: '61.50', overdue: false },
    ]);
    // receivables follow the customer's owner (issue 11): the salesperson reads their own customer's balance and
    // invoices (they follow up the payments), another salesperson nothing of it, a keeper none at all
    expect(ok(await t.gql(RECEIVABLES, { a: '2027-01-23' }, tok.sales)).customerReceivables).toEqual(aged);
    expect(ok(await t.gql(RECEIVABLES, { a: '2027-01-23' }, tok.sales2)).customerReceivables).toEqual([]);
    expect(ok(await t.gql(RECEIVABLES, { a: '2027-01-23' }, tok.manager)).customerReceivables).toEqual(aged);
    expect(codeOf(await t.gql(RECEIVABLES, {}, tok.warehouse))).toBe('FORBIDDEN');
    expect(
      ok(await t.gql(AS_OF, { c: id.cust, a: '2027-01-23' }, tok.sales)).customerInvoicesAsOf.map((i: any) => i.open),
    ).toEqual(['45.00', '49.50']);
    expect(ok(await t.gql(AS_OF, { c: id.cust, a: '2027-01-23' }, tok.sales2)).customerInvoicesAsOf).toEqual([]);
    const INVOICES = 'query($c:ID){ salesInvoices(customerId:$c){ total items { number total } } }';
    expect(ok(await t.gql(INVOICES, { c: id.cust }, tok.sales)).salesInvoices.total).toBe(2);
    expect(ok(await t.gql(INVOICES, { c: id.cust }, tok.sales2)).salesInvoices.total).toBe(0);
    const EXPORT = 'query($a:String){ exportCustomerReceivables(asOf:$a){ content columns } }';
    const own = ok(await t.gql(EXPORT, { a: '2027-01-23' }, tok.sales)).exportCustomerReceivables;
    expect(own.content.split('\r\n').slice(1, -1)).toEqual([
      'C-1,张三商行,106.50,12.00,0.00,94.50,0.00,45.00,49.50,0.00,94.50,2',
    ]);
    expect(
      ok(await t.gql(EXPORT, { a: '2027-01-23' }, tok.sales2)).exportCustomerReceivables.content.split('\r\n'),
    ).toHaveLength(2);
    expect(ok(await t.gql(EXPORT, { a: '2027-01-23' }, tok.accountant)).exportCustomerReceivables.content).toBe(
      own.content,
    );
    // the page's export (the list registry): its columns with the page's headers, the same scope and day
    const recvCols: Array<[string, string]> = [
      ['customerCode', '客户编码'],
      ['customerName', '客户'],
      ['invoiced', '已开票'],
      ['credited', '退货冲减'],
      ['paid', '已收款'],
      ['balance', '余额'],
      ['age0to30', '0–30 天'],
      ['age31to60', '31–60 天'],
      ['age61to90', '61–90 天'],
      ['ageOver90', '90 天以上'],
      ['overdue', '逾期'],
      ['openInvoices', '未结发票'],
    ];
    const recv = await exportedFile(t, tok.sales, 'customerReceivables', recvCols, { asOf: '2027-01-23' });
    expect(recv.rows).toEqual([
      recvCols.map(([, h]) => h),
      ['C-1', '张三商行', '106.50', '12.00', '0.00', '94.50', '0.00', '45.00', '49.50', '0.00', '94.50', '2'],
    ]);
    expect((await exportedFile(t, tok.sales2, 'customerReceivables', recvCols, { asOf: '2027-01-23' })).rows).toEqual([
      recvCols.map(([, h]) => h),
    ]);
    // before the second invoice (the 22nd): one open invoice of 61.50, nothing due yet
    expect(
      (await exportedFile(t, tok.accountant, 'customerReceivables', recvCols, { asOf: '2026-11-22' })).rows.slice(1),
    ).toEqual([['C-1', '张三商行', '61.50', '0.00', '0.00', '61.50', '61.50', '0.00', '0.00', '0.00', '0.00', '1']]);
    expect(codeOf(await exportListAs(t, tok.warehouse, 'customerReceivables', recvCols))).toBe('FORBIDDEN');
    const before = await counts();
    const tooMuch = await t.gql(PAY, { i: { customerId: id.cust, amount: '100.00' } }, tok.accountant);
    expect(codeOf(tooMuch)).toBe('BAD_USER_INPUT');
    expect(tooMuch.errors![0].message).toBe('The payment exceeds the balance 94.50.');
    expect(await counts()).toEqual(before);
    expect(codeOf(await t.gql(PAY, { i: { customerId: id.cust, amount: '10' } }, tok.sales))).toBe('FORBIDDEN');
    ok(await t.gql(PAY, { i: { customerId: id.cust, amount: '94.50', receivedOn: '2026-11-25' } }, tok.accountant));
    acc = ok(await t.gql(ORDER, { id: A.id }, tok.accountant)).salesOrder;
    expect(acc.status).toBe('PAID');
    const PAYMENTS = 'query($c:ID){ customerPayments(customerId:$c){ total items { amount } } }';
    for (const [who, seen] of [
      ['sales', [{ amount: '94.50' }]],
      ['sales2', []],
      ['manager', [{ amount: '94.50' }]],
      ['accountant', [{ amount: '94.50' }]],
    ] as const)
      expect([who, ok(await t.gql(PAYMENTS, { c: id.cust }, tok[who])).customerPayments.items]).toEqual([who, seen]);
    expect(ok(await t.gql(RECEIVABLES, { a: '2027-01-23' }, tok.accountant)).customerReceivables[0]).toMatchObject({
      balance: '0.00',
      paid: '94.50',
      openInvoices: 0,
      overdue: '0.00',
    });
    // stock and its value: milk 4 left in L2 at 3.60; tea 17: 7 × 8.00 + 10 × 9.00
    const heads = await t.ds.getRepository(StockCost).find({ order: { skuId: 'ASC' } });
    const h = (sku: string) => heads.find((x) => String(x.skuId) === sku)!;
    expect([new Decimal(h(id.milk).qty).toFixed(), new Decimal(h(id.milk).value).toFixed(2)]).toEqual(['4', '14.40']);
    expect([new Decimal(h(id.tea).qty).toFixed(), new Decimal(h(id.tea).value).toFixed(2)]).toEqual(['17', '146.00']);
    await check();
  });

  it('feeds the tiers (RFM) and the customer history; cancelling releases; shipping a cancelled order is refused', async () => {
    const figures = await t.app.services.salesOrders.figures(
      t.ds.manager,
      [Number(id.cust), Number(id.cust2)],
      '2026-01-01',
      '2026-12-31',
    );
    // the order's 106.50 less the 12.00 credited for the return above: a return is no purchase
    expect(figures).toEqual([
      { customerId: Number(id.cust), orders: 1, amount: '94.50', lastOrderOn: '2026-11-20' },
      { customerId: Number(id.cust2), orders: 0, amount: '0.00', lastOrderOn: null },
    ]);
    const hist = ok(
      await t.gql(
        'query($c:ID!){ customerSalesHistory(customerId:$c, months:24){ month orders amount } }',
        { c: id.cust },
        tok.sales,
      ),
    ).customerSalesHistory;
    expect(hist.find((m: any) => m.month === '2026-11')).toEqual({ month: '2026-11', orders: 1, amount: '106.50' });
    expect(
      codeOf(await t.gql('query($c:ID!){ customerSalesHistory(customerId:$c){ month } }', { c: id.cust }, tok.sales2)),
    ).toBe('NOT_FOUND');

    const D1 = ok(
      await t.gql(CREATE, { i: head({ lines: [{ skuId: id.milk, qty: '3' }] }) }, tok.sales),
    ).createSalesOrder;
    ok(await t.gql(CONFIRM, { id: D1.id }, tok.sales));
    expect((await avail())[0]).toEqual(['4', '3', '1']);
    const cancelled = ok(await t.gql(CANCEL, { id: D1.id }, tok.sales)).cancelSalesOrder;
    expect(cancelled.status).toBe('CANCELLED');
    expect((await avail())[0]).toEqual(['4', '0', '4']);
    const before = await counts();
    const ship = await t.gql(
      SHIP,
      { i: { orderId: D1.id, lines: [{ orderLineId: D1.lines[0].id, qty: '1' }] } },
      tok.warehouse,
    );
    expect(codeOf(ship)).toBe('ORDER_NOT_SHIPPABLE');
    expect(ship.errors![0].message).toBe(
      `Order ${D1.number} is cancelled: only a confirmed or partly shipped order can be shipped.`,
    );
    expect(await counts()).toEqual(before);
  });

  it('a scrapped exchange: nothing back into stock, the credit pays for a replacement draft at the original price', async () => {
    const E = ok(
      await t.gql(CREATE, { i: head({ orderDate: '2026-11-24', lines: [{ skuId: id.milk, qty: '2' }] }) }, tok.sales),
    ).createSalesOrder;
    ok(await t.gql(CONFIRM, { id: E.id }, tok.sales));
    const S = ok(
      await t.gql(
        SHIP,
        { i: { orderId: E.id, businessDate: '2026-11-24', lines: [{ orderLineId: E.lines[0].id, qty: '2' }] } },
        tok.warehouse,
      ),
    ).shipSalesOrder;
    const ledger = await t.ds.getRepository(StockLedgerEntry).count();
    const R = ok(
      await t.gql(
        RETURN,
        {
          i: {
            shipmentId: S.id,
            businessDate: '2026-11-25',
            reason: 'DAMAGED_IN_TRANSIT',
            resolution: 'EXCHANGE',
            lines: [{ shipmentLineId: S.lines[0].id, qty: '1', disposition: 'SCRAP' }],
          },
        },
        tok.sales,
      ),
    ).returnSalesGoods;
    expect(R.credit).toBe('6.00');
    expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(ledger);
    const repl = ok(await t.gql(ORDER, { id: R.replacementOrderId }, tok.manager)).salesOrder;
    expect(repl).toMatchObject({ status: 'DRAFT', total: '6.00' });
    expect(repl.lines[0]).toMatchObject({ qty: '1', unitPrice: '6.000000' });
    const e = ok(await t.gql(ORDER, { id: E.id }, tok.manager)).salesOrder;
    // the scrapped unit's cost stays in COGS: 2 × 3.60 = 7.20 against 12.00 − 6.00
    expect([e.cogs, e.margin]).toEqual(['7.20', '-1.20']);
    await check();
  });

  it('field rules and the salesperson scope hold in lists, nested objects, search, sorting, export and the overview', async () => {
    const LIST =
      'query($f:SalesOrderFilter,$s:SalesOrderSort){ salesOrders(filter:$f, sort:$s){ total items { number total cogs margin lines { unitPrice amount cogs margin belowCost } shipments { lines { amount cogs } } invoices { number total } } } }';
    const sales = await t.gql(LIST, { f: { search: '张三' } }, tok.sales);
    expect(sales.data.salesOrders.total).toBe(7);
    const paid = sales.data.salesOrders.items.find((o: any) => o.number === A.number);
    expect(paid).toMatchObject({ total: '106.50', cogs: null, margin: null });
    expect(paid.lines[0]).toMatchObject({
      unitPrice: '6.000000',
      amount: '48.00',
      cogs: null,
      margin: null,
      belowCost: null,
    });
    expect(paid.shipments.map((s: any) => s.lines[0])).toEqual([
      { amount: '6.00', cogs: null },
      { amount: '42.00', cogs: null },
    ]);
    expect(sales.extensions?.hiddenFields).toEqual(
      expect.arrayContaining(['SalesOrder.cogs', 'SalesOrder.margin', 'SalesOrderLine.cogs', 'SalesShipmentLine.cogs']),
    );
    expect(codeOf(await t.gql(LIST, { s: 'MARGIN' }, tok.sales))).toBe('FORBIDDEN');
    expect(ok(await t.gql(LIST, { s: 'MARGIN' }, tok.accountant)).salesOrders.items[0].number).toBe(A.number);
    // the other salesperson sees none of it: not in lists or search, NOT_FOUND by id
    expect((await t.gql(LIST, { f: { search: 'C-1' } }, tok.sales2)).data.salesOrders.total).toBe(0);
    expect(codeOf(await t.gql(ORDER, { id: A.id }, tok.sales2))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql('query($id:ID!){ salesShipment(id:$id){ id } }', { id: S1.id }, tok.sales2))).toBe(
      'NOT_FOUND',
    );
    // the keeper sees what to ship, no prices anywhere
    const keeper = await t.gql(LIST, { f: { search: A.number } }, tok.warehouse);
    expect(keeper.data.salesOrders.items[0]).toMatchObject({ total: null, cogs: null, margin: null });
    expect(keeper.data.salesOrders.items[0].lines[0]).toMatchObject({ unitPrice: null, amount: null });
    expect(keeper.data.salesOrders.items[0].shipments[0].lines[0]).toEqual({ amount: null, cogs: null });
    expect(keeper.data.salesOrders.items[0].invoices.map((i: any) => i.total)).toEqual([null, null]);
    // the delivery note's header: the company name is for any signed-in user (the keeper prints the note)
    await t.ds.getRepository(CompanySettings).update({ id: 1 }, { companyName: '云栖茶业有限公司' });
    expect(ok(await t.gql('{ companyName }', {}, tok.warehouse)).companyName).toBe('云栖茶业有限公司');
    expect(codeOf(await t.gql('{ companySettings { companyName } }', {}, tok.warehouse))).toBe('FORBIDDEN');
    // exports drop the columns
    const csv = async (token: string, headers: Record<string, string> = {}) =>
      ok(await t.gql('{ exportSalesOrders { columns content } }', {}, token, headers)).exportSalesOrders;
    const head = (file: { content: string }) => file.content.replace(/^\ufeff/, '').split(/\r?\n/)[0];
    expect((await csv(tok.sales)).columns).toEqual([
      'number',
      'orderDate',
      'status',
      'customer',
      'channel',
      'store',
      'warehouse',
      'owner',
      'total',
    ]);
    // in the requester's language: zh-CN unless asked otherwise
    expect(head(await csv(tok.sales))).toBe('单号,下单日期,状态,客户,渠道,门店,仓库,业务员,金额');
    expect(head(await csv(tok.warehouse))).toBe('单号,下单日期,状态,客户,渠道,门店,仓库,业务员');
    expect(head(await csv(tok.accountant))).toBe('单号,下单日期,状态,客户,渠道,门店,仓库,业务员,金额,成本,毛利');
    const en = await csv(tok.accountant, { 'accept-language': 'en-US,en;q=0.9' });
    expect(head(en)).toBe('Number,Order date,Status,Customer,Channel,Store,Warehouse,Owner,Total,COGS,Margin');
    const statusOf = (file: { content: string }, number: string) =>
      file.content
        .split(/\r?\n/)
        .find((l) => l.startsWith(number))!
        .split(',')[2];
    expect(statusOf(en, A.number)).toMatch(/^[A-Z][a-z]+( [a-z]+)?$/);
    expect(statusOf(await csv(tok.accountant), A.number)).toMatch(/^[\u4e00-\u9fa5]+$/);
    // the page's export (the list registry): the page's columns and filter; amount, cost and margin by the field rules
    const soCols: Array<[string, string]> = [
      ['number', '单号'],
      ['customer', '客户'],
      ['status', '状态'],
      ['orderDate', '下单日期'],
      ['channel', '渠道'],
      ['ownerName', '业务员'],
      ['total', '金额'],
      ['cogs', '成本'],
      ['margin', '毛利'],
    ];
    const soStatus = { status: { PAID: '已收款', SHIPPED: '已发货', INVOICED: '已开票', CONFIRMED: '已确认' } };
    const LISTED =
      'query($f:SalesOrderFilter){ salesOrders(filter:$f){ items { number status orderDate customerCode customerName channelName storeName ownerName total cogs margin } } }';
    const listed = ok(await t.gql(LISTED, { f: { search: A.number } }, tok.accountant)).salesOrders.items[0];
    const soAcc = await exportedFile(
      t,
      tok.accountant,
      'salesOrders',
      soCols,
      { filter: { search: A.number } },
      soStatus,
    );
    expect(soAcc.hidden).toBeUndefined();
    expect(soAcc.rows).toEqual([
      soCols.map(([, h]) => h),
      [
        A.number,
        'C-1 · 张三商行',
        '已收款',
        listed.orderDate,
        `${listed.channelName} · ${listed.storeName}`,
        listed.ownerName,
        listed.total,
        listed.cogs,
        listed.margin,
      ],
    ]);
    expect(listed.status).toBe('PAID');
    expect([listed.total, listed.cogs, listed.margin]).toEqual(['106.50', '42.60', '51.90']);
    const soSales = await exportedFile(t, tok.sales, 'salesOrders', soCols, { filter: { search: A.number } }, soStatus);
    expect(soSales.columns).toEqual(['number', 'customer', 'status', 'orderDate', 'channel', 'ownerName', 'total']);
    expect(soSales.hidden).toEqual(['SalesOrder.cogs', 'SalesOrder.margin']);
    expect(soSales.rows[1]).toEqual(soAcc.rows[1].slice(0, 7));
    const soKeeper = await exportedFile(t, tok.warehouse, 'salesOrders', soCols, { filter: { search: A.number } });
    expect(soKeeper.columns).toEqual(['number', 'customer', 'status', 'orderDate', 'channel', 'ownerName']);
    expect(soKeeper.rows[1][2]).toBe('PAID'); // no labels sent: the value as GraphQL names it
    // another salesperson: not their customer's order, so no row (and no cost columns)
    expect((await exportedFile(t, tok.sales2, 'salesOrders', soCols, { filter: { search: A.number } })).rows).toEqual([
      soCols.slice(0, 7).map(([, h]) => h),
    ]);
    expect(codeOf(await exportListAs(t, tok.accountant, 'salesOrders', soCols, { filter: { status: 'NOPE' } }))).toBe(
      'BAD_USER_INPUT',
    );
    // the overview: revenue = 61.50 + 45.00 − 12.00 (order A) + 12.00 − 6.00 (order E); margin only for the accountant
    const OV =
      '{ salesOverview(from:"2026-11-01", to:"2026-11-30"){ revenue cogs margin rows { channelCode storeName orders revenue cogs margin } days { day revenue margin } } }';
    const ov = ok(await t.gql(OV, {}, tok.accountant)).salesOverview;
    expect(ov.rows).toEqual([
      { channelCode: 'STORE', storeName: '南京路店', orders: 2, revenue: '100.50', cogs: '49.80', margin: '50.70' },
    ]);
    expect([ov.revenue, ov.cogs, ov.margin]).toEqual(['100.50', '49.80', '50.70']);
    expect(ov.days.map((d: any) => d.day)).toEqual(['2026-11-21', '2026-11-23', '2026-11-24', '2026-11-25']);
    const ovSales = await t.gql(OV, {}, tok.sales);
    expect(ovSales.data.salesOverview.rows[0]).toMatchObject({ revenue: '100.50', cogs: null, margin: null });
    expect(ok(await t.gql(OV, {}, tok.sales2)).salesOverview.rows).toEqual([]);
  });

  it('closing a partly shipped order releases the rest; it bills what went out and no longer counts the rest against the credit limit', async () => {
    const F = ok(
      await t.gql(CREATE, { i: head({ orderDate: '2026-11-25', lines: [{ skuId: id.tea, qty: '4' }] }) }, tok.sales),
    ).createSalesOrder;
    ok(await t.gql(CONFIRM, { id: F.id }, tok.sales));
    ok(
      await t.gql(
        SHIP,
        { i: { orderId: F.id, businessDate: '2026-11-25', lines: [{ orderLineId: F.lines[0].id, qty: '1' }] } },
        tok.warehouse,
      ),
    );
    expect((await avail())[1]).toEqual(['16', '3', '13']);
    expect(codeOf(await t.gql('mutation($id:ID!){ closeSalesOrder(id:$id){ id } }', { id: A.id }, tok.sales))).toBe(
      'DOCUMENT_STATE',
    );
    const closed = ok(
      await t.gql(`mutation($id:ID!){ closeSalesOrder(id:$id){ ${ORDER_FIELDS} } }`, { id: F.id }, tok.sales),
    ).closeSalesOrder;
    expect(closed.status).toBe('SHIPPED');
    expect(closed.lines[0]).toMatchObject({ qty: '4', shippedQty: '1', reservedQty: '0' });
    expect((await avail())[1]).toEqual(['16', '0', '16']);
    // open −6.00 (credits ahead of invoices) + E's 12.00 shipped + F's 20.00 shipped (not the 60.00 left unshipped)
    expect((await t.app.services.salesOrders.exposure(t.ds.manager, Number(id.cust))).toFixed(2)).toBe('26.00');
    const inv = ok(
      await t.gql(INVOICE, { i: { orderId: F.id, invoiceDate: '2026-11-25' } }, tok.accountant),
    ).createSalesInvoice;
    expect(inv.total).toBe('20.00');
    expect(ok(await t.gql(ORDER, { id: F.id }, tok.accountant)).salesOrder.status).toBe('INVOICED');
    expect((await t.app.services.salesOrders.exposure(t.ds.manager, Number(id.cust))).toFixed(2)).toBe('26.00');
    await check();
  });

  it('stored price steps never carry the cost; partial shipments round on the running quantity; invoices not before the goods; exchange drafts keep their prices only unedited', async () => {
    const base = ok(await t.gql('{ priceLists { id code } }', {}, tok.manager)).priceLists.find(
      (l: any) => l.code === 'BASE',
    ).id;
    ok(
      await t.gql(
        'mutation($i:PriceListItemInput!){ setPriceListItem(input:$i){ id } }',
        { i: { priceListId: base, skuId: id.tea, rule: 'COST_PLUS', value: '50', validFrom: '2026-12-01' } },
        tok.manager,
      ),
    );
    // priced by the manager (who may see cost), read by the salesperson: the steps name the list and the price,
    // neither the cost nor the margin over it (price and "+ 50%" together would give the cost)
    const G = ok(
      await t.gql(CREATE, { i: head({ orderDate: '2026-12-01', lines: [{ skuId: id.tea, qty: '1' }] }) }, tok.manager),
    ).createSalesOrder;
    const read = await t.gql(ORDER, { id: G.id }, tok.sales);
    const steps: string[] = ok(read).salesOrder.lines[0].priceSteps;
    expect(steps.join(' | ')).toMatch(/price list BASE \(基础价\): \d+\.\d\d/);
    expect(steps.join(' | ')).not.toMatch(/cost|50%/);
    // nor the kind of rule (the manager sees it)
    expect(read.data.salesOrder.lines[0].priceRule).toBeNull();
    expect(read.extensions?.hiddenFields).toContain('SalesOrderLine.priceRule');
    expect(ok(await t.gql(ORDER, { id: G.id }, tok.manager)).salesOrder.lines[0].priceRule).toBe('COST_PLUS');
    ok(await t.gql(CANCEL, { id: G.id }, tok.manager));

    // 4 @ 0.005 = 0.02, shipped one by one: 0.01, 0.00, 0.01, 0.00 (never negative, Σ = the amount)
    const H = ok(
      await t.gql(
        CREATE,
        { i: head({ orderDate: '2026-11-25', lines: [{ skuId: id.tea, qty: '4', unitPrice: '0.005' }] }) },
        tok.manager,
      ),
    ).createSalesOrder;
    expect(H.lines[0].amount).toBe('0.02');
    ok(await t.gql(CONFIRM, { id: H.id }, tok.manager));
    const amounts: string[] = [];
    for (let k = 0; k < 4; k++) {
      const s = ok(
        await t.gql(
          SHIP,
          { i: { orderId: H.id, businessDate: '2026-11-26', lines: [{ orderLineId: H.lines[0].id, qty: '1' }] } },
          tok.warehouse,
        ),
      ).shipSalesOrder;
      amounts.push(
        (await t.ds.query('SELECT amount FROM sales_shipment_line WHERE shipment_id = ?', [Number(s.id)]))[0].amount,
      );
    }
    expect(amounts.map((a) => new Decimal(a).toFixed(2))).toEqual(['0.01', '0.00', '0.01', '0.00']);
    const early = await t.gql(INVOICE, { i: { orderId: H.id, invoiceDate: '2026-11-25' } }, tok.accountant);
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].extensions!.details).toEqual({
      fields: [{ field: 'invoiceDate', message: 'On or after the last shipment 2026-11-26.' }],
    });

    // the exchange replacement of order E: edited lines are priced and checked again
    const repl = await t.ds.getRepository(SalesOrder).findOneByOrFail({
      exchangeOfReturnId: (await t.ds.getRepository(SalesReturn).findOneByOrFail({ resolution: 'exchange' as any })).id,
    });
    const edit = await t.gql(
      'mutation($i:UpdateSalesOrderInput!){ updateSalesOrder(input:$i){ id } }',
      { i: { id: String(repl.id), version: repl.version, lines: [{ skuId: id.tea, qty: '15', unitPrice: '0.01' }] } },
      tok.sales,
    );
    // priced below cost by hand: saved, and confirming sends it to price approval (price-approval.int.test)
    expect(edit.errors).toBeUndefined();
    expect(ok(await t.gql(CONFIRM, { id: String(repl.id) }, tok.sales)).confirmSalesOrder.status).toBe(
      'PENDING_PRICE_APPROVAL',
    );
    await check();
  });
});
