import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, gql, loginOk, test } from './fixtures';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ number } }`;

test('an admin connects a warehouse to a 3PL, reconciles its snapshot and adjusts the difference', async ({ page }) => {
  // the 3PL simulator, its own process (packages/server/src/simulators/tpl-sim.ts)
  const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server');
  const sim = spawn(process.execPath, ['-r', '@swc-node/register', 'src/simulators/tpl-sim.ts'], {
    cwd: serverDir,
    env: { ...process.env, TPL_KEY: 'e2e-key', TPL_SECRET: 'e2e-secret', TPL_TODAY: '2026-12-01' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      let out = '';
      sim.stdout!.on('data', (c) => {
        out += c;
        const m = /listening (\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      sim.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
    });
    const simUrl = `http://127.0.0.1:${port}`;
    await loginOk(page, 'admin');
    const code = `E3P${randomUUID().slice(0, 6)}`;
    const wh = (
      await gql(page, 'mutation($i:CreateWarehouseInput!){ createWarehouse(input:$i){ id } }', {
        i: { code, name: `e2e 3PL ${code}`, kind: 'THIRD_PARTY' },
      })
    ).data.createWarehouse.id;
    const sku = (await gql(page, '{ skus(page:{limit:1}){ items { id code } } }')).data.skus.items[0];
    await gql(page, POST, {
      i: { type: 'OTHER_IN', warehouseId: wh, lines: [{ skuId: sku.id, qty: '5', unitCost: '1.00' }] },
      k: randomUUID(),
    });

    await page.goto('/stock/3pl');
    await page.getByTestId('tpl-connect').click();
    await page.getByTestId('tplf-name').fill(`顺丰 ${code}`);
    await page.getByTestId('tplf-warehouse').click();
    await page.locator('.el-select-dropdown__item', { hasText: code }).click();
    await page.getByTestId('tplf-url').fill(simUrl);
    await page.getByTestId('tplf-key').fill('e2e-key');
    await page.getByTestId('tplf-secret').fill('e2e-secret');
    await page.getByTestId('tplf-save').click();
    const row = page.getByTestId('tpl-connections').locator('tr', { hasText: code });
    await expect(row).toContainText(simUrl);

    // the 3PL counts 4 where the book says 5: listed, not adjusted
    const put = await fetch(`${simUrl}/_stock`, {
      method: 'POST',
      headers: { authorization: 'Bearer e2e-secret', 'x-client-key': 'e2e-key', 'content-type': 'application/json' },
      body: JSON.stringify({ sku: sku.code, qty: '4' }),
    });
    expect(put.status).toBe(200);
    await row.getByText('库存对账').click();
    const item = page.getByTestId('tpl-reviews').locator('tr', { hasText: sku.code });
    await expect(item).toContainText('库存差异');
    // said in the reader's language from the item's params (the server's English detail is for API clients)
    await expect(item).toContainText(`${sku.code}：第三方仓储实存 4，账面 5（2026-12-01 快照）。`);
    await expect(item).not.toContainText('the book says');
    const level = async () =>
      (
        await gql(page, 'query($w:ID!,$s:ID!){ skuAvailability(warehouseId:$w, skuIds:[$s]){ onHand } }', {
          w: wh,
          s: sku.id,
        })
      ).data?.skuAvailability?.[0]?.onHand;
    expect(await level()).toBe('5');

    // resolved by an adjustment with its reason
    await item.getByText('调整').click();
    await page.locator('.el-message-box__input input').fill('破损 1 件');
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await expect(item).toHaveCount(0);
    expect(await level()).toBe('4');
  } finally {
    sim.kill('SIGTERM');
  }
});
