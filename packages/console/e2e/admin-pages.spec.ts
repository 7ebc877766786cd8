import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, gql, loginOk, test } from './fixtures';

// exceljs comes with the server package (it builds and reads the xlsx there)
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server');
const ExcelJS = createRequire(path.join(serverDir, 'package.json'))('exceljs') as typeof import('exceljs');

test('admin exports the users as xlsx, with the page’s filter and columns', async ({ page }) => {
  await loginOk(page, 'admin');
  await page.goto('/admin/users?search=qian');
  await expect(page.getByTestId('users-table')).toContainText('qian@demo.jxc');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('users-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^users-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(await (await download.createReadStream()).toArray()) as any);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) =>
    rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))),
  );
  expect(rows[0]).toEqual(['用户名', '姓名', '邮箱', '手机', '角色', '状态', '最近登录']);
  expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
    ['sales', '钱销售 Qian', 'qian@demo.jxc', '13800000005', '销售员', '启用'],
  ]);
});

test('a stale edit gets the translated CONFLICT message and the list reloads', async ({ page }) => {
  await loginOk(page, 'admin');
  await page.getByTestId('menu-users').click();
  await page.getByTestId('edit-purchaser').click();
  await page.getByTestId('uf-displayName').fill('赵采购（界面）');

  // someone else saves the same user meanwhile
  const cur = await gql(page, '{ users(filter: { search: "purchaser" }) { items { id version } } }');
  const u = cur.data.users.items[0];
  const other = await gql(page, 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { version } }', {
    input: { id: u.id, version: u.version, displayName: '赵采购（他人）' },
  });
  expect(other.errors).toBeUndefined();

  await page.getByTestId('uf-save').click();
  await expect(page.locator('.el-message').filter({ hasText: '该记录已被他人修改' })).toBeVisible();
  await expect(page.getByTestId('users-table')).toContainText('赵采购（他人）');
});

test('settings: a malformed decimal is caught in the form; a valid change is saved', async ({ page }) => {
  await loginOk(page, 'admin');
  await page.getByTestId('menu-settings').click();
  const rate = page.getByTestId('st-taxRate');
  await expect(rate).toHaveValue(/^0\.13/);
  await rate.fill('13%');
  await page.getByTestId('st-save').click();
  await expect(page.getByTestId('settings-form')).toContainText('请输入数字');

  await page.getByTestId('st-creditLimit').fill('50000.00');
  await rate.fill('0.09');
  await page.getByTestId('st-save').click();
  await expect(page.locator('.el-message').filter({ hasText: '已保存' })).toBeVisible();
  const r = await gql(page, '{ companySettings { defaultTaxRate defaultCreditLimit } }');
  expect(r.data.companySettings.defaultTaxRate).toMatch(/^0\.09/);
  expect(r.data.companySettings.defaultCreditLimit).toMatch(/^50000(\.0+)?$/);
  await rate.fill('0.13');
  await page.getByTestId('st-save').click();
  await expect(page.locator('.el-message').filter({ hasText: '已保存' }).first()).toBeVisible();
});

test('accountant reads the settings but cannot change them', async ({ page }) => {
  await loginOk(page, 'accountant');
  await page.getByTestId('menu-settings').click();
  await expect(page.getByTestId('st-taxRate')).toBeDisabled();
  await expect(page.getByTestId('st-save')).toHaveCount(0);
});

test('roles: permissions are grouped by area with translated names', async ({ page }) => {
  await loginOk(page, 'admin');
  await page.getByTestId('menu-roles').click();
  await page.getByTestId('role-edit-sales').click();
  await expect(page.getByTestId('perm-system.user.read').locator('input')).toBeChecked();
  await expect(page.getByTestId('perm-system.user.manage').locator('input')).not.toBeChecked();
  await expect(page.getByTestId('perm-sales.order.create')).toContainText('创建销售订单');
});
