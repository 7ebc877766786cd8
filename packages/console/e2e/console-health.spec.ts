import { expect, expectedMenu, loginOk, RAW_KEY, rawKeysOnScreen, test, watchConsole } from './fixtures';

/**
 * Every main page, as each kind of user opens it in zh-CN: no error or warning in the browser console
 * (a router link without its id, a query the role may not run), no uncaught exception, and no raw
 * message key or permission code on screen.
 */

const ROLES = ['admin', 'warehouse', 'purchaser', 'sales', 'accountant'] as const;

for (const role of ROLES) {
  test(`${role}: every menu page opens without console errors, router warnings or raw keys`, async ({ page }) => {
    test.setTimeout(180_000);
    const problems = watchConsole(page);
    await loginOk(page, role);
    const found: Record<string, string[]> = {};
    for (const name of expectedMenu(role)) {
      await page.getByTestId(`menu-${name}`).click();
      await expect(page.getByTestId('forbidden')).toHaveCount(0);
      // the page has drawn its data: no loading mask left
      await expect(page.locator('.el-loading-mask:visible')).toHaveCount(0);
      await page.waitForLoadState('networkidle');
      const raw = await rawKeysOnScreen(page);
      if (raw.length) found[name] = raw;
      if (problems.length) found[`${name} (console)`] = problems.splice(0);
    }
    expect(found).toEqual({});
  });
}

test('the audit log names actions and objects in words (zh-CN)', async ({ page }) => {
  const problems = watchConsole(page);
  await loginOk(page, 'admin');
  await page.goto('/admin/audit');
  const table = page.getByTestId('audit-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table).toContainText('登录');
  const cells = await table.locator('tbody td').allInnerTexts();
  // no raw action codes (auth.login) and no entity class names (SalesOrder, User)
  expect(
    cells.filter((c) => new RegExp(RAW_KEY.source).test(c) || /^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/.test(c.trim())),
  ).toEqual([]);
  expect(problems).toEqual([]);
});
