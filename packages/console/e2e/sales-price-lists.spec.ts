import type { Page } from '@playwright/test';
import { E2E_TODAY, addDays, expect, loginOk, logout, pick, test, uid } from './fixtures';

/**
 * 价目表 against the demo data (packages/server/src/demo/sales-demo.ts): the first 12 SKUs
 * (A001-01 … A001-12, 纯棉T恤) are on BASE (0% off), GOLD (5% off), VIP (10% off) and DIST (cost + 12%)
 * from 1 January; A001-01 … A001-04 are on GOLD-TM (gold customers on Tmall) at 92% of the reference
 * sale price from 1 January and at 90% from the first of this month (outside January). The seeded
 * catalogue gives A001-01 the reference sale price 149.66 (GOLD-TM 137.69, then 134.69) and A001-03
 * 146.28. C0008 (嘉兴食品店) is a gold customer of the salesperson "sales". Dates are the company's
 * business days (Asia/Shanghai), so the browser runs in that zone too.
 */
test.use({ timezoneId: 'Asia/Shanghai' });

const today = E2E_TODAY;
const tomorrow = addDays(today, 1);
const yearStart = `${today.slice(0, 4)}-01-01`;
const monthStart = `${today.slice(0, 7)}-01`;
const january = monthStart === yearStart;

const rows = (page: Page, testid: string) => page.getByTestId(testid).locator('.el-table__body tbody tr');

async function quote(page: Page, customer: string, channel: string, warehouse: string, sku: string) {
  await pick(page, page.getByTestId('quote-customer'), `quote-customer-${customer}`, customer);
  await pick(page, page.getByTestId('quote-channel'), `quote-channel-${channel}`);
  await pick(page, page.getByTestId('quote-warehouse'), `quote-warehouse-${warehouse}`);
  await pick(page, page.getByTestId('quote-sku'), `quote-sku-${sku}`, sku);
  await page.getByTestId('quote-run').click();
}

test('a manager adds a list and sets a new fixed price from tomorrow: the old period ends today, history kept', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loginOk(page, 'manager');
  await page.getByTestId('menu-price-lists').click();
  await expect(page).toHaveURL(/\/sales\/price-lists/);
  for (const code of ['BASE', 'DIST', 'GOLD', 'GOLD-TM', 'VIP'])
    await expect(page.getByTestId(`pricelist-${code}`)).toBeVisible();

  // a new list for gold customers on JD; then deactivated
  const code = `E2E-${uid()}`;
  await page.getByTestId('pricelist-create').click();
  await page.getByTestId('plf-code').fill(code);
  await page.getByTestId('plf-name').fill('京东金卡价');
  await pick(page, page.getByTestId('plf-tier'), 'plf-tier-gold');
  await pick(page, page.getByTestId('plf-channel'), 'plf-channel-JD');
  await page.getByTestId('plf-save').click();
  await expect(page.getByTestId('pricelist-title')).toHaveText(`${code} · 京东金卡价`);
  const listRow = rows(page, 'pricelists-table').filter({ hasText: code });
  await expect(listRow).toContainText('金卡');
  await expect(listRow).toContainText('京东自营店');
  await expect(page.getByTestId(`pricelist-active-${code}`)).toHaveText('是');
  await page.getByTestId(`pricelist-edit-${code}`).click();
  await expect(page.getByTestId('plf-code')).toHaveValue(code);
  await page.getByTestId('plf-active').click();
  await page.getByTestId('plf-save').click();
  await expect(page.getByTestId(`pricelist-active-${code}`)).toHaveText('否');

  // VIP: every demo SKU at 10% off its reference sale price since 1 January
  await page.getByTestId('pricelist-VIP').click();
  await expect(page.getByTestId('pricelist-title')).toHaveText('VIP · VIP 价');
  await expect(rows(page, 'items-table')).toHaveCount(12);
  const a3 = rows(page, 'items-table').filter({ hasText: 'A001-03' });
  await expect(a3).toContainText('纯棉T恤 黑 L');
  await expect(a3).toContainText('146.28');
  await expect(a3).toContainText('参考售价折让');
  await expect(a3).toContainText('10%');
  await expect(a3).toContainText(`${yearStart} –`);
  await expect(a3).toContainText('当前');

  // filtered to one SKU: its items and its history
  await pick(page, page.getByTestId('items-filter-sku'), 'sku-option-A001-03', 'A001-03');
  await expect(rows(page, 'items-table')).toHaveCount(1);
  await expect(page.getByTestId('price-history-title')).toHaveText('价格历史 · A001-03 · 纯棉T恤 黑 L');
  await expect(rows(page, 'price-history-table')).toHaveCount(1);

  // a new fixed price: it must start after the current one started, then from tomorrow
  await page.getByTestId('item-change-A001-03').click();
  await expect(page.getByTestId('pf-sku')).toContainText('A001-03 · 纯棉T恤 黑 L');
  await pick(page, page.getByTestId('pf-rule'), 'pf-rule-FIXED');
  await page.getByTestId('pf-value').fill('128');
  const from = page.getByTestId('pf-from').locator('input');
  await from.fill(yearStart);
  await from.press('Enter');
  await expect(page.getByTestId('pf-open-hint')).toHaveText(`当前价格自 ${yearStart} 起生效，新价格须晚于该日期开始。`);
  await expect(page.getByTestId('pf-save')).toBeDisabled();
  await from.fill(tomorrow);
  await from.press('Enter');
  await expect(page.getByTestId('pf-open-hint')).toHaveText(
    `当前价格（参考售价折让 10%，${yearStart} 起）将在新价格生效前一日结束。`,
  );
  await page.getByTestId('pf-save').click();
  await expect(page.getByText('新价格已保存')).toBeVisible();

  // the history: tomorrow's fixed 128.00 (open), the 10% off ending today
  const history = rows(page, 'price-history-table');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(`${tomorrow} –`);
  await expect(history.nth(0)).toContainText('固定价');
  await expect(history.nth(0)).toContainText('128.00');
  await expect(history.nth(0)).toContainText('待生效');
  await expect(history.nth(0)).toContainText('王经理 Wang');
  await expect(history.nth(1)).toContainText(`${yearStart} – ${today}`);
  await expect(history.nth(1)).toContainText('参考售价折让');
  await expect(history.nth(1)).toContainText('10%');
  await expect(history.nth(1)).toContainText('当前');
  await expect(rows(page, 'items-table')).toHaveCount(2);
});

test('a salesperson sees the lists and a SKU history without edit buttons, and quotes a price with its steps', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loginOk(page, 'sales');
  await page.getByTestId('menu-price-lists').click();
  await expect(page.getByTestId('pricelist-VIP')).toBeVisible();
  const codes = await rows(page, 'pricelists-table').locator('[data-testid^="pricelist-"].mono').allTextContents();
  expect(codes.filter((c) => !c.startsWith('E2E-'))).toEqual(['BASE', 'DIST', 'GOLD', 'GOLD-TM', 'VIP']);
  await expect(page.getByTestId('pricelist-create')).toBeHidden();
  await expect(page.getByTestId('pricelist-edit-GOLD-TM')).toHaveCount(0);

  await page.getByTestId('pricelist-GOLD-TM').click();
  await expect(page.getByTestId('pricelist-title')).toHaveText('GOLD-TM · 金卡天猫价');
  const tm = rows(page, 'pricelists-table').filter({ hasText: 'GOLD-TM' });
  await expect(tm).toContainText('金卡');
  await expect(tm).toContainText('天猫旗舰店');
  await expect(page.getByTestId('price-set')).toBeHidden();
  await expect(page.getByTestId('item-change-A001-01')).toBeHidden();
  // the current period of four SKUs; with the ended ones, the January price too (outside January)
  await expect(rows(page, 'items-table')).toHaveCount(4);
  await page.getByTestId('items-with-past').click();
  await expect(rows(page, 'items-table')).toHaveCount(january ? 4 : 8);

  await page.getByTestId('item-history-A001-01').first().click();
  await expect(page.getByTestId('price-history-title')).toHaveText('价格历史 · A001-01 · 纯棉T恤 黑 S');
  const history = rows(page, 'price-history-table');
  if (january) {
    await expect(history).toHaveCount(1);
    await expect(history.nth(0)).toContainText(`${yearStart} –`);
    await expect(history.nth(0)).toContainText('137.69');
  } else {
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toContainText(`${monthStart} –`);
    await expect(history.nth(0)).toContainText('固定价');
    await expect(history.nth(0)).toContainText('134.69');
    await expect(history.nth(0)).toContainText('当前');
    await expect(history.nth(1)).toContainText(`${yearStart} – ${addDays(monthStart, -1)}`);
    await expect(history.nth(1)).toContainText('137.69');
    await expect(history.nth(1)).toContainText('已结束');
  }

  // quote: a gold customer on Tmall gets the GOLD-TM fixed price
  const [price, since] = january ? ['137.69', yearStart] : ['134.69', monthStart];
  await quote(page, 'C0008', 'TMALL', 'SH01', 'A001-01');
  await expect(page.getByTestId('quote-customer-tier')).toHaveText('客户等级: 金卡');
  await expect(page.getByTestId('quote-price')).toHaveText(price);
  await expect(page.getByTestId('quote-rule')).toHaveText('固定价');
  await expect(page.getByTestId('quote-steps').locator('li')).toHaveText([
    '参考售价 149.66',
    `价目表 GOLD-TM（金卡，天猫旗舰店，${since} 起）：固定价 ${price}`,
    '促销：无',
    `四舍五入到 0.01：${price}`,
  ]);
  // on JD no tier+channel list applies: the gold list, 5% off, rounded half up
  await pick(page, page.getByTestId('quote-channel'), 'quote-channel-JD');
  await page.getByTestId('quote-run').click();
  await expect(page.getByTestId('quote-price')).toHaveText('142.18');
  await expect(page.getByTestId('quote-rule')).toHaveText('参考售价折让');
  await expect(page.getByTestId('quote-steps').locator('li')).toHaveText([
    '参考售价 149.66',
    `价目表 GOLD（金卡，任意渠道，${yearStart} 起）：参考售价 149.66 减 5% = 142.177`,
    '促销：无',
    '四舍五入到 0.01：142.18',
  ]);
  // the distributor list prices over cost: to sales neither its rule nor its markup shows (issue 11)
  await page.getByTestId('pricelist-DIST').click();
  await expect(page.getByTestId('pricelist-title')).toHaveText(/^DIST · /);
  await expect(rows(page, 'items-table').first()).toContainText('按价目表');
  await expect(page.getByTestId('items-table')).not.toContainText('成本加成');
  await expect(page.getByTestId('items-table')).not.toContainText('12%');
  await logout(page);

  // the same quote in English
  await page.addInitScript(() => localStorage.setItem('jxc.locale', 'en'));
  await loginOk(page, 'sales');
  await page.getByTestId('menu-price-lists').click();
  await expect(page.getByRole('heading', { name: 'Price lists' })).toBeVisible();
  await quote(page, 'C0008', 'TMALL', 'SH01', 'A001-01');
  await expect(page.getByTestId('quote-price')).toHaveText(price);
  await expect(page.getByTestId('quote-rule')).toHaveText('Fixed price');
  await expect(page.getByTestId('quote-steps').locator('li')).toHaveText([
    'Ref. sale price 149.66',
    `Price list GOLD-TM (金卡, 天猫旗舰店, from ${since}): fixed price ${price}`,
    'Promotions: none',
    `Rounded to 0.01: ${price}`,
  ]);
});
