import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

const EXPORT = `mutation ($input: ListExportInput!) {
  exportList(input: $input) { rows file { filename contentType encoding content columns } }
}`;

const PO_COLUMNS = [
  { key: 'number', header: '单号' },
  { key: 'supplier', header: '供应商' },
  {
    key: 'status',
    header: '状态',
    values: [
      { value: 'DRAFT', label: '草稿' },
      { value: 'APPROVED', label: '已批准' },
      { value: 'RECEIVED', label: '已收货' },
    ],
  },
  { key: 'warehouseId', header: '仓库' },
  { key: 'total', header: '金额' },
];

async function sheet(content: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(content, 'base64') as any);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) =>
    rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))),
  );
  return rows;
}

/** One export for every list page: the list's permission, filter, scope and field rules. */
describe(`list exports (${testDbKind})`, () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  beforeAll(async () => {
    t = await testApp();
    for (const r of ['manager', 'purchaser', 'sales', 'warehouse']) tokens[r] = await t.login(r);
    c = await seedCatalog(t.ds);
    const ok = (r: { data?: any; errors?: unknown }) => {
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data;
    };
    const supplierId = ok(
      await t.gql(
        'mutation($i:CreateSupplierInput!){ createSupplier(input:$i){ id } }',
        { i: { code: 'S-X1', name: '导出供应商', status: 'APPROVED' } },
        tokens.purchaser,
      ),
    ).createSupplier.id;
    for (const price of ['5.00', '12.30'])
      ok(
        await t.gql(
          'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id } }',
          {
            i: {
              supplierId,
              warehouseId: String(c.warehouses[0].id),
              orderDate: '2026-11-02',
              lines: [{ skuId: String(c.tea.id), qty: '3', price }],
            },
          },
          tokens.purchaser,
        ),
      );
  });
  afterAll(async () => {
    await t.close();
  });

  it('leaves the order amounts out of a keeper’s purchase order export, and keeps them for a purchaser', async () => {
    const list = await t.gql<any>(
      '{ purchaseOrders(page:{limit:200}) { total items { number status total supplier { code name } } } }',
      {},
      tokens.purchaser,
    );
    const orders = list.data!.purchaseOrders.items;
    expect(orders.length).toBeGreaterThan(0);

    const keeper = await t.gql<any>(
      EXPORT,
      { input: { list: 'purchaseOrders', columns: PO_COLUMNS } },
      tokens.warehouse,
    );
    expect(keeper.errors).toBeUndefined();
    const kf = keeper.data!.exportList.file;
    expect(kf.columns).toEqual(['number', 'supplier', 'status', 'warehouseId']);
    expect(keeper.extensions?.hiddenFields).toEqual(['PurchaseOrder.total']);
    expect(keeper.data!.exportList.rows).toBe(list.data!.purchaseOrders.total);
    const kRows = await sheet(kf.content);
    expect(kRows[0]).toEqual(['单号', '供应商', '状态', '仓库']);
    expect(kRows.length - 1).toBe(orders.length);
    expect(orders.map((o: any) => o.total).sort()).toEqual(['15.00', '36.90']);
    for (const o of orders) expect(kRows.flat()).not.toContain(o.total);

    const buyer = await t.gql<any>(
      EXPORT,
      { input: { list: 'purchaseOrders', columns: PO_COLUMNS } },
      tokens.purchaser,
    );
    expect(buyer.extensions?.hiddenFields).toBeUndefined();
    const bf = buyer.data!.exportList.file;
    expect(bf.filename).toMatch(/^purchase-orders-\d{4}-\d\d-\d\d\.xlsx$/);
    expect(bf.columns).toEqual(['number', 'supplier', 'status', 'warehouseId', 'total']);
    const bRows = await sheet(bf.content);
    expect(bRows[0]).toEqual(['单号', '供应商', '状态', '仓库', '金额']);
    // drafts have no number yet: the amounts tell the rows apart
    const byTotal = new Map(bRows.slice(1).map((r) => [r[4], r]));
    for (const o of orders) {
      const r = byTotal.get(o.total)!;
      expect(r[0]).toBe(o.number ?? '');
      expect(r[1]).toBe(`${o.supplier.code} · ${o.supplier.name}`);
      expect(r[4]).toBe(o.total);
      expect(o.status).toBe('DRAFT');
      expect(r[2]).toBe('草稿');
      expect(r[3]).toBe(c.warehouses[0].name);
    }
  });

  it('reads the filter as the list query does', async () => {
    const drafts = await t.gql<any>('{ purchaseOrders(filter:{status:DRAFT}) { total } }', {}, tokens.purchaser);
    const r = await t.gql<any>(
      EXPORT,
      { input: { list: 'purchaseOrders', filter: JSON.stringify({ status: 'DRAFT' }), columns: PO_COLUMNS } },
      tokens.purchaser,
    );
    expect(r.data!.exportList.rows).toBe(drafts.data!.purchaseOrders.total);
    const bad = await t.gql<any>(
      EXPORT,
      { input: { list: 'purchaseOrders', filter: JSON.stringify({ status: 'NOPE' }), columns: PO_COLUMNS } },
      tokens.purchaser,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('refuses a list the user may not read, an unknown list and an unknown column', async () => {
    expect(codeOf(await t.gql(EXPORT, { input: { list: 'purchaseOrders', columns: PO_COLUMNS } }, tokens.sales))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await t.gql(
          EXPORT,
          { input: { list: 'payables', columns: [{ key: 'open', header: '未付' }] } },
          tokens.warehouse,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(EXPORT, { input: { list: 'nope', columns: [] } }, tokens.manager))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(
        await t.gql(
          EXPORT,
          { input: { list: 'suppliers', columns: [{ key: 'bankAccount', header: 'x' }] } },
          tokens.manager,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('exports the other lists through their own services', async () => {
    for (const [list, key, query] of [
      ['suppliers', 'code', '{ suppliers(page:{limit:200}) { total } }'],
      ['warehouses', 'code', '{ warehouses(page:{limit:200}) { total } }'],
      ['stockDocuments', 'number', '{ stockDocuments(page:{limit:200}) { total } }'],
      ['stocktakes', 'number', '{ stocktakes(page:{limit:200}) { total } }'],
      ['customers', 'code', '{ customers(page:{limit:200}) { total } }'],
    ] as const) {
      const total = (Object.values((await t.gql<any>(query, {}, tokens.manager)).data!)[0] as { total: number }).total;
      const r = await t.gql<any>(EXPORT, { input: { list, columns: [{ key, header: '编码' }] } }, tokens.manager);
      expect(r.errors, list).toBeUndefined();
      expect(r.data!.exportList.rows, list).toBe(total);
    }
    // a salesperson's customer export is their own customers, as their list
    const own = await t.gql<any>('{ customers(page:{limit:200}) { total } }', {}, tokens.sales);
    const r = await t.gql<any>(
      EXPORT,
      {
        input: {
          list: 'customers',
          columns: [
            { key: 'code', header: '编码' },
            { key: 'phone', header: '电话' },
          ],
        },
      },
      tokens.sales,
    );
    expect(r.data!.exportList.rows).toBe(own.data!.customers.total);
  });

  it('exports 现存量 with quantities for a keeper and unit cost and value only with stock.cost.read', async () => {
    const W = String(c.warehouses[0].id);
    const created = await t.gql<any>(
      'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
      {
        i: {
          type: 'OTHER_IN',
          warehouseId: W,
          businessDate: '2026-11-03',
          lines: [{ skuId: String(c.tea.id), qty: '4', unitCost: '2.50' }],
        },
      },
      tokens.manager,
    );
    expect(created.errors).toBeUndefined();
    const posted = await t.gql<any>(
      'mutation($id:ID!){ postStockDocument(id:$id){ status } }',
      { id: created.data!.createStockDocument.id },
      tokens.manager,
    );
    expect(posted.errors).toBeUndefined();
    const columns = [
      { key: 'warehouse', header: '仓库' },
      { key: 'skuCode', header: 'SKU 编码' },
      { key: 'onHand', header: '现有库存' },
      { key: 'available', header: '可用' },
      { key: 'unitCost', header: '单位成本' },
      { key: 'value', header: '库存金额' },
    ];
    const input = { list: 'stockLevels', filter: JSON.stringify({ skuId: String(c.tea.id) }), columns };
    const keeper = await t.gql<any>(EXPORT, { input }, tokens.warehouse);
    expect(keeper.errors).toBeUndefined();
    expect(keeper.extensions?.hiddenFields).toEqual(['StockLevel.unitCost', 'StockLevel.value']);
    expect(keeper.data!.exportList.file.columns).toEqual(['warehouse', 'skuCode', 'onHand', 'available']);
    expect(await sheet(keeper.data!.exportList.file.content)).toEqual([
      ['仓库', 'SKU 编码', '现有库存', '可用'],
      [c.warehouses[0].name, c.tea.code, '4', '4'],
    ]);
    const manager = await t.gql<any>(EXPORT, { input }, tokens.manager);
    expect(manager.extensions?.hiddenFields).toBeUndefined();
    expect(manager.data!.exportList.file.filename).toMatch(/^stock-levels-\d{4}-\d\d-\d\d\.xlsx$/);
    expect(await sheet(manager.data!.exportList.file.content)).toEqual([
      ['仓库', 'SKU 编码', '现有库存', '可用', '单位成本', '库存金额'],
      [c.warehouses[0].name, c.tea.code, '4', '4', '2.500000', '10.00'],
    ]);
    // a salesperson sees the quantities, never the cost
    const sales = await t.gql<any>(EXPORT, { input }, tokens.sales);
    expect(sales.data!.exportList.file.columns).toEqual(['warehouse', 'skuCode', 'onHand', 'available']);
    // a list's filter it does not take is refused, as the list query refuses it
    const bad = { ...input, filter: JSON.stringify({ nope: 1 }) };
    expect(codeOf(await t.gql(EXPORT, { input: bad }, tokens.manager))).toBe('BAD_USER_INPUT');
  });
});
