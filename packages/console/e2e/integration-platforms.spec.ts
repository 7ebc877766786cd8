import { createHmac, randomUUID } from 'node:crypto';
import { expect, gql, login, loginOk, logout, pick, test, uid } from './fixtures';
import { E2E_SIMSHOP } from './global-setup';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ number } }`;

/** What the SimShop simulator (started by global-setup) was told: requests signed as it expects. */
async function simShipments(): Promise<Array<{ order_id: string; tracking_no: string; carrier: string }>> {
  const url = process.env.E2E_SIMSHOP_URL!;
  const ts = '1795000000';
  const sign = createHmac('sha256', E2E_SIMSHOP.secret).update(`GET\n/api/shipments\n${ts}\n`).digest('hex');
  const r = await fetch(`${url}/api/shipments`, {
    headers: { 'x-app-key': E2E_SIMSHOP.key, 'x-timestamp': ts, 'x-sign': sign },
  });
  return (await r.json()).shipments;
}

/** Makes the SimShop simulator answer 500 to the next n stock pushes (0: none). */
async function simFailStock(n: number) {
  const url = process.env.E2E_SIMSHOP_URL!;
  const ts = '1795000000';
  const body = JSON.stringify({ stock: n });
  const sign = createHmac('sha256', E2E_SIMSHOP.secret).update(`POST\n/api/_fail\n${ts}\n${body}`).digest('hex');
  const r = await fetch(`${url}/api/_fail`, {
    method: 'POST',
    headers: { 'x-app-key': E2E_SIMSHOP.key, 'x-timestamp': ts, 'x-sign': sign, 'content-type': 'application/json' },
    body,
  });
  expect(r.status).toBe(200);
}

test('a new admin creates an API client and a webhook, connects a simulated store, imports its orders, ships one and sees the tracking number pushed back', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const simUrl = process.env.E2E_SIMSHOP_URL;
  expect(simUrl, 'global-setup starts the SimShop simulator').toBeTruthy();
  const suffix = uid(6);
  const username = `e2e_shop_${suffix.toLowerCase()}`;
  const password = 'Shop-pass-2025';

  // an admin makes the new user (an administrator) and the customer the store's orders go to
  await loginOk(page, 'admin');
  const ids = await gql(
    page,
    `{ roles { id code } warehouses { items { id code } } skus(filter: { search: "${E2E_SIMSHOP.sku}" }) { items { id code } } }`,
  );
  const adminRole = ids.data.roles.find((r: any) => r.code === 'admin').id;
  const wh = ids.data.warehouses.items.find((w: any) => w.code === 'SH01').id;
  const skuId = ids.data.skus.items.find((s: any) => s.code === E2E_SIMSHOP.sku).id;
  const made = await gql(page, 'mutation($i:CreateUserInput!){ createUser(input:$i){ id } }', {
    i: { username, displayName: `网店管理员 ${suffix}`, password, roleIds: [adminRole] },
  });
  expect(made.errors).toBeUndefined();
  const customerCode = `SIMSHOP-${suffix}`;
  const cust = await gql(page, 'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }', {
    i: { code: customerCode, name: `SimShop 买家 ${suffix}` },
  });
  expect(cust.errors).toBeUndefined();
  // enough of the platform's SKU in SH01 for what its orders ask
  const posted = await gql(page, POST, {
    i: { type: 'OTHER_IN', warehouseId: wh, lines: [{ skuId, qty: '20', unitCost: '8.00' }] },
    k: randomUUID(),
  });
  expect(posted.errors).toBeUndefined();
  await logout(page);

  // the new user: first the password of their own
  await login(page, username, password);
  await expect(page).toHaveURL(/\/profile\/password/);
  await page.getByTestId('pw-current').fill(password);
  await page.getByTestId('pw-new').fill(`${password}!`);
  await page.getByTestId('pw-confirm').fill(`${password}!`);
  await page.getByTestId('pw-submit').click();
  await expect(page).toHaveURL(/\/$/);

  // an API client and a webhook of it
  const client = `shop-${suffix}`;
  await page.goto('/admin/api-clients');
  await page.getByTestId('api-client-create').click();
  await page.getByTestId('acf-name').fill(client);
  await page.getByTestId('acf-role').click();
  await page.getByTestId('acf-role-warehouse').click();
  await page.getByTestId('acf-save').click();
  await expect(page.getByTestId('secret-value')).toContainText('jxc_');
  await page.getByTestId('secret-done').click();
  await expect(page.getByTestId('api-clients-table')).toContainText(client);
  await page.goto('/admin/webhooks');
  await page.getByTestId('webhook-create').click();
  await page.getByTestId('whf-client').click();
  await page.getByTestId(`whf-client-${client}`).click();
  await page.getByTestId('whf-url').fill('http://127.0.0.1:9/hook');
  await page.getByTestId('whf-event-order.shipped').click();
  await page.getByTestId('whf-save').click();
  await expect(page.getByTestId('secret-value')).toContainText('whsec_');
  await page.getByTestId('secret-done').click();
  await expect(page.getByTestId('webhooks-table')).toContainText(client);

  // connect the simulated store: SimShop, the Tmall store, the new customer, SH01
  await page.getByTestId('menu-online-stores').click();
  await expect(page).toHaveURL(/\/sales\/online-stores/);
  await page.getByTestId('store-connect').click();
  await page.getByTestId('sf-kind').click();
  await page.getByTestId('sf-kind-simshop').click();
  await page.getByTestId('sf-store').click();
  await page.getByTestId('sf-store-TM-01').click();
  // the store's orders go to this customer (a click while the search replaced the list once booked them elsewhere)
  await pick(page, page.getByTestId('sf-customer'), `sf-customer-${customerCode}`, customerCode);
  await expect(page.getByTestId('sf-customer')).toContainText(customerCode);
  await page.getByTestId('sf-warehouse').click();
  await page.getByTestId('sf-warehouse-SH01').click();
  // an address the server refuses: said in words on its own field, no raw field name
  await page.getByTestId('sf-url').fill('ftp://127.0.0.1');
  await page.getByTestId('sf-key').fill(E2E_SIMSHOP.key);
  // the secret typed wrong (fixed by editing the connection below)
  await page.getByTestId('sf-secret').fill(`${E2E_SIMSHOP.secret}-typo`);
  await page.getByTestId('sf-save').click();
  await expect(page.getByTestId('sf-url-item')).toContainText('请输入以 http:// 或 https:// 开头的完整地址。');
  await expect(page.getByTestId('sf-error')).toHaveText('输入有误，请检查： 平台地址');
  await page.getByTestId('sf-url').fill(simUrl!);
  await page.getByTestId('sf-save').click();
  await expect(page.getByTestId('store-form')).toBeHidden();
  const row = page
    .getByTestId('stores-table')
    .locator('tr', { hasText: simUrl!.replace('http://', '') })
    .last();
  await expect(row).toContainText('尚未同步');
  // the same shop again: refused (its orders would come twice), nothing added
  await page.getByTestId('store-connect').click();
  await page.getByTestId('sf-url').fill(simUrl!);
  await page.getByTestId('sf-key').fill(E2E_SIMSHOP.key);
  await page.getByTestId('sf-secret').fill(E2E_SIMSHOP.secret);
  await page.getByTestId('sf-save').click();
  await expect(page.getByTestId('sf-error')).toContainText('该网店已连接过（门店 TM-01');
  await page.getByTestId('sf-cancel').click();
  await expect(page.getByTestId('store-form')).toBeHidden();
  await expect(page.getByTestId('stores-table').locator('tr', { hasText: simUrl!.replace('http://', '') })).toHaveCount(
    1,
  );

  // the wrong secret: the platform refuses the import
  const importButton = row.locator('[data-testid^="store-import-"]');
  const connId = (await importButton.getAttribute('data-testid'))!.replace('store-import-', '');
  await importButton.click();
  await expect(page.getByTestId(`store-sync-${connId}`)).toContainText('同步出错');
  await expect(page.getByTestId(`store-imported-${connId}`)).toHaveText('0');
  // in words; the platform's own answer only as technical details (a tooltip) for support
  await expect(page.getByTestId(`store-error-${connId}`)).toContainText('平台接口调用失败（');
  await page.getByTestId(`store-error-${connId}`).hover();
  await expect(page.locator('.el-popper:visible').filter({ hasText: '技术详情（供技术支持）：' })).toBeVisible();
  // edited: the same form, filled in, the secret left out (kept unless typed); the right one and a safety buffer
  await expect(page.getByTestId(`store-stock-rule-${connId}`)).toHaveText('安全库存 0 · 份额 100%');
  await page.getByTestId(`store-edit-${connId}`).click();
  await expect(page.getByTestId('store-form')).toBeVisible();
  await expect(page.getByTestId('sf-key')).toHaveValue(E2E_SIMSHOP.key);
  await expect(page.getByTestId('sf-url')).toHaveValue(`${simUrl}/`);
  await expect(page.getByTestId('sf-customer')).toContainText(customerCode);
  await expect(page.getByTestId('sf-secret')).toHaveValue('');
  await expect(page.getByTestId('sf-secret')).toHaveAttribute('placeholder', '留空则保留原密钥');
  await page.getByTestId('sf-secret').fill(E2E_SIMSHOP.secret);
  await page.getByTestId('sf-buffer').fill('3');
  // the new buffer is pushed at once; the platform refuses it (until told otherwise)
  await simFailStock(1000);
  await page.getByTestId('sf-save').click();
  await expect(page.getByTestId('store-form')).toBeHidden();
  await expect(page.getByTestId(`store-stock-rule-${connId}`)).toHaveText('安全库存 3 · 份额 100%');
  // in words; the platform's own answer only as technical details (a tooltip) for support
  const stockError = page.getByTestId(`store-stock-error-${connId}`);
  await expect(stockError).toHaveText('平台接口调用失败，库存将在下次推送时重试。');
  await stockError.hover();
  await expect(
    page.locator('.el-popper:visible').filter({ hasText: '技术详情（供技术支持）：' }).filter({ hasText: '500' }),
  ).toBeVisible();
  await simFailStock(0);

  // import now: the simulator's orders, once
  await importButton.click();
  await expect(page.getByTestId(`store-imported-${connId}`)).toHaveText(String(E2E_SIMSHOP.orders));
  await expect(page.getByTestId(`store-sync-${connId}`)).toContainText('同步正常');
  // again: nothing new since the cursor, nothing twice
  await importButton.click();
  await expect(page.locator('.el-message--success').last()).toContainText('导入 0 个，已导入过 0 个');
  await expect(page.getByTestId(`store-imported-${connId}`)).toHaveText(String(E2E_SIMSHOP.orders));

  // the first platform order, as a sales order of the store
  const orders = await gql(
    page,
    'query($s:String!){ salesOrders(filter:{ search: $s }, page:{ limit: 50 }){ items { id memo } } }',
    { s: customerCode },
  );
  const order = orders.data.salesOrders.items.find((o: any) => o.memo === 'simshop SO100000');
  expect(order, JSON.stringify(orders)).toBeTruthy();
  await page.goto(`/sales/orders/${order.id}`);
  await expect(page.getByTestId('so-platform-order-id')).toHaveText('SO100000');
  await page.getByTestId('so-confirm').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已确认');
  await page.getByTestId('so-ship').click();
  await page.getByTestId('ship-tracking').fill(`SF${suffix}`);
  await page.getByTestId('ship-carrier').fill('顺丰');
  await page.getByTestId('ship-save').click();
  await expect(page.getByTestId('ship-dialog')).toBeHidden();
  await expect(page.getByTestId('doc-status')).toHaveText('已发货');

  // the tracking number goes back to the platform (the outbox, right after the shipment)
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('so-platform-pushed')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId(`so-platform-tracking-SF${suffix}`)).toContainText('已回传平台');
  expect(await simShipments()).toContainEqual({ order_id: 'SO100000', tracking_no: `SF${suffix}`, carrier: '顺丰' });
});
