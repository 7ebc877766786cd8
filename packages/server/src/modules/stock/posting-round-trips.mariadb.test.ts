import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProductSku, seedCatalog, StockLedgerEntry } from '../../test/fixtures';
import { codeOf, recordQueries, testApp, type TestApp } from '../../test/harness';

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

  it('the draft is claimed last: of two concurrent posts of one draft one posts, the other finds it posted and leaves nothing', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await draftIssue();
      const ledger = await t.ds.getRepository(StockLedgerEntry).count();
      const replies = await Promise.all([t.gql(POST, { id }, admin), t.gql(POST, { id }, admin)]);
      const ok = replies.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      expect(replies.filter((r) => r.errors).map(codeOf)).toEqual(['DOCUMENT_NOT_DRAFT']);
      expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(ledger + 5);
      // the loser's number went back: the next posting takes the one after the winner's
      const next = await t.gql(POST, { id: await draftIssue() }, admin);
      const n = (s: string) => Number(s.slice(-4));
      expect(n(next.data.postStockDocument.number)).toBe(n(ok[0].data.postStockDocument.number) + 1);
    }
    expect(await t.ds.getRepository(StockLedgerEntry).count({ where: { documentType: 'other_out' } })).toBe(
      5 * 2 * 3 + 5 * 2,
    );
  });
});
