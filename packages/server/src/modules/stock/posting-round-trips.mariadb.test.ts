import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProductSku, seedCatalog } from '../../test/fixtures';
import { recordQueries, testApp, type TestApp } from '../../test/harness';

const CREATE = 'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }';
const POST = 'mutation($id:ID!,$k:String){ postStockDocument(id:$id, idempotencyKey:$k){ id number status } }';

// MariaDB only: how many statements posting a 5-line issue through the API sends (issue 17)
describe('round trips of one posting (mariadb)', () => {
  let t: TestApp;
  let admin: string;
  let W: string;
  let skus: string[];
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    const c = await seedCatalog(t.ds);
    W = String(c.warehouses[0].id);
    skus = [];
    for (let i = 0; i < 5; i++) skus.push(String((await newProductSku(t.ds, `RT-${i}`)).id));
    const r = await t.gql(
      CREATE,
      {
        i: {
          type: 'OTHER_IN',
          warehouseId: W,
          businessDate: '2026-11-20',
          lines: skus.map((s) => ({ skuId: s, qty: '100', unitCost: '3.50' })),
        },
      },
      admin,
    );
    expect((await t.gql(POST, { id: r.data.createStockDocument.id, k: 'rt-in' }, admin)).errors).toBeUndefined();
  });
  afterAll(() => t.close());

  const draftIssue = async () =>
    (
      await t.gql(
        CREATE,
        {
          i: {
            type: 'OTHER_OUT',
            warehouseId: W,
            businessDate: '2026-11-21',
            lines: [...skus].reverse().map((s) => ({ skuId: s, qty: '2' })),
          },
        },
        admin,
      )
    ).data.createStockDocument.id as string;

  it('a 5-line issue with an idempotency key posts in at most 18 statements, the session check included', async () => {
    await t.gql(POST, { id: await draftIssue(), k: 'rt-warm' }, admin); // caches warm, as in steady use
    const id = await draftIssue();
    const rec = recordQueries(t.ds);
    const r = await t.gql(POST, { id, k: 'rt-out-1' }, admin);
    const queries = rec.stop();
    expect(r.errors).toBeUndefined();
    expect(r.data.postStockDocument.status).toBe('POSTED');
    console.log(`${queries.length} statements:\n  ${queries.map((q) => q.slice(0, 160)).join('\n  ')}`);
    expect(queries.length).toBeLessThanOrEqual(18);
  });
});
