import { randomUUID } from 'node:crypto';
import { gql, loginOk, pick, rawKeysOnScreen, uid } from './fixtures';
import { expect, test, TPL_SIM } from './tpl-sim';

const ok = (r: { data?: any; errors?: unknown }) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};

test("a sales order shipping from a 3PL's warehouse shows its request on the order page; a transfer out of it goes to the 3PL from the transfer form", async ({
  page,
  tplSim,
}) => {
  test.setTimeout(120_000);
  const simUrl = tplSim.url;
  const simPost = (p: string, body: unknown) => tplSim.call(p, body);
  await loginOk(page, 'admin');

  // a warehouse run by a 3PL, holding 10 of a SKU
  const code = `E3S${uid(6)}`;
  const name = `菜鸟 ${code}`;
  const wh = ok(
    await gql(page, 'mutation($i:CreateWarehouseInput!){ createWarehouse(input:$i){ id } }', {
      i: { code, name: `e2e 3PL ${code}`, kind: 'THIRD_PARTY' },
    }),
  ).createWarehouse.id;
  const sku = ok(await gql(page, '{ skus(filter: { search: "A001-07" }){ items { id code } } }')).skus.items[0];
  ok(
    await gql(
      page,
      'mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id } }',
      {
        i: { type: 'OTHER_IN', warehouseId: wh, lines: [{ skuId: sku.id, qty: '10', unitCost: '1.00' }] },
        k: randomUUID(),
      },
    ),
  );
  const conn = ok(
    await gql(page, 'mutation($i:ConnectTplInput!){ connectTpl(input:$i){ id } }', {
      i: { name, warehouseId: wh, baseUrl: simUrl, clientKey: TPL_SIM.key, secret: TPL_SIM.secret },
    }),
  ).connectTpl.id;
  const onHand = async () =>
    ok(
      await gql(page, 'query($w:ID!,$s:ID!){ skuAvailability(warehouseId:$w, skuIds:[$s]){ onHand } }', {
        w: wh,
        s: sku.id,
      }),
    ).skuAvailability[0].onHand;

  // an order of 6 shipping from it: its confirmation writes the request to the 3PL
  const channelId = ok(await gql(page, '{ customers(filter: { search: "C0002" }) { items { channelId } } }')).customers
    .items[0].channelId;
  const customer = ok(
    await gql(page, 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }', {
      i: { code: `E3C-${uid()}`, name: '第三方仓客户', creditLimit: '1000000.00' },
    }),
  ).createCustomer.id;
  const so = ok(
    await gql(page, 'mutation($i: CreateSalesOrderInput!) { createSalesOrder(input: $i) { id lines { id } } }', {
      i: {
        customerId: customer,
        channelId,
        warehouseId: wh,
        shipTo: '上海市 浦东新区 8 号',
        lines: [{ skuId: sku.id, qty: '6', unitPrice: '20.00' }],
      },
    }),
  ).createSalesOrder;
  ok(await gql(page, 'mutation($id: ID!) { confirmSalesOrder(id: $id) { id } }', { id: so.id }));
  const STATUS = 'query($id:ID!){ tplStatusOf(sourceType:"SALES_ORDER", sourceId:$id){ requests { ref status } } }';
  const requests = async () =>
    ok(await gql(page, STATUS, { id: so.id })).tplStatusOf.requests as Array<{ ref: string; status: string }>;
  // the sender takes it in the background: wait until the 3PL has it
  await expect.poll(async () => (await requests()).map((r) => r.status)).toEqual(['sent']);
  const [first] = await requests();

  await page.goto(`/sales/orders/${so.id}`);
  const card = page.getByTestId('tpl-card');
  await expect(card).toContainText(`第三方仓储：${name}`);
  await expect(card.getByTestId(`tpl-request-${first.ref}`)).toContainText('发货');
  await expect(card.getByTestId(`tpl-status-${first.ref}`)).toHaveText('已发送');
  await expect(card.getByTestId('tpl-resend')).toHaveText('重新发送');
  await expect(card.getByTestId('tpl-send')).toHaveCount(0);

  // the 3PL confirms 4 of 6: the shipment posts them, the request is short and the rest can go
  await simPost('/_confirm', { ref: first.ref, id: `C-${code}`, lines: [{ line: so.lines[0].id, qty: '4' }] });
  expect(ok(await gql(page, 'mutation($c:ID!){ syncTpl(connectionId:$c){ posted } }', { c: conn })).syncTpl).toEqual({
    posted: 1,
  });
  expect(await onHand()).toBe('6');
  await page.reload();
  await expect(card.getByTestId(`tpl-status-${first.ref}`)).toHaveText('短缺确认');
  // a shipment's confirmations post shipments, not transfers: its row on the card links none
  await expect(card.locator('[data-testid^="tpl-card-transfer-"]')).toHaveCount(0);
  await expect(page.getByTestId('so-shipments')).toBeVisible();
  await card.getByTestId('tpl-send').click();
  await expect(page.locator('.el-message--success')).toContainText('指令已生成，正在发送。');
  await expect.poll(async () => (await requests()).length).toBe(2);
  const [rest] = await requests();
  await expect(card.getByTestId(`tpl-request-${rest.ref}`)).toBeVisible();

  // in English
  await page.evaluate(() => localStorage.setItem('jxc.locale', 'en'));
  await page.reload();
  await expect(card).toContainText(`3PL: ${name}`);
  await expect(card.getByTestId(`tpl-status-${first.ref}`)).toHaveText('Confirmed short');
  await expect(card.getByTestId(`tpl-request-${first.ref}`)).toContainText('Shipment');
  expect(await rawKeysOnScreen(page)).toEqual([]);
  await page.evaluate(() => localStorage.setItem('jxc.locale', 'zh-CN'));

  // a transfer out of the 3PL's warehouse, from the transfer form: a request, not a posting here
  await page.goto('/inventory/documents/new?type=TRANSFER');
  await pick(page, page.getByTestId('doc-warehouse'), `wh-option-${code}`);
  await pick(page, page.getByTestId('doc-to-warehouse'), 'to-wh-option-SH01');
  await expect(page.getByTestId('tpl-transfer-hint')).toContainText(`第三方仓储「${name}」`);
  await pick(page, page.getByTestId('line-sku-0'), `sku-option-${sku.code}`, sku.code);
  await page.getByTestId('line-qty-0').fill('1');
  await expect(page.getByTestId('doc-post')).toHaveCount(0);
  await page.getByTestId('doc-tpl-send').click();
  await expect(page).toHaveURL(/\/stock\/3pl$/);
  const transfer = (
    ok(await gql(page, 'query($c:ID!){ tplRequests(connectionId:$c){ ref kind sourceNumber } }', { c: conn }))
      .tplRequests as Array<{ ref: string; kind: string; sourceNumber: string }>
  ).find((r) => r.kind === 'transfer')!;
  expect(transfer.sourceNumber).toBe('SH01');
  await expect(page.getByTestId(`tpl-status-${transfer.ref}`)).toBeVisible();
  expect(await onHand()).toBe('6');
  // its confirmation moves the stock: it leaves the 3PL's warehouse, in transit to SH01
  await expect.poll(async () => (await tplSim.refs()).includes(transfer.ref)).toBe(true);
  await simPost('/_confirm', { ref: transfer.ref, id: `T-${code}` });
  ok(await gql(page, 'mutation($c:ID!){ syncTpl(connectionId:$c){ posted } }', { c: conn }));
  expect(await onHand()).toBe('5');
  // the request's row links the transfer its confirmation posted
  await page.goto('/stock/3pl');
  const link = page.getByTestId(`tpl-transfer-${transfer.ref}`);
  await expect(link).toHaveText(/^调拨单 \S+$/);
  const number = (await link.textContent())!.replace('调拨单 ', '').trim();
  await link.click();
  await expect(page).toHaveURL(/\/inventory\/documents\/\d+$/);
  await expect(page.locator('body')).toContainText(number);

  // a transfer out not confirmed yet is cancelled from the 3PL page: the 3PL is told first
  const sh01 = (
    ok(await gql(page, '{ warehouses(page: { limit: 200 }) { items { id code } } }')).warehouses.items as Array<{
      id: string;
      code: string;
    }>
  ).find((w) => w.code === 'SH01')!;
  const again = ok(
    await gql(page, 'mutation($i:TplTransferInput!){ requestTplTransfer(input:$i){ id ref } }', {
      i: { warehouseId: wh, toWarehouseId: sh01.id, lines: [{ skuId: sku.id, qty: '1' }] },
    }),
  ).requestTplTransfer as { id: string; ref: string };
  await expect.poll(async () => (await tplSim.refs()).includes(again.ref)).toBe(true);
  await page.goto('/stock/3pl');
  await expect(page.getByTestId(`tpl-cancel-${transfer.ref}`)).toHaveCount(0);
  await page.getByTestId(`tpl-cancel-${again.ref}`).click();
  await expect(page.locator('.el-message-box')).toContainText(`取消调出指令 ${again.ref}？`);
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(page.locator('.el-message--success')).toContainText(`指令 ${again.ref} 已取消。`);
  await expect(page.getByTestId(`tpl-status-${again.ref}`)).toHaveText('已取消');
  await expect(page.getByTestId(`tpl-cancel-${again.ref}`)).toHaveCount(0);
  expect((await tplSim.call('/_requests')).cancelled).toEqual([again.ref]);
  expect(await onHand()).toBe('5');
});
