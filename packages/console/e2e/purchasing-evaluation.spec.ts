import { digits, expect, loginOk, test } from './fixtures';

// These read the demo's purchasing data (server/src/demo/purchasing-demo.ts): S002's food licence
// lapses within the month, S003 delivered late twice in a row.

test('supplier profile: expiring qualification, late-delivery flag and price history', async ({ page }) => {
  await loginOk(page, 'purchaser');
  await page.getByTestId('menu-suppliers').click();
  await expect(page.getByTestId('supplier-flag-S003')).toHaveText('减少订单份额');
  await expect(page.getByTestId('supplier-flag-S001')).toHaveCount(0);
  await page.getByTestId('supplier-link-S002').click();
  await expect(page).toHaveURL(/\/purchasing\/suppliers\/\d+$/);
  await expect(page.getByTestId('supplier-title')).toContainText('S002');
  await expect(page.getByTestId('qual-lapsing-食品经营许可证')).toContainText('20 天后到期');
  // two agreements for each SKU: last year's and this year's
  await page.getByTestId('price-table').locator('button', { hasText: '价格历史' }).first().click();
  await expect(page.getByTestId('price-history').locator('tbody tr')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await page.goBack();
  await page.getByTestId('supplier-link-S003').click();
  await expect(page.getByTestId('supplier-reduced-share')).toContainText('最近两次到货迟到');
});

test('scorecards: a supplier over time, and the receipts behind a period', async ({ page }) => {
  await loginOk(page, 'purchaser');
  await page.getByTestId('menu-supplier-scorecards').click();
  await expect(page.getByTestId('sc-table').locator('tbody tr').first()).toBeVisible();
  await page.getByTestId('sc-supplier').click();
  await page.getByRole('option', { name: /S003/ }).click();
  await page.getByTestId('sc-apply').click();
  await expect(page.getByTestId('sc-chart')).toBeVisible();
  // S003's deliveries were all late: 0 % on time
  const rows = page.getByTestId('sc-table').locator('tbody tr');
  await expect(rows.first().locator('td').nth(3)).toHaveText('0%');
  await rows.first().click();
  await expect(page.getByTestId('sc-drill').locator('tbody tr').first()).toBeVisible();
});

test('replenishment: suggestions with their arithmetic become a draft purchase order', async ({ page }) => {
  test.setTimeout(90_000);
  await loginOk(page, 'purchaser');
  await page.getByTestId('menu-replenishment').click();
  await page.getByTestId('repl-warehouse').click();
  await page.getByRole('option', { name: /SH01/ }).click();
  await page.getByTestId('repl-only').click();
  await page.getByTestId('repl-apply').click();
  // the first suggestion that can be ordered (it has a preferred supplier)
  const top = page
    .getByTestId('repl-table')
    .locator('tbody tr.el-table__row')
    .filter({ has: page.locator('.el-checkbox:not(.is-disabled)') })
    .first();
  await expect(top).toBeVisible({ timeout: 30_000 });
  // pin the row by its SKU: saving a setting refetches the list, which may reorder it
  const skuCode = ((await top.locator('[data-testid^="repl-sku-"]').getAttribute('data-testid')) ?? '').replace(
    'repl-sku-',
    '',
  );
  const first = page
    .getByTestId('repl-table')
    .locator('tbody tr.el-table__row')
    .filter({ has: page.getByTestId(`repl-sku-${skuCode}`) });
  // every suggestion shows its arithmetic
  await first.locator('.el-table__expand-icon').click();
  const steps = page.getByTestId(`repl-steps-${skuCode}`);
  await expect(steps).toContainText('目标库存');
  // the formula's variables in words (现有库存 + 在途 − 已预留), not the code's names
  await expect(steps).toContainText('现有库存 + 在途 − 已预留');
  await expect(steps).not.toContainText('onHand');
  // the history and forecast of that SKU on one chart
  await first.locator('[data-testid^="repl-sku-"]').click();
  await expect(page.getByTestId('repl-chart')).toBeVisible();
  await expect(page.getByTestId('repl-chart-method')).toContainText('MAE');
  await page.getByTestId('repl-weekly').click();
  await expect(page.getByTestId('repl-chart').locator('canvas')).toBeVisible();
  // a user fixes the forecast method of that SKU; the suggestion says so
  await first.locator('[data-testid^="repl-setting-"]').click();
  await page.getByTestId('repl-setting-method').click();
  await page.getByRole('option', { name: '指数平滑' }).click();
  await page.getByTestId('repl-setting-save').click();
  await expect(first).toContainText('指数平滑');
  await expect(first).toContainText('指定');
  // order it
  await first.locator('.el-checkbox').click();
  await expect(page.getByTestId('repl-create')).toBeEnabled();
  await page.getByTestId('repl-create').click();
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(page).toHaveURL(/\/purchasing\/orders\/\d+$/);
  await expect(page.getByText('补货建议生成')).toBeVisible();
});

test('accountant invoices a received order and pays it; the order prints in the standard form', async ({ page }) => {
  test.setTimeout(120_000);
  await loginOk(page, 'accountant');
  // S004's closed order was received but not invoiced yet
  await page.goto('/purchasing/orders?status=CLOSED');
  await page.getByTestId('orders-table').locator('tbody tr').first().locator('a, button').first().click();
  await expect(page.getByTestId('po-supplier-name')).toContainText('S004');
  const receipt = page.locator('[data-testid^="receipt-PR-"]').first();
  await receipt.locator('[data-testid^="receipt-invoice-"]').click();
  await page.getByTestId('invoice-no').fill(`FP-E2E-${digits(13)}`);
  await page.getByTestId('receipt-dialog-save').click();
  await expect(page.getByText('发票已登记')).toBeVisible();
  // the standard printed form opens in a new tab
  const [sheet] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('po-print').click()]);
  await expect(sheet.getByTestId('po-print-sheet')).toContainText('采购订单');
  await expect(sheet.getByTestId('po-print-supplier')).toContainText('S004');
  await expect(sheet.getByTestId('po-print-total')).toHaveText(/\d+\.\d{2}/);
  await sheet.close();
  // the payable of S004 is what was invoiced; paying it in full leaves nothing open
  await page.getByTestId('menu-payables').click();
  const row = page.getByTestId('payables-table').locator('tr', { hasText: 'S004' });
  await expect(row).toBeVisible();
  // with its ageing, as receivables have
  await expect(page.getByTestId('payables-table')).toContainText('0–30 天');
  await expect(page.getByTestId('payables-table')).toContainText('90 天以上');
  await page.getByTestId('pay-S004').click();
  // refused amounts are said in words: never the field name `amount`; more than is open names the open amount
  const open = await page.getByTestId('pay-amount').inputValue();
  await page.getByTestId('pay-amount').fill('-5');
  await page.getByTestId('pay-save').click();
  await expect(page.getByTestId('pay-error')).toContainText('最多两位小数');
  await page.getByTestId('pay-amount').fill('99999999.00');
  await page.getByTestId('pay-save').click();
  await expect(page.getByTestId('pay-error')).toContainText('不能超过未付金额');
  await expect(page.getByTestId('pay-error')).not.toContainText('amount');
  await page.getByTestId('pay-amount').fill(open);
  await page.getByTestId('pay-save').click();
  await expect(page.getByText('付款已登记')).toBeVisible();
  await expect(row).toContainText('0.00');
});

test('a warehouse keeper returns part of a receipt, without seeing prices', async ({ page }) => {
  await loginOk(page, 'warehouse');
  await page.goto('/purchasing/orders?status=PARTLY_RECEIVED');
  await page.getByTestId('orders-table').locator('tbody tr').first().locator('a, button').first().click();
  const receipt = page.locator('[data-testid^="receipt-PR-"]').first();
  await expect(receipt.getByTestId('hidden-cell').first()).toBeVisible();
  await receipt.locator('[data-testid^="receipt-return-"]').click();
  await page.locator('[data-testid^="dialog-qty-"]').first().fill('1');
  await page.getByTestId('return-reason').fill('包装破损');
  await page.getByTestId('receipt-dialog-save').click();
  await expect(page.getByText('退货已过账')).toBeVisible();
});
