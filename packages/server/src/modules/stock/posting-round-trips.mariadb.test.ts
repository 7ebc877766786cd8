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

  it('a 5-line issue with an idempotency key posts in at most 10 round trips, the session check included', async () => {
    await t.gql(POST, { id: await draftIssue(), k: 'rt-warm' }, admin); // caches warm, as in steady use
    const id = await draftIssue();
    const rec = recordQueries(t.ds);
    const r = await t.gql(POST, { id, k: 'rt-out-1' }, admin);
    const queries = rec.stop();
    expect(r.errors).toBeUndefined();
    expect(r.data.postStockDocument.status).toBe('POSTED');
    // a packet of several statements (the posting pool) is one round trip
    console.log(
      `${queries.length} round trips:\n  ${queries
        .map((q) =>
          q
            .split('; ')
            .map((x) => x.slice(0, 110))
            .join('\n      + '),
        )
        .join('\n  ')}`,
    );
    expect(queries.length).toBeLessThanOrEqual(10);
    // the counter row is held for two round trips: its UPDATE, then one packet ending in COMMIT
    const counter = queries.findIndex((q) => q.startsWith('UPDATE doc_sequence'));
    expect(queries.length - counter).toBe(2);
    expect(queries[counter + 1]).toMatch(
      /^INSERT INTO stock_ledger .*; UPDATE stock_document SET number = .*; INSERT INTO audit_entry .*; COMMIT$/,
    );
    // the draft is claimed before the number, in the packet of the balances and heads
    expect(queries[counter - 1]).toMatch(/^UPDATE stock_balance .*; UPDATE stock_document d JOIN stock_document_line/);
    // the audit row names the number
    const [audit] = await t.ds.query(
      "SELECT `after` FROM audit_entry WHERE action = 'stockDocument.post' AND entity_id = ? ORDER BY id DESC",
      [id],
    );
    expect(JSON.parse(audit.after)).toEqual({ number: r.data.postStockDocument.number, status: 'posted' });
  });

  it('a posting that fails after taking its number leaves no gap and no part of itself (ledger rows or audit row refused)', async () => {
    const numberOf = (s: string) => Number(s.slice(-4));
    const state = async (docId: string) => ({
      doc: (await t.ds.query('SELECT status, number, version FROM stock_document WHERE id = ?', [docId]))[0],
      ledger: Number((await t.ds.query('SELECT COUNT(*) AS n FROM stock_ledger'))[0].n),
      balances: await t.ds.query(
        'SELECT sku_id, qty FROM stock_balance WHERE warehouse_id = ? ORDER BY sku_id, bin_id, batch_id',
        [W],
      ),
      heads: await t.ds.query('SELECT sku_id, qty, value FROM stock_cost WHERE warehouse_id = ? ORDER BY sku_id', [W]),
      spans: await t.ds.query('SELECT sku_id, first_day, last_day FROM replenishment_span ORDER BY sku_id'),
      audit: Number(
        (await t.ds.query("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'stockDocument.post'"))[0].n,
      ),
      keys: Number((await t.ds.query('SELECT COUNT(*) AS n FROM idempotency_record'))[0].n),
    });
    const last = await t.gql(POST, { id: await draftIssue(), k: 'rt-before-fail' }, admin);
    const lastNo = numberOf(last.data.postStockDocument.number);
    const failing: Array<[string, (id: string) => string]> = [
      // the first statement of the last packet (the ledger rows), and the last before COMMIT (the audit row)
      ['stock_ledger', () => 'ADD CONSTRAINT rt_fail CHECK (qty <> -7)'],
      ['audit_entry', (id) => `ADD CONSTRAINT rt_fail CHECK (entity_id <> '${id}' OR action <> 'stockDocument.post')`],
    ];
    for (const [table, constraint] of failing) {
      const id = (
        await t.gql(
          CREATE,
          {
            i: {
              type: 'OTHER_OUT',
              warehouseId: W,
              businessDate: '2026-11-21',
              lines: skus.map((s, i) => ({ skuId: s, qty: i === 2 ? '7' : '1' })),
            },
          },
          admin,
        )
      ).data.createStockDocument.id as string;
      const before = await state(id);
      await t.ds.query(`ALTER TABLE ${table} ${constraint(id)}`);
      try {
        const r = await t.gql(POST, { id, k: `rt-fail-${table}` }, admin);
        expect(r.errors).toBeDefined();
        expect(await state(id)).toEqual(before);
        expect(before.doc.status).toBe('draft');
      } finally {
        await t.ds.query(`ALTER TABLE ${table} DROP CONSTRAINT rt_fail`);
      }
      // the same request again posts, with the next number: the failed one gave its number back
      const again = await t.gql(POST, { id, k: `rt-fail-${table}` }, admin);
      expect(again.errors).toBeUndefined();
      expect(numberOf(again.data.postStockDocument.number)).toBe(lastNo + 1 + failing.findIndex(([x]) => x === table));
      const after = await state(id);
      expect(after.doc.status).toBe('posted');
      expect(after.ledger).toBe(before.ledger + 5);
      expect(after.audit).toBe(before.audit + 1);
    }
  });

  it('the draft is claimed before the number: of two concurrent posts of one draft one posts, the other finds it posted and leaves nothing', async () => {
    const other = () => t.ds.getRepository(StockLedgerEntry).count({ where: { documentType: 'other_out' } });
    const before = await other();
    for (let round = 0; round < 3; round++) {
      const id = await draftIssue();
      const ledger = await t.ds.getRepository(StockLedgerEntry).count();
      const replies = await Promise.all([t.gql(POST, { id }, admin), t.gql(POST, { id }, admin)]);
      const ok = replies.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      expect(replies.filter((r) => r.errors).map(codeOf)).toEqual(['DOCUMENT_NOT_DRAFT']);
      expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(ledger + 5);
      // the loser took no number: the next posting takes the one after the winner's
      const next = await t.gql(POST, { id: await draftIssue() }, admin);
      const n = (s: string) => Number(s.slice(-4));
      expect(n(next.data.postStockDocument.number)).toBe(n(ok[0].data.postStockDocument.number) + 1);
    }
    expect(await other()).toBe(before + 5 * 2 * 3);
  });
});
