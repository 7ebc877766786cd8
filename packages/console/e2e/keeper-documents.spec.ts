import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { gql, loginOk, pick, uid } from './fixtures';
import { expect, test, TPL_SIM } from './tpl-sim';

const ok = (r: { data?: any; errors?: unknown }) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};
const POST_DOC =
  'mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number status } }';

/** An admin on a page of their own, with a new SKU of its own holding `qty` at `unitCost` in SH01. */
async function adminWithSku(browser: Browser, qty: string, unitCost: string) {
  const admin = await browser.newPage();
  await loginOk(admin, 'admin');
  const code = `KP-${uid()}`;
  const product = ok(
    await gql(admin, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { skus { id code } } }', {
      input: { code, name: '仓管测试杯', baseUnit: '个', skus: [{ code: `${code}-1` }] },
    }),
  ).createProduct;
  const sku = product.skus[0] as { id: string; code: string };
  const sh01 = ok(await gql(admin, '{ warehouses { items { id code } } }')).warehouses.items.find(
    (w: { code: string }) => w.code === 'SH01',
  ).id as string;
  ok(
    await gql(admin, POST_DOC, {
      i: { type: 'OTHER_IN', warehouseId: sh01, lines: [{ skuId: sku.id, qty, unitCost }] },
      k: randomUUID(),
    }),
  );
  return { admin, sku, sh01 };
}

/** The warehouse ids the page asked bins of (the transfer form's DocumentBins). */
function binRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (!r.url().includes('/graphql') || r.method() !== 'POST') return;
    const body = r.postDataJSON() as { operationName?: string; variables?: { warehouseId?: string } } | null;
    if (body?.operationName === 'DocumentBins') asked.push(String(body.variables?.warehouseId));
  });
  return asked;
}

test('a warehouse keeper books and posts an other receipt without a cost: it comes in at the current unit cost', async ({
  page,
  browser,
}) => {
  const { admin, sku } = await adminWithSku(browser, '10', '8.00');
  await loginOk(page, 'warehouse');
  await page.getByTestId('menu-stock-documents').click();
  await page.getByTestId('doc-create-button').click();
  await page.getByTestId('doc-create-OTHER_IN').click();
  await pick(page, page.getByTestId('doc-warehouse'), 'wh-option-SH01');
  await pick(page, page.getByTestId('line-sku-0'), `sku-option-${sku.code}`, sku.code);
  await page.getByTestId('line-qty-0').fill('5');
  await expect(page.getByTestId('line-unitCost-0')).toHaveCount(0);
  await page.getByTestId('doc-post').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已过账');
  await expect(page.getByTestId('doc-error')).toHaveCount(0);
  // posted, its cost and value are withheld from the keeper (hidden cells, no figure)
  await expect(page.getByTestId('lines-table').getByTestId('hidden-cell')).toHaveCount(2);
  await expect(page.getByTestId('lines-table')).not.toContainText(/\d+\.\d{2}\b/);
  const id = /\/inventory\/documents\/(\d+)$/.exec(page.url())![1];
  // the keeper's own reply carries no cost; the books have it at the average, 5 × 8.00
  const mine = ok(await gql(page, 'query($id:ID!){ stockDocument(id:$id){ lines { qty unitCost value } } }', { id }));
  expect(mine.stockDocument.lines).toEqual([{ qty: '5', unitCost: null, value: null }]);
  const books = ok(await gql(admin, 'query($id:ID!){ stockDocument(id:$id){ lines { unitCost value } } }', { id }));
  expect(books.stockDocument.lines).toEqual([{ unitCost: '8.000000', value: '40.00' }]);
  await admin.close();
});

test('the ship dialog checks each quantity against what is left and says it once, in the dialog', async ({
  page,
  browser,
}) => {
  const { admin, sku, sh01 } = await adminWithSku(browser, '5', '1.00');
  const channelId = ok(await gql(admin, '{ customers(filter: { search: "C0002" }) { items { channelId } } }')).customers
    .items[0].channelId;
  const customer = ok(
    await gql(admin, 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }', {
      i: { code: `KPC-${uid()}`, name: '发货校验客户', creditLimit: '100000.00', channelId },
    }),
  ).createCustomer;
  const so = ok(
    await gql(admin, 'mutation($i: CreateSalesOrderInput!) { createSalesOrder(input: $i) { id } }', {
      i: {
        customerId: customer.id,
        channelId,
        warehouseId: sh01,
        shipTo: '上海市 静安区 1 号',
        lines: [{ skuId: sku.id, qty: '2', unitPrice: '20.00' }],
      },
    }),
  ).createSalesOrder;
  ok(await gql(admin, 'mutation($id: ID!) { confirmSalesOrder(id: $id) { id } }', { id: so.id }));
  await admin.close();

  await loginOk(page, 'warehouse');
  const shipCalls: string[] = [];
  page.on('request', (r) => {
    const body = r.url().includes('/graphql') && r.method() === 'POST' ? r.postDataJSON() : null;
    if (body?.operationName === 'ShipSalesOrder') shipCalls.push(JSON.stringify(body.variables.input.lines));
  });
  await page.goto(`/sales/orders/${so.id}`);
  await page.getByTestId('so-ship').click();
  await expect(page.getByTestId('ship-qty-1')).toHaveValue('2');
  const dialog = page.getByTestId('ship-dialog');

  await page.getByTestId('ship-qty-1').fill('-1');
  await page.getByTestId('ship-save').click();
  await expect(page.getByTestId('ship-qty-error-1')).toHaveText('数量须大于零');
  await expect(page.getByTestId('ship-error')).toBeVisible();
  await expect(page.getByTestId('doc-error')).toHaveCount(0);

  await page.getByTestId('ship-qty-1').fill('3');
  await page.getByTestId('ship-save').click();
  await expect(page.getByTestId('ship-qty-error-1')).toHaveText('最多可发 2');
  await expect(page.getByTestId('doc-error')).toHaveCount(0);
  await expect(dialog.locator('.el-alert')).toHaveCount(1);
  expect(shipCalls).toEqual([]);

  await page.getByTestId('ship-qty-1').fill('2');
  await page.getByTestId('ship-save').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已发货');
  expect(shipCalls).toHaveLength(1);
});

test("a keeper asks bins only of warehouses in their scope: not of a transfer's other end (NOT_FOUND before)", async ({
  page,
  browser,
}) => {
  const { admin, sku, sh01 } = await adminWithSku(browser, '1', '1.00');
  const gz01 = ok(await gql(admin, '{ warehouses { items { id code } } }')).warehouses.items.find(
    (w: { code: string }) => w.code === 'GZ01',
  ).id as string;
  ok(
    await gql(admin, POST_DOC, {
      i: { type: 'OTHER_IN', warehouseId: gz01, lines: [{ skuId: sku.id, qty: '3', unitCost: '1.00' }] },
      k: randomUUID(),
    }),
  );
  // on the road from GZ01 (not the keeper's) to SH01 (theirs)
  const inbound = ok(
    await gql(admin, POST_DOC, {
      i: { type: 'TRANSFER', warehouseId: gz01, toWarehouseId: sh01, lines: [{ skuId: sku.id, qty: '3' }] },
      k: randomUUID(),
    }),
  ).createAndPostStockDocument;
  await admin.close();

  await loginOk(page, 'warehouse');
  const asked = binRequests(page);
  await page.goto(`/inventory/documents/${inbound.id}`);
  await expect(page.getByTestId('doc-status')).toHaveText('在途');
  await expect(page.getByTestId('doc-receive')).toBeVisible();
  await expect.poll(() => asked.includes(sh01)).toBe(true);
  // a new transfer from SH01 to GZ01
  await page.goto('/inventory/documents/new?type=TRANSFER');
  await pick(page, page.getByTestId('doc-warehouse'), 'wh-option-SH01');
  await pick(page, page.getByTestId('doc-to-warehouse'), 'to-wh-option-GZ01');
  await pick(page, page.getByTestId('line-sku-0'), `sku-option-${sku.code}`, sku.code);
  await page.getByTestId('line-qty-0').fill('1');
  expect(asked.filter((w) => w !== sh01)).toEqual([]);
});

test("a keeper's transfer to a 3PL's warehouse offers no receiving: the 3PL confirms the arrival", async ({
  page,
  browser,
  tplSim,
}) => {
  test.setTimeout(120_000);
  const { admin, sku, sh01 } = await adminWithSku(browser, '4', '2.00');
  const code = `KP3${uid(6)}`;
  const wh = ok(
    await gql(admin, 'mutation($i:CreateWarehouseInput!){ createWarehouse(input:$i){ id } }', {
      i: { code, name: `e2e 3PL ${code}`, kind: 'THIRD_PARTY' },
    }),
  ).createWarehouse.id as string;
  ok(
    await gql(admin, 'mutation($i:ConnectTplInput!){ connectTpl(input:$i){ id } }', {
      i: { name: `菜鸟 ${code}`, warehouseId: wh, baseUrl: tplSim.url, clientKey: TPL_SIM.key, secret: TPL_SIM.secret },
    }),
  );
  const transfer = ok(
    await gql(admin, POST_DOC, {
      i: { type: 'TRANSFER', warehouseId: sh01, toWarehouseId: wh, lines: [{ skuId: sku.id, qty: '4' }] },
      k: randomUUID(),
    }),
  ).createAndPostStockDocument;
  expect(transfer.status).toBe('IN_TRANSIT');
  await admin.close();

  await loginOk(page, 'warehouse');
  await page.goto(`/inventory/documents/${transfer.id}`);
  await expect(page.getByTestId('doc-status')).toHaveText('在途');
  await expect(page.getByTestId('doc-cancel')).toBeVisible();
  await expect(page.getByTestId('doc-receive')).toHaveCount(0);
  await expect(page.getByTestId('tpl-arrival-hint')).toBeVisible();
  // what the server would answer: TPL_OPERATED
  const r = await gql(page, 'mutation($id:ID!){ receiveTransfer(id:$id){ id } }', { id: transfer.id });
  expect(r.errors?.[0].extensions?.code).toBe('TPL_OPERATED');
});
