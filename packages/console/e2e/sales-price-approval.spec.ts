import { expect, gql, loginOk, logout, test } from './fixtures';

/**
 * 价格审批 (issue 11): a salesperson's order priced below cost is not refused; confirming it sends it
 * to 待审批 with the reason only. The manager finds it by its status, sees the line's cost and margin,
 * rejects it with a note the salesperson reads, and approves it when it comes back: confirmed.
 */
const SKU = 'A001-07';
const CUSTOMER = 'C0002';

test('a salesperson confirms a below-cost order → 待审批; the manager rejects it with a note, then approves it → 已确认', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loginOk(page, 'sales');
  const ids = await gql(
    page,
    `{ warehouses { items { id code } } skus(filter: { search: "${SKU}" }) { items { id code } } customers(filter: { search: "${CUSTOMER}" }) { items { id channelId } } }`,
  );
  const wh = ids.data.warehouses.items.find((w: any) => w.code === 'SH01').id;
  const skuId = ids.data.skus.items.find((s: any) => s.code === SKU).id;
  const c = ids.data.customers.items[0];
  // one cent a piece is below any cost; the draft is saved all the same
  const created = await gql(
    page,
    'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id number status } }',
    {
      i: { customerId: c.id, channelId: c.channelId, warehouseId: wh, lines: [{ skuId, qty: '2', unitPrice: '0.01' }] },
    },
  );
  expect(created.errors).toBeUndefined();
  const { id, number } = created.data.createSalesOrder;
  await page.goto(`/sales/orders/${id}`);
  await expect(page.getByTestId('doc-status')).toHaveText('草稿');
  await page.getByTestId('so-confirm').click();
  await page.getByTestId('confirm-note').fill('清仓，请批准');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('doc-status')).toHaveText('待审批');
  await expect(page.getByTestId('so-approval')).toContainText('待价格审批：有售价低于成本');
  await expect(page.getByTestId('so-approval-note')).toContainText('清仓，请批准');
  // the reason only: no cost column, no approve button for the one who asked
  await expect(page.getByTestId('so-line-cost-1')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('成本单价');
  await expect(page.getByTestId('so-approve')).toHaveCount(0);
  await expect(page.getByTestId('so-confirm')).toHaveCount(0);
  await logout(page);

  // the manager finds the orders waiting by their status
  await loginOk(page, 'manager');
  await page.getByTestId('menu-sales-orders').click();
  await page.getByTestId('so-filter-status').click();
  await page.locator('.el-select-dropdown__item').filter({ hasText: '待审批' }).click();
  await page.getByTestId('filter-search').click();
  await page.getByTestId(`so-link-${number}`).click();
  await expect(page.getByTestId('doc-status')).toHaveText('待审批');
  // the line's current cost and the margin at it: 2 × (0.01 − cost) is a loss
  await expect(page.getByTestId('so-line-cost-1')).not.toHaveText('');
  await expect(page.getByTestId('so-line-expected-1')).toContainText('-');
  await page.getByTestId('so-reject').click();
  await expect(page.getByTestId('reject-ok')).toBeDisabled();
  await page.getByTestId('reject-note').fill('价格太低，按价目表报价');
  await page.getByTestId('reject-ok').click();
  await expect(page.getByTestId('doc-status')).toHaveText('草稿');
  await logout(page);

  // the salesperson reads why, and sends it again as it is
  await loginOk(page, 'sales');
  await page.goto(`/sales/orders/${id}`);
  await expect(page.getByTestId('so-rejected')).toContainText('价格审批未通过');
  await expect(page.getByTestId('so-rejection-note')).toHaveText('价格太低，按价目表报价');
  await page.getByTestId('so-confirm').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('doc-status')).toHaveText('待审批');
  await expect(page.getByTestId('so-rejected')).toHaveCount(0);
  await logout(page);

  await loginOk(page, 'manager');
  await page.goto(`/sales/orders/${id}`);
  await page.getByTestId('so-approve').click();
  await page
    .locator('.el-popconfirm')
    .getByRole('button', { name: /确定|OK|Yes/ })
    .click();
  await expect(page.getByTestId('doc-status')).toHaveText('已确认');
  await expect(page.getByTestId('so-approval')).toHaveCount(0);
  await expect(page.getByTestId('so-lines')).toContainText(SKU);
  const reserved = await gql(page, 'query($id:ID!){ salesOrder(id:$id){ status lines { reservedQty } } }', { id });
  expect(reserved.data.salesOrder).toEqual({ status: 'CONFIRMED', lines: [{ reservedQty: '2' }] });
});
