import type { Page } from '@playwright/test';
import { expect, gql, loginOk, pick, test, uid } from './fixtures';

/** "2,317,035.25" → 231703525 (cents as a BigInt, so the sums stay exact). */
function cents(text: string): bigint {
  const m = /(-?)([\d,]+)\.(\d{2})/.exec(text);
  if (!m) throw new Error(`no amount in "${text}"`);
  return BigInt(`${m[1]}${m[2].replace(/,/g, '')}${m[3]}`);
}

/** Fills a new stock document: warehouse(s) and one line; the unit cost only when given. */
async function fillDocument(
  page: Page,
  type: string,
  opts: { from: string; to?: string; skuCode: string; qty: string; unitCost?: string },
) {
  await page.getByTestId('menu-stock-documents').click();
  await page.getByTestId('doc-create-button').click();
  await page.getByTestId(`doc-create-${type}`).click();
  await expect(page).toHaveURL(new RegExp(`/inventory/documents/new\\?type=${type}$`));
  await pick(page, page.getByTestId('doc-warehouse'), `wh-option-${opts.from}`);
  if (opts.to) await pick(page, page.getByTestId('doc-to-warehouse'), `to-wh-option-${opts.to}`);
  await pick(page, page.getByTestId('line-sku-0'), `sku-option-${opts.skuCode}`, opts.skuCode);
  await page.getByTestId('line-qty-0').fill(opts.qty);
  if (opts.unitCost) await page.getByTestId('line-unitCost-0').fill(opts.unitCost);
}

async function warehouseValues(page: Page) {
  await page.getByTestId('menu-valuation').click();
  const table = page.getByTestId('valuation-warehouses');
  const sh = table.locator('tr', { hasText: 'SH01' });
  const gz = table.locator('tr', { hasText: 'GZ01' });
  await expect(sh).toBeVisible();
  await expect(gz).toBeVisible();
  return { sh: cents(await sh.innerText()), gz: cents(await gz.innerText()) };
}

test('a new user creates a product, receives it, transfers it and sees the stock card and valuation change', async ({
  page,
}) => {
  // a long journey through six pages, run next to the other specs: more time than the default
  test.setTimeout(150_000);
  const code = `INV-${uid()}`;
  const skuCode = `${code}-01`;
  await loginOk(page, 'admin');

  // the product, through the catalog page
  await page.getByTestId('menu-products').click();
  await page.getByTestId('products-create').click();
  await expect(page).toHaveURL(/\/catalog\/products\/new$/);
  await page.getByTestId('pf-code').fill(code);
  await page.getByTestId('pf-name').fill('库存测试保温杯');
  await page.getByTestId('pf-baseUnit').fill('个');
  await page.getByTestId('sku-code-0').fill(skuCode);
  await page.getByTestId('product-save').click();
  await expect(page).toHaveURL(/\/catalog\/products\/\d+$/);

  // receive 10 at 8.50 into SH01
  await fillDocument(page, 'OTHER_IN', { from: 'SH01', skuCode, qty: '10', unitCost: '8.50' });
  // saved as a draft first; opened again, the draft shows its SKU (which has no stock yet) and cost
  await page.getByTestId('doc-save').click();
  await expect(page).toHaveURL(/\/inventory\/documents\/\d+$/);
  await page.reload();
  await expect(page.getByTestId('doc-status')).toHaveText('草稿');
  await expect(page.getByTestId('line-sku-0')).toContainText(skuCode);
  await expect(page.getByTestId('line-qty-0')).toHaveValue(/^10(\.0+)?$/);
  await expect(page.getByTestId('line-unitCost-0')).toHaveValue(/^8\.50*$/);
  await page.getByTestId('doc-post').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已过账');
  await expect(page).toHaveURL(/\/inventory\/documents\/\d+$/);
  const receiptNo = (await page.getByTestId('doc-number').innerText()).trim();
  expect(receiptNo).toMatch(/-\d{8}-\d{4}$/);
  await expect(page.getByTestId('lines-table')).toContainText('85.00');

  // its print view: company, number, the cost figures for a user who may see them
  await page.getByTestId('doc-print').click();
  const sheet = page.getByTestId('print-sheet');
  await expect(sheet).toContainText('其他入库单');
  await expect(page.getByTestId('print-number')).toHaveText(receiptNo);
  await expect(page.getByTestId('print-company')).toContainText('示例商贸有限公司');
  await expect(sheet).toContainText(skuCode);
  await expect(sheet).toContainText('8.50');
  await expect(sheet).toContainText('85.00');
  // printed, only the sheet shows: no menu, no buttons
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('side-menu')).toBeHidden();
  await expect(page.getByTestId('print-button')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('side-menu')).toBeVisible();

  // transfer 4 to GZ01: posted it is in transit, then received
  await fillDocument(page, 'TRANSFER', { from: 'SH01', to: 'GZ01', skuCode, qty: '4' });
  await expect(page.getByTestId('line-unitCost-0')).toHaveCount(0);
  await page.getByTestId('doc-post').click();
  await expect(page.getByTestId('doc-status')).toHaveText('在途');
  await page.getByTestId('doc-receive').click();
  await page.getByTestId('receive-confirm').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已收货');
  await expect(page.getByTestId('lines-table')).toContainText('34.00');

  // stock levels → bins → stock card
  await page.getByTestId('menu-stock-levels').click();
  await page.getByTestId('filter-text').fill(skuCode);
  await page.getByTestId('filter-search').click();
  const levels = page.getByTestId('levels-table');
  await expect(levels.locator('tbody tr')).toHaveCount(2);
  await expect(levels.locator('tr', { hasText: 'SH01' })).toContainText('51.00');
  await expect(levels.locator('tr', { hasText: 'GZ01' })).toContainText('34.00');
  await page.getByTestId(`level-open-SH01-${skuCode}`).click();
  await expect(page.getByTestId('bins-table')).toContainText('6');
  await page.getByTestId('open-stock-card').click();
  await expect(page).toHaveURL(/\/inventory\/card\?warehouseId=\d+&skuId=\d+$/);
  await expect(page.getByTestId('card-sku-label')).toContainText(skuCode);
  await expect(page.getByTestId('card-opening-qty')).toHaveText('0');
  await expect(page.getByTestId('card-closing-qty')).toHaveText('6');
  await expect(page.getByTestId('card-closing-value')).toHaveText('51.00');
  const rows = page.getByTestId('card-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(receiptNo);
  await expect(rows.nth(0)).toContainText('85.00');
  await expect(rows.nth(1)).toContainText('-34.00');
  await expect(rows.nth(1)).toContainText('51.00');
  await expect(page.getByTestId('card-chart').locator('canvas')).toBeVisible();
  // the document number leads back to the receipt
  await rows.nth(0).getByRole('link', { name: receiptNo }).click();
  await expect(page.getByTestId('doc-number')).toHaveText(receiptNo);

  // valuation: the SKU is worth 51.00 in SH01 and 34.00 in GZ01 (the warehouse totals on the page
  // also move with the other specs' postings in parallel, so the SKU's own figures are compared)
  await warehouseValues(page);
  const skuLevels = (
    await gql(page, `{ stockLevels(filter: { search: "${skuCode}" }) { items { warehouseCode value } } }`)
  ).data.stockLevels.items as { warehouseCode: string; value: string }[];
  expect(Object.fromEntries(skuLevels.map((l) => [l.warehouseCode, l.value]))).toEqual({
    SH01: '51.00',
    GZ01: '34.00',
  });
  await expect(page.getByTestId('valuation-chart').locator('canvas')).toBeVisible();
  await page.getByTestId('valuation-sku-search').fill(skuCode);
  await page.getByTestId('valuation-sku-search').press('Enter');
  const skuRow = page.getByTestId('valuation-top').locator('tbody tr');
  await expect(skuRow).toHaveCount(1);
  await expect(skuRow).toContainText(skuCode);
  await expect(skuRow).toContainText('85.00');
});

test('a warehouse keeper sees quantities but no unit cost or value anywhere, and no cost input on a receipt', async ({
  page,
}) => {
  await loginOk(page, 'warehouse');
  await expect(page.getByTestId('menu-valuation')).toHaveCount(0);
  await page.getByTestId('menu-stock-levels').click();
  const table = page.getByTestId('levels-table');
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  expect(n).toBeGreaterThan(5);
  // unit cost and value withheld on every row; quantities are there
  await expect(table.getByTestId('hidden-cell')).toHaveCount(n * 2);
  await expect(rows.first()).toContainText(/\d/);
  await page.getByTestId('filter-sort').click();
  await expect(page.getByTestId('sort-ON_HAND')).toBeVisible();
  await expect(page.getByTestId('sort-VALUE')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // the API agrees: null and named in hiddenFields
  const r = await gql(page, '{ stockLevels(page: { limit: 3 }) { items { onHand unitCost value } } }');
  expect(r.data.stockLevels.items.every((i: any) => i.onHand !== null && i.unitCost === null && i.value === null)).toBe(
    true,
  );
  expect(r.extensions?.hiddenFields).toEqual(expect.arrayContaining(['StockLevel.unitCost', 'StockLevel.value']));

  // the stock card of the first row: balances in quantity, values hidden
  await rows.first().locator('[data-testid^="level-open-"]').click();
  await page.getByTestId('open-stock-card').click();
  await expect(page.getByTestId('card-closing-qty')).toHaveText(/^-?\d/);
  await expect(page.getByTestId('card-closing-value').getByTestId('hidden-cell')).toBeVisible();
  await expect(page.getByTestId('card-opening-value').getByTestId('hidden-cell')).toBeVisible();
  const moves = page.getByTestId('card-table').locator('tbody tr');
  const m = await moves.count();
  // unit cost, value and balance value of each move
  await expect(page.getByTestId('card-table').getByTestId('hidden-cell')).toHaveCount(m * 3);
  await expect(page.getByTestId('card-table')).not.toContainText(/\d+\.\d{2}\b/);

  // a receipt form without any unit-cost input
  await page.getByTestId('menu-stock-documents').click();
  await page.getByTestId('doc-create-button').click();
  await page.getByTestId('doc-create-OTHER_IN').click();
  await expect(page.getByTestId('line-qty-0')).toBeVisible();
  await expect(page.getByTestId('line-unitCost-0')).toHaveCount(0);
  await expect(page.getByTestId('lines-table')).not.toContainText('单位成本');
});

test('posting an issue larger than the stock shows the translated INSUFFICIENT_STOCK message with the short quantity', async ({
  page,
}) => {
  await loginOk(page, 'warehouse');
  // the keeper works in SH01 only; nothing is posted here (the journey measures SH01's value meanwhile)
  const LEVELS =
    '{ stockLevels(filter: { warehouseId: "1" }, sort: ON_HAND, page: { limit: 1 }) { items { warehouseCode skuId skuCode onHand } } }';
  const lv = await gql(page, LEVELS);
  const row = lv.data.stockLevels.items[0];
  expect(row.warehouseCode).toBe('SH01');
  expect(row.onHand).toMatch(/^\d+$/);
  const short = String(100000 - Number(row.onHand));
  const ONE = `query($s: ID!) { stockLevels(filter: { warehouseId: "1", skuId: $s }) { items { onHand } } }`;

  await fillDocument(page, 'OTHER_OUT', { from: 'SH01', skuCode: row.skuCode, qty: '100000' });
  await page.getByTestId('doc-post').click();
  const error = page.getByTestId('doc-error');
  await expect(error).toContainText('库存不足');
  await expect(error).toContainText(`第 1 行 缺 ${short}`);
  await expect(page.getByTestId('line-error-0')).toHaveText(`缺 ${short}`);
  // the draft was kept (saved before posting), not posted
  await expect(page).toHaveURL(/\/inventory\/documents\/\d+$/);
  await expect(page.getByTestId('doc-status')).toHaveText('草稿');
  await expect(page.getByTestId('doc-number')).toHaveCount(0);

  // the stock did not move
  const again = await gql(page, ONE, { s: row.skuId });
  expect(again.data.stockLevels.items[0].onHand).toBe(row.onHand);

  // the draft can be deleted
  await page.getByTestId('doc-delete').click();
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(page).toHaveURL(/\/inventory\/documents$/);
  await expect(page.locator('.el-message').filter({ hasText: '已删除' })).toBeVisible();
});

test('English: the stock pages and the document form are in English', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('jxc.locale', 'en'));
  await loginOk(page, 'manager');
  await expect(page.getByTestId('menu-stock-levels')).toHaveText('Stock levels');
  await expect(page.getByTestId('menu-valuation')).toHaveText('Valuation');
  await page.getByTestId('menu-stock-levels').click();
  await expect(page.getByTestId('levels-table').locator('thead')).toContainText('On hand');
  await expect(page.getByTestId('levels-table').locator('thead')).toContainText('Unit cost');
  await page.getByTestId('menu-valuation').click();
  await expect(page.getByTestId('valuation')).toContainText('Top 20 SKUs by value');
  await page.getByTestId('menu-stock-documents').click();
  await page.getByTestId('doc-create-button').click();
  await page.getByTestId('doc-create-OTHER_IN').click();
  await expect(page.getByTestId('stock-doc-form')).toContainText('New Other receipt');
  await expect(page.getByTestId('doc-post')).toHaveText('Post');
  await expect(page.getByTestId('lines-table')).toContainText('Unit cost (per base unit)');
  await page.getByTestId('doc-post').click();
  await expect(page.getByTestId('doc-error')).toHaveText('Enter at least one line.');
});

test('a post whose answer is lost on the network is retried with the same idempotency key and posts once', async ({
  page,
}) => {
  await loginOk(page, 'admin');
  // CN3P: the journey measures SH01 and GZ01 meanwhile
  const LEVEL = `query { stockLevels(filter: { warehouseId: "3", search: "A001-02" }) { items { skuCode onHand } } }`;
  const onHand = async () =>
    (await gql(page, LEVEL)).data.stockLevels.items.find((i: any) => i.skuCode === 'A001-02')?.onHand ?? '0';
  const before = await onHand();
  expect(before).toMatch(/^\d+$/);

  const keys: string[] = [];
  let dropFirst = true;
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { query?: string; variables?: { idempotencyKey?: string } } | null;
    if (!body?.query?.includes('postStockDocument')) return route.continue();
    keys.push(String(body.variables?.idempotencyKey));
    if (dropFirst) {
      // the server does post, but the answer never reaches the browser
      dropFirst = false;
      await route.fetch();
      return route.abort('failed');
    }
    return route.continue();
  });

  await fillDocument(page, 'OTHER_IN', { from: 'CN3P', skuCode: 'A001-02', qty: '1', unitCost: '90' });
  await page.getByTestId('doc-post').click();
  await expect(page.getByTestId('doc-error')).toContainText('无法连接服务器');
  await expect(page.getByTestId('doc-error')).toContainText('安全重试');
  await expect(page.getByTestId('doc-status')).toHaveText('草稿');

  await page.getByTestId('doc-post').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已过账');
  await expect(page.getByTestId('doc-error')).toHaveCount(0);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
  expect(keys[1]).toBe(keys[0]);
  // posted once: one more on hand, not two
  expect(BigInt(await onHand())).toBe(BigInt(before) + 1n);

  // a new click on another action gets a new key: cancel it (reversal) and the stock is back
  await page.unroute('**/graphql');
  await page.getByTestId('doc-cancel').click();
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('doc-status')).toHaveText('已作废');
  expect(await onHand()).toBe(before);
});

test('receipt lines: a scanned barcode adds the SKU, a second scan adds one more; batch fields and conversion units for a batch-tracked SKU', async ({
  page,
}) => {
  await loginOk(page, 'warehouse');
  const sku = (
    await gql(
      page,
      '{ skuByBarcode(barcode: "6901234500182") { code name units { name factor } product { batchTracked } } }',
    )
  ).data.skuByBarcode;
  expect(sku.product.batchTracked).toBe(true);
  expect(sku.units.map((u: any) => u.name)).toContain('箱');

  await page.getByTestId('menu-stock-documents').click();
  await page.getByTestId('doc-create-button').click();
  await page.getByTestId('doc-create-OTHER_IN').click();
  await expect(page.getByTestId('line-batch-0')).toHaveCount(0);
  const scan = page.getByTestId('line-scan');
  await scan.fill('6901234500182');
  await scan.press('Enter');
  await expect(page.getByTestId('line-sku-0')).toContainText(sku.code);
  await expect(page.getByTestId('line-qty-0')).toHaveValue('1');
  await scan.fill('6901234500182');
  await scan.press('Enter');
  await expect(page.getByTestId('line-qty-0')).toHaveValue('2');
  await expect(page.getByTestId('line-sku-1')).toHaveCount(0);
  // batch number and expiry for a batch-tracked SKU; the unit can be the 箱 of the product
  await expect(page.getByTestId('line-batch-0')).toBeVisible();
  await expect(page.getByTestId('line-expiry-0')).toBeVisible();
  await page.getByTestId('line-unit-0').click();
  await expect(page.locator('.el-select-dropdown__item').filter({ hasText: /^箱 \(×12/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // an unknown barcode is said so, nothing is added
  await scan.fill('0000000000000');
  await scan.press('Enter');
  await expect(page.locator('.el-message').filter({ hasText: '0000000000000' })).toBeVisible();
  await expect(page.getByTestId('line-sku-1')).toHaveCount(0);
});
