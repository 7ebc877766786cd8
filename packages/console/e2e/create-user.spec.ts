import { expect, expectedMenu, login, loginOk, logout, menuEntries, test, uid } from './fixtures';

test('admin creates a user with a role; the user must change the password, then sees the role menu', async ({
  page,
}) => {
  const username = `e2e_${uid(8).toLowerCase()}`;
  const initial = 'Init-pass-2024';
  const chosen = 'New-pass-2025';

  await loginOk(page, 'admin');
  await page.getByTestId('menu-users').click();
  await expect(page).toHaveURL(/\/admin\/users/);
  await page.getByTestId('users-create').click();
  await page.getByTestId('uf-username').fill(username);
  await page.getByTestId('uf-displayName').fill('测试仓管 E2E');
  await page.getByTestId('uf-email').fill(`${username}@example.com`);
  await page.getByTestId('uf-password').fill(initial);
  await page.getByTestId('uf-roles').click();
  await page.getByTestId('uf-role-warehouse').click();
  await page.getByTestId('uf-displayName').click(); // close the dropdown
  await page.getByTestId('uf-save').click();
  await expect(page.getByTestId('user-form')).toBeHidden();
  const row = page.getByTestId('users-table').locator('tr', { hasText: username });
  await expect(row).toBeVisible();
  await expect(row).toContainText('仓管员');

  await logout(page);
  await login(page, username, initial);
  // first sign-in: straight to the change-password page, nothing else is reachable
  await expect(page).toHaveURL(/\/profile\/password/);
  await expect(page.getByTestId('must-change')).toBeVisible();
  await page.goto('/stock/warehouses');
  await expect(page).toHaveURL(/\/profile\/password/);

  // a too short password is refused in the form
  await page.getByTestId('pw-current').fill(initial);
  await page.getByTestId('pw-new').fill('short');
  await page.getByTestId('pw-confirm').fill('short');
  await page.getByTestId('pw-submit').click();
  await expect(page.getByTestId('password-error')).toContainText('至少');

  await page.getByTestId('pw-new').fill(chosen);
  await page.getByTestId('pw-confirm').fill(chosen);
  await page.getByTestId('pw-submit').click();
  await expect(page).toHaveURL(/\/$/);
  expect(await menuEntries(page)).toEqual(expectedMenu('warehouse'));
  await expect(page.getByTestId('user-name')).toHaveText('测试仓管 E2E');

  // and the new password is the one that works now
  await logout(page);
  await loginOk(page, username, chosen);
  await expect(page).toHaveURL(/\/$/);
});
