import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { digits, expect, gql as gqlOnce, loginOk, test, uid } from './fixtures';

// exceljs comes with the server package (it builds and reads the xlsx there)
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server');
const ExcelJS = createRequire(path.join(serverDir, 'package.json'))('exceljs') as typeof import('exceljs');

/** The fixture's GraphQL call, retried once when a kept-alive connection was reset under load (ECONNRESET). */
async function gql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  try {
    return await gqlOnce(page, query, variables);
  } catch (e) {
    if (!/ECONNRESET|socket hang up/.test(String(e))) throw e;
    return gqlOnce(page, query, variables);
  }
}

async function addTag(page: Page, testid: string, ...values: string[]) {
  const input = page.getByTestId(testid);
  for (const v of values) {
    await input.fill(v);
    await input.press('Enter');
  }
}

const PRODUCT_Q = `query($search: String) { products(filter: { search: $search }) { total items { id code name version units { name factor } attributeNames
  skus { code attributes { name value } barcodes refPurchasePrice refSalePrice } } } }`;

test('admin creates a product with two colour SKUs, a 箱 = 12 unit and barcodes, finds it by barcode and edits it', async ({
  page,
}) => {
  test.slow(); // a long journey through several pages
  const code = `E2E-${uid()}`;
  const serial = digits(13);
  const bc1 = `69${serial}1`;
  const bc2 = `69${serial}2`;
  await loginOk(page, 'admin');
  await page.getByTestId('menu-products').click();
  await expect(page.getByTestId('products-table')).toContainText('A001');
  await page.getByTestId('products-create').click();
  await expect(page).toHaveURL(/\/catalog\/products\/new$/);

  await page.getByTestId('pf-code').fill(code);
  await page.getByTestId('pf-name').fill('界面测试T恤');
  await page.getByTestId('pf-baseUnit').fill('件');
  await addTag(page, 'pf-attributeNames', '颜色');

  await page.getByTestId('unit-add').click();
  await page.getByTestId('unit-name-0').fill('箱');
  await page.getByTestId('unit-factor-0').fill('12');

  // colour × nothing else: two SKUs from the generator
  await page.getByTestId('sku-generate').click();
  await addTag(page, 'gen-values-0', '红', '蓝');
  await expect(page.getByTestId('gen-summary')).toContainText('2');
  await page.getByTestId('gen-apply').click();
  await expect(page.getByTestId('sku-code-0')).toHaveValue(`${code}-01`);
  await expect(page.getByTestId('sku-code-1')).toHaveValue(`${code}-02`);
  await expect(page.getByTestId('sku-attr-0-0')).toHaveValue('红');
  await expect(page.getByTestId('sku-attr-1-0')).toHaveValue('蓝');

  // the same barcode twice: the server's field path lands next to the second SKU's barcode cell
  await addTag(page, 'sku-barcodes-0', bc1);
  await addTag(page, 'sku-barcodes-1', bc1);
  await page.getByTestId('sku-refPurchasePrice-0').fill('25.5');
  await page.getByTestId('sku-refSalePrice-0').fill('59');
  await page.getByTestId('sku-refPurchasePrice-1').fill('26');
  await page.getByTestId('sku-refSalePrice-1').fill('61.5');
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-error')).toContainText('输入有误');
  await expect(page.getByTestId('product-problems')).toContainText('第 2 个 SKU · 条码 1');
  const cell = page
    .getByTestId('skus-table')
    .locator('.el-form-item.is-error')
    .filter({ has: page.getByTestId('sku-barcodes-1') });
  await expect(cell).toContainText(bc1);
  expect((await gql(page, PRODUCT_Q, { search: code })).data.products.total).toBe(0);

  // fix it: replace the second SKU's barcode
  await cell.locator('.el-tag__close').first().click();
  await addTag(page, 'sku-barcodes-1', bc2);
  await page.getByTestId('product-save').click();
  await expect(page).toHaveURL(/\/catalog\/products\/\d+$/);
  await expect(page.getByTestId('product-title')).toContainText(code);

  const saved = (await gql(page, PRODUCT_Q, { search: code })).data.products.items[0];
  expect(saved.units).toEqual([{ name: '箱', factor: expect.stringMatching(/^12(\.0+)?$/) }]);
  expect(saved.skus.map((s: any) => [s.code, s.attributes[0].value, s.barcodes])).toEqual([
    [`${code}-01`, '红', [bc1]],
    [`${code}-02`, '蓝', [bc2]],
  ]);
  expect(saved.skus[0].refPurchasePrice).toMatch(/^25\.50*$/);
  expect(saved.skus[1].refSalePrice).toMatch(/^61\.50*$/);

  // the list finds it by the second barcode (and by nothing else there)
  await page.getByTestId('menu-products').click();
  await page.getByTestId('filter-text').fill(bc2);
  await page.getByTestId('filter-search').click();
  await expect(page).toHaveURL(new RegExp(`search=${bc2}`));
  await expect(page.getByTestId('table-total')).toContainText('共 1 条');
  const row = page.getByTestId('products-table').locator('tbody tr').first();
  await expect(row).toContainText('界面测试T恤');
  await expect(row).toContainText('件');
  await expect(row).toContainText('2');

  // edit: rename, a new price, a third SKU
  await page.getByTestId(`product-${code}`).click();
  await expect(page.getByTestId('pf-name')).toHaveValue('界面测试T恤');
  await page.getByTestId('pf-name').fill('界面测试T恤（改）');
  await page.getByTestId('sku-refSalePrice-0').fill('66');
  await page.getByTestId('sku-add').click();
  await page.getByTestId('sku-code-2').fill(`${code}-03`);
  await page.getByTestId('sku-attr-2-0').fill('绿');
  await page.getByTestId('product-save').click();
  await expect(page.locator('.el-message').filter({ hasText: '已保存' })).toBeVisible();
  await expect(page.getByTestId('product-title')).toContainText('界面测试T恤（改）');
  const edited = (await gql(page, PRODUCT_Q, { search: code })).data.products.items[0];
  expect(edited.name).toBe('界面测试T恤（改）');
  expect(edited.version).toBe(saved.version + 1);
  expect(edited.skus).toHaveLength(3);
  expect(edited.skus[0].refSalePrice).toMatch(/^66(\.0+)?$/);
  expect(edited.skus[1].refSalePrice).toMatch(/^61\.50*$/); // untouched
});

test('a stale product edit shows the translated CONFLICT and reloads', async ({ page }) => {
  await loginOk(page, 'admin');
  const code = `E2E-${uid()}`;
  const created = await gql(
    page,
    'mutation($input: CreateProductInput!) { createProduct(input: $input) { id version } }',
    {
      input: { code, name: '冲突测试', baseUnit: '件', skus: [{ code: `${code}-1` }] },
    },
  );
  expect(created.errors).toBeUndefined();
  const { id, version } = created.data.createProduct;
  await page.goto(`/catalog/products/${id}`);
  await page.getByTestId('pf-name').fill('我的修改');
  const other = await gql(page, 'mutation($input: UpdateProductInput!) { updateProduct(input: $input) { version } }', {
    input: { id, version, name: '他人修改' },
  });
  expect(other.errors).toBeUndefined();
  await page.getByTestId('product-save').click();
  await expect(page.locator('.el-message').filter({ hasText: '该记录已被他人修改' })).toBeVisible();
  await expect(page.getByTestId('pf-name')).toHaveValue('他人修改');
});

test('prices by role: the warehouse keeper sees none and no inputs; sales sees the sale price only', async ({
  browser,
}) => {
  test.slow(); // three sign-ins
  const code = `E2E-${uid()}`;
  const admin = await browser.newPage();
  await loginOk(admin, 'admin');
  const created = await gql(admin, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
    input: {
      code,
      name: '价格可见性',
      baseUnit: '瓶',
      attributeNames: ['颜色'],
      skus: [
        {
          code: `${code}-R`,
          attributes: [{ name: '颜色', value: '红' }],
          barcodes: [`${code}R`],
          refPurchasePrice: '12.34',
          refSalePrice: '56.78',
        },
        { code: `${code}-B`, attributes: [{ name: '颜色', value: '蓝' }], refPurchasePrice: '13', refSalePrice: '57' },
      ],
    },
  });
  expect(created.errors).toBeUndefined();
  const id = created.data.createProduct.id;
  await admin.close();

  const keeper = await browser.newPage();
  await loginOk(keeper, 'warehouse');
  await keeper.getByTestId('menu-products').click();
  await expect(keeper.getByTestId('products-create')).toBeHidden();
  await keeper.goto(`/catalog/products/${id}`);
  const kTable = keeper.getByTestId('skus-table');
  await expect(kTable).toContainText(`${code}-R`);
  await expect(kTable.getByTestId('hidden-cell')).toHaveCount(4); // 2 SKUs × 2 prices
  await expect(kTable.locator('input')).toHaveCount(0);
  await expect(kTable).not.toContainText('12.34');
  await expect(kTable).not.toContainText('56.78');
  await expect(keeper.getByTestId('product-save')).toHaveCount(0);
  await expect(keeper.getByTestId('pf-code')).toBeDisabled();
  await keeper.close();

  const sales = await browser.newPage();
  await loginOk(sales, 'sales');
  await sales.goto(`/catalog/products/${id}`);
  const sTable = sales.getByTestId('skus-table');
  await expect(sTable.getByTestId('sku-refSalePrice-0')).toHaveText('56.78');
  await expect(sTable.getByTestId('sku-refSalePrice-1')).toHaveText('57.00');
  await expect(sTable.getByTestId('hidden-cell')).toHaveCount(2); // the purchase prices
  await expect(sTable).not.toContainText('12.34');
  await expect(sTable.locator('input')).toHaveCount(0);
  await sales.close();
});

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('商品');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The report of a check or an import, once the server answered. Parsing a workbook in a transaction can
 * take a while on a loaded machine: wait for the answer (report or error), and fail with the error's
 * text rather than with a missing report.
 */
async function importResult(page: Page) {
  const status = page.getByTestId('import-status');
  const error = page.getByTestId('import-error');
  await expect(status.or(error)).toBeVisible({ timeout: 30_000 });
  if (await error.isVisible()) throw new Error(`the import answered with an error: ${await error.innerText()}`);
  return status;
}

test('import: a file with one bad row shows the report and imports nothing; a good file imports', async ({ page }) => {
  const a = `IMP-${uid()}`;
  const b = `${a}B`;
  await loginOk(page, 'admin');
  await page.getByTestId('menu-product-import').click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const template = new ExcelJS.Workbook();
  await template.xlsx.load(Buffer.concat(await (await download.createReadStream()).toArray()) as any);
  const header = (template.worksheets[0].getRow(1).values as unknown[]).filter(Boolean).map(String);
  expect(header).toEqual(expect.arrayContaining(['商品编码', '商品名称', '基本单位', 'SKU编码']));

  const head = ['商品编码', '商品名称', '基本单位', 'SKU编码', '条码', '参考售价'];
  const bad = await xlsx([
    head,
    [a, '导入好行', '件', `${a}-1`, `${a}X`, '10'],
    [b, '导入坏行', '件', `${b}-1`, '', '不是数字'],
  ]);
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({
    name: 'bad.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bad,
  });
  await expect(page.getByTestId('import-check')).toBeEnabled();
  await page.getByTestId('import-check').click();
  await expect(await importResult(page)).toContainText('有错误');
  const problems = page.getByTestId('import-problems');
  await expect(problems.locator('tbody tr')).toHaveCount(1);
  await expect(problems.locator('tbody tr').first()).toContainText('3');
  await expect(problems.locator('tbody tr').first()).toContainText('参考售价');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  const none = await gql(page, PRODUCT_Q, { search: a });
  expect(none.data.products.total).toBe(0);

  // replace the file with a valid one: dry run first, then import
  await expect(page.getByTestId('import-file')).toContainText('bad.xlsx');
  const good = await xlsx([
    head,
    [a, '导入好行', '件', `${a}-1`, `${a}X`, '10'],
    [b, '导入第二行', '件', `${b}-1`, '', '12.5'],
  ]);
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({
    name: 'good.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: good,
  });
  await expect(page.getByTestId('import-file')).toContainText('good.xlsx');
  await expect(page.getByTestId('import-report')).toHaveCount(0); // a new file needs a new check
  // the check is enabled once the new file has been read (not before: it would check the old one)
  await expect(page.getByTestId('import-check')).toBeEnabled();
  await page.getByTestId('import-check').click();
  await expect(await importResult(page)).toContainText('校验通过');
  await expect(page.getByTestId('import-created')).toHaveText('2');
  expect((await gql(page, PRODUCT_Q, { search: a })).data.products.total).toBe(0); // a dry run writes nothing
  await page.getByTestId('import-commit').click();
  await expect(await importResult(page)).toContainText('已导入');
  await expect(page.getByTestId('import-created')).toHaveText('2');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  const done = await gql(page, PRODUCT_Q, { search: a });
  expect(done.data.products.total).toBe(2);
  expect(done.data.products.items.find((p: any) => p.code === a).skus[0].barcodes).toEqual([`${a}X`]);
});

test('categories: create a child, rename it, move it with the parent select; brands: create and rename', async ({
  page,
}) => {
  const code = `C${uid()}`.slice(0, 20);
  const brand = `品牌${uid()}`;
  await loginOk(page, 'admin');
  await page.getByTestId('menu-categories').click();
  await expect(page.getByTestId('category-tree')).toContainText('服装');

  await page.getByTestId('cat-add-APP').click();
  await page.getByTestId('cat-code').fill(code);
  await page.getByTestId('cat-name').fill('测试子类');
  await page.getByTestId('cat-save').click();
  await expect(page.getByTestId(`cat-${code}`)).toContainText('测试子类');

  // a taken code is refused with the translated error
  await page.getByTestId(`cat-rename-${code}`).click();
  await page.getByTestId('cat-code').fill('APP-TOP');
  await page.getByTestId('cat-save').click();
  await expect(page.getByTestId('cat-error')).toContainText('输入有误');
  await page.getByTestId('cat-code').fill(code);
  await page.getByTestId('cat-name').fill('测试子类（改）');
  await page.getByTestId('cat-save').click();
  await expect(page.getByTestId(`cat-${code}`)).toContainText('测试子类（改）');

  await page.getByTestId(`cat-move-${code}`).click();
  await page.locator('.el-select[data-testid="cat-parent"]').click();
  await page.locator('.el-tree-select__popper .el-tree-node__content').filter({ hasText: 'FOOD-TEA' }).click();
  await page.getByTestId('cat-save').click();
  await expect(page.locator('.el-message').filter({ hasText: '已保存' }).last()).toBeVisible();
  const cats = (await gql(page, '{ categories { id code parentId } }')).data.categories;
  const tea = cats.find((c: any) => c.code === 'FOOD-TEA');
  expect(cats.find((c: any) => c.code === code).parentId).toBe(tea.id);
  // the moved category now sits under 茶叶 in the tree
  await expect(
    page
      .getByTestId('category-tree')
      .locator('.el-tree-node')
      .filter({ has: page.getByTestId('cat-FOOD-TEA') })
      .getByTestId(`cat-${code}`),
  ).toBeVisible();

  await page.getByTestId('brand-create').click();
  await page.getByTestId('brand-name').fill(brand);
  await page.getByTestId('brand-save').click();
  await expect(page.getByTestId('brands-table')).toContainText(brand);
  await page.getByTestId(`brand-rename-${brand}`).click();
  await page.getByTestId('brand-name').fill(`${brand}改`);
  await page.getByTestId('brand-save').click();
  await expect(page.getByTestId('brands-table')).toContainText(`${brand}改`);
});

test('sales reads the categories but cannot change them, and cannot open the import page', async ({ page }) => {
  await loginOk(page, 'sales');
  await page.getByTestId('menu-categories').click();
  await expect(page.getByTestId('category-tree')).toContainText('服装');
  await expect(page.getByTestId('cat-create-root')).toHaveCount(0);
  await expect(page.getByTestId('cat-add-APP')).toHaveCount(0);
  await expect(page.getByTestId('brand-create')).toHaveCount(0);
  await expect(page.getByTestId('menu-product-import')).toHaveCount(0);
  await page.goto('/catalog/import');
  await expect(page.getByTestId('forbidden')).toBeVisible();
});

test('zones and bins of a warehouse: create a zone and a bin in it, deactivate the bin', async ({ page }) => {
  const z = `Z${uid()}`.slice(0, 12);
  const b = `B${uid()}`.slice(0, 12);
  await loginOk(page, 'admin');
  await page.getByTestId('menu-warehouses').click();
  await page.getByTestId('wh-locations-SH01').click();
  await expect(page).toHaveURL(/\/stock\/warehouses\/\d+$/);
  await expect(page.getByTestId('locations-page')).toContainText('SH01');
  await page.getByTestId('zone-create').click();
  await page.getByTestId('zone-code').fill(z);
  await page.getByTestId('zone-name').fill('冷藏区');
  await page.getByTestId('zone-storage').fill('2–8 °C');
  await page.getByTestId('zone-save').click();
  await expect(page.getByTestId('zones-table')).toContainText(z);
  await expect(page.getByTestId('zones-table')).toContainText('2–8 °C');

  await page.getByTestId('bin-create').click();
  await page.getByTestId('bin-code').fill(b);
  await page.getByTestId('bin-zone').click();
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: z }).click();
  await page.getByTestId('bin-save').click();
  await page.getByTestId('bin-filter-text').fill(b);
  await page.getByTestId('filter-search').click();
  const row = page.getByTestId('bins-table').locator('tbody tr').first();
  await expect(row).toContainText(b);
  await expect(row).toContainText(`${z} · 冷藏区`);
  await page.getByTestId(`bin-edit-${b}`).click();
  await page.getByTestId('bin-active').click();
  await page.getByTestId('bin-save').click();
  await expect(row).toContainText('停用');
});

test('English: the catalog menu and product page are translated', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('jxc.locale', 'en'));
  await loginOk(page, 'manager');
  await expect(page.getByTestId('side-menu')).toContainText('Catalog');
  await expect(page.getByTestId('menu-products')).toContainText('Products');
  await expect(page.getByTestId('menu-categories')).toContainText('Categories & brands');
  await page.getByTestId('menu-products').click();
  await page.getByTestId('product-A001').click();
  await expect(page.getByTestId('skus-card')).toContainText('Barcodes');
  await expect(page.getByTestId('units-card')).toContainText('Conversion units');
  await expect(page.getByTestId('product-page')).not.toContainText('条码');
});

test('products: the category filter lives in the URL and reaches the API; the export is an xlsx of the same filter and the page’s columns', async ({
  page,
}) => {
  await loginOk(page, 'purchaser');
  const cats = (await gql(page, '{ categories { id code } }')).data.categories;
  const food = cats.find((c: any) => c.code === 'FOOD').id;
  await page.goto(`/catalog/products?category=${food}&size=100`);
  const table = page.getByTestId('products-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const expected = (
    await gql(page, 'query($c: ID) { products(filter: { categoryId: $c }, page: { limit: 200 }) { total } }', {
      c: food,
    })
  ).data.products.total;
  expect(expected).toBeGreaterThan(0);
  await expect(page.getByTestId('table-total')).toContainText(`共 ${expected} 条`);
  const picker = page.locator('.el-select[data-testid="filter-category"]');
  await expect(picker).toContainText('食品 (FOOD)');
  // choosing another category in the tree-select puts it in the URL
  await picker.click();
  await page.locator('.el-tree-select__popper .el-tree-node__content:visible').filter({ hasText: 'FOOD-DRY' }).click();
  await page.getByTestId('filter-search').click();
  const dairy = cats.find((c: any) => c.code === 'FOOD-DRY').id;
  await expect(page).toHaveURL(new RegExp(`category=${dairy}(&|$)`));
  await expect(picker).toContainText('乳品 (FOOD-DRY)');
  const dairyTotal = (await gql(page, 'query($c: ID) { products(filter: { categoryId: $c }) { total } }', { c: dairy }))
    .data.products.total;
  await expect(page.getByTestId('table-total')).toContainText(`共 ${dairyTotal} 条`);
  await expect(page.getByTestId('products-create')).toBeHidden();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('products-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(await (await download.createReadStream()).toArray()) as any);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  // the page's columns, one row per product of the page's filter
  expect(header.slice(1)).toEqual([
    '编码',
    '名称',
    '分类',
    '品牌',
    '基本单位',
    'SKU 数',
    '状态',
    '批次管理',
    '序列号管理',
  ]);
  const codes = new Set<string>();
  ws.eachRow((row, n) => {
    if (n > 1) codes.add(String(row.getCell(1).value));
  });
  expect(codes.size).toBe(dairyTotal);
  expect(ws.rowCount).toBe(dairyTotal + 1);
});
