import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, gql, login, loginOk, logout, test, watchConsole } from './fixtures';

/**
 * A stocktake on phones (390 × 844): two new keepers count a bin blind, one line needs a recount,
 * a third person recounts, and the manager finishes, gives the reason, approves and sees the
 * accuracy. A warehouse of its own, so the count freezes nothing the other specs post in.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const uid = () => randomUUID().slice(0, 6).toUpperCase();
const INITIAL = 'Init-pass-2024';
const CHOSEN = 'Count-pass-2025';

/** The page scrolls no wider than the screen: neither the document nor the layout's main area (it scrolls itself). */
async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(390);
  const main = await page.evaluate(() => document.querySelector('main')?.scrollWidth ?? 0);
  expect(main, 'main area scroll width').toBeLessThanOrEqual(390);
}

/** A new user's first sign-in: the password is changed before anything else. */
async function firstLogin(page: Page, username: string) {
  await login(page, username, INITIAL);
  await expect(page).toHaveURL(/\/profile\/password/);
  await page.getByTestId('pw-current').fill(INITIAL);
  await page.getByTestId('pw-new').fill(CHOSEN);
  await page.getByTestId('pw-confirm').fill(CHOSEN);
  await page.getByTestId('pw-submit').click();
  await expect(page).toHaveURL(/\/$/);
}

/** Opens the count from 盘点 in the ☰ menu and counts: scan the bin, then each SKU and its quantity. */
async function countBin(page: Page, number: string, bin: string, counts: Array<[string, string]>) {
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('menu-stocktakes').click();
  await expect(page.getByTestId('row-cards')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByTestId(`stocktake-count-${number}`).click();
  const scan = page.getByTestId('count-scan');
  await expect(scan).toBeFocused();
  await scan.fill(bin);
  await scan.press('Enter');
  await expect(page.getByTestId('count-current-bin')).toHaveText(bin);
  await expect(scan).toBeFocused();
  for (const [sku, qty] of counts) {
    await scan.fill(sku);
    await scan.press('Enter');
    const q = page.getByTestId('count-qty');
    await expect(q).toBeFocused();
    // the entry card (quantity with its unit, 确认计数) lies inside the screen
    await expectNoSidewaysScroll(page);
    const entry = (await page.getByTestId('count-entry').boundingBox())!;
    expect(entry.x + entry.width, 'entry card right edge').toBeLessThanOrEqual(390);
    await q.fill(qty);
    await q.press('Enter');
    await expect(page.getByTestId(`count-line-mine-${sku}`)).toContainText(qty);
    // the scan field has the focus again for the next carton
    await expect(scan).toBeFocused();
  }
  await expectNoSidewaysScroll(page);
}

test('two keepers count a bin blind on phones, a third recounts, the manager approves and sees the accuracy', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const problems = watchConsole(page);
  const id = uid();
  const [whCode, binCode, k1, k2] = [`ST${id}`, `B-${id}`, `k1_${id.toLowerCase()}`, `k2_${id.toLowerCase()}`];

  // a warehouse with one bin holding two SKUs: 10 of the first, 4 of the second at 2.50
  await loginOk(page, 'admin');
  const wh = await gql(page, 'mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { id } }', {
    i: { code: whCode, name: `盘点仓 ${id}` },
  });
  expect(wh.errors).toBeUndefined();
  const warehouseId = wh.data.createWarehouse.id as string;
  const bin = await gql(page, 'mutation($i: CreateBinInput!) { createBin(input: $i) { id } }', {
    i: { warehouseId, code: binCode },
  });
  expect(bin.errors).toBeUndefined();
  const skus = await gql(
    page,
    '{ skus(filter: { search: "A001", active: true }, page: { limit: 2 }) { items { id code product { batchTracked } } } }',
  );
  const [s1, s2] = skus.data.skus.items as Array<{ id: string; code: string; product: { batchTracked: boolean } }>;
  expect([s1.product.batchTracked, s2.product.batchTracked]).toEqual([false, false]);
  const receipt = await gql(
    page,
    'mutation($i: CreateStockDocumentInput!, $k: String!) { createAndPostStockDocument(input: $i, idempotencyKey: $k) { id } }',
    {
      i: {
        type: 'OTHER_IN',
        warehouseId,
        lines: [
          { skuId: s1.id, qty: '10', unitCost: '6.00', binId: bin.data.createBin.id },
          { skuId: s2.id, qty: '4', unitCost: '2.50', binId: bin.data.createBin.id },
        ],
      },
      k: `stocktake-e2e-${id}`,
    },
  );
  expect(receipt.errors).toBeUndefined();
  const roles = await gql(page, '{ roles { id code } }');
  const keeperRole = roles.data.roles.find((r: any) => r.code === 'warehouse').id;
  for (const [username, name] of [
    [k1, `盘点员甲 ${id}`],
    [k2, `盘点员乙 ${id}`],
  ])
    expect(
      (
        await gql(page, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
          input: { username, displayName: name, password: INITIAL, roleIds: [keeperRole], warehouseIds: [warehouseId] },
        })
      ).errors,
    ).toBeUndefined();
  await logout(page);

  // the manager opens a full count of the warehouse on the phone
  await loginOk(page, 'manager');
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('menu-stocktakes').click();
  await page.getByTestId('stocktake-create').click();
  await expect(page.getByTestId('stocktake-form')).toBeVisible();
  await page.getByTestId('sf-warehouse').click();
  await page.getByTestId(`sf-warehouse-${whCode}`).click();
  // a negative tolerance is refused in the form's words, never the server's field name
  await page.getByTestId('sf-tolerance-qty').fill('-1');
  await page.getByTestId('sf-save').click();
  await expect(page.getByTestId('stocktake-form-error')).toContainText('容差（数量）');
  await expect(page.getByTestId('stocktake-form-error')).not.toContainText('toleranceQty');
  await page.getByTestId('sf-tolerance-qty').fill('');
  await page.getByTestId('sf-save').click();
  await expect(page.getByTestId('stocktake-form')).toBeHidden();
  const list = await gql(page, 'query($f: StocktakeFilter) { stocktakes(filter: $f) { items { id number } } }', {
    f: { warehouseId },
  });
  const { id: stId, number } = list.data.stocktakes.items[0] as { id: string; number: string };
  await expect(page.getByTestId(`stocktake-progress-${number}`)).toContainText('0 / 2');
  // postings in the warehouse wait for the count
  const frozen = await gql(
    page,
    'mutation($i: CreateStockDocumentInput!, $k: String!) { createAndPostStockDocument(input: $i, idempotencyKey: $k) { id } }',
    { i: { type: 'OTHER_OUT', warehouseId, lines: [{ skuId: s1.id, qty: '1' }] }, k: `stocktake-e2e-out-${id}` },
  );
  expect(frozen.errors?.[0].extensions?.code).toBe('COUNT_IN_PROGRESS');
  await logout(page);

  // keeper 1 and keeper 2 count the bin, each without seeing the book or the other's figures
  await firstLogin(page, k1);
  await countBin(page, number, binCode, [
    [s1.code, '10'],
    [s2.code, '4'],
  ]);
  await expect(page.getByTestId(`count-line-status-${s1.code}`)).toHaveText('待盘');
  const blind = await gql(page, 'query($id: ID!) { stocktakeLines(stocktakeId: $id) { items { bookQty } } }', {
    id: stId,
  });
  expect(blind.data.stocktakeLines.items).toEqual([{ bookQty: null }, { bookQty: null }]);
  await logout(page);

  await firstLogin(page, k2);
  await countBin(page, number, binCode, [
    [s1.code, '10'],
    [s2.code, '3'],
  ]);
  // the counts agree on the first SKU, not on the second: it goes to a recount by a third person
  await expect(page.getByTestId(`count-line-status-${s1.code}`)).toHaveText('已盘定');
  await expect(page.getByTestId(`count-line-status-${s2.code}`)).toHaveText('需复盘');
  await expect(page.getByTestId('count-progress')).toContainText('1 行需复盘');
  await logout(page);

  // a third person recounts: the bin shows its recount; tapping the line is the same as scanning it
  await loginOk(page, 'admin');
  await page.goto(`/stock/counts/${stId}/count`);
  await expect(page.getByTestId(`count-bin-${binCode}`)).toContainText('1 行需复盘');
  await page.getByTestId(`count-bin-${binCode}`).click();
  await expect(page.getByTestId(`count-line-${s2.code}`)).toContainText('请复盘');
  await page.getByTestId(`count-line-${s2.code}`).click();
  await expect(page.getByTestId('count-qty')).toBeFocused();
  // a whole-unit SKU counted as 1.5: the message names the quantity, not the field `qty`
  await page.getByTestId('count-qty').fill('1.5');
  await page.getByTestId('count-submit').click();
  const refused = page.locator('.err-BAD_USER_INPUT');
  await expect(refused).toContainText('数量');
  await expect(refused).not.toContainText('qty');
  await page.getByTestId('count-qty').fill('3');
  await page.getByTestId('count-submit').click();
  await expect(page.getByTestId(`count-line-status-${s2.code}`)).toHaveText('已盘定');
  await logout(page);

  // the manager finishes counting, gives the reason, approves and sees the accuracy
  await loginOk(page, 'manager');
  await page.goto(`/stock/counts/${stId}`);
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中');
  await page.getByTestId('stocktake-finish').click();
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('stocktake-status')).toHaveText('待审核');
  // the bell: the count waiting for approval arrived live (outbox → dispatcher → subscription)
  await page.getByTestId('bell').click();
  const alert = page.getByTestId('bell-list').locator('li', { hasText: number });
  await expect(alert).toContainText('等待审核');
  await alert.click();
  await expect(page).toHaveURL(new RegExp(`/stock/counts/${stId}$`));
  await expect(page.getByTestId('review-cards')).toBeVisible();
  await expect(page.getByTestId(`review-line-${s2.code}`)).toContainText('-1');
  await page.getByTestId(`reason-${s2.code}`).click();
  await page.getByTestId('reason-option-DAMAGE').click();
  await page.getByTestId('stocktake-save-reasons').click();
  await expect(page.getByTestId('stocktake-save-reasons')).toBeHidden();
  await page.getByTestId('stocktake-approve').click();
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('stocktake-status')).toHaveText('已审核');
  await expect(page.getByTestId('stocktake-adjustment')).toContainText('TZ-');
  await expect(page.getByTestId('stocktake-accuracy-pct')).toHaveText('50.00%');
  await expect(page.getByTestId('stocktake-loss')).toContainText('2.50');
  await expectNoSidewaysScroll(page);
  // and the accuracy chart of the warehouse
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('menu-stock-count-analysis').click();
  await page.getByTestId('analysis-warehouse').click();
  await page.getByRole('option', { name: `${whCode} · 盘点仓 ${id}` }).click();
  await expect(page.getByTestId('chart-accuracy').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('accuracy-counters')).toContainText(`盘点员乙 ${id}`);
  await expect(page.getByTestId('accuracy-reasons')).toContainText('损坏');
  expect(problems).toEqual([]);
});
