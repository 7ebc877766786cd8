import type { Page } from '@playwright/test';
import { expect, gql, loginOk, logout, test, uid } from './fixtures';

const ok = (r: { data?: any; errors?: unknown }) => {
  expect(r.errors).toBeUndefined();
  return r.data;
};

/** A received order of 10 units at 12.50, through the API: admin orders, the manager approves and receives. */
async function receivedOrder(page: Page) {
  await loginOk(page, 'admin');
  const code = `LC-${uid()}`;
  const s = ok(
    await gql(page, 'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }', {
      i: { code, name: `到岸供应商 ${code}`, status: 'APPROVED' },
    }),
  ).createSupplier;
  const sku = ok(await gql(page, '{ skus(filter: { active: true }, page: { limit: 1 }) { items { id } } }')).skus
    .items[0];
  const wh = ok(await gql(page, '{ warehouses { items { id code } } }')).warehouses.items.find(
    (w: any) => w.code === 'SH01',
  );
  const o = ok(
    await gql(page, 'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id lines { id } } }', {
      i: { supplierId: s.id, warehouseId: wh.id, lines: [{ skuId: sku.id, qty: '10', price: '12.50' }] },
    }),
  ).createPurchaseOrder;
  ok(await gql(page, 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { id } }', { id: o.id }));
  await logout(page);
  await loginOk(page, 'manager');
  ok(await gql(page, 'mutation($id: ID!) { approvePurchaseOrder(id: $id) { id } }', { id: o.id }));
  const r = ok(
    await gql(page, 'mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { number } }', {
      i: { orderId: o.id, lines: [{ orderLineId: o.lines[0].id, acceptedQty: '10' }] },
    }),
  ).receivePurchaseOrder;
  await logout(page);
  return { orderId: o.id as string, receipt: r.number as string };
}

test('the accountant adds freight to a posted receipt: preview, post, the unit cost rises; cancel', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { orderId, receipt } = await receivedOrder(page);
  await loginOk(page, 'accountant');
  await page.goto(`/purchasing/orders/${orderId}`);
  await page.getByTestId(`receipt-landed-${receipt}`).click();
  const dialog = page.getByTestId('landed-cost-dialog');
  await expect(dialog).toContainText('暂无到岸成本');
  await page.getByTestId('landed-cost-add').click();
  await page.getByTestId('landed-amount-0').fill('-5');
  await page.getByTestId('landed-preview-run').click();
  await expect(page.getByTestId('landed-cost-error')).toBeVisible();
  await page.getByTestId('landed-amount-0').fill('40.00');
  await page.getByTestId('landed-preview-run').click();
  // 125.00 + 40.00 over 10 units: 12.50 → 16.50
  const preview = page.getByTestId('landed-preview');
  await expect(preview).toContainText('40.00');
  await expect(preview).toContainText('16.5');
  await page.getByTestId('landed-save-post').click();
  const posted = dialog.locator('[data-testid^="landed-cost-status-"]');
  await expect(posted).toHaveText('已过账');
  await expect(dialog.locator('[data-testid^="landed-cost-LC-"]')).toContainText('16.5');
  await dialog.locator('[data-testid^="landed-cost-cancel-"]').click();
  await page
    .locator('.el-popconfirm')
    .getByRole('button', { name: /确定|OK|Yes/ })
    .click();
  await expect(posted).toHaveText('已作废');
});
