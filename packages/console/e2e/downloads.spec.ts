import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { addDays, E2E_TODAY, expect, gql, loginOk, logout, test, uid } from './fixtures';
import { E2E_EXPORT_BACKGROUND_ROWS } from './global-setup';

// exceljs comes with the server package (it builds and reads the xlsx there)
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server');
const ExcelJS = createRequire(path.join(serverDir, 'package.json'))('exceljs') as typeof import('exceljs');

/**
 * Clicks a page's export button and reads the downloaded file's first sheet (text per cell, '' for none):
 * at once, or (over the e2e server's threshold) from 我的下载 once the background job is ready.
 */
async function exported(page: Page, testid: string, name: RegExp): Promise<string[][]> {
  const direct = page.waitForEvent('download');
  direct.catch(() => undefined);
  await page.getByTestId(testid).click();
  const drawer = page.getByTestId('downloads-drawer');
  const background = drawer.waitFor({ state: 'visible' }).then(async () => {
    // this export's job by its file's name once ready: the newest job may still be an earlier export's
    // while this one is being listed
    const file = page
      .getByTestId('downloads-list')
      .locator('[data-testid^="download-file-"]', { hasText: new RegExp(name.source.replace(/^\^|\$$/g, '')) })
      .first();
    await expect(file).toBeVisible();
    const [d] = await Promise.all([page.waitForEvent('download'), file.click()]);
    return d;
  });
  background.catch(() => undefined);
  const download = await Promise.race([direct, background]);
  if (await drawer.isVisible()) {
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  }
  expect(download.suggestedFilename()).toMatch(name);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(await (await download.createReadStream()).toArray()) as any);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) =>
    rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))),
  );
  return rows;
}
const data = (r: { data?: any; errors?: unknown }) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};
const DAY = /-\d{4}-\d{2}-\d{2}\.xlsx$/;
const file = (name: string) => new RegExp(`^${name}${DAY.source}`);

test('a big export goes to the background, shows in 我的下载 and downloads once ready', async ({ page }) => {
  await loginOk(page, 'admin');
  // a warehouse of its own with more bins than the e2e server's threshold, one of them quarantine
  const tag = uid(6);
  const wh = await gql(page, 'mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { id } }', {
    i: { code: `DL${tag}`, name: `下载仓 ${tag}` },
  });
  expect(wh.errors).toBeUndefined();
  const warehouseId = wh.data.createWarehouse.id;
  const count = E2E_EXPORT_BACKGROUND_ROWS + 5;
  const codes = Array.from({ length: count }, (_, i) => `DL-${String(i + 1).padStart(3, '0')}`);
  for (const code of codes) {
    const r = await gql(page, 'mutation($i: CreateBinInput!) { createBin(input: $i) { id } }', {
      i: { warehouseId, code, quarantine: code === 'DL-002' },
    });
    expect(r.errors).toBeUndefined();
  }

  await page.goto(`/stock/warehouses/${warehouseId}`);
  await expect(page.getByTestId('bins-table')).toContainText('DL-001');
  await page.getByTestId('bins-export').click();
  // over the threshold: no file now, the drawer opens with the job
  await expect(page.locator('.el-message').filter({ hasText: `数据较多（${count} 行）` })).toBeVisible();
  const drawer = page.getByTestId('downloads-drawer');
  await expect(drawer).toBeVisible();
  const job = page.getByTestId('downloads-list').locator('li').first();
  await expect(job).toContainText('货位');
  await expect(job).toContainText(`${count} 行`);
  await expect(job.locator('[data-testid^="download-status-"]')).toHaveText('可下载');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    job.locator('[data-testid^="download-file-"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bins-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const buf = Buffer.concat(await (await download.createReadStream()).toArray());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as any);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) =>
    rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))),
  );
  expect(rows[0]).toEqual(['编码', '货区', '隔离区', '状态']);
  expect(rows.slice(1)).toEqual(codes.map((c) => [c, '', c === 'DL-002' ? '隔离区' : '', '启用']));

  // the job stays listed, ready, after the drawer is opened again
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByTestId('downloads').click();
  await expect(page.getByTestId('downloads-list').locator('li').first()).toContainText('可下载');
});

test('the sales order list exports the page’s columns and filter through the list registry', async ({ page }) => {
  await loginOk(page, 'admin');
  // a status with some orders, fewer than the background threshold: the file comes at once
  const STATUSES = ['INVOICED', 'SHIPPED', 'CONFIRMED', 'PAID', 'DRAFT', 'CANCELLED', 'PARTLY_SHIPPED'];
  let status = '';
  for (const s of STATUSES) {
    const n = (await gql(page, 'query($s: SalesOrderStatus) { salesOrders(filter: { status: $s }) { total } }', { s }))
      .data.salesOrders.total;
    if (n > 0 && n < E2E_EXPORT_BACKGROUND_ROWS) {
      status = s;
      break;
    }
  }
  expect(status).not.toBe('');
  const listed = (
    await gql(
      page,
      `query($s: SalesOrderStatus) { salesOrders(filter: { status: $s }, page: { limit: 200 }) { items {
        number customerCode customerName status orderDate channelName storeName ownerName total cogs margin } } }`,
      { s: status },
    )
  ).data.salesOrders.items;
  const label: Record<string, string> = {
    DRAFT: '草稿',
    PENDING_PRICE_APPROVAL: '待审批',
    CONFIRMED: '已确认',
    PARTLY_SHIPPED: '部分发货',
    SHIPPED: '已发货',
    INVOICED: '已开票',
    PAID: '已收款',
    CANCELLED: '已取消',
  };
  // a row as the file writes it: empty cells for nulls, none after the last value
  const trim = (r: string[]) => {
    while (r.length && r[r.length - 1] === '') r.pop();
    return r;
  };
  const expected = listed.map((o: any) =>
    trim([
      o.number,
      `${o.customerCode} · ${o.customerName}`,
      label[o.status],
      o.orderDate,
      `${o.channelName}${o.storeName ? ` · ${o.storeName}` : ''}`,
      o.ownerName,
      o.total ?? '',
      o.cogs ?? '',
      o.margin ?? '',
    ]),
  );

  await page.goto(`/sales/orders?status=${status}&size=100`);
  await expect(page.getByTestId('so-table').locator('tbody tr')).toHaveCount(listed.length);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('so-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^sales-orders-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(await (await download.createReadStream()).toArray()) as any);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) =>
    rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))),
  );
  expect(rows[0]).toEqual(['单号', '客户', '状态', '下单日期', '渠道 / 门店', '销售员', '金额', '销售成本', '毛利']);
  expect(rows.slice(1)).toEqual(expected);
});

test('sales staff export promotions, coupon codes, redemptions and their own performance, never cost or margin', async ({
  page,
}) => {
  await loginOk(page, 'sales');
  // 促销: the budget spent (it includes gift cost) needs sales.margin.read: no column for sales staff
  await page.goto('/promotions');
  await expect(page.getByTestId('promotions-table')).toContainText('MJ300');
  const promos = await exported(page, 'promotions-export', file('promotions'));
  expect(promos[0]).toEqual(['编码', '名称', '类型', '有效期', '优先级', '叠加', '预算', '订单数', '状态']);
  expect(promos.find((r) => r[0] === 'MJ300')!.slice(0, 3)).toEqual(['MJ300', '满300减50', '满减']);

  // 优惠券: the demo's NEW20 batch, its codes and its one redemption (C0003's order, 20.00 off), as the
  // salesperson who owns C0003 (sales2) sees them: codes given to other salespeople's customers and
  // their redemptions are not theirs to see (the customer scope)
  await logout(page);
  await loginOk(page, 'sales2');
  const batch = data(await gql(page, '{ couponBatches(search: "NEW20") { items { id code validFrom validTo } } }'))
    .couponBatches.items[0];
  await page.goto('/promotions/coupons');
  await page.getByTestId('coupon-batch-NEW20').click();
  await expect(page.getByTestId('coupon-codes').locator('tbody tr').first()).toBeVisible();
  const codes = await exported(page, 'coupon-export', file('coupon-codes'));
  const listed = data(
    await gql(
      page,
      'query($b: ID!) { couponCodes(batchId: $b, page: { limit: 200 }) { items { code customerCode customerName used maxUses state } } }',
      { b: batch.id },
    ),
  ).couponCodes.items;
  const STATE: Record<string, string> = {
    NOT_STARTED: '未开始',
    AVAILABLE: '可用',
    USED_UP: '已用完',
    EXPIRED: '已过期',
    WITHDRAWN: '已停用',
  };
  const valid = `${batch.validFrom.replace('T', ' ')} – ${batch.validTo.replace('T', ' ')}`;
  expect(codes[0]).toEqual(['优惠券', '批次', '客户编码', '客户', '已用', '可用次数', '状态', '有效期', '发放时间']);
  expect(codes.slice(1).map((r) => r.slice(0, 8))).toEqual(
    listed.map((c: any) => [
      c.code,
      'NEW20',
      c.customerCode ?? '',
      c.customerName ?? '',
      String(c.used),
      String(c.maxUses),
      STATE[c.state],
      valid,
    ]),
  );
  expect(codes.slice(1).some((r) => r[4] === '1' && r[6] === '已用完')).toBe(true);
  const reds = await exported(page, 'coupon-redemptions-export', file('coupon-redemptions'));
  expect(reds[0]).toEqual(['订单', '客户', '优惠', '使用时间', '已退回']);
  const used = data(
    await gql(
      page,
      'query($b: ID!) { couponRedemptions(batchId: $b) { items { orderNumber customerName discount } } }',
      {
        b: batch.id,
      },
    ),
  ).couponRedemptions.items;
  expect(reds.slice(1).map((r) => r.slice(0, 3))).toEqual(
    used.map((x: any) => [x.orderNumber, x.customerName, x.discount]),
  );
  expect(reds.slice(1).map((r) => r[2])).toContain('20.00');
  // only their own customers' codes, and those given to no one yet
  const theirs = data(await gql(page, '{ customers(page: { limit: 200 }) { items { code } } }')).customers.items.map(
    (c: any) => c.code,
  );
  expect(listed.filter((c: any) => c.customerCode && !theirs.includes(c.customerCode))).toEqual([]);
  await logout(page);
  await loginOk(page, 'sales');

  // 人员绩效: their own row against this month's target (5000.00 in the demo), no margin
  await page.goto('/analytics/staff');
  await expect(page.getByTestId('staff-sales').locator('tbody tr')).toHaveCount(1);
  const staff = await exported(page, 'staff-sales-export', file('staff-sales'));
  const me = data(
    await gql(page, 'query($f: String!, $t: String!) { staffPerformance(from: $f, to: $t) { sales { name } } }', {
      f: `${E2E_TODAY.slice(0, 8)}01`,
      t: E2E_TODAY,
    }),
  ).staffPerformance.sales[0];
  expect(staff[0]).toEqual(['员工', '销售额', '订单数', '新客户', '回款', '退货率%', '目标', '完成率%']);
  expect(staff.length).toBe(2);
  expect([staff[1][0], staff[1][6]]).toEqual([me.name, '5000.00']);
});

test('an accountant exports the valuation, the count analysis tables and the promotions with their cost columns', async ({
  page,
}) => {
  await loginOk(page, 'accountant');
  // 库存估值 at a day before anything the e2e tests post: the demo's warehouses as the query gives them
  const date = addDays(E2E_TODAY, -60);
  const rows = data(
    await gql(page, 'query($d: String!) { valuation(date: $d, groupBy: WAREHOUSE) { key label qty value } }', {
      d: date,
    }),
  ).valuation;
  await page.goto(`/inventory/valuation?date=${date}`);
  await expect(page.getByTestId('valuation-warehouses')).toContainText(rows[0].label);
  const val = await exported(page, 'valuation-warehouses-export', file('valuation'));
  expect(val[0]).toEqual(['仓库', '数量', '金额']);
  for (const r of rows.filter((x: any) => x.value !== '0.00'))
    expect(val.find((x) => x[0] === r.label)).toEqual([r.label, r.qty, r.value]);

  // 盘点分析 of the first warehouse: the ABC classes (with the value issued) and the cycle count plan
  await page.goto('/stock/count-analysis');
  // the page picks its warehouse once the warehouses load: exporting before that asks for no warehouse
  await expect(page.getByTestId('abc-table').locator('tbody tr').first()).toBeVisible();
  const abc = await exported(page, 'abc-export', file('abc-classes'));
  expect(abc[0]).toEqual([
    '排名',
    '商品',
    'ABC 分类',
    '期间出库金额',
    '价值占比 %',
    '累计占比 %',
    '上次盘点',
    '下次应盘',
  ]);
  const wh = data(await gql(page, '{ warehouses(page: { limit: 200 }) { items { id } } }')).warehouses.items[0].id;
  const top = data(
    await gql(
      page,
      'query($w: ID!) { abcClasses(warehouseId: $w, page: { limit: 1 }) { items { rank skuCode skuName abcClass issuedValue share cumulative } } }',
      { w: wh },
    ),
  ).abcClasses.items[0];
  expect(abc[1].slice(0, 6)).toEqual([
    String(top.rank),
    `${top.skuCode} ${top.skuName}`,
    top.abcClass,
    top.issuedValue,
    top.share,
    top.cumulative,
  ]);
  const plan = await exported(page, 'plan-export', file('cycle-count-plan'));
  expect(plan[0]).toEqual(['商品', 'ABC 分类', '上次盘点', '到期日', '逾期天数']);
  const accuracy = await exported(page, 'accuracy-export', file('stocktake-accuracy'));
  expect(accuracy[0]).toEqual(['分组', '盘点次数', '盘点行数', '一致行数', '准确率', '盘盈', '盘亏']);

  // 促销 with the budget spent (the accountant has sales.margin.read)
  await page.goto('/promotions');
  await expect(page.getByTestId('promotions-table')).toContainText('MJ300');
  const promos = await exported(page, 'promotions-export', file('promotions'));
  expect(promos[0]).toEqual(['编码', '名称', '类型', '有效期', '优先级', '叠加', '预算', '已用', '订单数', '状态']);
});

test('a purchaser exports the replenishment list filtered on needs ordering', async ({ page }) => {
  await loginOk(page, 'purchaser');
  const whs = data(await gql(page, '{ warehouses(page: { limit: 200 }) { items { id } } }')).warehouses.items.map(
    (w: any) => w.id,
  );
  let warehouseId = '';
  let items: any[] = [];
  for (const w of whs) {
    items = data(
      await gql(
        page,
        'query($w: ID!) { replenishmentPage(warehouseId: $w, filter: { onlyToOrder: true }, page: { limit: 200 }) { items { skuCode skuName supplierName suggested onHand } } }',
        { w },
      ),
    ).replenishmentPage.items;
    if (items.length) {
      warehouseId = w;
      break;
    }
  }
  expect(items.length).toBeGreaterThan(0);
  await page.goto(`/purchasing/replenishment?warehouseId=${warehouseId}&onlyToOrder=1`);
  await expect(page.getByTestId(`repl-suggested-${items[0].skuCode}`)).toHaveText(items[0].suggested);
  const repl = await exported(page, 'repl-export', file('replenishment'));
  expect(repl[0]).toEqual([
    'SKU',
    '日均需求',
    '预测方法',
    '安全库存',
    '现存',
    '在途',
    '已预留',
    '首选供应商',
    '建议订货',
  ]);
  expect(repl.slice(1).map((r) => [r[0], r[4], r[7], r[8]])).toEqual(
    items.map((i) => [`${i.skuCode} ${i.skuName}`, i.onHand, i.supplierName ?? '', i.suggested]),
  );
});
