import type { Page } from '@playwright/test';
import { expect, gql, loginOk, logout, pick, test, uid } from './fixtures';

/** An approved supplier with a price agreement on an active demo SKU, through the API as admin. */
async function supplierWithAgreement(page: Page, price: string) {
  const code = `SUP-${uid()}`;
  const s = await gql(page, 'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id code } }', {
    i: { code, name: `测试供应商 ${code}`, status: 'APPROVED' },
  });
  expect(s.errors).toBeUndefined();
  const skus = await gql(page, '{ skus(filter: { active: true }, page: { limit: 1 }) { items { id code } } }');
  const sku = skus.data.skus.items[0] as { id: string; code: string };
  const p = await gql(page, 'mutation($i: AddSupplierPriceInput!) { addSupplierPrice(input: $i) { id } }', {
    i: { supplierId: s.data.createSupplier.id, skuId: sku.id, price, validFrom: '2000-01-01' },
  });
  expect(p.errors).toBeUndefined();
  return { code, skuCode: sku.code };
}

test('purchaser orders, cannot approve it, manager approves, warehouse receives without prices, accountant sees the amount', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await loginOk(page, 'admin');
  const { code, skuCode } = await supplierWithAgreement(page, '12.50');
  // the supplier shows in the list with its status
  await page.getByTestId('menu-suppliers').click();
  await expect(page.getByTestId(`supplier-status-${code}`)).toHaveText('合格');
  await logout(page);

  // the purchaser raises the order; the price defaults from the agreement
  await loginOk(page, 'purchaser');
  await page.getByTestId('menu-purchase-orders').click();
  await page.getByTestId('po-create').click();
  await expect(page).toHaveURL(/\/purchasing\/orders\/new$/);
  await pick(page, page.getByTestId('po-supplier'), `supplier-option-${code}`);
  await pick(page, page.getByTestId('po-warehouse'), 'wh-option-SH01');
  await pick(page, page.getByTestId('line-sku-0'), `sku-option-${skuCode}`, skuCode);
  // the agreed price fills in; a changed price is flagged at once, and changing it back clears the flag
  await expect(page.getByTestId('line-unitCost-0')).toHaveValue('12.5');
  await page.getByTestId('line-unitCost-0').fill('13');
  await expect(page.getByTestId('price-note-1')).toContainText('与协议价 12.5 不同');
  await page.getByTestId('line-unitCost-0').fill('12.50');
  await expect(page.getByTestId('price-note-1')).toHaveCount(0);
  await page.getByTestId('line-qty-0').fill('10');
  await page.getByTestId('po-save-submit').click();
  await expect(page).toHaveURL(/\/purchasing\/orders\/\d+$/);
  const id = /\/orders\/(\d+)$/.exec(page.url())![1];
  await expect(page.getByTestId('doc-status')).toHaveText('待审批');
  await expect(page.getByTestId('lines-table')).toContainText('12.50');
  await expect(page.getByTestId('po-total')).toContainText('125.00');
  await expect(page.getByTestId('price-deviates')).toHaveCount(0);

  // nobody approves their own order: the purchaser is not offered the buttons (the server lists the actions)
  await expect(page.getByTestId('po-cancel')).toBeVisible();
  await expect(page.getByTestId('po-approve')).toHaveCount(0);
  await expect(page.getByTestId('po-reject')).toHaveCount(0);
  await logout(page);

  // the manager finds it among the orders awaiting a decision and approves it
  await loginOk(page, 'manager');
  await page.goto('/purchasing/orders?awaiting=1');
  await page.getByTestId(`po-link-${id}`).click();
  await page.getByTestId('po-approve').click();
  await page.getByTestId('decision-comment').fill('同意采购');
  await page.getByTestId('decision-confirm').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已审批');
  await expect(page.getByTestId('approvals-table')).toContainText('同意采购');
  await expect(page.getByTestId('approvals-table')).toContainText('manager');
  await logout(page);

  // the warehouse keeper receives 8 accepted + 2 rejected and sees no prices
  await loginOk(page, 'warehouse');
  await page.goto(`/purchasing/orders/${id}`);
  await expect(page.getByTestId('doc-status')).toHaveText('已审批');
  await expect(page.getByTestId('po-total').getByTestId('hidden-cell')).toBeVisible();
  await expect(page.getByTestId('lines-table')).not.toContainText('12.50');
  await page.getByTestId('po-receive').click();
  await expect(page).toHaveURL(new RegExp(`/purchasing/orders/${id}/receive$`));
  // scanning something not on the order says so; scanning the SKU puts the cursor on its line
  await page.getByTestId('rcv-scan').fill('NOT-ON-ORDER');
  await page.getByTestId('rcv-scan').press('Enter');
  await expect(page.getByText('NOT-ON-ORDER 不在这张订单上')).toBeVisible();
  await page.getByTestId('rcv-scan').fill(skuCode);
  await page.getByTestId('rcv-scan').press('Enter');
  await expect(page.getByTestId('receive-lines').locator('tr.scanned')).toHaveCount(1);
  await expect(page.getByTestId('rcv-accepted-0')).toBeFocused();
  await page.getByTestId('rcv-accepted-0').fill('8');
  // into a chosen bin of the warehouse
  await page.getByTestId('rcv-bin-0').click();
  await page.getByRole('option', { name: 'A-02' }).click();
  await page.getByTestId('rcv-rejected-0').fill('2');
  await page.getByTestId('rcv-reason-0').fill('外包装破损');
  await page.getByTestId('receive-post').click();
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(page).toHaveURL(new RegExp(`/purchasing/orders/${id}$`));
  await expect(page.getByTestId('doc-status')).toHaveText('部分收货');
  const line = page.getByTestId('lines-table').locator('tbody tr').first();
  await expect(line).toContainText('8');
  await expect(line.getByTestId('hidden-cell').first()).toBeVisible();
  await expect(page.getByTestId('lines-table')).not.toContainText('12.50');
  await logout(page);

  // the accountant sees the order's amount
  await loginOk(page, 'accountant');
  await page.goto(`/purchasing/orders/${id}`);
  await expect(page.getByTestId('po-total')).toContainText('125.00');
  await expect(page.getByTestId('po-total').getByTestId('hidden-cell')).toHaveCount(0);
  await page.getByTestId('menu-payables').click();
  await expect(page.getByTestId('payables-table')).toBeVisible();
  await logout(page);

  // the two rejected will not come again: the purchaser closes the order
  await loginOk(page, 'purchaser');
  await page.goto(`/purchasing/orders/${id}`);
  await page.getByTestId('po-close').click();
  await page
    .locator('.el-popconfirm')
    .getByRole('button', { name: /确定|OK|Yes/ })
    .click();
  await expect(page.getByTestId('doc-status')).toHaveText('已关闭');
  await expect(page.getByTestId('po-receive')).toHaveCount(0);
});

test('a supplier created in the dialog shows in the list with its status', async ({ page }) => {
  await loginOk(page, 'purchaser');
  await page.getByTestId('menu-suppliers').click();
  const code = `SUPUI-${uid()}`;
  await page.getByTestId('supplier-create').click();
  await page.getByTestId('sf-code').fill(code);
  await page.getByTestId('sf-name').fill('界面新建供应商');
  await page.getByTestId('sf-save').click();
  await expect(page.getByTestId(`supplier-status-${code}`)).toHaveText('合格');
});
