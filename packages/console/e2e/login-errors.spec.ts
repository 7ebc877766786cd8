import { expect, login, loginOk, test } from './fixtures';

test('a wrong password shows the translated INVALID_CREDENTIALS message, in zh-CN and in English', async ({ page }) => {
  await login(page, 'accountant', 'wrong-password');
  const error = page.getByTestId('login-error');
  await expect(error).toHaveText('用户名或密码错误。');
  await expect(page).toHaveURL(/\/login/);

  await page.getByTestId('login-lang-en').click();
  await expect(error).toHaveText('The username or password is wrong.');
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
});

test('English journey: the language choice is kept, menu and pages are in English', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-lang-en').click();
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
  await page.reload();
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in');

  await loginOk(page, 'manager');
  await expect(page.getByTestId('menu-overview')).toHaveText('Overview');
  await expect(page.getByTestId('menu-warehouses')).toHaveText('Warehouses');
  await expect(page.getByTestId('menu-roles')).toHaveText('Roles');
  await page.getByTestId('menu-roles').click();
  await expect(page.getByTestId('roles-table')).toContainText('Warehouse keeper');
  // manager may read roles but not change them
  await expect(page.getByTestId('roles-create')).toBeHidden();

  // a page the manager lacks: the 403 page, in English
  await page.goto('/admin/users');
  await expect(page.getByTestId('forbidden')).toContainText('403 Forbidden');

  // switch back to Chinese from the top bar
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('lang-zh-CN').click();
  await expect(page.getByTestId('menu-overview')).toHaveText('概览');
});
