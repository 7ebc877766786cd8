import { expect, gql, loginOk, test } from './fixtures';

test('a salesperson adds a contact and a default delivery address; a new order ships there by default', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await loginOk(page, 'sales');
  const found = await gql(page, '{ customers(filter: { search: "C0005" }) { items { id code } } }');
  const id = found.data.customers.items[0].id as string;
  await page.goto(`/sales/customers/${id}`);
  await expect(page.getByTestId('customer-contacts')).toBeVisible();
  await page.getByTestId('contact-add').click();
  await page.getByTestId('contact-name').fill('周主管');
  await page.getByTestId('contact-title').fill('店长');
  await page.getByTestId('contact-phone').fill('13600001111');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contacts-table')).toContainText('周主管');
  await expect(page.getByTestId('contacts-table')).toContainText('13600001111');
  await page.getByTestId('address-add').click();
  await page.getByTestId('address-label').fill('新仓');
  await page.getByTestId('address-receiver').fill('周主管');
  await page.getByTestId('address-address').fill('合肥市包河区测试路 99 号');
  await page.locator('.el-dialog').filter({ hasText: '添加收货地址' }).locator('.el-checkbox').click();
  await page.getByTestId('address-save').click();
  await expect(page.getByTestId('addresses-table')).toContainText('合肥市包河区测试路 99 号');
  await expect(page.getByTestId('addresses-table').locator('tr', { hasText: '新仓' })).toContainText('默认地址');

  await page.goto('/sales/orders/new');
  await page.getByTestId('so-customer').click();
  await page.getByTestId('so-customer').locator('input').fill('C0005');
  await page.getByTestId('customer-option-C0005').click();
  await expect(page.getByTestId('so-ship-to')).toHaveValue('周主管 合肥市包河区测试路 99 号');
});
