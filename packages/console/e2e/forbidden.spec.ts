import { expect, gql, loginOk, test } from './fixtures';

test('sales opening /admin/users by URL gets the 403 page, and the API refuses createUser', async ({ page }) => {
  await loginOk(page, 'sales');
  await page.goto('/admin/users');
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByTestId('forbidden')).toContainText('403 无权访问');
  await expect(page.getByTestId('users-table')).toHaveCount(0);

  const r = await gql(page, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { username: 'intruder', displayName: 'Intruder', password: 'Whatever-123', roleIds: ['1'] },
  });
  expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(r.data?.createUser ?? null).toBeNull();

  // the same cookie is a real session: me answers with sales
  const me = await gql(page, '{ me { user { username } } }');
  expect(me.data.me.user.username).toBe('sales');
});

test('signed out: any page leads to the sign-in page and back after signing in', async ({ page }) => {
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/login\?redirect=(%2F|\/)admin(%2F|\/)audit/);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('demo1234');
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByTestId('audit-table')).toBeVisible();
});
