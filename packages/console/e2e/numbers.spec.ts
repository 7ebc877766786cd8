import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, gql, loginOk, logout, test } from './fixtures';

/**
 * One format per kind of number (money 2 places with separators, quantities without trailing zeros,
 * unit prices and costs to the company's places), and the columns people read for decisions are not
 * cut off on a 1440 px screen.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const uid = () => randomUUID().slice(0, 8).toUpperCase();
const MONEY = /^-?\d{1,3}(,\d{3})*\.\d{2}$/;
const QTY = /^-?\d{1,3}(,\d{3})*(\.\d*[1-9])?$/;
/** 2 to 4 places (the default), never a trailing zero past the second */
const UNIT = /^-?\d{1,3}(,\d{3})*\.\d{2}(\d{0,1}[1-9])?$/;

/** What is cut off in the column headed `label`: cells whose text is wider than the cell, or the whole column. */
async function clipped(page: Page, testid: string, label: string): Promise<string[]> {
  return page.getByTestId(testid).evaluate((root, label) => {
    const ths = [...root.querySelectorAll('th')];
    const th = ths.find((h) => h.textContent?.trim() === label);
    if (!th) return [`no column ${label}`];
    // the column must lie inside the table's visible part (not behind a sideways scroll) and the screen
    const table = th.closest('.el-table')!.getBoundingClientRect();
    const right = th.getBoundingClientRect().right;
    if (right > table.right + 1 || right > window.innerWidth) return [`${label} lies off-screen at ${right}px`];
    const cls = [...th.classList].find((c) => /^el-table_\d+_column_\d+$/.test(c));
    return [...root.querySelectorAll(`.${cls} .cell`)]
      .filter((c) => c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.textContent?.trim() ?? '');
  }, label);
}

async function columnTexts(page: Page, testid: string, label: string): Promise<string[]> {
  return page.getByTestId(testid).evaluate((root, label) => {
    const th = [...root.querySelectorAll('th')].find((h) => h.textContent?.trim() === label);
    if (!th) return [`no column ${label}`];
    const cls = [...th.classList].find((c) => /^el-table_\d+_column_\d+$/.test(c));
    return [...root.querySelectorAll(`td.${cls} .cell`)].map((c) => c.textContent?.trim() ?? '');
  }, label);
}

test('stock levels show quantities, unit costs and values each in their one format', async ({ page }) => {
  await loginOk(page, 'admin');
  await page.goto('/inventory/levels');
  const table = 'levels-table';
  await expect(page.getByTestId(table).locator('tbody tr').first()).toBeVisible();
  const onHand = await columnTexts(page, table, '现存量');
  expect(onHand.length).toBeGreaterThan(0);
  for (const v of onHand) expect(v, `on hand ${v}`).toMatch(QTY);
  for (const v of (await columnTexts(page, table, '单位成本')).filter(Boolean))
    expect(v, `unit cost ${v}`).toMatch(UNIT);
  for (const v of (await columnTexts(page, table, '金额')).filter(Boolean)) expect(v, `value ${v}`).toMatch(MONEY);
});

test('the unit-cost places setting previews the format it will give', async ({ page }) => {
  await loginOk(page, 'admin');
  await page.goto('/admin/settings');
  const places = page.getByTestId('st-unitCostPlaces');
  await expect(page.getByText('如 12.3457')).toBeVisible();
  await places.locator('input').fill('2');
  await places.locator('input').blur();
  await expect(page.getByText('如 12.35')).toBeVisible();
  await places.locator('input').fill('6');
  await places.locator('input').blur();
  await expect(page.getByText('如 12.345678')).toBeVisible();
});

test('margin, overdue and reject-reason columns are not cut off at 1440 px', async ({ page }) => {
  test.setTimeout(120_000);
  // a received order with a rejection whose reason is a full sentence
  await loginOk(page, 'admin');
  const code = `SUP-${uid()}`;
  const s = await gql(page, 'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }', {
    i: { code, name: `宽度测试 ${code}`, status: 'APPROVED' },
  });
  const skus = await gql(page, '{ skus(filter: { active: true }, page: { limit: 1 }) { items { id } } }');
  const whs = await gql(page, '{ warehouses { items { id code } } }');
  const wh = whs.data.warehouses.items.find((w: any) => w.code === 'SH01').id;
  const po = await gql(
    page,
    'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { id lines { id } } }',
    {
      i: {
        supplierId: s.data.createSupplier.id,
        warehouseId: wh,
        lines: [{ skuId: skus.data.skus.items[0].id, qty: '6', price: '3.20' }],
      },
    },
  );
  const { id, lines } = po.data.createPurchaseOrder as { id: string; lines: { id: string }[] };
  expect(
    (await gql(page, 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { id } }', { id })).errors,
  ).toBeUndefined();
  await logout(page);
  await loginOk(page, 'manager');
  expect(
    (await gql(page, 'mutation($id: ID!) { approvePurchaseOrder(id: $id, comment: "同意") { status } }', { id }))
      .errors,
  ).toBeUndefined();
  const rcv = await gql(page, 'mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { id } }', {
    i: {
      orderId: id,
      lines: [{ orderLineId: lines[0].id, acceptedQty: '4', rejectedQty: '2', rejectReason: '外箱压坏，内件受潮' }],
    },
  });
  expect(rcv.errors).toBeUndefined();
  await logout(page);

  await loginOk(page, 'admin');
  await page.goto(`/purchasing/orders/${id}`);
  await expect(page.getByTestId('receipts-card')).toContainText('外箱压坏，内件受潮');
  expect(await clipped(page, 'receipts-card', '拒收原因')).toEqual([]);

  await page.goto('/sales/orders');
  await expect(page.getByTestId('so-table').locator('tbody tr').first()).toBeVisible();
  expect(await clipped(page, 'so-table', '毛利')).toEqual([]);
  expect(await clipped(page, 'so-table', '销售成本')).toEqual([]);

  await page.goto('/sales/receivables');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  expect(await clipped(page, 'recv-table', '逾期')).toEqual([]);

  await page.goto('/purchasing/payables');
  await expect(page.getByTestId('payables-table').locator('tbody tr').first()).toBeVisible();
  expect(await clipped(page, 'payables-table', '逾期')).toEqual([]);
});
