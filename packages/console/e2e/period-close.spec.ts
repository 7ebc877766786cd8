import type { Page } from '@playwright/test';
import { digits, expect, gql, loginOk, logout, ok, test, typeDate } from './fixtures';
import { test as onItsOwnServer } from './own-server';

/**
 * 期末结账: the accountant opens the page from the menu, reads the close checklist and exports last
 * month's vouchers as CSV; the admin maps an account to a code of their own, which stays after a reload.
 * The e2e clock is 2027-05-19: last month is 2027-04-01 – 2027-04-30.
 */
test('the accountant reads the close checklist and exports the vouchers; the admin maps an account', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loginOk(page, 'accountant');
  await page.getByTestId('menu-period-close').click();
  await expect(page.getByTestId('period-close-page')).toBeVisible();
  await expect(page.getByTestId('close-through').locator('input')).toHaveValue('2027-04-30');
  const checks = {
    draftStockDocuments: '草稿库存单据',
    draftPurchaseOrders: '草稿采购订单',
    draftSalesOrders: '草稿销售订单',
    unmatchedReceiptLines: '未对票的入库行',
    negativeStock: '负库存',
  };
  for (const [key, words] of Object.entries(checks)) {
    await expect(page.getByTestId(`close-check-${key}`)).toHaveText(words);
    await expect(page.getByTestId(`close-count-${key}`)).toHaveText(/^\d+$/);
    await expect(page.getByTestId(`close-ok-${key}`)).toHaveText(/^[✓✗]$/);
  }
  // the accountant may read, not close, nor edit the accounts
  await expect(page.getByTestId('close-run')).toHaveCount(0);
  await expect(page.getByTestId('account-code-INVENTORY')).toHaveText('1405');

  await expect(page.getByRole('combobox', { name: '开始日期' })).toHaveValue('2027-04-01');
  await expect(page.getByRole('combobox', { name: '结束日期' })).toHaveValue('2027-04-30');
  await page.getByTestId('voucher-format-csv').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('voucher-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^vouchers-2027-04-01-2027-04-30-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
    '凭证日期,凭证号,摘要,科目代码,科目名称,借方金额,贷方金额',
  );
  await logout(page);

  // the admin gives 待处理财产损溢 a code of their own
  await loginOk(page, 'admin');
  await page.goto('/finance/period-close');
  const code = `1901${digits(4)}`;
  const input = page.getByTestId('account-code-ADJUSTMENT');
  await expect(input).not.toHaveValue('');
  await input.fill(code);
  await page.getByTestId('account-save-ADJUSTMENT').click();
  await expect(page.getByTestId('account-save-ADJUSTMENT')).toBeDisabled();
  await page.reload();
  await expect(page.getByTestId('account-code-ADJUSTMENT')).toHaveValue(code);
});

/** A draft other receipt of one unit of a demo SKU into SH01, dated `day`; its id. */
async function draftReceipt(page: Page, day: string): Promise<string> {
  const d = ok(
    await gql(page, '{ warehouses { items { id code } } skus(filter: { search: "A001-01" }) { items { id code } } }'),
  );
  const warehouseId = d.warehouses.items.find((w: { code: string }) => w.code === 'SH01').id;
  const skuId = d.skus.items.find((s: { code: string }) => s.code === 'A001-01').id;
  return ok(
    await gql(page, 'mutation($i: CreateStockDocumentInput!) { createStockDocument(input: $i) { id } }', {
      i: { type: 'OTHER_IN', warehouseId, businessDate: day, lines: [{ skuId, qty: '1', unitCost: '10.00' }] },
    }),
  ).createStockDocument.id;
}

/**
 * Closing moves the company's closedThrough, after which nothing dated on or before it posts: so this
 * test runs on a server and database of its own (own-server.ts), never on the one the other specs share.
 * The e2e clock is 2027-05-19; the demo has no drafts, unmatched receipts or negative stock in January
 * 2027, so closing through 2027-01-31 waits only for the draft this test makes.
 */
onItsOwnServer(
  'the admin closes through January once the checklist passes; a document dated in it no longer posts',
  async ({ page }) => {
    onItsOwnServer.setTimeout(120_000);
    await loginOk(page, 'admin');
    const blocker = await draftReceipt(page, '2027-01-20');

    await page.goto('/finance/period-close');
    await expect(page.getByTestId('close-closed-through')).toHaveText('尚未结账');
    await typeDate(page.getByTestId('close-through'), '2027-01-31');
    // January's checklist (April's, shown first, has unmatched receipt lines): only the draft fails its
    // check, and the close button waits
    await expect(page.getByTestId('close-ok-unmatchedReceiptLines')).toHaveText('✓');
    await expect(page.getByTestId('close-count-draftStockDocuments')).toHaveText('1');
    await expect(page.getByTestId('close-ok-draftStockDocuments')).toHaveText('✗');
    await expect(page.getByTestId('close-ready')).toHaveText('尚有未处理事项');
    await expect(page.getByTestId('close-run')).toBeDisabled();

    // the draft goes; the page asked again shows every check passed
    expect(ok(await gql(page, 'mutation($id: ID!) { deleteStockDocument(id: $id) }', { id: blocker }))).toEqual({
      deleteStockDocument: true,
    });
    await page.reload();
    await typeDate(page.getByTestId('close-through'), '2027-01-31');
    for (const key of [
      'draftStockDocuments',
      'draftPurchaseOrders',
      'draftSalesOrders',
      'unmatchedReceiptLines',
      'negativeStock',
    ]) {
      await expect(page.getByTestId(`close-count-${key}`)).toHaveText('0');
      await expect(page.getByTestId(`close-ok-${key}`)).toHaveText('✓');
    }
    await expect(page.getByTestId('close-ready')).toHaveText('可以结账');
    const run = page.getByTestId('close-run');
    await expect(run).toHaveText('结账至 2027-01-31');
    await run.click();
    const confirm = page.locator('.el-message-box');
    await expect(confirm).toContainText('结账至 2027-01-31？此日及之前的期间将不能再过账。');
    await confirm.getByRole('button', { name: '确定' }).click();
    await expect(page.locator('.el-message').filter({ hasText: '已结账至 2027-01-31' })).toBeVisible();
    await expect(page.getByTestId('close-closed-through')).toHaveText('当前已结账至 2027-01-31');
    await expect(run).toBeDisabled();
    // and so it stays when the page is opened again
    await page.reload();
    await expect(page.getByTestId('close-closed-through')).toHaveText('当前已结账至 2027-01-31');

    // a receipt dated in January is saved as a draft, but posting it is refused in words, not as a code
    const late = await draftReceipt(page, '2027-01-25');
    await page.goto(`/inventory/documents/${late}`);
    await expect(page.getByTestId('doc-status')).toHaveText('草稿');
    await page.getByTestId('doc-post').click();
    const error = page.getByTestId('doc-error');
    await expect(error).toContainText('该业务日期所在期间已结账，不能过账，请修改业务日期。');
    await expect(error).not.toContainText('PERIOD_CLOSED');
    await expect(page.getByTestId('doc-status')).toHaveText('草稿');
    // nothing posted: the document is still a draft on the server
    expect(ok(await gql(page, 'query($id: ID!) { stockDocument(id: $id) { status number } }', { id: late }))).toEqual({
      stockDocument: { status: 'DRAFT', number: null },
    });
  },
);
