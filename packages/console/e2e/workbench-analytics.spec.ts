import { E2E_TODAY, expect, expectChartDrawn, gql, loginOk, logout, test, uid, watchConsole } from './fixtures';

/**
 * Issue 15 in the console: each position opens on its own workbench (the keeper's on a phone, with
 * counts and no money), and an accountant finds last month's margin per warehouse × SKU in the
 * cross-tab, drills into it down to the ledger rows and exports it. The server runs at a fixed
 * business day (E2E_TODAY), so "last month" is the month before it whatever the date of the run;
 * the documents behind the figure are posted then, in a warehouse and a SKU of this test's own.
 */
const [y, m] = E2E_TODAY.split('-').map(Number);
/** The given day of the month before E2E_TODAY's. */
const lastMonthDay = (d: number) => new Date(Date.UTC(y, m - 2, d)).toISOString().slice(0, 10);
const ok = (r: { data?: any; errors?: unknown }) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};

test('each position opens on its own workbench', async ({ page }) => {
  const own: Array<[string, string, string]> = [
    ['purchaser', 'PURCHASER', 'ordersAwaitingMe'],
    ['sales', 'SALES', 'orders_draft'],
    ['accountant', 'ACCOUNTANT', 'stockValue'],
    ['manager', 'MANAGER', 'approvalsWaiting'],
  ];
  for (const [user, section, card] of own) {
    await loginOk(page, user);
    await expect(page.getByTestId(`section-${section}`)).toBeVisible();
    await expect(page.getByTestId(`wb-${section}-${card}`).getByTestId('wb-value')).not.toBeEmpty();
    if (user !== 'manager') await expect(page.locator('[data-testid^="section-"]')).toHaveCount(1);
    if (user === 'purchaser') {
      // suggestions to order: the demo's stored suggestions of today (the seeding ran the refresh once),
      // with their value at the agreed prices; the card opens the replenishment list on "needs ordering"
      const toOrder = page.getByTestId('wb-PURCHASER-toOrder');
      await expect(toOrder.getByTestId('wb-value')).toHaveText(/^[1-9]\d*$/);
      await expect(toOrder.getByTestId('wb-detail')).toHaveText(/^按协议价约 [\d,]+\.\d{2}$/);
      await toOrder.click();
      await expect(page).toHaveURL(/\/purchasing\/replenishment\?onlyToOrder=1&warehouseId=\d+/);
      await expect(page.getByTestId('repl-only')).toHaveClass(/is-checked/);
      await expect(page.getByTestId('repl-table').locator('tbody tr').first()).toBeVisible();
    }
    await logout(page);
  }
  // the sales card opens its list with the filter in the URL
  await loginOk(page, 'sales');
  await page.getByTestId('wb-SALES-orders_draft').click();
  await expect(page).toHaveURL(/\/sales\/orders\?status=draft/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the keeper's workbench: work to do, no money, no sideways scrolling", async ({ page }) => {
    const problems = watchConsole(page);
    await loginOk(page, 'warehouse');
    const keeper = page.getByTestId('section-KEEPER');
    await expect(keeper).toBeVisible();
    await expect(page.getByTestId('wb-KEEPER-toShip').getByTestId('wb-value')).toHaveText(/^\d+$/);
    await expect(page.locator('[data-testid^="section-"]')).toHaveCount(1);
    await expect(page.locator('.money')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('wb-KEEPER-toShip').click();
    await expect(page).toHaveURL(/\/sales\/orders\?status=confirmed/);
    expect(problems).toEqual([]);
  });
});

test("an accountant finds last month's margin per warehouse × SKU, drills down to its ledger rows and exports it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loginOk(page, 'admin');
  const code = uid();
  const w = ok(
    await gql(page, 'mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { id } }', {
      i: { code: `AN${code.slice(0, 6)}`, name: `分析仓 ${code}` },
    }),
  ).createWarehouse;
  // two SKUs in stock there; only the first is sold
  const [sku, unsold] = ok(
    await gql(page, 'mutation($i: CreateProductInput!) { createProduct(input: $i) { skus { id code } } }', {
      i: {
        code: `AN-${code}`,
        name: `分析商品 ${code}`,
        baseUnit: '件',
        skus: [{ code: `AN-${code}-01` }, { code: `AN-${code}-02` }],
      },
    }),
  ).createProduct.skus.sort((a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code));
  const doc = ok(
    await gql(page, 'mutation($i: CreateStockDocumentInput!) { createStockDocument(input: $i) { id } }', {
      i: {
        type: 'OTHER_IN',
        warehouseId: w.id,
        businessDate: lastMonthDay(2),
        lines: [
          { skuId: sku.id, qty: '100', unitCost: '10.00' },
          { skuId: unsold.id, qty: '5', unitCost: '8.00' },
        ],
      },
    }),
  ).createStockDocument;
  ok(await gql(page, 'mutation($id: ID!) { postStockDocument(id: $id) { id } }', { id: doc.id }));
  const channel = ok(
    await gql(page, 'mutation($i: ChannelInput!) { saveSalesChannel(input: $i) { id } }', {
      i: { code: `AN${code.slice(0, 6)}`, name: `分析渠道 ${code}`, kind: 'OFFLINE_STORE' },
    }),
  ).saveSalesChannel;
  const customer = ok(
    await gql(page, 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }', {
      i: { code: `AN-${code}`, name: `分析客户 ${code}`, creditLimit: '100000.00' },
    }),
  ).createCustomer;
  const order = ok(
    await gql(page, 'mutation($i: CreateSalesOrderInput!) { createSalesOrder(input: $i) { id lines { id } } }', {
      i: {
        customerId: customer.id,
        channelId: channel.id,
        warehouseId: w.id,
        orderDate: lastMonthDay(10),
        lines: [{ skuId: sku.id, qty: '40', unitPrice: '25.00' }],
      },
    }),
  ).createSalesOrder;
  ok(await gql(page, 'mutation($id: ID!) { confirmSalesOrder(id: $id) { id } }', { id: order.id }));
  const shipment = ok(
    await gql(page, 'mutation($i: ShipSalesOrderInput!) { shipSalesOrder(input: $i) { number } }', {
      i: { orderId: order.id, businessDate: lastMonthDay(10), lines: [{ orderLineId: order.lines[0].id, qty: '40' }] },
    }),
  ).shipSalesOrder;
  // invoiced and partly paid in the same month: its statement closes at 1000.00 − 400.00
  ok(
    await gql(page, 'mutation($i: CreateSalesInvoiceInput!) { createSalesInvoice(input: $i) { id } }', {
      i: { orderId: order.id, invoiceDate: lastMonthDay(12) },
    }),
  );
  ok(
    await gql(page, 'mutation($i: RecordCustomerPaymentInput!) { recordCustomerPayment(input: $i) { id } }', {
      i: { customerId: customer.id, amount: '400.00', receivedOn: lastMonthDay(15), reference: `BANK-${code}` },
    }),
  );
  await logout(page);

  await loginOk(page, 'accountant');
  await expect(page.getByTestId('section-ACCOUNTANT')).toBeVisible();
  // the workbench is the first page after signing in: its bars draw with what it registers itself
  await expectChartDrawn(page.locator('[data-testid^="wb-chart-"]').first());
  await page.getByTestId('menu-analytics').click();
  // last month by warehouse × SKU, as a cross-tab of the margin: 40 × 25.00 − 40 × 10.00
  await expect(page.getByTestId('analysis-cross')).toBeVisible();
  const cell = page.getByTestId(`cell-${w.id}-${sku.id}`);
  // a year of demo stock moves sits behind the cross-tab: a loaded machine may take a while
  await expect(cell).toHaveText('600.00', { timeout: 30_000 });
  // the SKU in stock there but not sold: no margin to show and nothing behind it, so not a link ('—');
  // were it one, its (empty) drill-down would now cover the cell clicked next
  const quiet = page.getByTestId(`cell-${w.id}-${unsold.id}`);
  await expect(quiet).toHaveText('—');
  await expect(quiet).toHaveJSProperty('tagName', 'SPAN');
  await quiet.click();
  await cell.click();
  const dialog = page.getByTestId('drill-dialog');
  await expect(dialog.getByTestId('drill-documents')).toContainText(shipment.number);
  await expect(dialog.getByTestId('drill-documents')).toContainText(lastMonthDay(10));
  const ledger = dialog.getByTestId('drill-ledger');
  await expect(ledger).toContainText(shipment.number);
  await expect(ledger).toContainText('-400.00');
  await page.keyboard.press('Escape');
  const download = page.waitForEvent('download');
  await page.getByTestId('analysis-export').click();
  expect((await download).suggestedFilename()).toMatch(/^analysis-.*\.xlsx$/);

  // the customer's statement for last month, confirmed by them
  await page.goto(`/finance/statements?party=CUSTOMER&partyId=${customer.id}`);
  await expect(page.getByTestId('statement-closing')).toHaveText('600.00');
  await expect(page.getByTestId('statement-lines')).toContainText('BANK-');
  await page.getByTestId('statement-confirm').click();
  await page.getByTestId('confirm-by').fill('客户财务');
  await page.getByTestId('confirm-save').click();
  await expect(page.getByTestId('statement-confirmation')).toContainText('客户财务');
  const file = page.waitForEvent('download');
  await page.getByTestId('statement-export').click();
  expect((await file).suggestedFilename()).toMatch(/^statement-customer-.*\.xlsx$/);
  // and prints it in the admin's template: the closing balance and the customer's signature line
  await page.getByTestId('statement-print').click();
  await expect(page.getByTestId('print-CUSTOMER_STATEMENT')).toBeVisible();
  await expect(page.getByTestId('statement-print-closing')).toHaveText('600.00');
  await expect(page.getByTestId('statement-print-lines')).toContainText('BANK-');
  await expect(page.getByTestId('print-signatures')).toContainText('客户确认（盖章）');
});

test('staff performance: the purchase-price columns only for roles that read purchase prices; the line figures open their documents', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await loginOk(page, 'manager');
  await page.getByTestId('menu-staff-performance').click();
  const purchasing = page.getByTestId('staff-purchasing');
  await expect(purchasing.locator('thead')).toContainText('高于协议价');
  await expect(purchasing.locator('thead')).toContainText('高于上次进价');
  const warehouse = page.getByTestId('staff-warehouse');
  for (const h of ['收货行', '发货行', '移库/其他行']) await expect(warehouse.locator('thead')).toContainText(h);
  // a keeper's received lines open the documents behind them; a figure of 0 has none: plain text, no link
  const first = warehouse.locator('button[data-testid^="staff-linesReceived-"]').first();
  await expect(warehouse.locator('span[data-testid^="staff-lines"]', { hasText: /^0$/ }).first()).toBeVisible();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page.getByTestId('staff-docs')).toContainText('收货单');
  await expect(page.getByTestId('staff-docs').locator('tbody tr').first()).toContainText('采购入库');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-docs')).toBeHidden();
  expect(errors).toEqual([]);
  await logout(page);

  // a keeper sees their own lines, and no purchasing part at all (none of theirs; no purchase prices either)
  await loginOk(page, 'warehouse');
  await page.getByTestId('menu-staff-performance').click();
  await expect(page.getByTestId('staff-warehouse').locator('tbody tr').first()).toContainText('孙仓管');
  await expect(page.getByTestId('staff-purchasing')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('高于协议价');
  await expect(page.locator('body')).not.toContainText('高于上次进价');
});
