import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, loginOk, test } from './fixtures';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Run alone with `pnpm --filter @jxc/console screenshot`: saves docs/console-overview.png for the README.
test('README screenshot of the overview @screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await loginOk(page, 'admin');
  await page.goto('/system/overview');
  await expect(page.getByTestId('chart-logins').locator('canvas')).toBeVisible();
  await page.waitForTimeout(800); // let the chart animation finish
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'console-overview.png') });
});

test('README screenshot of the replenishment page @screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await loginOk(page, 'purchaser');
  await page.goto('/purchasing/replenishment?warehouseId=1&onlyToOrder=1');
  const first = page.getByTestId('repl-table').locator('tbody tr.el-table__row').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  await first.locator('[data-testid^="repl-sku-"]').click();
  await expect(page.getByTestId('repl-chart').locator('canvas')).toBeVisible();
  await first.locator('.el-table__expand-icon').click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'console-replenishment.png') });
});

test('README screenshots of a sales order (accountant) and the sales overview @screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await loginOk(page, 'accountant');
  await page.goto('/sales/orders?status=INVOICED');
  const first = page.locator('[data-testid^="so-link-"]').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page.getByTestId('so-margin')).toBeVisible();
  await expect(page.getByTestId('so-shipments')).toBeVisible();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'console-sales-order.png'), fullPage: true });
  await page.goto('/sales/overview');
  await expect(page.locator('canvas').first()).toBeVisible();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'console-sales-overview.png') });
});
