import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { choose, expect, gql, loginOk, logout, ok, test, typeDate, watchConsole } from './fixtures';

/**
 * Issue 10 in the console: the pick strategy on the warehouse and SKU forms, quarantine bins, the
 * reason a short-dated batch is received with (stock documents and the receive form, on a phone
 * too), moves into quarantine and the stock levels that show expired and quarantined stock, the
 * "成本已调整" tag where COGS is shown, and the replenishment settings (window, service level as %
 * and z, a fixed safety stock). Every figure is made through the API first, in objects of its own.
 */

// unique codes across runs against one demo database (no clock involved)
const uid = () => randomUUID().slice(0, 8).toUpperCase();
/** A batch whose last day of use has long passed, and one far ahead (whatever the date of the run). */
const EXPIRED = '2020-01-31';
const FAR = '2099-12-31';

/** YYYY-MM-DD plus days, on the digits of the date (not the clock). */
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function newProduct(page: Page, opts: { batchTracked: boolean }) {
  const code = `EQ-${uid()}`;
  const p = ok(
    await gql(page, 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id skus { id code } } }', {
      i: {
        code,
        name: `效期测试 ${code}`,
        baseUnit: '盒',
        batchTracked: opts.batchTracked,
        shelfLifeDays: opts.batchTracked ? 30 : null,
        skus: [{ code: `${code}-01` }],
      },
    }),
  ).createProduct;
  return { productId: p.id as string, skuId: p.skus[0].id as string, skuCode: p.skus[0].code as string };
}

async function newWarehouse(page: Page) {
  const code = `EQ${uid().slice(0, 6)}`;
  const w = ok(
    await gql(page, 'mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { id code } }', {
      i: { code, name: `效期仓 ${code}` },
    }),
  ).createWarehouse;
  return { id: w.id as string, code: w.code as string };
}

test('the pick strategy is set on the warehouse form and, where it differs, on the SKU', async ({ page }) => {
  const problems = watchConsole(page);
  await loginOk(page, 'admin');
  const code = `PW${uid().slice(0, 6)}`;
  await page.getByTestId('menu-warehouses').click();
  await page.getByTestId('wh-create').click();
  await page.getByTestId('wh-code').fill(code);
  await page.getByTestId('wh-name').fill(`拣货策略仓 ${code}`);
  await choose(page, page.getByTestId('wh-pick'), '先到期先出（FEFO）');
  await page.getByTestId('wh-save').click();
  const list = await gql(page, '{ warehouses(page: { limit: 200 }) { items { code pickStrategy } } }');
  expect(list.data.warehouses.items.find((w: any) => w.code === code)?.pickStrategy).toBe('FEFO');
  await page.goto(`/stock/warehouses?page=1`);
  await expect(page.getByTestId(`wh-pick-${code}`).first()).toBeVisible();
  // edit: FIFO
  await page.getByTestId(`wh-edit-${code}`).click();
  await choose(page, page.getByTestId('wh-pick'), '先进先出（FIFO）');
  await page.getByTestId('wh-save').click();
  await expect(page.getByTestId(`wh-pick-${code}`)).toHaveText('先进先出（FIFO）');

  // a SKU that picks by expiry wherever it lies
  const p = await newProduct(page, { batchTracked: true });
  await page.goto(`/catalog/products/${p.productId}`);
  await expect(page.getByTestId('sku-pick-0')).toBeVisible();
  await choose(page, page.getByTestId('sku-pick-0'), '先到期先出（FEFO）');
  await page.getByTestId('product-save').click();
  await expect
    .poll(
      async () =>
        (await gql(page, 'query($id: ID!) { product(id: $id) { skus { pickStrategy } } }', { id: p.productId })).data
          .product.skus[0].pickStrategy,
    )
    .toBe('FEFO');
  await page.reload();
  await expect(page.getByTestId('sku-pick-0')).toContainText('先到期先出（FEFO）');
  expect(problems).toEqual([]);
});

test('a quarantine bin; a short-dated receipt asks for its reason; a move into quarantine; stock levels show expired and quarantined', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  await loginOk(page, 'admin');
  const w = await newWarehouse(page);
  const p = await newProduct(page, { batchTracked: true });

  // the bin form: a quarantine switch, and the list says which bins are
  await page.goto(`/stock/warehouses/${w.id}`);
  await page.getByTestId('bin-create').click();
  await page.getByTestId('bin-code').fill('Q-01');
  await page.getByTestId('bin-quarantine').click();
  await page.getByTestId('bin-save').click();
  await expect(page.getByTestId('bin-quarantine-Q-01')).toHaveText('隔离区');
  await page.getByTestId('bin-create').click();
  await page.getByTestId('bin-code').fill('R-01');
  await page.getByTestId('bin-save').click();
  await expect(page.getByTestId('bins-table')).toContainText('R-01');
  await expect(page.getByTestId('bin-quarantine-R-01')).toHaveCount(0);

  // an other receipt of an expired batch: flagged, and refused without its reason
  await page.goto('/inventory/documents/new?type=OTHER_IN');
  await choose(page, page.getByTestId('doc-warehouse'), w.code);
  await choose(page, page.getByTestId('line-sku-0'), p.skuCode, p.skuCode);
  await page.getByTestId('line-qty-0').fill('10');
  await page.getByTestId('line-unitCost-0').fill('5');
  await page.getByTestId('line-batch-0').fill('B-OLD');
  await typeDate(page.getByTestId('line-expiry-0'), EXPIRED);
  await expect(page.getByTestId('line-short-0')).toContainText('已过期');
  await page.getByTestId('line-add').click();
  await choose(page, page.getByTestId('line-sku-1'), p.skuCode, p.skuCode);
  await page.getByTestId('line-qty-1').fill('5');
  await page.getByTestId('line-unitCost-1').fill('6');
  await page.getByTestId('line-batch-1').fill('B-NEW');
  await typeDate(page.getByTestId('line-expiry-1'), FAR);
  await expect(page.getByTestId('line-short-1')).toHaveCount(0);
  await page.getByTestId('doc-post').click();
  await expect(page.getByTestId('doc-error')).toContainText('收货批次已过期或临近效期，请填写收货原因。');
  await expect(page.getByTestId('line-error-0')).toContainText('需填写收货原因');
  await page.getByTestId('line-expiry-reason-0').fill('供应商退回重入 returned stock');
  await page.getByTestId('doc-post').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已过账');
  await expect(page.getByTestId('line-expiry-reason-0')).toHaveText('供应商退回重入 returned stock');

  // 3 of the good batch move into the quarantine bin: a transfer within the warehouse
  await page.goto('/inventory/documents/new?type=TRANSFER');
  await choose(page, page.getByTestId('doc-warehouse'), w.code);
  await choose(page, page.getByTestId('doc-to-warehouse'), '本仓库移库');
  await expect(page.getByTestId('bin-move-hint')).toBeVisible();
  await choose(page, page.getByTestId('line-sku-0'), p.skuCode, p.skuCode);
  await page.getByTestId('line-qty-0').fill('3');
  await page.getByTestId('line-batch-0').fill('B-NEW');
  await choose(page, page.getByTestId('line-toBin-0'), 'Q-01（隔离区）');
  await page.getByTestId('doc-post').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已移库');

  // stock levels: 15 on hand, 10 expired, 3 quarantined, 2 available
  await page.goto(`/inventory/levels?warehouseId=${w.id}`);
  const key = `${w.code}-${p.skuCode}`;
  await expect(page.getByTestId(`level-expired-${key}`)).toHaveText('10');
  await expect(page.getByTestId(`level-quarantined-${key}`)).toHaveText('3');
  await expect(page.getByTestId(`level-available-${key}`)).toHaveText('2');
  await page.getByTestId(`level-open-${key}`).click();
  await expect(page.getByTestId('bins-drawer').getByTestId('bin-quarantine-tag')).toHaveCount(1);
  await expect(page.getByTestId('bins-drawer').getByTestId('bin-expired-tag')).toHaveCount(1);
  expect(problems).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a keeper receives a short-dated batch with its reason, and says the rejected units will be replaced', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const problems = watchConsole(page);
    await loginOk(page, 'admin');
    const code = `SUP-${uid()}`;
    const s = ok(
      await gql(page, 'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }', {
        i: { code, name: `效期供应商 ${code}`, status: 'APPROVED' },
      }),
    ).createSupplier;
    const p = await newProduct(page, { batchTracked: true });
    const whs = await gql(page, '{ warehouses { items { id code } } }');
    const wh = whs.data.warehouses.items.find((x: any) => x.code === 'SH01').id;
    const po = ok(
      await gql(page, 'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id } }', {
        i: { supplierId: s.id, warehouseId: wh, lines: [{ skuId: p.skuId, qty: '10', price: '4.00' }] },
      }),
    ).createPurchaseOrder;
    ok(await gql(page, 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { id } }', { id: po.id }));
    await logout(page);
    await loginOk(page, 'manager');
    ok(
      await gql(page, 'mutation($id: ID!) { approvePurchaseOrder(id: $id, comment: "同意") { status } }', {
        id: po.id,
      }),
    );
    await logout(page);

    await loginOk(page, 'warehouse');
    await page.goto(`/purchasing/orders/${po.id}/receive`);
    await expect(page.getByTestId('receive-cards')).toBeVisible();
    await page.getByTestId('rcv-accepted-0').fill('8');
    await page.getByTestId('rcv-rejected-0').fill('2');
    await page.getByTestId('rcv-reason-0').fill('外箱破损');
    await page.getByTestId('rcv-replacement-0').click();
    await page.getByTestId('rcv-batch-0').fill('L-OLD');
    await typeDate(page.getByTestId('rcv-expiry-0'), EXPIRED);
    // flagged, and the post waits for the reason
    await expect(page.getByTestId('rcv-short-0')).toContainText('已过期');
    await expect(page.getByTestId('receive-post')).toBeDisabled();
    const reason = page.getByTestId('rcv-expiry-reason-0');
    await reason.fill('临期特价处理 clearance');
    const box = (await reason.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(page.getByTestId('receive-post')).toBeEnabled();
    await page.getByTestId('receive-post').click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
    await expect(page).toHaveURL(new RegExp(`/purchasing/orders/${po.id}$`));
    await expect(page.getByTestId('doc-status')).toHaveText('部分收货');
    // the reason is on the receipt line; the 2 rejected stay on order (replacement expected)
    const r = ok(
      await gql(
        page,
        'query($o: ID!) { purchaseReceipts(filter: { orderId: $o }) { items { lines { batchNo expiryReason replacementExpected } } } purchaseOrder(id: $o) { lines { openQty replacementQty } } }',
        { o: po.id },
      ),
    );
    expect(r.purchaseReceipts.items[0].lines).toEqual([
      { batchNo: 'L-OLD', expiryReason: '临期特价处理 clearance', replacementExpected: true },
    ]);
    expect(r.purchaseOrder.lines).toEqual([{ openQty: '2', replacementQty: '2' }]);
    expect(problems).toEqual([]);
  });
});

test('a back-dated receipt re-costs a shipment and an issue: "成本已调整" names it, for those who may read cost', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  await loginOk(page, 'admin');
  const p = await newProduct(page, { batchTracked: false });
  const ids = await gql(
    page,
    '{ warehouses { items { id code } } customers(filter: { search: "C0002" }) { items { channelId } } }',
  );
  const wh = ids.data.warehouses.items.find((x: any) => x.code === 'SH01').id;
  const channelId = ids.data.customers.items[0].channelId;
  const c = ok(
    await gql(page, 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }', {
      i: { code: `EQC-${uid()}`, name: '成本调整客户', creditLimit: '1000000.00' },
    }),
  ).createCustomer;
  const order = async (orderDate?: string) =>
    ok(
      await gql(
        page,
        'mutation($i: CreateSalesOrderInput!) { createSalesOrder(input: $i) { id orderDate lines { id } } }',
        {
          i: {
            customerId: c.id,
            channelId,
            warehouseId: wh,
            ...(orderDate ? { orderDate } : {}),
            lines: [{ skuId: p.skuId, qty: '120', unitPrice: '20.00' }],
          },
        },
      ),
    ).createSalesOrder;
  // the server's today: a new draft's date (not the test machine's clock); that draft goes again
  const probe = await order();
  const today = probe.orderDate as string;
  ok(await gql(page, 'mutation($id: ID!) { cancelSalesOrder(id: $id) { id } }', { id: probe.id }));
  const so = await order(addDays(today, -8));
  const post = async (type: string, day: string, qty: string, unitCost?: string) =>
    ok(
      await gql(
        page,
        'mutation($i: CreateStockDocumentInput!, $k: String!) { createAndPostStockDocument(input: $i, idempotencyKey: $k) { id number } }',
        {
          i: {
            type,
            warehouseId: wh,
            businessDate: day,
            lines: [{ skuId: p.skuId, qty, ...(unitCost ? { unitCost } : {}) }],
          },
          k: randomUUID(),
        },
      ),
    ).createAndPostStockDocument;
  await post('OTHER_IN', addDays(today, -10), '100', '10.00');
  await post('OTHER_IN', addDays(today, -9), '50', '13.00');
  ok(await gql(page, 'mutation($id: ID!) { confirmSalesOrder(id: $id) { id } }', { id: so.id }));
  const shipment = ok(
    await gql(page, 'mutation($i: ShipSalesOrderInput!) { shipSalesOrder(input: $i) { number lines { cogs } } }', {
      i: { orderId: so.id, businessDate: addDays(today, -6), lines: [{ orderLineId: so.lines[0].id, qty: '120' }] },
    }),
  ).shipSalesOrder;
  expect(shipment.lines[0].cogs).toBe('1320.00');
  const issue = await post('OTHER_OUT', addDays(today, -5), '10');
  const late = await post('OTHER_IN', addDays(today, -7), '30', '12.00');

  await page.goto(`/sales/orders/${so.id}`);
  await expect(page.getByTestId('so-cogs')).toContainText('1,340.00');
  await page.getByTestId('so-cost-changed').click();
  const list = page.getByTestId('so-cost-changed-list');
  await expect(list).toBeVisible();
  await expect(list).toContainText(late.number);
  await expect(list).toContainText('其他入库');
  await expect(list).toContainText('过账');
  await expect(list).toContainText('20.00');
  await expect(page.getByTestId('so-line-cost-changed-1')).toBeVisible();
  await expect(page.getByTestId(`shipment-cost-changed-${shipment.number}-${p.skuCode}`)).toBeVisible();

  // the issue's document line: 10 × 11.1667 = 111.67, re-costed by the same receipt
  await page.goto(`/inventory/documents/${issue.id}`);
  await page.getByTestId('line-cost-changed-0').click();
  await expect(page.getByTestId('line-cost-changed-0-list')).toContainText(late.number);

  // a keeper may not read cost: neither the figure nor its changes
  await logout(page);
  await loginOk(page, 'warehouse');
  await page.goto(`/inventory/documents/${issue.id}`);
  await expect(page.getByTestId('doc-status')).toHaveText('已过账');
  await expect(page.getByTestId('line-cost-changed-0')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('replenishment: a fixed window and service level (% and z) or a fixed safety stock, and the arithmetic that reproduces the suggestion', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  await loginOk(page, 'admin');
  const whs = await gql(page, '{ warehouses { items { id code } } }');
  const wh = whs.data.warehouses.items.find((x: any) => x.code === 'GZ01').id;
  const rows = (
    await gql(page, 'query($w: ID!) { replenishmentSuggestions(warehouseId: $w) { skuId skuCode status } }', { w: wh })
  ).data.replenishmentSuggestions as { skuId: string; skuCode: string; status: string }[];
  const row = rows.filter((r) => r.status === 'OK').at(-1)!;
  expect(row).toBeTruthy();
  await page.goto(`/purchasing/replenishment?warehouseId=${wh}&search=${row.skuCode}`);
  await page.getByTestId(`repl-setting-${row.skuCode}`).click();
  await choose(page, page.getByTestId('repl-setting-method'), '移动平均');
  await page.getByTestId('repl-setting-window').fill('14');
  await page.getByTestId('repl-setting-safety').getByText('z × σ × √交货期').click();
  await page.getByTestId('repl-setting-service').fill('97.5');
  await expect(page.getByTestId('repl-setting-z')).toHaveText('z = 1.9600');
  await page.getByTestId('repl-setting-save').click();
  await expect(page.getByTestId('repl-setting-save')).toBeHidden();

  const tableRow = page.getByTestId('repl-table').locator('tr', { hasText: row.skuCode }).first();
  await tableRow.locator('.el-table__expand-icon').click();
  const basis = page.getByTestId(`repl-basis-${row.skuCode}`);
  await expect(basis).toContainText('移动平均（窗口 14 天）');
  await expect(basis).toContainText('人工指定');
  await expect(page.getByTestId(`repl-service-${row.skuCode}`)).toHaveText('服务水平 97.50%，z = 1.959964');
  // the last step of the arithmetic is the suggestion
  const steps = page.getByTestId(`repl-steps-${row.skuCode}`);
  const last = (await steps.locator('tr').last().locator('td').last().innerText()).replace(/^=\s*/, '');
  const suggested = await page.getByTestId(`repl-suggested-${row.skuCode}`).innerText();
  expect(last.replace(/,/g, '')).toBe(suggested.replace(/,/g, ''));

  // a fixed safety stock of 12 for this warehouse wins over the rule
  await page.getByTestId(`repl-setting-${row.skuCode}`).click();
  await page.getByTestId('repl-setting-fixed-radio').click();
  await page.getByTestId('repl-setting-fixed').fill('12');
  await page.getByTestId('repl-setting-save').click();
  await expect(page.getByTestId('repl-setting-save')).toBeHidden();
  const after = (
    await gql(page, 'query($w: ID!) { replenishmentSuggestions(warehouseId: $w) { skuId safetyMethod safetyStock } }', {
      w: wh,
    })
  ).data.replenishmentSuggestions.find((r: any) => r.skuId === row.skuId);
  expect([after.safetyMethod, after.safetyStock]).toEqual(['FIXED', '12']);
  await expect(page.getByTestId(`repl-safety-${row.skuCode}`)).toHaveText('固定数量');

  // back as it was: automatic method, the simple rule, no fixed number
  await page.getByTestId(`repl-setting-${row.skuCode}`).click();
  await choose(page, page.getByTestId('repl-setting-method'), '自动（回测误差最小）');
  await page.getByTestId('repl-setting-safety').getByText('日均 × 交货期 × 不稳定系数').click();
  await page.getByTestId('repl-setting-save').click();
  await expect(page.getByTestId('repl-setting-save')).toBeHidden();
  const fixed = await gql(page, 'query($w: ID!) { fixedSafetyStocks(warehouseId: $w) { skuId } }', { w: wh });
  expect(fixed.data.fixedSafetyStocks.find((x: any) => x.skuId === row.skuId)).toBeUndefined();
  expect(problems).toEqual([]);
});

test('expired goods moved into quarantine go back to the supplier from the quarantine bin', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  await loginOk(page, 'admin');
  const code = `SUP-${uid()}`;
  const s = ok(
    await gql(page, 'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }', {
      i: { code, name: `退货供应商 ${code}`, status: 'APPROVED' },
    }),
  ).createSupplier;
  const p = await newProduct(page, { batchTracked: true });
  const whs = await gql(page, '{ warehouses { items { id code } } }');
  const wh = whs.data.warehouses.items.find((x: any) => x.code === 'SH01').id;
  const po = ok(
    await gql(page, 'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id } }', {
      i: { supplierId: s.id, warehouseId: wh, lines: [{ skuId: p.skuId, qty: '6', price: '2.50' }] },
    }),
  ).createPurchaseOrder;
  ok(await gql(page, 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { id } }', { id: po.id }));
  await logout(page);
  await loginOk(page, 'manager');
  ok(
    await gql(page, 'mutation($id: ID!) { approvePurchaseOrder(id: $id, comment: "同意") { status } }', { id: po.id }),
  );
  await logout(page);
  await loginOk(page, 'admin');
  const order = ok(
    await gql(page, 'query($id: ID!) { purchaseOrder(id: $id) { lines { id } } }', { id: po.id }),
  ).purchaseOrder;
  const receipt = ok(
    await gql(
      page,
      'mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { number lines { id } } }',
      {
        i: {
          orderId: po.id,
          lines: [
            {
              orderLineId: order.lines[0].id,
              acceptedQty: '6',
              batchNo: 'X-OLD',
              expiryDate: EXPIRED,
              expiryReason: '待退供应商 to be returned',
            },
          ],
        },
      },
    ),
  ).receivePurchaseOrder;
  const bin = ok(
    await gql(page, 'mutation($i: CreateBinInput!) { createBin(input: $i) { id code } }', {
      i: { warehouseId: wh, code: `QZ-${uid()}`, quarantine: true },
    }),
  ).createBin;
  ok(
    await gql(
      page,
      'mutation($i: CreateStockDocumentInput!, $k: String!) { createAndPostStockDocument(input: $i, idempotencyKey: $k) { status } }',
      {
        i: {
          type: 'TRANSFER',
          warehouseId: wh,
          toWarehouseId: wh,
          lines: [{ skuId: p.skuId, qty: '6', batchNo: 'X-OLD', toBinId: bin.id }],
        },
        k: randomUUID(),
      },
    ),
  );
  await page.goto(`/purchasing/orders/${po.id}`);
  await page.getByTestId(`receipt-return-${receipt.number}`).click();
  const line = receipt.lines[0].id;
  await page.getByTestId(`dialog-qty-${line}`).fill('6');
  await choose(page, page.getByTestId(`dialog-bin-${line}`), `${bin.code}（隔离区）`);
  await page.getByTestId('return-reason').fill('过期退回');
  await page.getByTestId('receipt-dialog-save').click();
  await expect(page.getByTestId('receipt-dialog-save')).toBeHidden();
  const returned = ok(
    await gql(page, 'query($o: ID!) { purchaseReturns(filter: { orderId: $o }) { items { lines { qty value } } } }', {
      o: po.id,
    }),
  ).purchaseReturns.items;
  expect(returned[0].lines).toEqual([{ qty: '6', value: '-15.00' }]);
  expect(problems).toEqual([]);
});
