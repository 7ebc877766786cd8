import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { seedCatalog, User } from '../../test/fixtures';
import { createTestDb, testApp, testDbKind, type TestApp, type TestDb } from '../../test/harness';
import { AlertOutbox, Notification } from './alert.entity';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number } }`;
const SAFETY = 'mutation($i:SetFixedSafetyStockInput!){ setFixedSafetyStock(input:$i){ qty } }';
const MINE = `query($u:Boolean!){ notifications(unreadOnly:$u){ total items { kind skuCode warehouseName refType refNumber read
  figures { available safetyStock } } } unreadNotificationCount }`;
const READ = 'mutation($ids:[ID!]){ markNotificationsRead(ids:$ids) }';

/**
 * Live alerts: a posting that takes what is available below the fixed safety stock writes an
 * outbox row in its own transaction; the dispatcher makes one notification per recipient (the
 * purchasers and the warehouse's keepers) exactly once, and a subscribed client hears of it once,
 * even when the server stopped between the posting and the dispatch.
 */
describe(`live alerts from the posting's outbox (${testDbKind})`, () => {
  let db: TestDb;
  let t: TestApp;
  const tok: Record<string, string> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let seq = 0;
  const clients: Client[] = [];
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const post = (type: string, qty: string) =>
    t.gql(
      POST,
      {
        i: {
          type,
          warehouseId: W1,
          lines: [{ skuId: String(c.tea.id), qty, ...(type === 'OTHER_IN' ? { unitCost: '10.00' } : {}) }],
        },
        k: `alert-${++seq}`,
      },
      tok.admin,
    );
  const outbox = () => t.ds.getRepository(AlertOutbox).find({ order: { id: 'ASC' } });
  const start = async () => {
    // the dispatcher does not run by itself here: the test says when (0 = no timer)
    t = await testApp({ db: { url: db.url, drop: async () => undefined }, config: { alertsIntervalMs: 0 } });
    for (const u of ['admin', 'purchaser', 'warehouse', 'sales', 'manager']) tok[u] = await t.login(u);
  };

  beforeAll(async () => {
    db = await createTestDb();
    await start();
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
  });
  afterAll(async () => {
    for (const cl of clients) await cl.dispose();
    await t.close();
    await db.drop();
  });

  it('an alert exists exactly when a posting crosses the safety stock downwards', async () => {
    ok(await t.gql(SAFETY, { i: { warehouseId: W1, skuId: String(c.tea.id), qty: '5' } }, tok.admin));
    ok(await post('OTHER_IN', '8')); // up: no alert
    expect(await outbox()).toEqual([]);
    const issue = ok(await post('OTHER_OUT', '4')).createAndPostStockDocument; // 8 → 4: below 5
    const rows = await outbox();
    expect(
      rows.map((r) => [r.kind, r.warehouseId, r.skuId, r.refType, r.refNumber, JSON.parse(r.payload), r.dispatchedAt]),
    ).toEqual([
      ['low_stock', Number(W1), c.tea.id, 'other_out', issue.number, { available: '4', safetyStock: '5' }, null],
    ]);
    ok(await post('OTHER_OUT', '1')); // 4 → 3: below already, no new alert
    // a refused posting writes nothing
    expect((await post('OTHER_OUT', '50')).errors?.[0].extensions?.code).toBe('INSUFFICIENT_STOCK');
    expect(await outbox()).toHaveLength(1);
  });

  it('a subscribed client hears of it once, even across a server restart before the dispatch', async () => {
    // the server stops with the alert still in the outbox
    await t.close();
    await start();
    const heard: any[] = [];
    const purchaser = createClient({
      url: t.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization: `Bearer ${tok.purchaser}` },
    });
    clients.push(purchaser);
    const subscribed = new Promise<void>((resolve) => purchaser.on('connected', () => resolve()));
    purchaser.subscribe(
      { query: 'subscription { notificationAdded { kind skuCode refNumber figures { available safetyStock } } }' },
      {
        next: (r) => heard.push(r.data?.notificationAdded ?? r.errors),
        error: (e) => heard.push({ error: e }),
        complete: () => undefined,
      },
    );
    await subscribed;
    const purchaserId = (await t.ds.getRepository(User).findOneByOrFail({ username: 'purchaser' })).id;
    await expect.poll(() => t.app.services.alerts.subscribers(purchaserId)).toBe(1);
    // on start the new server dispatches what the old one left: once
    expect(await t.app.services.alerts.dispatch()).toBe(4); // admin, manager, purchaser, warehouse keeper
    expect(await t.app.services.alerts.dispatch()).toBe(0);
    await expect.poll(() => heard.length).toBe(1);
    // a round trip on the same socket after it: whatever the server sent before has arrived
    await new Promise<void>((resolve) =>
      purchaser.subscribe(
        { query: '{ unreadNotificationCount }' },
        { next: () => undefined, error: () => resolve(), complete: () => resolve() },
      ),
    );
    expect(heard).toEqual([
      {
        kind: 'LOW_STOCK',
        skuCode: 'P-TEA-1',
        refNumber: expect.stringMatching(/^QC-/),
        figures: { available: '4', safetyStock: '5' },
      },
    ]);
    expect((await outbox())[0].dispatchedAt).not.toBeNull();
    const users = await t.ds.getRepository(User).find();
    const names = (await t.ds.getRepository(Notification).find({ order: { userId: 'ASC' } })).map(
      (n) => users.find((u) => u.id === n.userId)!.username,
    );
    expect(names).toEqual(['admin', 'manager', 'purchaser', 'warehouse']);
  });

  it('the notification centre: mine only, unread count, mark read; a keeper sees quantities, never prices', async () => {
    const keeper = ok(await t.gql(MINE, { u: true }, tok.warehouse));
    expect(keeper.unreadNotificationCount).toBe(1);
    expect(keeper.notifications.items).toEqual([
      {
        kind: 'LOW_STOCK',
        skuCode: 'P-TEA-1',
        warehouseName: c.warehouses[0].name,
        refType: 'other_out',
        refNumber: expect.stringMatching(/^QC-/),
        read: false,
        figures: { available: '4', safetyStock: '5' },
      },
    ]);
    expect(ok(await t.gql(MINE, { u: false }, tok.sales)).notifications.total).toBe(0);
    expect(ok(await t.gql(READ, {}, tok.warehouse)).markNotificationsRead).toBe(1);
    expect(ok(await t.gql(MINE, { u: true }, tok.warehouse)).unreadNotificationCount).toBe(0);
    // the others' stay unread
    expect(ok(await t.gql(MINE, { u: true }, tok.purchaser)).unreadNotificationCount).toBe(1);
  });

  it('a count that finished counting waits for approval: its approvers hear of it', async () => {
    const st = ok(
      await t.gql(
        'mutation($i:CreateStocktakeInput!){ createStocktake(input:$i){ id version } }',
        { i: { kind: 'FULL', warehouseId: String(c.warehouses[1].id) } },
        tok.manager,
      ),
    ).createStocktake;
    ok(
      await t.gql(
        'mutation($id:ID!,$v:Int!){ finishStocktakeCounting(id:$id, version:$v){ status } }',
        { id: st.id, v: st.version },
        tok.manager,
      ),
    );
    expect(await t.app.services.alerts.dispatch()).toBe(2); // admin and manager may approve counts
    const m = ok(await t.gql(MINE, { u: true }, tok.manager)).notifications.items[0];
    expect(m).toMatchObject({
      kind: 'COUNT_AWAITING_APPROVAL',
      refType: 'stocktake',
      refNumber: expect.stringMatching(/^PD-/),
    });
  });
});
