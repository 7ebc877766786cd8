import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { E2E_NOW } from './clock';

/**
 * The seeded roles, read from the server's catalogue (the one source of truth). The server package
 * is CommonJS TypeScript outside this package, so it is transpiled here rather than imported.
 */
function loadSeededRoles(): { code: string; permissions: string[] }[] {
  const file = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../server/src/core/permissions/catalogue.ts',
  );
  const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', js)(module, module.exports);
  return module.exports.SEEDED_ROLES as { code: string; permissions: string[] }[];
}
const SEEDED_ROLES = loadSeededRoles();

export { expect };

/**
 * Picks an option of an Element Plus select (by its test id, or a locator), typing a search first when
 * given. A remote select replaces its list when the search answers, after a debounce: a click while that
 * happens lands on whichever option moved under the pointer. So the pick is checked (that option is then
 * selected) and made again, the dropdown reopened, when it did not take.
 */
export async function pick(page: Page, select: Locator, option: string | Locator, typed?: string) {
  const target = typeof option === 'string' ? page.getByTestId(option) : option;
  await expect(async () => {
    if (!(await target.isVisible())) {
      await select.click();
      if (typed) await select.locator('input').fill(typed);
    }
    // each option has an id of its own: the option clicked, not whichever is there now, must be selected
    const id = await target.getAttribute('id', { timeout: 5_000 });
    await target.click({ timeout: 5_000 });
    await expect(page.locator(`[id="${id}"]`)).toHaveAttribute('aria-selected', 'true', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * The chart in `card` draws its series: its canvas holds coloured pixels (bars, lines), not only the grey
 * axes. A series type no page registered (useCharts) is dropped silently, leaving an empty grid.
 */
export async function expectChartDrawn(card: Locator) {
  const canvas = card.locator('canvas').first();
  await expect
    .poll(
      () =>
        canvas.evaluate((c: HTMLCanvasElement) => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let coloured = 0;
          for (let i = 0; i < d.length; i += 4)
            if (d[i + 3] > 0 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60)
              coloured++;
          return coloured;
        }),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(500);
}

/** Picks the first open option whose text matches. */
export function choose(page: Page, select: Locator, text: string | RegExp, typed?: string) {
  return pick(page, select, page.locator('.el-select-dropdown__item:visible', { hasText: text }).first(), typed);
}

/** A unique suffix for codes and names (random: never from the clock). */
export const uid = (length = 10) => randomUUID().replace(/-/g, '').slice(0, length).toUpperCase();
/** n random decimal digits (barcodes, invoice numbers). */
export const digits = (n: number) =>
  Array.from(randomUUID().replace(/-/g, ''), (c) => String(parseInt(c, 16) % 10))
    .join('')
    .slice(0, n);

/**
 * The server's business day: global-setup starts it at a fixed instant (E2E_NOW, a morning in Shanghai far
 * from the real date, see clock.ts), so specs compute dates from this, never from the machine's clock.
 */
export const E2E_TODAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date(E2E_NOW));
/** YYYY-MM-DD plus n calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Every test talks to the server that global-setup started. */
export const test = base.extend({
  // Playwright reads the fixture's dependencies from this parameter's pattern, so it must be an (empty) object pattern
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is not set: global-setup did not run');
    await use(url);
  },
});

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_ROLES = ['admin', 'manager', 'accountant', 'purchaser', 'sales', 'warehouse'] as const;

/** Menu entries (route names) and the permission each needs, as in src/features/<area>/routes.ts. */
export const MENU_PERMISSIONS: Record<string, string | null> = {
  overview: null,
  analytics: 'report.cost.read',
  'stock-risk': 'stock.balance.read',
  'staff-performance': null,
  statements: 'sales.receivable.read',
  'period-close': 'system.settings.read',
  directory: 'system.user.read',
  users: 'system.user.manage',
  roles: 'system.role.read',
  audit: 'system.audit.read',
  warehouses: 'stock.warehouse.read',
  products: 'catalog.product.read',
  categories: 'catalog.product.read',
  'product-import': 'catalog.product.manage',
  'stock-levels': 'stock.balance.read',
  'stock-documents': 'stock.balance.read',
  'stock-card': 'stock.balance.read',
  valuation: 'stock.cost.read',
  stocktakes: 'stock.count.perform',
  'stock-count-analysis': 'stock.count.read',
  suppliers: 'purchasing.supplier.read',
  'purchase-orders': 'purchasing.order.read',
  payables: 'purchasing.payable.read',
  'supplier-scorecards': 'purchasing.supplier.price.read',
  replenishment: 'purchasing.order.create',
  customers: 'sales.customer.read',
  'sales-orders': 'sales.order.read',
  receivables: 'sales.receivable.read',
  'sales-overview': 'catalog.price.sale.read',
  'price-lists': 'sales.customer.read',
  promotions: 'sales.promotion.read',
  'promotion-simulator': 'sales.promotion.read',
  coupons: 'sales.promotion.read',
  'promotion-effect': 'sales.promotion.read',
  'lucky-draws': 'sales.promotion.read',
  'birthday-offers': 'sales.promotion.read',
  settings: 'system.settings.read',
  'api-clients': 'system.integration.manage',
  webhooks: 'system.integration.manage',
  tpl: 'integration.tpl.manage',
  'online-stores': 'sales.platform.manage',
  'print-templates': 'system.settings.read',
  'warehouse-fees': 'stock.cost.read',
};

/** The menu a seeded role should see, derived from the server's permission catalogue. */
export function expectedMenu(roleCode: string): string[] {
  const role = SEEDED_ROLES.find((r) => r.code === roleCode);
  if (!role) throw new Error(`no seeded role ${roleCode}`);
  const perms = new Set<string>(role.permissions);
  return Object.entries(MENU_PERMISSIONS)
    .filter(([, p]) => p === null || perms.has(p))
    .map(([name]) => name)
    .sort();
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in and waits for the shell (its side menu, or on a phone the ☰ that opens it). */
export async function loginOk(page: Page, username: string, password = DEMO_PASSWORD) {
  await login(page, username, password);
  await expect(page.getByTestId('menu-overview').or(page.getByTestId('menu-toggle'))).toBeVisible();
}

export async function menuEntries(page: Page): Promise<string[]> {
  await expect(page.getByTestId('menu-overview')).toBeVisible();
  const ids = await page
    .getByTestId('side-menu')
    .locator('[data-testid^="menu-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
  return ids.map((id) => id.replace(/^menu-/, '')).sort();
}

export async function logout(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('cmd-logout').click();
  await expect(page).toHaveURL(/\/login/);
}

/** A GraphQL call with the page's session cookie (as the console sends it: POST, JSON). */
export async function gql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const r = await page.request.post('/graphql', {
    data: { query, variables },
    headers: { 'content-type': 'application/json' },
  });
  return (await r.json()) as {
    data?: any;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: { hiddenFields?: string[] };
  };
}

/** `docForm.fields.bin`, `sales.order.read`, `auth.login`: dotted lower-case codes (not e-mail addresses). */
export const RAW_KEY = /(?<![\w@./-])[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9_]*)+(?![\w@/-])/g;

export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // a refused API call says which operation and why, so a failure names its cause
  page.on('response', async (r) => {
    if (r.status() < 400 || !r.url().includes('/graphql')) return;
    const op = (r.request().postDataJSON() as { operationName?: string } | null)?.operationName ?? '?';
    const body = await r.text().catch(() => '');
    problems.push(`http ${r.status()} ${op}: ${body.slice(0, 300)}`);
  });
  return problems;
}

/** Raw keys in the visible text of the page (the main area and the menu). */
export async function rawKeysOnScreen(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...new Set(text.match(RAW_KEY) ?? [])];
}

/** The data of a GraphQL answer that must have no errors (the errors shown when it has). */
export const ok = (r: { data?: any; errors?: unknown }) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};

/** Types a day into an Element Plus date picker wrapped in the given element, and waits until it shows it. */
export async function typeDate(wrapper: Locator, day: string) {
  const input = wrapper.locator('input');
  await input.fill(day);
  await input.press('Enter');
  await expect(input).toHaveValue(day);
}
