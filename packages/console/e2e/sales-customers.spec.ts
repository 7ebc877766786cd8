import { expect, gql, loginOk, logout, test, uid } from './fixtures';

test('a salesperson creates a customer and records a complaint; the manager sees it with its owner; purchasers have no customers', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const code = `C-${uid()}`;
  await loginOk(page, 'sales');
  await page.getByTestId('menu-customers').click();
  await page.getByTestId('customer-create').click();
  await page.getByTestId('cf-code').fill(code);
  await page.getByTestId('cf-name').fill('杭州茶语餐饮');
  await page.getByTestId('cf-phone').fill('13900001234');
  await page.getByTestId('cf-credit').fill('-5');
  await page.getByTestId('cf-save').click();
  await expect(page.getByTestId('customer-error')).toContainText('信用额度');
  await page.getByTestId('cf-credit').fill('5000');
  await page.getByTestId('cf-save').click();
  await expect(page).toHaveURL(/\/sales\/customers\/\d+$/);
  const id = /\/customers\/(\d+)$/.exec(page.url())![1];
  await expect(page.getByTestId('customer-title')).toContainText(code);
  await expect(page.getByTestId('customer-tier')).toHaveText('普通');
  await expect(page.getByTestId('customer-phone')).toHaveText('13900001234');
  await page.getByTestId('record-complaint').click();
  await page.getByTestId('record-content').fill('到货外箱破损');
  await page.getByTestId('record-save').click();
  await expect(page.getByTestId('records-table')).toContainText('到货外箱破损');
  await logout(page);

  // the manager sees everyone's customers, with the owner, and may fix a tier by hand
  await loginOk(page, 'manager');
  await page.goto(`/sales/customers?search=${code}`);
  const row = page.getByTestId('customers-table').locator('tr', { hasText: code });
  await expect(row).toContainText('钱销售');
  await page.getByTestId(`customer-link-${code}`).click();
  await page.getByTestId('customer-set-tier').click();
  await page.getByRole('option', { name: '指定为 金卡' }).click();
  await expect(page.getByTestId('customer-tier')).toHaveText('金卡');
  await logout(page);

  // a purchaser reaches no customer at all, not even by URL or through the API
  await loginOk(page, 'purchaser');
  await expect(page.getByTestId('menu-customers')).toHaveCount(0);
  const r = await gql(page, 'query($id:ID!){ customer(id:$id){ name phone } }', { id });
  expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
