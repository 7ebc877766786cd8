import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, gql, loginOk, test } from './fixtures';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ number } }`;

test('an admin creates an API client and a webhook, and sees the deliveries', async ({ page }) => {
  // a tiny receiver that takes every event
  const got: Array<{ type: string; body: any }> = [];
  const receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      got.push({ type: String(req.headers['x-jxc-event-type']), body: JSON.parse(raw) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const port = (receiver.address() as AddressInfo).port;
  const name = `e2e-${randomUUID().slice(0, 8)}`;
  try {
    await loginOk(page, 'admin');
    await page.goto('/admin/api-clients');
    await page.getByTestId('api-client-create').click();
    await page.getByTestId('acf-name').fill(name);
    await page.getByTestId('acf-role').click();
    await page.getByTestId('acf-role-warehouse').click();
    await page.getByTestId('acf-save').click();
    // the key, shown once
    const key = (await page.getByTestId('secret-value').textContent())?.trim() ?? '';
    expect(key).toMatch(/^jxc_[0-9a-f]{8}_[\w-]{43}$/);
    await page.getByTestId('secret-done').click();
    const row = page.getByTestId('api-clients-table').locator('tr', { hasText: name });
    await expect(row).toContainText(key.slice(0, 12));
    await expect(row).not.toContainText(key.slice(13));
    // it works as a bearer token, with the role's rights and the limit headers
    const r = await page.request.post('/graphql', {
      data: { query: '{ me { roles } }' },
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    });
    expect((await r.json()).data.me.roles).toEqual(['warehouse']);
    expect(r.headers()['ratelimit-policy']).toBe('600;w=60');

    // a webhook of that client to the receiver
    await page.goto('/admin/webhooks');
    await page.getByTestId('webhook-create').click();
    await page.getByTestId('whf-client').click();
    await page.getByTestId(`whf-client-${name}`).click();
    await page.getByTestId('whf-url').fill(`http://127.0.0.1:${port}/hook`);
    await page.getByTestId('whf-event-document.posted').click();
    await page.getByTestId('whf-save').click();
    await expect(page.getByTestId('secret-value')).toContainText('whsec_');
    await page.getByTestId('secret-done').click();
    await expect(page.getByTestId('webhooks-table').locator('tr', { hasText: `127.0.0.1:${port}` })).toContainText(
      name,
    );

    // a posting: its event reaches the receiver, without the cost the keeper's role may not see
    const wh = (await gql(page, '{ warehouses(page:{limit:1}){ items { id } } }')).data.warehouses.items[0].id;
    const sku = (await gql(page, '{ skus(page:{limit:1}){ items { id } } }')).data.skus.items[0].id;
    const posted = await gql(page, POST, {
      i: { type: 'OTHER_IN', warehouseId: wh, lines: [{ skuId: sku, qty: '1', unitCost: '1.00' }] },
      k: randomUUID(),
    });
    const number: string = posted.data.createAndPostStockDocument.number;
    await expect
      .poll(() => got.find((g) => g.body.ref.number === number)?.type, { timeout: 20_000 })
      .toBe('document.posted');
    const mine = got.find((g) => g.body.ref.number === number)!;
    expect(mine.body.data.lines[0]).not.toHaveProperty('unitCost');

    // the delivery log shows it delivered, with its attempt
    await expect(async () => {
      await page.getByTestId('deliveries-refresh').click();
      await expect(page.getByTestId(`delivery-status-${number}`).first()).toHaveText('已送达', { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    // its log: one attempt, answered 204
    const logRow = page.getByTestId('deliveries-table').locator('tr', { hasText: number }).first();
    await logRow.locator('.el-table__expand-icon').click();
    await expect(page.locator('[data-testid^="delivery-log-"]').first()).toContainText('204');
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()));
  }
});
