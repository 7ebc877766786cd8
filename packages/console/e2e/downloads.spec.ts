import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, gql, loginOk, test, uid } from './fixtures';
import { E2E_EXPORT_BACKGROUND_ROWS } from './global-setup';

// exceljs comes with the server package (it builds and reads the xlsx there)
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server');
const ExcelJS = createRequire(path.join(serverDir, 'package.json'))('exceljs') as typeof import('exceljs');

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
