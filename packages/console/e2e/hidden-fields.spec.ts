import { expect, gql, loginOk, test } from './fixtures';

test('sales sees the system figures without the admin-only cards, and no e-mail in the staff directory', async ({
  page,
}) => {
  await loginOk(page, 'sales');
  // the home page is the workbench; the former overview's figures are a page of their own
  await expect(page.getByTestId('section-SALES')).toBeVisible();
  await expect(page.getByTestId('open-system-overview')).toHaveCount(0);
  await page.goto('/system/overview');
  await expect(page.getByTestId('system-overview')).toBeVisible();
  await expect(page.getByTestId('card-activeUsers')).toBeVisible();
  await expect(page.getByTestId('card-warehouses')).toBeVisible();
  await expect(page.getByTestId('chart-roles')).toBeVisible();
  await expect(page.getByTestId('card-activeSessions')).toHaveCount(0);
  await expect(page.getByTestId('card-failedWeek')).toHaveCount(0);
  await expect(page.getByTestId('chart-logins')).toHaveCount(0);
  await expect(page.getByTestId('chart-changes')).toHaveCount(0);

  await page.getByTestId('menu-directory').click();
  const table = page.getByTestId('directory-table');
  await expect(table).toContainText('钱销售 Qian');
  await expect(table).not.toContainText('@demo.jxc');
  await expect(table.getByTestId('hidden-cell').first()).toBeVisible();
  // every row: e-mail and phone withheld
  const rows = await table.locator('tbody tr').count();
  expect(rows).toBeGreaterThanOrEqual(6);
  await expect(table.getByTestId('hidden-cell')).toHaveCount(rows * 2);

  const r = await gql(page, '{ users { items { username email phone } } }');
  expect(r.errors).toBeUndefined();
  expect(r.data.users.items.length).toBeGreaterThan(0);
  expect(r.data.users.items.every((u: any) => u.email === null && u.phone === null)).toBe(true);
  expect(r.extensions?.hiddenFields).toEqual(expect.arrayContaining(['User.email', 'User.phone']));
});

test('admin sees the session cards and the e-mail addresses', async ({ page }) => {
  await loginOk(page, 'admin');
  await page.getByTestId('open-system-overview').click();
  await expect(page.getByTestId('card-activeSessions')).toBeVisible();
  await expect(page.getByTestId('chart-logins')).toBeVisible();
  await expect(page.getByTestId('chart-changes')).toBeVisible();
  await page.getByTestId('menu-directory').click();
  await expect(page.getByTestId('directory-table')).toContainText('qian@demo.jxc');
  await expect(page.getByTestId('directory-table').getByTestId('hidden-cell')).toHaveCount(0);
});

test('manager reads the audit log without addresses and without the address filter', async ({ page }) => {
  await loginOk(page, 'manager');
  await page.getByTestId('menu-audit').click();
  const table = page.getByTestId('audit-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table.getByTestId('hidden-cell').first()).toBeVisible();
  await expect(page.getByTestId('audit-address')).toHaveCount(0);
  await expect(page.getByTestId('audit-chart')).toBeVisible();
});
