import { expect } from 'vitest';
import { seedCatalog } from './fixtures';
import { testApp, type GqlResult, type TestApp } from './harness';

/** The data of a GraphQL answer, failing the test on any error (with the errors in its message). */
const ok = <T = any>(r: GqlResult<T>): any => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};

/** One line of the stock received before the tests: [SKU id, quantity, unit cost]. */
export type StockIn = [skuId: string, qty: string, unitCost: string];

export interface PromotionsShop {
  t: TestApp;
  /** a token per user asked for */
  tok: Record<string, string>;
  c: Awaited<ReturnType<typeof seedCatalog>>;
  /** the first warehouse's id, where the stock came in */
  wh: string;
  /** the offline channel STORE (门店), saved by the manager */
  channel: string;
  /** customer C-1 (甲), made by the salesperson; null when not asked for */
  customer: string | null;
}

/**
 * What the promotions tests share: an app, these users logged in (`manager` and `sales` always), the
 * catalogue seeded, then what the test adds to it (`prepare`: more SKUs, categories, brands) and the
 * stock it returns received into the first warehouse (one OTHER_IN document, posted by the admin;
 * nothing when it returns none), the offline channel STORE (门店) and, unless `customer: false`, the
 * customer C-1 (甲) made by the salesperson — in that order.
 */
export async function promotionsShop(o: {
  users?: string[];
  prepare?: (t: TestApp, c: Awaited<ReturnType<typeof seedCatalog>>) => Promise<StockIn[]> | StockIn[];
  customer?: boolean;
}): Promise<PromotionsShop> {
  const t = await testApp();
  const tok: Record<string, string> = {};
  for (const u of new Set(['admin', 'manager', 'sales', ...(o.users ?? [])])) tok[u] = await t.login(u);
  const c = await seedCatalog(t.ds);
  const wh = String(c.warehouses[0].id);
  const stock = (await o.prepare?.(t, c)) ?? [];
  if (stock.length) {
    const doc = ok(
      await t.gql(
        'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: wh,
            lines: stock.map(([skuId, qty, unitCost]) => ({ skuId, qty, unitCost })),
          },
        },
        tok.admin,
      ),
    ).createStockDocument.id;
    ok(await t.gql('mutation($id:ID!){ postStockDocument(id:$id){ id } }', { id: doc }, tok.admin));
  }
  const channel = ok(
    await t.gql(
      'mutation{ saveSalesChannel(input:{code:"STORE", name:"门店", kind: OFFLINE_STORE}){ id } }',
      {},
      tok.manager,
    ),
  ).saveSalesChannel.id as string;
  const customer =
    o.customer === false
      ? null
      : (ok(await t.gql('mutation{ createCustomer(input:{code:"C-1", name:"甲"}){ id } }', {}, tok.sales))
          .createCustomer.id as string);
  return { t, tok, c, wh, channel, customer };
}

/**
 * A promotion saved by the manager with the tests' defaults (priority 10, stackable, active over the test
 * clock's days 2026-11-20 – 12-01, budget 1000) under what `input` says, then submitted: it must be active
 * (within the approval budget). Its id.
 */
export async function activePromotion(t: TestApp, managerToken: string, input: Record<string, unknown>) {
  const p = ok(
    await t.gql(
      'mutation($i:SavePromotionInput!){ savePromotion(input:$i){ id } }',
      {
        i: {
          priority: 10,
          exclusive: false,
          startsAt: '2026-11-20T00:00',
          endsAt: '2026-12-01T00:00',
          budget: '1000',
          ...input,
        },
      },
      managerToken,
    ),
  ).savePromotion;
  const submitted = ok(
    await t.gql('mutation($id:ID!){ submitPromotion(id:$id){ status } }', { id: p.id }, managerToken),
  ).submitPromotion;
  expect(submitted.status).toBe('ACTIVE');
  return p.id as string;
}
