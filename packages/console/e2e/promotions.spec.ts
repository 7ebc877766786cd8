import { E2E_TODAY, addDays, expect, gql, loginOk, logout, pick, test, uid } from './fixtures';

/**
 * SKUs no other spec sells: the 满减 below is for one of them only (the first with stock in SH01), so it
 * never changes another spec's order.
 */
const FREE_SKUS = ['A001-06', 'A001-09', 'A001-10', 'A001-11'];
const CUSTOMER = 'C0002';

test('a manager creates a 满减 and a coupon batch; a salesperson sells with both and sees each step, never a cost', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const code = `MJ${uid(6)}`;
  const batch = `CP${uid(6)}`;

  // the manager: a 满减 (满300减50) on one SKU, within the approval budget, is active once submitted
  await loginOk(page, 'manager');
  const stock = await gql(
    page,
    `{ warehouses { items { id code } } skus(filter: { search: "A001-" }, page: { limit: 50 }) { items { id code } } }`,
  );
  const sh01 = stock.data.warehouses.items.find((w: any) => w.code === 'SH01').id;
  const free = stock.data.skus.items.filter((s: any) => FREE_SKUS.includes(s.code));
  const available = (
    await gql(page, 'query($w:ID!,$s:[ID!]!){ skuAvailability(warehouseId:$w, skuIds:$s){ skuId available } }', {
      w: sh01,
      s: free.map((s: any) => s.id),
    })
  ).data.skuAvailability;
  const SKU = FREE_SKUS.find((c) => {
    const id = free.find((s: any) => s.code === c)?.id;
    return Number(available.find((a: any) => a.skuId === id)?.available ?? 0) >= 10;
  })!;
  expect(SKU).toBeTruthy();
  await page.getByTestId('menu-promotions').click();
  await page.getByTestId('promotion-create').click();
  await page.getByTestId('promo-code').fill(code);
  await page.getByTestId('promo-name').fill('满300减50 e2e');
  await page.getByTestId('promo-threshold').fill('300');
  await page.getByTestId('promo-off').fill('50');
  await pick(page, page.getByTestId('promo-skus'), `promo-sku-option-${SKU}`, SKU);
  await page.getByTestId('promo-name').click(); // closes the SKU list
  await page.getByTestId('promo-budget').fill('1000');
  await page.getByTestId('promo-save').click();
  await expect(page.getByTestId(`promotion-status-of-${code.toUpperCase()}`)).toHaveText('草稿');
  // the form proposed the company's today for 30 days
  await expect(page.getByTestId('promotions-table').locator('tr', { hasText: code.toUpperCase() })).toContainText(
    `${E2E_TODAY} 00:00 – ${addDays(E2E_TODAY, 30)} 00:00`,
  );
  await page.getByTestId(`promotion-submit-${code.toUpperCase()}`).click();
  await expect(page.getByTestId(`promotion-status-of-${code.toUpperCase()}`)).toHaveText('进行中');

  // a coupon batch: 20 off from 200, one printed single-use code
  await page.getByTestId('menu-coupons').click();
  await page.getByTestId('coupon-create').click();
  await page.getByTestId('coupon-code-in').fill(batch);
  await page.getByTestId('coupon-name').fill('立减20 e2e');
  await page.getByTestId('coupon-value').fill('20');
  await page.getByTestId('coupon-min').fill('200');
  await page.getByTestId('coupon-printed').locator('input').fill('1');
  await page.getByTestId('coupon-save').click();
  await expect(page.getByTestId('coupon-code')).toHaveCount(1);
  const coupon = (await page.getByTestId('coupon-code').textContent())!.trim();
  expect(coupon).toMatch(new RegExp(`^${batch}-[A-Z2-9]{8}$`));
  await logout(page);

  // the salesperson: enough for the threshold, with the coupon
  await loginOk(page, 'sales');
  const ids = await gql(
    page,
    `{ warehouses { items { id code } } skus(filter: { search: "${SKU}" }) { items { id code } } customers(filter: { search: "${CUSTOMER}" }) { items { id channelId } } }`,
  );
  const wh = ids.data.warehouses.items.find((w: any) => w.code === 'SH01').id;
  const skuId = ids.data.skus.items.find((s: any) => s.code === SKU).id;
  const customer = ids.data.customers.items[0];
  // first the simulator (a walk-in at the customer's channel): the 满减 and the coupon, step by step, on the
  // line's page of the quote; pricing it uses nothing
  await page.getByTestId('menu-promotion-simulator').click();
  await pick(page, page.getByTestId('sim-channel'), `sim-channel-option-${customer.channelId}`);
  await pick(page, page.getByTestId('sim-warehouse'), 'sim-warehouse-option-SH01');
  await pick(page, page.getByTestId('sim-sku-0'), `sim-sku-option-${SKU}`, SKU);
  // the simulator prices at the SKU's reference sale price: enough of it for 满300
  const ref = (
    await gql(page, `{ skus(filter: { search: "${SKU}" }) { items { code refSalePrice } } }`)
  ).data.skus.items.find((s: any) => s.code === SKU).refSalePrice;
  await page.getByTestId('sim-qty-0').fill(String(Math.ceil(320 / Number(ref))));
  await page.getByTestId('sim-coupon').fill(coupon);
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-lines')).toContainText(`促销 ${code.toUpperCase()}`);
  await expect(page.getByTestId('sim-lines')).toContainText(`优惠券 ${coupon}`);
  await expect(page.getByTestId('sim-applied')).toContainText(code.toUpperCase());
  await expect(page.getByTestId('sim-applied')).toContainText(coupon);
  // one line: no pages
  await expect(page.getByTestId('sim-lines-pager')).toHaveCount(0);
  const price = Number(
    (
      await gql(page, 'query($i:PriceQuoteInput!){ priceQuote(input:$i){ unitPrice } }', {
        i: { customerId: customer.id, channelId: customer.channelId, warehouseId: wh, skuId },
      })
    ).data.priceQuote.unitPrice,
  );
  const qty = String(Math.ceil(320 / price));
  await page.getByTestId('menu-sales-orders').click();
  await page.getByTestId('so-create').click();
  await pick(page, page.getByTestId('so-customer'), `customer-option-${CUSTOMER}`, CUSTOMER);
  await pick(page, page.getByTestId('so-warehouse'), 'wh-option-SH01');
  await pick(page, page.getByTestId('line-sku-0'), `sku-option-${SKU}`, SKU);
  // a refused quantity is named by its row and label, never by the server's path lines[0].qty
  await page.getByTestId('line-qty-0').fill('-1');
  await expect(page.getByTestId('so-preview-error')).toContainText('第 1 行 数量');
  await expect(page.getByTestId('so-preview-error')).not.toContainText('lines[');
  await page.getByTestId('line-qty-0').fill(qty);
  await page.getByTestId('so-coupons').fill(coupon);
  // before saving, the form prices the order as saving would: the 满减 and the coupon, and the line's steps
  await expect(page.getByTestId(`so-preview-promotion-${code.toUpperCase()}`)).toContainText('50.00');
  await expect(page.getByTestId(`so-preview-promotion-${coupon}`)).toContainText('20.00');
  await expect(page.getByTestId('so-preview-steps-0')).toContainText(`优惠券 ${coupon}`);
  const previewTotal = (await page.getByTestId('so-preview-total').innerText()).trim();
  await page.getByTestId('so-save-confirm').click();
  await expect(page).toHaveURL(/\/sales\/orders\/\d+$/);
  await expect(page.getByTestId('doc-status')).toHaveText('已确认');
  // each promotion applied and its amount, the coupon, and the line's steps
  await expect(page.getByTestId(`so-promotion-${code.toUpperCase()}`)).toContainText('50.00');
  await expect(page.getByTestId(`so-promotion-${coupon}`)).toContainText('20.00');
  await expect(page.getByTestId('so-coupons')).toHaveText(coupon);
  // the confirmed order is what the preview showed
  await expect(page.getByTestId('so-total')).toHaveText(previewTotal);
  await expect(page.getByTestId('so-line-steps-1')).toContainText(`促销 ${code.toUpperCase()}`);
  await expect(page.getByTestId('so-line-steps-1')).toContainText(`优惠券 ${coupon}`);
  // field rules: sales never see cost, margin or gift cost
  await expect(page.locator('body')).not.toContainText('成本');
  await expect(page.locator('body')).not.toContainText('毛利');
  await expect(page.getByTestId('so-gift-cost')).toHaveCount(0);

  // the code is used now: pricing it again is refused
  const again = await gql(page, 'query($i:QuoteCartInput!){ quoteCart(input:$i){ total } }', {
    i: {
      customerId: customer.id,
      channelId: customer.channelId,
      warehouseId: wh,
      lines: [{ skuId, qty }],
      couponCodes: [coupon],
    },
  });
  expect(again.errors?.[0]?.extensions?.code).toBe('COUPON_USED_UP');

  // the effect report: the promotion with its order, never the gift cost or margin for sales staff
  await page.getByTestId('menu-promotion-effect').click();
  await expect(page.getByTestId('effect-table')).toContainText(code.toUpperCase());
  await expect(page.getByTestId('effect-table')).not.toContainText('赠品成本');
});
