import { randomUUID } from 'node:crypto';
import { gql, loginOk } from './fixtures';
import { expect, test, TPL_SIM } from './tpl-sim';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ number } }`;

test('an admin connects a warehouse to a 3PL, reconciles its snapshot and adjusts the difference', async ({
  page,
  tplSim,
}) => {
  const simUrl = tplSim.url;
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
  await page.getByTestId('tplf-key').fill(TPL_SIM.key);
  await page.getByTestId('tplf-secret').fill(TPL_SIM.secret);
  await page.getByTestId('tplf-save').click();
  const row = page.getByTestId('tpl-connections').locator('tr', { hasText: code });
  await expect(row).toContainText(simUrl);

  // the 3PL counts 4 where the book says 5: listed, not adjusted
  await tplSim.call('/_stock', { sku: sku.code, qty: '4' });
  await row.getByText('库存对账').click();
  const item = page.getByTestId('tpl-reviews').locator('tr', { hasText: sku.code });
  await expect(item).toContainText('库存差异');
  // said in the reader's language from the item's params (the server's English detail is for API clients)
  await expect(item).toContainText(`${sku.code}：第三方仓储实存 4，账面 5（${TPL_SIM.today} 快照）。`);
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

  // a call the 3PL refuses: said in words on the request's row, its own answer only in the tooltip
  await tplSim.call('/_fail', { requests: 1000 });
  const conn = (await gql(page, '{ tplConnections { id warehouseId } }')).data.tplConnections.find(
    (c: { warehouseId: string }) => c.warehouseId === wh,
  ).id;
  const other = (await gql(page, '{ warehouses { items { id code } } }')).data.warehouses.items.find(
    (w: { code: string }) => w.code === 'SH01',
  ).id;
  const asked = await gql(page, 'mutation($i:TplTransferInput!){ requestTplTransfer(input:$i){ id ref } }', {
    i: { warehouseId: wh, toWarehouseId: other, lines: [{ skuId: sku.id, qty: '1' }] },
  });
  expect(asked.errors).toBeUndefined();
  const ref = asked.data.requestTplTransfer.ref;
  await expect
    .poll(async () => {
      const rs = (await gql(page, 'query($c:ID!){ tplRequests(connectionId:$c){ ref lastError } }', { c: conn })).data
        .tplRequests as Array<{ ref: string; lastError: string | null }>;
      return rs.find((r) => r.ref === ref)?.lastError ?? null;
    })
    .toContain('500');
  await page.reload();
  const failed = page.getByTestId('tpl-requests').locator('tr', { hasText: ref });
  await expect(failed).toContainText('第三方仓储接口调用失败');
  await failed.getByText('第三方仓储接口调用失败').hover();
  await expect(
    page.locator('.el-popper:visible').filter({ hasText: '技术详情（供技术支持）：The 3PL answered HTTP 500.' }),
  ).toBeVisible();
  await tplSim.call('/_fail', { requests: 0 });
});
