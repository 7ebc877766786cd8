import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProductSku, seedCatalog, StockLedgerEntry } from '../../test/fixtures';
import { codeOf, recordQueries, testApp, type TestApp } from '../../test/harness';
import { inTransaction } from '../../core/db';
import { checkSnapshots, writeSnapshotsThrough } from './snapshots';

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

  it('a 5-line issue with an idempotency key posts in at most 4 round trips, the session check included', async () => {
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
    expect(queries.length).toBeLessThanOrEqual(4);
    // after the session check: START TRANSACTION with the idempotency key, the draft locked and read;
    // then the three reads under which the posting is worked out (heads locked, warehouse facts,
    // balances to pick from locked), in that order
    expect(queries[1]).toMatch(
      /^START TRANSACTION; INSERT IGNORE INTO idempotency_record .*; SELECT d\.id FROM stock_document d LEFT JOIN stock_document_line l .* FOR UPDATE; SELECT d\.`id`/,
    );
    expect(queries[2]).toMatch(
      /^SELECT warehouse_id, sku_id, qty, reserved, value, .* FOR UPDATE; SELECT 'w' AS k, .*; SELECT b\.sku_id, b\.bin_id, .* FOR UPDATE$/,
    );
    // then one packet to COMMIT: the guarded balances and the claim of the draft, each counted by the
    // database right after it (a count outside the expected stops the packet before COMMIT), the heads
    // and the demand history; then the number, taken by the database (the counter row is locked only
    // from there to COMMIT), the ledger rows, the document's number and the audit row take @jxc_no
    const last = queries[queries.length - 1];
    expect(queries.filter((q) => q.includes('doc_sequence'))).toEqual([last]);
    const check =
      'SELECT \\(SELECT 1 FROM \\(SELECT 1 AS one UNION ALL SELECT 2\\) AS two WHERE ROW_COUNT\\(\\) NOT BETWEEN \\? AND \\?\\) AS jxc_rows_check';
    expect(last).toMatch(
      new RegExp(
        `^SET @jxc_checked = \\?; UPDATE stock_balance .*; ${check}; .*SET @jxc_checked = \\?; UPDATE stock_document d JOIN stock_document_line .*; ${check}; ` +
          'INSERT INTO doc_sequence .*; SET @jxc_no = .*; INSERT INTO stock_ledger .*; UPDATE stock_document SET number = .*; INSERT INTO audit_entry .*; SELECT @jxc_no AS number; COMMIT$',
      ),
    );
    // the reply, the document, its ledger rows and the audit row carry the same number
    const number = r.data.postStockDocument.number as string;
    expect(number).toMatch(/^QC-20261121-\d{4}$/);
    expect((await t.ds.query('SELECT number FROM stock_document WHERE id = ?', [id]))[0].number).toBe(number);
    const ledger = await t.ds.query('SELECT DISTINCT document_number AS n FROM stock_ledger WHERE document_id = ?', [
      id,
    ]);
    expect(ledger).toEqual([{ n: number }]);
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

  it('the draft is locked when it is read: of two concurrent posts of one draft one posts, the other waits, finds it posted and leaves nothing', async () => {
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

  it('the number is taken on its own when something before COMMIT needs it: a webhook receiver of document.posted gets the document with its number', async () => {
    const roles = (await t.gql('query{ roles { id code } }', {}, admin)).data.roles as Array<{
      id: string;
      code: string;
    }>;
    const client = (
      await t.gql(
        'mutation($i:CreateApiClientInput!){ createApiClient(input:$i){ client { id } } }',
        { i: { name: 'ERP', roleId: roles.find((r) => r.code === 'admin')!.id } },
        admin,
      )
    ).data.createApiClient.client.id;
    const hook = await t.gql(
      'mutation($i:CreateWebhookInput!){ createWebhook(input:$i){ subscription { id } } }',
      { i: { clientId: client, url: 'http://127.0.0.1:9/hook', events: ['document.posted'] } },
      admin,
    );
    expect(hook.errors).toBeUndefined();
    const postCounted = async (k: string) => {
      const id = await draftIssue();
      const rec = recordQueries(t.ds);
      const r = await t.gql(POST, { id, k }, admin);
      return { id, r, queries: rec.stop() };
    };
    // twice: the first reads the subscriptions, the second knows them already
    for (const k of ['rt-hook-1', 'rt-hook-2']) {
      const { id, r, queries } = await postCounted(k);
      expect(r.errors).toBeUndefined();
      const number = r.data.postStockDocument.number as string;
      expect(queries.some((q) => q.startsWith('UPDATE doc_sequence'))).toBe(true);
      const [ev] = await t.ds.query(
        "SELECT ref_number AS n, data FROM webhook_event WHERE type = 'document.posted' AND ref_id = ?",
        [id],
      );
      expect(ev.n).toBe(number);
      expect(JSON.parse(ev.data).document.number).toBe(number);
    }
    // switched off: no receiver, and the number goes back into the last packet
    const off = await t.gql(
      'mutation($id:ID!){ setWebhookActive(id:$id, active:false){ id } }',
      { id: hook.data.createWebhook.subscription.id },
      admin,
    );
    expect(off.errors).toBeUndefined();
    await postCounted('rt-hook-off-warm');
    const { id, r, queries } = await postCounted('rt-hook-off');
    expect(queries.some((q) => q.startsWith('UPDATE doc_sequence'))).toBe(false);
    expect(queries[queries.length - 1]).toMatch(/; INSERT INTO doc_sequence .*; COMMIT$/);
    expect((await t.ds.query('SELECT number FROM stock_document WHERE id = ?', [id]))[0].number).toBe(
      r.data.postStockDocument.number,
    );
    expect(await t.ds.query("SELECT id FROM webhook_event WHERE ref_id = ? AND ref_type = 'other_out'", [id])).toEqual(
      [],
    );
  });

  it("a number past the pattern's width grows (QC-…-10000), as the numbering does elsewhere", async () => {
    await t.ds.query("UPDATE doc_sequence SET last_no = 9999 WHERE doc_type = 'other_out' AND period = '20261121'");
    const r = await t.gql(POST, { id: await draftIssue(), k: 'rt-wide' }, admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.postStockDocument.number).toBe('QC-20261121-10000');
    const next = await t.gql(POST, { id: await draftIssue(), k: 'rt-wide-2' }, admin);
    expect(next.data.postStockDocument.number).toBe('QC-20261121-10001');
  });

  it('a posting into a month with a snapshot (whose rebuild reads the ledger mid-posting) takes its number in that earlier packet: its ledger rows carry it', async () => {
    await inTransaction(t.ds, (tx) => writeSnapshotsThrough(tx, '2026-11-30'));
    try {
      const id = await draftIssue();
      const rec = recordQueries(t.ds);
      const r = await t.gql(POST, { id, k: 'rt-snapshot' }, admin);
      const queries = rec.stop();
      expect(r.errors).toBeUndefined();
      const number = r.data.postStockDocument.number as string;
      expect(number).toMatch(/^QC-20261121-\d{4,}$/);
      // the number goes with the ledger rows, in the packet before the rebuild's read
      const taking = queries.findIndex((q) => q.includes('INSERT INTO doc_sequence'));
      expect(queries[taking]).toMatch(/INSERT INTO doc_sequence .*; INSERT INTO stock_ledger /);
      expect(taking).toBeLessThan(queries.length - 1);
      const ledger = await t.ds.query('SELECT DISTINCT document_number AS n FROM stock_ledger WHERE document_id = ?', [
        id,
      ]);
      expect(ledger).toEqual([{ n: number }]);
      expect((await t.ds.query('SELECT number FROM stock_document WHERE id = ?', [id]))[0].number).toBe(number);
      expect(await checkSnapshots(t.ds)).toEqual([]);
    } finally {
      await t.ds.query('DELETE FROM stock_snapshot');
      await t.ds.query('DELETE FROM stock_snapshot_month');
    }
  });
});
