import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, loginOk, test } from './fixtures';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Run alone with `pnpm --filter @jxc/console screenshot`: saves docs/console-overview.png for the README.
test('README screenshot of the overview @screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await loginOk(page, 'admin');
  await expect(page.getByTestId('chart-logins').locator('canvas')).toBeVisible();
  await page.waitForTimeout(800); // let the chart animation finish
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'console-overview.png') });
});
