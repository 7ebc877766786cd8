import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetNow, setNow } from '../../core/dates';
import { TEST_NOW } from '../../test/clock';
import { addRole, addUser, seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { exportedFile, exportListAs } from '../../test/list-export';

const EXPORT = `mutation ($input: ListExportInput!) {
  exportList(input: $input) { rows file { filename columns content } }
}`;

async function sheet(content: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(content, 'base64') as any);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) =>
    rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))),
  );
  return rows;
}

const cols = (keys: string[], values: Record<string, Array<{ value: string; label: string }>> = {}) =>
  keys.map((key) => ({ key, header: `h:${key}`, values: values[key] ?? null }));
const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

/** The lists that gained the registry's export: each with its list's filter, scope and field rules. */
describe(`list exports: locations, risk, fees, counts, prices, scorecards, people (${testDbKind})`, () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W: string;
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  async function exportAs(token: string, list: string, keys: string[], filter?: unknown, values = {}) {
    const r = await t.gql<any>(
      EXPORT,
      { input: { list, filter: filter === undefined ? null : JSON.stringify(filter), columns: cols(keys, values) } },
      token,
    );
    return r;
  }
  async function fileOf(token: string, list: string, keys: string[], filter?: unknown, values = {}) {
    const r = await exportAs(token, list, keys, filter, values);
    const d = ok(r);
    return {
      columns: d.exportList.file.columns as string[],
      rows: await sheet(d.exportList.file.content),
      hidden: r.extensions?.hiddenFields,
    };
  }

  beforeAll(async () => {
    resetNow();
    setNow(TEST_NOW);
    t = await testApp();
    for (const r of ['admin', 'manager', 'accountant', 'purchaser', 'sales', 'warehouse']) tokens[r] = await t.login(r);
    c = await seedCatalog(t.ds);
    W = String(c.warehouses[0].id);
    await addRole(t.ds, 'x_counts', ['stock.count.read', 'stock.warehouse.read']);
    await addUser(t.ds, 'x_counter', ['x_counts']);
    tokens.counter = await t.login('x_counter');
    await addRole(t.ds, 'x_prices', ['sales.customer.read']);
    await addUser(t.ds, 'x_pricer', ['x_prices']);
    tokens.pricer = await t.login('x_pricer');
    // stock that has not moved since November: tea (4 at 2.50), milk in a batch expiring in 2027
    const doc = ok(
      await t.gql(
        'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: W,
            businessDate: '2026-11-03',
            lines: [
              { skuId: String(c.tea.id), qty: '4', unitCost: '2.50', binId: String(c.bins[0].id) },
              {
                skuId: String(c.milk.id),
                qty: '6',
                unitCost: '3.00',
                binId: String(c.bins[0].id),
                batchNo: 'M-2701',
                expiryDate: '2027-01-31',
              },
            ],
          },
        },
        tokens.manager,
      ),
    ).createStockDocument;
    ok(await t.gql('mutation($id:ID!){ postStockDocument(id:$id){ status } }', { id: doc.id }, tokens.manager));
  });
  afterAll(async () => {
    resetNow();
    await t.close();
  });

  it('exports the directory with the list’s filter; e-mail and phone only with system.user.contact.read', async () => {
    const keys = ['username', 'displayName', 'email', 'phone', 'roles', 'active'];
    const admin = await fileOf(tokens.admin, 'users', keys, { search: 'qian' }, { active: YES_NO });
    expect(admin.hidden).toBeUndefined();
    expect(admin.rows).toEqual([
      keys.map((k) => `h:${k}`),
      ['sales', '钱销售 Qian', 'qian@demo.jxc', '13800000005', '销售员', '是'],
    ]);
    const keeper = await fileOf(tokens.warehouse, 'users', keys, { roleCode: 'warehouse' }, { active: YES_NO });
    expect(keeper.hidden).toEqual(['User.email', 'User.phone']);
    expect(keeper.columns).toEqual(['username', 'displayName', 'roles', 'active']);
    expect(keeper.rows).toEqual([
      ['h:username', 'h:displayName', 'h:roles', 'h:active'],
      ['warehouse', '孙仓管 Sun', '仓管员', '是'],
    ]);
  });

  it('exports the roles to who may read them', async () => {
    const roles = ok(await t.gql('{ roles { code name nameZh permissions builtIn } }', {}, tokens.admin)).roles;
    const f = await fileOf(tokens.admin, 'roles', ['code', 'name', 'nameZh', 'permissionCount', 'builtIn'], undefined, {
      builtIn: YES_NO,
    });
    expect(f.rows.slice(1)).toEqual(
      roles.map((r: any) => [r.code, r.name, r.nameZh, String(r.permissions.length), r.builtIn ? '是' : '否']),
    );
    expect(f.rows.find((r) => r[0] === 'warehouse')).toEqual(['warehouse', 'Warehouse keeper', '仓管员', '13', '是']);
    expect(codeOf(await exportAs(tokens.warehouse, 'roles', ['code']))).toBe('FORBIDDEN');
  });

  it('exports the audit trail newest first with its filter; the address only with its permission', async () => {
    const filter = { action: 'auth.', username: 'sales' };
    const list = ok(
      await t.gql(
        '{ auditLog(filter:{action:"auth.", username:"sales"}, sort: AT_DESC, page:{limit:200}) { total items { username action entityType address } } }',
        {},
        tokens.admin,
      ),
    ).auditLog;
    expect(list.total).toBeGreaterThan(0);
    const keys = ['username', 'action', 'entityType', 'address'];
    const admin = await fileOf(tokens.admin, 'auditLog', keys, filter);
    expect(admin.rows.slice(1)).toEqual(list.items.map((a: any) => [a.username, a.action, a.entityType, a.address]));
    expect(admin.rows.slice(1).every((r) => r[0] === 'sales' && r[1].startsWith('auth.'))).toBe(true);
    expect(admin.rows.flat().some((v) => /^10\.0\.0\.\d+$/.test(v))).toBe(true);
    const manager = await fileOf(tokens.manager, 'auditLog', keys, filter);
    expect(manager.hidden).toEqual(['AuditEntry.address']);
    expect(manager.columns).toEqual(['username', 'action', 'entityType']);
    expect(manager.rows.slice(1)).toEqual(list.items.map((a: any) => [a.username, a.action, a.entityType]));
  });

  it('exports a warehouse’s bins with the page’s zone, search and state filters', async () => {
    const zone = ok(
      await t.gql(
        'mutation($i:CreateZoneInput!){ createZone(input:$i){ id } }',
        { i: { warehouseId: W, code: 'Z1', name: '冷藏区' } },
        tokens.manager,
      ),
    ).createZone;
    ok(
      await t.gql(
        'mutation($i:CreateBinInput!){ createBin(input:$i){ id } }',
        { i: { warehouseId: W, zoneId: zone.id, code: 'C-01', quarantine: true } },
        tokens.manager,
      ),
    );
    const keys = ['code', 'zone', 'quarantine', 'active'];
    const values = { quarantine: YES_NO, active: YES_NO };
    const all = await fileOf(tokens.warehouse, 'bins', keys, { warehouseId: W }, values);
    expect(all.rows).toEqual([
      keys.map((k) => `h:${k}`),
      ['A-01', '', '否', '是'],
      ['A-02', '', '否', '是'],
      ['C-01', 'Z1 · 冷藏区', '是', '是'],
    ]);
    const zoned = await fileOf(tokens.warehouse, 'bins', keys, { warehouseId: W, zoneId: zone.id }, values);
    expect(zoned.rows.slice(1)).toEqual([['C-01', 'Z1 · 冷藏区', '是', '是']]);
    const searched = await fileOf(tokens.warehouse, 'bins', ['code'], { warehouseId: W, search: 'a-0' });
    expect(searched.rows.slice(1)).toEqual([['A-01'], ['A-02']]);
    // the filter is read as the query's arguments: an unknown one, or a missing warehouse, is refused
    expect(codeOf(await exportAs(tokens.warehouse, 'bins', ['code'], { warehouse: W }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await exportAs(tokens.warehouse, 'bins', ['code'], {}))).toBe('BAD_USER_INPUT');
    // a keeper's scope: another warehouse is not found
    expect(
      codeOf(await exportAs(tokens.warehouse, 'bins', ['code'], { warehouseId: String(c.warehouses[1].id) })),
    ).toBe('NOT_FOUND');
  });

  it('exports slow and near-expiry stock; their values only with stock.cost.read', async () => {
    const slow = ok(
      await t.gql(
        `{ slowStock(days: 1, warehouseId: "${W}") { warehouse sku qty idleDays value } }`,
        {},
        tokens.manager,
      ),
    ).slowStock;
    const keys = ['warehouse', 'sku', 'qty', 'idleDays', 'value'];
    const manager = await fileOf(tokens.manager, 'slowStock', keys, { days: 1, warehouseId: W });
    expect(manager.rows.slice(1)).toEqual(
      slow.map((r: any) => [r.warehouse, r.sku, r.qty, String(r.idleDays), r.value]),
    );
    expect(manager.rows.slice(1).map((r) => [r[2], r[4]])).toEqual([
      ['4', '10.00'],
      ['6', '18.00'],
    ]);
    const keeper = await fileOf(tokens.warehouse, 'slowStock', keys, { days: 1, warehouseId: W });
    expect(keeper.hidden).toEqual(['SlowStockRow.value']);
    expect(keeper.columns).toEqual(['warehouse', 'sku', 'qty', 'idleDays']);
    expect(keeper.rows.slice(1)).toEqual(slow.map((r: any) => [r.warehouse, r.sku, r.qty, String(r.idleDays)]));

    const near = ok(
      await t.gql('{ nearExpiryStock(days: 3650) { sku batchNo expiryDate daysLeft qty value } }', {}, tokens.manager),
    ).nearExpiryStock;
    const nk = ['sku', 'batchNo', 'expiryDate', 'daysLeft', 'qty', 'value'];
    const nm = await fileOf(tokens.manager, 'nearExpiryStock', nk, { days: 3650 });
    expect(nm.rows.slice(1)).toEqual(
      near.map((r: any) => [r.sku, r.batchNo, r.expiryDate, String(r.daysLeft), r.qty, r.value]),
    );
    expect(nm.rows.slice(1).map((r) => [r[1], r[2], r[4], r[5]])).toEqual([['M-2701', '2027-01-31', '6', '18.00']]);
    const nkp = await fileOf(tokens.warehouse, 'nearExpiryStock', nk, { days: 3650 });
    expect(nkp.columns).toEqual(['sku', 'batchNo', 'expiryDate', 'daysLeft', 'qty']);
    expect(nkp.rows.slice(1).map((r) => r[1])).toEqual(['M-2701']);
    // its days are required, as the query's are
    expect(codeOf(await exportAs(tokens.manager, 'nearExpiryStock', ['sku'], {}))).toBe('BAD_USER_INPUT');
  });

  it('exports a month’s warehouse fees and their allocation to who may read cost', async () => {
    ok(
      await t.gql(
        'mutation($i:WarehouseFeeInput!){ saveWarehouseFee(input:$i){ id } }',
        { i: { warehouseId: W, month: '2026-11', storage: '280.00', handling: '45.50', memo: '11月账单' } },
        tokens.accountant,
      ),
    );
    const w = c.warehouses[0];
    const fees = await fileOf(tokens.accountant, 'warehouseFees', ['warehouse', 'storage', 'handling', 'memo'], {
      month: '2026-11',
    });
    expect(fees.rows).toEqual([
      ['h:warehouse', 'h:storage', 'h:handling', 'h:memo'],
      [`${w.code} ${w.name}`, '280.00', '45.50', '11月账单'],
    ]);
    expect((await fileOf(tokens.accountant, 'warehouseFees', ['memo'], { month: '2026-10' })).rows).toEqual([
      ['h:memo'],
    ]);
    const alloc = ok(
      await t.gql(
        `{ warehouseFeeAllocation(warehouseId: "${W}", month: "2026-11") { shares { sku spaceDays lines storage handling total } } }`,
        {},
        tokens.accountant,
      ),
    ).warehouseFeeAllocation.shares;
    const ak = ['sku', 'spaceDays', 'lines', 'storage', 'handling', 'total'];
    const af = await fileOf(tokens.accountant, 'warehouseFeeAllocation', ak, { warehouseId: W, month: '2026-11' });
    expect(af.rows.slice(1)).toEqual(alloc.map((s: any) => ak.map((k) => String(s[k]))));
    expect(af.rows.slice(1).map((r) => r[5])).toEqual(['134.75', '190.75']);
    expect(codeOf(await exportAs(tokens.warehouse, 'warehouseFees', ['memo'], { month: '2026-11' }))).toBe('FORBIDDEN');
  });

  // count accuracy (盘点分析) is exported on a posted count with a difference in stocktake/abc.int.test.ts

  it('exports a price list’s items: the reference price and a cost-plus rule only to who may see them', async () => {
    const list = ok(
      await t.gql(
        'mutation($i:PriceListInput!){ savePriceList(input:$i){ id } }',
        { i: { code: 'PL-X', name: '批发价' } },
        tokens.manager,
      ),
    ).savePriceList;
    const item = (skuId: number, rule: string, value: string, validFrom: string) =>
      t.gql(
        'mutation($i:PriceListItemInput!){ setPriceListItem(input:$i){ id } }',
        { i: { priceListId: list.id, skuId: String(skuId), rule, value, validFrom } },
        tokens.manager,
      );
    ok(await item(c.tea.id, 'FIXED', '18.50', '2026-01-01'));
    ok(await item(c.rice.id, 'COST_PLUS', '12', '2026-01-01'));
    ok(await item(c.milk.id, 'FIXED', '6.00', '2020-01-01'));
    ok(await item(c.milk.id, 'FIXED', '6.50', '2021-01-01')); // the 2020 period ends 2020-12-31
    const keys = ['skuCode', 'skuName', 'refSalePrice', 'rule', 'value', 'validFrom', 'validTo'];
    const rules = {
      rule: [
        { value: 'FIXED', label: '固定价' },
        { value: 'COST_PLUS', label: '成本加成' },
      ],
    };
    const manager = await fileOf(tokens.manager, 'priceListItems', keys, { priceListId: list.id }, rules);
    expect(manager.hidden).toBeUndefined();
    expect(manager.rows).toEqual([
      keys.map((k) => `h:${k}`),
      // an open period has no end: the row's last cell is empty (not written)
      [c.tea.code, '龙井 250g', '20.000000', '固定价', '18.5000', '2026-01-01'],
      [c.rice.code, '东北大米', '20.000000', '成本加成', '12.0000', '2026-01-01'],
      [c.milk.code, '鲜牛奶', '20.000000', '固定价', '6.5000', '2021-01-01'],
      [c.milk.code, '鲜牛奶', '20.000000', '固定价', '6.0000', '2020-01-01', '2020-12-31'],
    ]);
    const pricer = await fileOf(
      tokens.pricer,
      'priceListItems',
      keys,
      { priceListId: list.id, skuId: String(c.rice.id) },
      rules,
    );
    expect(pricer.columns).toEqual(['skuCode', 'skuName', 'rule', 'value', 'validFrom', 'validTo']);
    expect(pricer.hidden).toEqual(['PriceListItem.rule', 'PriceListItem.value', 'Sku.refSalePrice']);
    expect(pricer.rows.slice(1)).toEqual([[c.rice.code, '东北大米', '', '', '2026-01-01']]);
    // current: the periods ended before today are left out, as the page leaves them out
    const current = await fileOf(tokens.manager, 'priceListItems', ['skuCode', 'validFrom'], {
      priceListId: list.id,
      skuId: String(c.milk.id),
      current: true,
    });
    expect(current.rows.slice(1)).toEqual([[c.milk.code, '2021-01-01']]);
  });

  it('exports the valuation and the cost of goods issued (Chinese headers as the page sends them); values only with stock.cost.read', async () => {
    // one tea issued on 10 Nov (at 2.50)
    const out = ok(
      await t.gql(
        'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
        {
          i: {
            type: 'OTHER_OUT',
            warehouseId: W,
            businessDate: '2026-11-10',
            lines: [{ skuId: String(c.tea.id), qty: '1', binId: String(c.bins[0].id) }],
          },
        },
        tokens.manager,
      ),
    ).createStockDocument;
    ok(await t.gql('mutation($id:ID!){ postStockDocument(id:$id){ status } }', { id: out.id }, tokens.manager));
    const cols: Array<[string, string]> = [
      ['label', 'SKU'],
      ['qty', '数量'],
      ['value', '金额'],
    ];
    const bySku = await exportedFile(t, tokens.manager, 'valuation', cols, { date: '2026-11-30', groupBy: 'SKU' });
    expect(bySku.rows).toEqual([
      ['SKU', '数量', '金额'],
      ['P-MILK-1 鲜牛奶', '6', '18.00'],
      ['P-TEA-1 龙井 250g', '3', '7.50'],
    ]);
    const byWarehouse = await exportedFile(t, tokens.manager, 'valuation', cols, {
      date: '2026-11-05',
      groupBy: 'WAREHOUSE',
    });
    expect(byWarehouse.rows).toEqual([
      ['SKU', '数量', '金额'],
      ['SH01 上海总仓', '10', '28.00'],
    ]);
    const keeper = await exportedFile(t, tokens.warehouse, 'valuation', cols, { date: '2026-11-30', groupBy: 'SKU' });
    expect(keeper.columns).toEqual(['label', 'qty']);
    expect(keeper.hidden).toEqual(['ValuationRow.value']);
    expect(keeper.rows).toEqual([
      ['SKU', '数量'],
      ['P-MILK-1 鲜牛奶', '6'],
      ['P-TEA-1 龙井 250g', '3'],
    ]);
    const cogi = await exportedFile(t, tokens.manager, 'costOfGoodsIssued', cols, {
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'SKU',
      warehouseId: W,
    });
    expect(cogi.rows).toEqual([
      ['SKU', '数量', '金额'],
      ['P-TEA-1 龙井 250g', '1', '2.50'],
    ]);
    expect(codeOf(await exportListAs(t, tokens.manager, 'valuation', cols, { groupBy: 'SKU' }))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await exportListAs(t, tokens.pricer, 'valuation', cols, { date: '2026-11-30', groupBy: 'SKU' })),
    ).toBe('FORBIDDEN');
  });

  it('exports supplier scorecards of a received order with the page’s filters; the price deviation only with supplier prices', async () => {
    // a supplier agreed at 10.00; an order of 20 tea at 10.50, expected on 10 Oct, received 3 days late with 2 refused
    const S = ok(
      await t.gql(
        'mutation{ createSupplier(input:{code:"SC1", name:"考核供应商", status: APPROVED}){ id } }',
        {},
        tokens.purchaser,
      ),
    ).createSupplier.id;
    ok(
      await t.gql(
        'mutation($i:AddSupplierPriceInput!){ addSupplierPrice(input:$i){ id } }',
        { i: { supplierId: S, skuId: String(c.tea.id), price: '10.00', validFrom: '2026-01-01' } },
        tokens.purchaser,
      ),
    );
    const o = ok(
      await t.gql(
        'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id lines { id } } }',
        {
          i: {
            supplierId: S,
            warehouseId: W,
            orderDate: '2026-10-01',
            expectedDate: '2026-10-10',
            lines: [{ skuId: String(c.tea.id), qty: '20', price: '10.50' }],
          },
        },
        tokens.purchaser,
      ),
    ).createPurchaseOrder;
    ok(await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ id } }', { id: o.id }, tokens.purchaser));
    ok(await t.gql('mutation($id:ID!){ approvePurchaseOrder(id:$id){ id } }', { id: o.id }, tokens.manager));
    ok(
      await t.gql(
        'mutation($i:ReceivePurchaseOrderInput!){ receivePurchaseOrder(input:$i){ id } }',
        {
          i: {
            orderId: o.id,
            businessDate: '2026-10-13',
            lines: [{ orderLineId: o.lines[0].id, acceptedQty: '18', rejectedQty: '2', rejectReason: '破损' }],
          },
        },
        tokens.warehouse,
      ),
    );
    const keys = [
      'supplier',
      'period',
      'deliveries',
      'onTimeRate',
      'averageDaysLate',
      'received',
      'rejected',
      'rejectRate',
      'priceDeviationPct',
    ];
    const filter = { supplierId: S, bucket: 'MONTH', from: '2026-01-01', to: '2026-12-31' };
    const buyer = await fileOf(tokens.purchaser, 'supplierScorecards', keys, filter);
    expect(buyer.columns).toEqual(keys);
    // 2 of 20 refused; paid 18 × 10.50 = 189.00 against 180.00 agreed: +5.00 %
    expect(buyer.rows).toEqual([
      keys.map((k) => `h:${k}`),
      ['考核供应商', '2026-10', '1', '0.0000', '3.00', '20', '2', '0.1000', '5.00'],
    ]);
    const keeper = await fileOf(tokens.warehouse, 'supplierScorecards', keys, filter);
    expect(keeper.columns).toEqual(keys.slice(0, 8));
    expect(keeper.hidden).toEqual(['SupplierScorecard.priceDeviationPct']);
    expect(keeper.rows.slice(1)).toEqual([['考核供应商', '2026-10', '1', '0.0000', '3.00', '20', '2', '0.1000']]);
    // by quarter: the same receipt in 2026-Q4; another supplier's filter: no rows
    expect(
      (
        await fileOf(tokens.purchaser, 'supplierScorecards', ['period', 'deliveries'], { ...filter, bucket: 'QUARTER' })
      ).rows.slice(1),
    ).toEqual([['2026-Q4', '1']]);
    expect(codeOf(await exportAs(tokens.purchaser, 'supplierScorecards', ['period'], { from: '2026/01/01' }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
