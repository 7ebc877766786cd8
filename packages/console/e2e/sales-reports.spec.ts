import type { APIRequestContext, Page, PlaywrightWorkerArgs } from '@playwright/test';
import { addDays, DEMO_PASSWORD, E2E_TODAY, expect, gql, loginOk, logout, test, uid } from './fixtures';

/**
 * 应收账款, 销售概览 and the purchase history on a customer profile. Each test makes its own
 * customer and order through the API (a salesperson takes the order, the admin ships it, the
 * accountant invoices it), so it holds with or without the demo's sales orders.
 */

/** YYYY-MM-DD n days from the server's today. */
const day = (n: number) => addDays(E2E_TODAY, n);

/** "12345.60" → "12,345.60", as the console shows money. */
const grouped = (v: string) => {
  const [i, f] = v.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
};

type Call = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** A GraphQL session of one demo user, as a script would have it (Bearer token). */
async function apiAs(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string,
  username: string,
  opened: APIRequestContext[],
): Promise<Call> {
  const ctx = await playwright.request.newContext({ baseURL });
  opened.push(ctx);
  const r = await ctx.post('/graphql', {
    data: {
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: username, p: DEMO_PASSWORD },
    },
    headers: { 'content-type': 'application/json' },
  });
  const token = (await r.json()).data.login.token as string;
  return async (query, variables = {}) => {
    const res = await ctx.post('/graphql', {
      data: { query, variables },
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    const body = await res.json();
    if (body.errors?.length)
      throw Object.assign(new Error(`${username}: ${JSON.stringify(body.errors)}`), {
        code: body.errors[0]?.extensions?.code,
      });
    return body.data;
  };
}

interface Sale {
  customerId: string;
  code: string;
  orderId: string;
  orderNumber: string;
}

/**
 * The salesperson `sales` creates a customer and an order of `qty` × `price` on a SKU with stock,
 * dated `orderDay`; the admin ships all of it on that day. Tries the SKUs with the most stock
 * until one had enough on that day (a back-dated issue is checked against the stock back then).
 */
async function shippedSale(
  sales: Call,
  admin: Call,
  opts: { qty: string; price: string; orderDay: string; name: string },
): Promise<Sale> {
  const code = `E2E-R-${uid()}`;
  const customer = (
    await sales('mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id code } }', {
      i: { code, name: opts.name },
    })
  ).createCustomer;
  const channelId =
    (await admin('{ salesChannels { id code } }')).salesChannels.find((c: { code: string }) => c.code === 'STORE')
      ?.id ?? (await admin('{ salesChannels { id } }')).salesChannels[0].id;
  const levels = (
    await admin('{ stockLevels(sort: ON_HAND, page: { limit: 12 }) { items { skuId warehouseId available } } }')
  ).stockLevels.items as { skuId: string; warehouseId: string; available: string }[];
  let lastError: unknown = null;
  for (const l of levels) {
    if (BigInt(l.available.split('.')[0]) < BigInt(opts.qty) + 5n) continue;
    let orderId: string | null = null;
    try {
      const order = (
        await sales('mutation($i: CreateSalesOrderInput!) { createSalesOrder(input: $i) { id number lines { id } } }', {
          i: {
            customerId: customer.id,
            channelId,
            warehouseId: l.warehouseId,
            orderDate: opts.orderDay,
            lines: [{ skuId: l.skuId, qty: opts.qty, unitPrice: opts.price }],
          },
        })
      ).createSalesOrder;
      orderId = order.id;
      await sales('mutation($id: ID!) { confirmSalesOrder(id: $id) { status } }', { id: order.id });
      await admin('mutation($i: ShipSalesOrderInput!) { shipSalesOrder(input: $i) { id } }', {
        i: {
          orderId: order.id,
          businessDate: opts.orderDay,
          lines: [{ orderLineId: order.lines[0].id, qty: opts.qty }],
        },
      });
      return { customerId: customer.id, code, orderId: order.id, orderNumber: order.number };
    } catch (e) {
      // e.g. the price is below this SKU's cost, or the stock back then was short: the next SKU
      lastError = e;
      if (orderId)
        await sales('mutation($id: ID!) { cancelSalesOrder(id: $id) { status } }', { id: orderId }).catch(
          () => undefined,
        );
    }
  }
  throw new Error(`no SKU could be shipped on ${opts.orderDay}: ${String(lastError)}`);
}

async function headers(page: Page, testid: string): Promise<string> {
  return (await page.getByTestId(testid).locator('thead').first().innerText()).replace(/\s+/g, ' ');
}

test('the accountant sees the ageing, records a payment (an excess is refused, translated) and the balance drops exactly', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const opened: APIRequestContext[] = [];
  const sales = await apiAs(playwright, baseURL!, 'sales', opened);
  const admin = await apiAs(playwright, baseURL!, 'admin', opened);
  const accountant = await apiAs(playwright, baseURL!, 'accountant', opened);
  // 2 × 150.05 = 300.10, shipped 100 days ago and invoiced 95 days ago (due 30 days later: overdue)
  const sale = await shippedSale(sales, admin, {
    qty: '2',
    price: '150.05',
    orderDay: day(-100),
    name: '应收测试商行',
  });
  const invoice = (
    await accountant('mutation($i: CreateSalesInvoiceInput!) { createSalesInvoice(input: $i) { number total } }', {
      i: { orderId: sale.orderId, invoiceDate: day(-95) },
    })
  ).createSalesInvoice;
  expect(invoice.total).toBe('300.10');
  for (const c of opened) await c.dispose();

  // a salesperson follows up their own customers' balances (not another salesperson's), and records no payment
  await loginOk(page, 'sales');
  await page.getByTestId('menu-receivables').click();
  await expect(page.getByTestId(`recv-balance-${sale.code}`)).toHaveText('300.10');
  await expect(page.getByTestId(`recv-pay-${sale.code}`)).toBeHidden();
  const mine = await gql(
    page,
    '{ customerReceivables { customerId } customers(page: { limit: 200 }) { items { id } } }',
  );
  const own = new Set(mine.data.customers.items.map((c: any) => c.id));
  expect(mine.data.customerReceivables.every((r: any) => own.has(r.customerId))).toBe(true);
  await logout(page);

  await loginOk(page, 'accountant');
  await page.getByTestId('menu-receivables').click();
  await expect(page).toHaveURL(/\/sales\/receivables/);
  const head = await headers(page, 'recv-table');
  for (const h of [
    '客户',
    '已开票',
    '退货冲减',
    '已收款',
    '余额',
    '0–30 天',
    '31–60 天',
    '61–90 天',
    '90 天以上',
    '逾期',
    '未结发票',
  ])
    expect(head).toContain(h);
  const row = page.getByTestId('recv-table').locator('tr', { has: page.getByTestId(`recv-row-${sale.code}`) });
  await expect(page.getByTestId(`recv-balance-${sale.code}`)).toHaveText('300.10');
  await expect(page.getByTestId(`recv-ageOver90-${sale.code}`)).toHaveText('300.10');
  await expect(page.getByTestId(`recv-age0to30-${sale.code}`)).toHaveText('0.00');
  await expect(page.getByTestId(`recv-overdue-${sale.code}`)).toHaveText('300.10');
  await expect(page.getByTestId(`recv-overdue-${sale.code}`)).toHaveClass(/overdue/);
  await expect(row).toContainText('应收测试商行');
  // the totals row is there
  await expect(page.getByTestId('recv-table').locator('.el-table__footer')).toContainText('合计');

  // clicking the customer shows its invoice and (no) payments
  await page.getByTestId(`recv-row-${sale.code}`).locator('.name').click();
  await expect(page.getByTestId(`recv-invoices-${sale.code}`)).toContainText(invoice.number);
  await expect(page.getByTestId(`recv-invoices-${sale.code}`)).toContainText(sale.orderNumber);

  // more than the balance: refused by the API, shown translated
  await page.getByTestId(`recv-pay-${sale.code}`).click();
  await expect(page.getByTestId('recv-pay-amount')).toHaveValue('300.10');
  await page.getByTestId('recv-pay-amount').fill('300.11');
  await page.getByTestId('recv-pay-save').click();
  await expect(page.getByTestId('recv-pay-error')).toContainText('输入有误');
  await expect(page.getByTestId('recv-pay-error')).toContainText('收款金额');
  // a malformed amount never reaches the API
  await page.getByTestId('recv-pay-amount').fill('12.345');
  await page.getByTestId('recv-pay-save').click();
  await expect(page.getByTestId('recv-pay-error')).toContainText('最多两位小数');

  const reference = `E2E-${uid()}`;
  await page.getByTestId('recv-pay-amount').fill('100.01');
  await page.getByTestId('recv-pay-reference').fill(reference);
  await page.getByTestId('recv-pay-save').click();
  await expect(page.getByTestId('recv-pay-error')).toHaveCount(0);
  // 300.10 − 100.01 = 200.09, to the cent; the oldest (only) invoice is settled first
  await expect(page.getByTestId(`recv-balance-${sale.code}`)).toHaveText('200.09');
  await expect(page.getByTestId(`recv-overdue-${sale.code}`)).toHaveText('200.09');
  await expect(row).toContainText('100.01');
  await expect(page.getByTestId(`recv-payments-${sale.code}`)).toContainText(reference);
  await expect(page.getByTestId(`recv-payments-${sale.code}`)).toContainText('100.01');
  await expect(page.getByTestId(`recv-invoices-${sale.code}`)).toContainText('200.09');
  const api = await gql(
    page,
    'query($c: ID) { customerReceivables(customerId: $c) { invoiced paid balance overdue openInvoices } }',
    { c: sale.customerId },
  );
  expect(api.data.customerReceivables).toEqual([
    { invoiced: '300.10', paid: '100.01', balance: '200.09', overdue: '200.09', openInvoices: 1 },
  ]);

  // as of a day before the invoice the customer owed nothing
  await page.goto(`/sales/receivables?asOf=${day(-98)}`);
  await expect(page.getByTestId('recv-asof-label')).toContainText(day(-98));
  await expect(page.getByTestId('recv-table').locator('.el-loading-mask')).toHaveCount(0);
  await expect(page.getByTestId(`recv-row-${sale.code}`)).toHaveCount(0);
});

test('the sales overview shows margin to the accountant, and a salesperson revenue without any cost or margin', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const opened: APIRequestContext[] = [];
  const sales = await apiAs(playwright, baseURL!, 'sales', opened);
  const admin = await apiAs(playwright, baseURL!, 'admin', opened);
  await shippedSale(sales, admin, { qty: '1', price: '188.80', orderDay: day(-2), name: '概览测试商行' });
  for (const c of opened) await c.dispose();

  await loginOk(page, 'sales');
  await page.getByTestId('menu-sales-overview').click();
  await expect(page).toHaveURL(/\/sales\/overview/);
  await expect(page.getByTestId('so-period')).toContainText(day(0).slice(0, 4));
  await expect(page.getByTestId('so-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('so-kpi-revenue')).not.toHaveText('');
  await expect(page.getByTestId('so-chart').locator('canvas').first()).toBeVisible();
  const salesHead = await headers(page, 'so-table');
  for (const h of ['渠道', '店铺', '订单数', '收入']) expect(salesHead).toContain(h);
  // no cost or margin anywhere: no column, no figure, no chart series title, no empty column
  const text = await page.locator('.page').innerText();
  expect(text).not.toContain('毛利');
  expect(text).not.toContain('成本');
  await expect(page.getByTestId('so-kpi-margin')).toHaveCount(0);
  await expect(page.getByTestId('so-kpi-cogs')).toHaveCount(0);
  await expect(page.getByTestId('so-table').getByTestId('hidden-cell')).toHaveCount(0);
  const asSales = await gql(page, '{ salesOverview(from: "2000-01-01", to: "2000-01-02") { cogs margin } }');
  expect(asSales.data.salesOverview).toEqual({ cogs: null, margin: null });
  expect(asSales.extensions?.hiddenFields).toEqual(
    expect.arrayContaining(['SalesOverview.cogs', 'SalesOverview.margin']),
  );
  await logout(page);

  await loginOk(page, 'accountant');
  await page.goto('/sales/overview');
  await expect(page.getByTestId('so-kpi-margin')).toBeVisible();
  await expect(page.getByTestId('so-kpi-cogs')).toBeVisible();
  const head = await headers(page, 'so-table');
  for (const h of ['收入', '成本', '毛利']) expect(head).toContain(h);
  await expect(page.getByTestId('so-chart')).toContainText('毛利');
  // the totals row carries the API's totals (other tests post sales in parallel: read both again until they agree)
  const footer = page.getByTestId('so-table').locator('.el-table__footer');
  await expect(async () => {
    const totals = (await gql(page, `{ salesOverview(from: "${day(-29)}", to: "${day(0)}") { revenue margin } }`)).data
      .salesOverview;
    await page.reload();
    await expect(footer).toContainText('合计', { timeout: 5000 });
    await expect(footer).toContainText(grouped(totals.revenue), { timeout: 2000 });
    await expect(footer).toContainText(grouped(totals.margin), { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
});

test('a customer profile shows the purchase history chart and the orders', async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const opened: APIRequestContext[] = [];
  const sales = await apiAs(playwright, baseURL!, 'sales', opened);
  const admin = await apiAs(playwright, baseURL!, 'admin', opened);
  const sale = await shippedSale(sales, admin, { qty: '3', price: '99.90', orderDay: day(-1), name: '购买记录测试' });
  const months = (
    await sales('query($c: ID!) { customerSalesHistory(customerId: $c, months: 12) { month orders amount } }', {
      c: sale.customerId,
    })
  ).customerSalesHistory;
  for (const c of opened) await c.dispose();
  expect(months).toHaveLength(12);
  expect(months.reduce((n: number, m: { orders: number }) => n + m.orders, 0)).toBe(1);
  expect(months.find((m: { orders: number }) => m.orders === 1).amount).toBe('299.70');

  await loginOk(page, 'sales');
  await page.goto(`/sales/customers/${sale.customerId}`);
  await expect(page.getByTestId('customer-title')).toContainText(sale.code);
  await expect(page.getByTestId('customer-history')).toContainText('购买记录');
  await expect(page.getByTestId('customer-history-chart').locator('canvas').first()).toBeVisible();
  const orders = page.getByTestId('customer-orders-table');
  await expect(orders).toContainText(sale.orderNumber);
  await expect(orders).toContainText('已发货');
  await expect(orders).toContainText('299.70');
  await expect(page.getByTestId('customer-orders-total')).toContainText('1');

  // in English too
  await page.evaluate(() => localStorage.setItem('jxc.locale', 'en'));
  await page.reload();
  await expect(page.getByTestId('customer-history')).toContainText('Purchase history');
  await expect(orders).toContainText('Shipped');
});
