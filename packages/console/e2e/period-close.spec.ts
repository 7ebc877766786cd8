import { digits, expect, loginOk, logout, test } from './fixtures';

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
