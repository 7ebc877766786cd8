import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, gql, loginOk, logout, test, watchConsole } from './fixtures';

/**
 * A keeper on a phone (390 × 844): the menu is a drawer behind ☰, lists are cards, and on the receive
 * page and in the ship dialog every input and the post button lie inside the screen; both flows end
 * posted. Figures and orders are made through the API first (as admin, approved by the manager).
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

// unique codes across runs against one demo database (no clock involved)
const uid = () => randomUUID().slice(0, 8).toUpperCase();

/** Wholly inside the viewport (not just on the page below the fold or off to the right). */
async function expectInViewport(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box.x, 'left edge').toBeGreaterThanOrEqual(0);
  expect(box.y, 'top edge').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'right edge').toBeLessThanOrEqual(vp.width + 0.5);
  expect(box.y + box.height, 'bottom edge').toBeLessThanOrEqual(vp.height + 0.5);
}

async function pickOption(page: Page, select: Locator, optionTestId: string) {
  await select.click();
  await page.getByTestId(optionTestId).click();
}

/** Large enough for a thumb. */
async function expectTouchTarget(locator: Locator) {
  const box = (await locator.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(40);
}

/** The page scrolls no wider than the screen: neither the document nor the layout's main area (it scrolls itself). */
async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(390);
  const main = await page.evaluate(() => document.querySelector('main')?.scrollWidth ?? 0);
  expect(main, 'main area scroll width').toBeLessThanOrEqual(390);
}

test('a keeper receives a purchase order on a phone, one-handed', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  // an approved order of 6 of a demo SKU from a new supplier
  await loginOk(page, 'admin');
  const code = `SUP-${uid()}`;
  const s = await gql(page, 'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }', {
    i: { code, name: `手机收货 ${code}`, status: 'APPROVED' },
  });
  expect(s.errors).toBeUndefined();
  const skus = await gql(page, '{ skus(filter: { active: true }, page: { limit: 1 }) { items { id code } } }');
  const sku = skus.data.skus.items[0] as { id: string; code: string };
  const whs = await gql(page, '{ warehouses { items { id code } } }');
  const wh = whs.data.warehouses.items.find((w: any) => w.code === 'SH01').id;
  const po = await gql(page, 'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id } }', {
    i: { supplierId: s.data.createSupplier.id, warehouseId: wh, lines: [{ skuId: sku.id, qty: '6', price: '3.20' }] },
  });
  expect(po.errors).toBeUndefined();
  const id = po.data.createPurchaseOrder.id as string;
  expect(
    (await gql(page, 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { id } }', { id })).errors,
  ).toBeUndefined();
  await logout(page);
  await loginOk(page, 'manager');
  const ok = await gql(page, 'mutation($id: ID!) { approvePurchaseOrder(id: $id, comment: "同意") { status } }', {
    id,
  });
  expect(ok.errors).toBeUndefined();
  await logout(page);

  await loginOk(page, 'warehouse');
  // no fixed sidebar: the menu opens from ☰ as a drawer and closes on a choice
  await expect(page.getByTestId('side-menu')).toHaveCount(0);
  await expectTouchTarget(page.getByTestId('menu-toggle'));
  await page.getByTestId('menu-toggle').click();
  await expect(page.getByTestId('menu-drawer')).toBeVisible();
  await page.getByTestId('menu-purchase-orders').click();
  await expect(page).toHaveURL(/\/purchasing\/orders$/);
  await expect(page.getByTestId('menu-drawer')).toBeHidden();
  // the list is cards, not a table wider than the screen
  await expect(page.getByTestId('row-cards').first()).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto(`/purchasing/orders/${id}`);
  await expect(page.getByTestId('doc-status')).toHaveText('已审批');
  // the actions are a bar at the bottom of the screen
  await expectInViewport(page, page.getByTestId('po-receive'));
  await page.getByTestId('po-receive').click();
  await expect(page).toHaveURL(new RegExp(`/purchasing/orders/${id}/receive$`));
  await expect(page.getByTestId('receive-cards')).toBeVisible();
  // the scan field has the focus from the start, and keeps it after a miss
  await expect(page.getByTestId('rcv-scan')).toBeFocused();
  await page.getByTestId('rcv-scan').fill('NOT-ON-ORDER');
  await page.getByTestId('rcv-scan').press('Enter');
  await expect(page.getByText('NOT-ON-ORDER 不在这张订单上')).toBeVisible();
  await expect(page.getByTestId('rcv-scan')).toBeFocused();
  await page.getByTestId('rcv-scan').fill(sku.code);
  await page.getByTestId('rcv-scan').press('Enter');
  await expect(page.getByTestId('rcv-card-0')).toHaveClass(/scanned/);
  await expect(page.getByTestId('rcv-accepted-0')).toBeFocused();
  // 合格 / 拒收 / 原因 and 过账 all within the 390 × 844 screen
  for (const t of ['rcv-accepted-0', 'rcv-rejected-0', 'rcv-reason-0', 'receive-post']) {
    await expectInViewport(page, page.getByTestId(t));
    await expectTouchTarget(page.getByTestId(t));
  }
  await expectNoSidewaysScroll(page);
  await page.getByTestId('rcv-accepted-0').fill('5');
  // Enter on the quantity hands the focus back to the scan field for the next carton
  await page.getByTestId('rcv-accepted-0').press('Enter');
  await expect(page.getByTestId('rcv-scan')).toBeFocused();
  await page.getByTestId('rcv-rejected-0').fill('1');
  await page.getByTestId('rcv-reason-0').fill('压坏');
  await page.getByTestId('receive-post').click();
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(page).toHaveURL(new RegExp(`/purchasing/orders/${id}$`));
  // 5 accepted and 1 rejected of 6: the rejected one is still to come
  await expect(page.getByTestId('doc-status')).toHaveText('部分收货');
  expect(problems).toEqual([]);
});

test('a keeper ships a sales order on a phone, one-handed', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  // a confirmed order of 2 of a stocked SKU, raised by the salesperson through the API
  await loginOk(page, 'sales');
  const ids = await gql(
    page,
    '{ warehouses { items { id code } } skus(filter: { search: "A001-07" }) { items { id code } } customers(filter: { search: "C0002" }) { items { id channelId } } }',
  );
  const wh = ids.data.warehouses.items.find((w: any) => w.code === 'SH01').id;
  const skuId = ids.data.skus.items.find((x: any) => x.code === 'A001-07').id;
  const customer = ids.data.customers.items[0];
  const so = await gql(page, 'mutation($i: CreateSalesOrderInput!) { createSalesOrder(input: $i) { id number } }', {
    i: { customerId: customer.id, channelId: customer.channelId, warehouseId: wh, lines: [{ skuId, qty: '2' }] },
  });
  expect(so.errors).toBeUndefined();
  const { id, number } = so.data.createSalesOrder as { id: string; number: string };
  expect((await gql(page, 'mutation($id: ID!) { confirmSalesOrder(id: $id) { id } }', { id })).errors).toBeUndefined();
  await logout(page);

  await loginOk(page, 'warehouse');
  await page.goto(`/sales/orders?search=${number}`);
  await expect(page.getByTestId('row-cards')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByTestId(`so-link-${number}`).click();
  await expect(page.getByTestId('doc-status')).toHaveText('已确认');
  await expectInViewport(page, page.getByTestId('so-ship'));
  await page.getByTestId('so-ship').click();
  await expect(page.getByTestId('ship-cards')).toBeVisible();
  // the quantity and 过账发货 inside the screen, big enough to hit
  await expect(page.getByTestId('ship-qty-1')).toHaveValue('2');
  for (const t of ['ship-qty-1', 'ship-save']) {
    await expectInViewport(page, page.getByTestId(t));
    await expectTouchTarget(page.getByTestId(t));
  }
  await page.getByTestId('ship-save').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已发货');
  await expect(page.getByTestId('so-shipments')).toContainText('× 2');
  expect(problems).toEqual([]);
});

test('a transfer is sent and received on a phone, one-handed, scanning its goods', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  // a stocked SKU of SH01 with a barcode, and what the two warehouses hold of it before
  await loginOk(page, 'admin');
  const found = await gql(page, '{ skus(filter: { search: "A001-05" }) { items { id code barcodes } } }');
  const sku = found.data.skus.items.find((x: any) => x.code === 'A001-05') as { id: string; barcodes: string[] };
  const barcode = sku.barcodes[0];
  expect(barcode).toBeTruthy();
  const onHand = async (wh: string) =>
    (
      await gql(page, '{ stockLevels(filter: { search: "A001-05" }) { items { warehouseCode skuCode onHand } } }')
    ).data.stockLevels.items.find((l: any) => l.warehouseCode === wh && l.skuCode === 'A001-05')?.onHand ?? '0';
  const [sh0, gz0] = [await onHand('SH01'), await onHand('GZ01')];
  await logout(page);

  // the SH01 keeper sends two by scanning the barcode twice
  await loginOk(page, 'warehouse');
  await page.goto('/inventory/documents/new?type=TRANSFER');
  await pickOption(page, page.getByTestId('doc-warehouse'), 'wh-option-SH01');
  await pickOption(page, page.getByTestId('doc-to-warehouse'), 'to-wh-option-GZ01');
  const scan = page.getByTestId('line-scan');
  await expectTouchTarget(scan);
  await scan.fill(barcode);
  await scan.press('Enter');
  await expect(page.getByTestId('line-card-0')).toContainText('A001-05');
  // the scan field keeps the focus for the next carton
  await expect(scan).toBeFocused();
  await scan.fill(barcode);
  await scan.press('Enter');
  await expect(page.getByTestId('line-qty-0')).toHaveValue('2');
  await expectNoSidewaysScroll(page);
  for (const t of ['line-qty-0', 'doc-post']) await expectInViewport(page, page.getByTestId(t));
  await page.getByTestId('doc-post').click();
  const ok = page.locator('.el-message-box').getByRole('button', { name: '确定' });
  if (await ok.isVisible().catch(() => false)) await ok.click();
  await expect(page.getByTestId('doc-status')).toHaveText('在途');
  const url = page.url();
  await logout(page);

  // the manager receives it at GZ01 on a phone
  await loginOk(page, 'manager');
  await page.goto(url);
  await expect(page.getByTestId('doc-status')).toHaveText('在途');
  await expectInViewport(page, page.getByTestId('doc-receive'));
  await expectTouchTarget(page.getByTestId('doc-receive'));
  await page.getByTestId('doc-receive').click();
  await expectInViewport(page, page.getByTestId('receive-confirm'));
  await page.getByTestId('receive-confirm').click();
  await expect(page.getByTestId('doc-status')).toHaveText('已收货');
  await expectNoSidewaysScroll(page);
  await logout(page);

  await loginOk(page, 'admin');
  expect(BigInt((await onHand('SH01')).split('.')[0]) - BigInt(sh0.split('.')[0])).toBe(-2n);
  expect(BigInt((await onHand('GZ01')).split('.')[0]) - BigInt(gz0.split('.')[0])).toBe(2n);
  expect(problems).toEqual([]);
});

test('statements and the analysis fit a phone: filters wrap, only the tables scroll sideways', async ({ page }) => {
  const problems = watchConsole(page);
  await loginOk(page, 'admin');
  const customers = await gql(page, '{ customers(page: { limit: 1 }) { items { id } } }');
  const customerId = customers.data.customers.items[0].id as string;
  await page.goto(`/finance/statements?party=CUSTOMER&partyId=${customerId}`);
  await expect(page.getByTestId('statement-lines')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectInViewport(page, page.getByTestId('statement-party'));
  for (const view of ['table', 'cross']) {
    await page.goto(`/analytics?d1=WAREHOUSE&d2=SKU&view=${view}`);
    await expect(page.getByTestId(view === 'table' ? 'analysis-table' : 'analysis-cross')).toBeVisible();
    await expectNoSidewaysScroll(page);
    const range = (await page.locator('.page-header .el-date-editor').boundingBox())!;
    expect(range.x + range.width, 'date range right edge').toBeLessThanOrEqual(390);
  }
  expect(problems).toEqual([]);
});
