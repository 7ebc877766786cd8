import crypto from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now, setNow } from '../../core/dates';
import { leaseUntil } from '../../core/jobs';
import { verifySignature } from '../../domain/webhooks';
import { TEST_NOW } from '../../test/clock';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, createTestDb, testApp, testDbKind, type TestApp, type TestDb } from '../../test/harness';

const CLIENT = `mutation($i:CreateApiClientInput!){ createApiClient(input:$i){ key client { id } } }`;
const HOOK = `mutation($i:CreateWebhookInput!){ createWebhook(input:$i){ secret subscription { id url events active } } }`;
const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number } }`;
const CANCEL = `mutation($id:ID!,$k:String){ cancelStockDocument(id:$id, idempotencyKey:$k){ status } }`;
const LOG = `query($s:ID){ webhookDeliveries(subscriptionId:$s, page:{limit:200}){ total items { id eventId eventType refNumber status attempts lastStatus lastError log { attempt statusCode ok error latencyMs } } } }`;

type Mode = 'ok' | 'fail' | 'hang';
interface Received {
  path: string;
  eventId: string;
  type: string;
  body: any;
  signed: boolean;
  answered: number;
}

/** A real HTTP receiver that answers 500s, hangs past the sender's timeout, or takes the events. */
async function receiver(secrets: Map<string, string>) {
  let mode: Mode = 'fail';
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const ts = Number(req.headers['x-jxc-timestamp']);
      const secret = secrets.get(req.url ?? '') ?? '';
      const signed = verifySignature(
        secret,
        ts,
        raw,
        String(req.headers['x-jxc-signature']),
        Math.floor(now().getTime() / 1000),
      );
      const rec = {
        path: req.url ?? '',
        eventId: String(req.headers['x-jxc-event-id']),
        type: String(req.headers['x-jxc-event-type']),
        body: JSON.parse(raw),
        signed,
        answered: 0,
      };
      if (mode === 'hang') {
        setTimeout(() => res.destroy(), 1500);
        return;
      }
      rec.answered = mode === 'ok' ? 204 : 500;
      got.push(rec);
      res.writeHead(rec.answered).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    set: (m: Mode) => (mode = m),
    /** what was taken (2xx), by path */
    taken: (path: string) => got.filter((g) => g.path === path && g.answered < 300),
    all: got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * Webhooks: events written in the change's transaction, sent signed to a receiver that fails for a
 * while (500s, then no answer within the timeout), across a server restart, retried with backoff on
 * the business clock, each event taken exactly once per subscription and in order per document;
 * payloads through the receiver's field rules and scope; the delivery log complete; replay.
 */
describe(`webhooks (${testDbKind})`, () => {
  let db: TestDb;
  let t: TestApp;
  let admin: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let W2: string;
  let rx: Awaited<ReturnType<typeof receiver>>;
  const secrets = new Map<string, string>();
  const subs: Record<string, string> = {};
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const start = async () => {
    t = await testApp({
      db: { url: db.url, drop: async () => undefined },
      config: { alertsIntervalMs: 0, webhooksIntervalMs: 0, webhookTimeoutMs: 400 },
    });
    admin = await t.login('admin');
  };
  const at = (ms: number) => setNow(new Date(Date.parse(TEST_NOW) + ms));
  const post = (warehouseId: string, type = 'OTHER_IN', qty = '10') =>
    t.gql(
      POST,
      {
        i: {
          type,
          warehouseId,
          lines: [{ skuId: String(c.tea.id), qty, ...(type === 'OTHER_IN' ? { unitCost: '10.00' } : {}) }],
        },
        k: crypto.randomUUID(),
      },
      admin,
    );
  const events = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM webhook_event'))[0].n);
  const roleId = async (code: string) =>
    ok(await t.gql('query{ roles { id code } }', {}, admin)).roles.find((x: { code: string }) => x.code === code).id;

  beforeAll(async () => {
    db = await createTestDb();
    at(0);
    await start();
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
    W2 = String(c.warehouses[1].id);
    rx = await receiver(secrets);
  });
  afterAll(async () => {
    setNow(TEST_NOW);
    await rx.close();
    await t.close();
    await db.drop();
  });

  it('refuses a URL that is not http(s) or points to this server, and unknown events; nothing is created', async () => {
    const client = ok(
      await t.gql(CLIENT, { i: { name: '3PL', roleId: await roleId('warehouse'), warehouseIds: [W1] } }, admin),
    ).createApiClient.client.id;
    const own = new URL(t.url);
    const tries = [
      [`ftp://127.0.0.1:21/x`, ['document.posted'], 'WEBHOOK_URL_INVALID'],
      ['not a url', ['document.posted'], 'WEBHOOK_URL_INVALID'],
      [`http://127.0.0.1:${own.port}/graphql`, ['document.posted'], 'WEBHOOK_URL_SELF'],
      [`http://localhost:${own.port}/hook`, ['document.posted'], 'WEBHOOK_URL_SELF'],
      [rx.url('/x'), ['document.exploded'], 'BAD_USER_INPUT'],
    ] as const;
    for (const [url, evs, code] of tries)
      expect(codeOf(await t.gql(HOOK, { i: { clientId: client, url, events: evs } }, admin)), url).toBe(code);
    expect(ok(await t.gql('query{ webhooks { id } }', {}, admin)).webhooks).toEqual([]);

    // the two receivers of this test: a 3PL (warehouse keeper's role, W1 only) and an ERP (admin's role)
    const erp = ok(await t.gql(CLIENT, { i: { name: 'ERP', roleId: await roleId('admin') } }, admin)).createApiClient
      .client.id;
    for (const [name, clientId, events] of [
      ['3pl', client, ['document.posted', 'document.cancelled']],
      ['erp', erp, ['document.posted', 'document.cancelled', 'order.confirmed']],
    ] as const) {
      const made = ok(await t.gql(HOOK, { i: { clientId, url: rx.url(`/${name}`), events } }, admin)).createWebhook;
      expect(made.secret).toMatch(/^whsec_/);
      expect(made.subscription).toMatchObject({ url: rx.url(`/${name}`), events, active: true });
      secrets.set(`/${name}`, made.secret);
      subs[name] = made.subscription.id;
    }
  });

  it('an event exists iff its change committed', async () => {
    const before = await events();
    expect(codeOf(await post(W1, 'OTHER_OUT', '999'))).toBe('INSUFFICIENT_STOCK');
    expect(await events()).toBe(before);
  });

  it('survives a receiver failing for a while and a server restart: each event once, in order, log complete', async () => {
    rx.set('fail');
    at(1000);
    const d1 = ok(await post(W1)).createAndPostStockDocument;
    const d2 = ok(await post(W2)).createAndPostStockDocument;
    ok(await t.gql(CANCEL, { id: d1.id, k: crypto.randomUUID() }, admin));
    // 3PL: d1 posted + cancelled (W2 is outside its scope); ERP: all three
    expect(await t.app.services.webhooks.dispatch()).toBe(3); // each cancellation waits for its posting
    // sent in parallel: the arrival order between subscriptions is free
    expect(rx.all.map((g) => [g.path, g.type, g.answered]).sort()).toEqual([
      ['/3pl', 'document.posted', 500],
      ['/erp', 'document.posted', 500],
      ['/erp', 'document.posted', 500],
    ]);
    expect(await t.app.services.webhooks.dispatch()).toBe(0); // backing off
    // no answer within the timeout
    rx.set('hang');
    at(1000 + 2 * 60_000);
    expect(await t.app.services.webhooks.dispatch()).toBe(3);
    // the server is killed and started again; the receiver is back
    await t.app.close();
    await t.ds.destroy();
    await start();
    rx.set('ok');
    at(1000 + 10 * 60_000);
    await t.app.services.webhooks.dispatch();
    const taken3 = rx.taken('/3pl');
    const takenErp = rx.taken('/erp');
    expect(taken3.map((g) => [g.type, g.body.ref.number])).toEqual([
      ['document.posted', d1.number],
      ['document.cancelled', d1.number],
    ]);
    expect(takenErp.map((g) => g.body.ref.number).sort()).toEqual([d1.number, d1.number, d2.number].sort());
    // in order per document: d1's posting before its cancellation
    expect(takenErp.filter((g) => g.body.ref.number === d1.number).map((g) => g.type)).toEqual([
      'document.posted',
      'document.cancelled',
    ]);
    // each event once, signed, with a stable id (the header is the body's id)
    for (const g of [...taken3, ...takenErp]) {
      expect(g.signed).toBe(true);
      expect(g.eventId).toBe(g.body.id);
    }
    expect(new Set(takenErp.map((g) => g.eventId)).size).toBe(3);
    // field rules: the keeper's role has no cost; the ERP's has
    expect(taken3[0].body.data.lines).toEqual([{ lineNo: 1, skuId: String(c.tea.id), baseQty: '10' }]);
    // one event, one id, whoever receives it
    expect(takenErp.filter((g) => g.eventId === taken3[0].eventId)).toHaveLength(1);
    const erpD1 = takenErp.find((g) => g.type === 'document.posted' && g.body.ref.number === d1.number)!;
    expect(erpD1.body.data.lines[0].unitCost).toBe('10.000000');
    expect(erpD1.body.data.document).toMatchObject({ number: d1.number, warehouseId: W1, type: 'other_in' });

    // the log: every attempt of every delivery
    const log = ok(await t.gql(LOG, { s: subs['3pl'] }, admin)).webhookDeliveries;
    expect(log.total).toBe(2);
    const posted = log.items.find((d: { eventType: string }) => d.eventType === 'document.posted');
    expect(posted).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatus: 204, lastError: null });
    expect(
      posted.log.map((a: any) => [a.attempt, a.statusCode, a.ok, a.error?.replace(/\d+ ms/, 'N ms') ?? null]),
    ).toEqual([
      [1, 500, false, 'HTTP 500'],
      [2, null, false, 'No answer within N ms'],
      [3, 204, true, null],
    ]);
    const cancelled = log.items.find((d: { eventType: string }) => d.eventType === 'document.cancelled');
    expect(cancelled.log.map((a: any) => [a.attempt, a.statusCode])).toEqual([[1, 204]]);
  });

  it('replays a delivery with the same event id; gives up after 24 hours', async () => {
    const log = ok(await t.gql(LOG, { s: subs['3pl'] }, admin)).webhookDeliveries.items;
    const first = log[log.length - 1];
    ok(await t.gql('mutation($id:ID!){ replayWebhookDelivery(id:$id){ status } }', { id: first.id }, admin));
    await t.app.services.webhooks.dispatch();
    expect(rx.taken('/3pl').filter((g) => g.eventId === first.eventId)).toHaveLength(2);
    const again = ok(await t.gql(LOG, { s: subs['3pl'] }, admin)).webhookDeliveries.items.find(
      (d: { id: string }) => d.id === first.id,
    );
    expect([again.status, again.attempts, again.log.length]).toEqual(['DELIVERED', 4, 4]);

    rx.set('fail');
    const d3 = ok(await post(W1)).createAndPostStockDocument;
    await t.app.services.webhooks.dispatch();
    at(1000 + 10 * 60_000 + 25 * 3600_000);
    await t.app.services.webhooks.dispatch();
    admin = await t.login('admin');
    const d3log = ok(await t.gql(LOG, { s: subs['3pl'] }, admin)).webhookDeliveries.items.find(
      (d: { refNumber: string }) => d.refNumber === d3.number,
    );
    expect([d3log.status, d3log.attempts]).toEqual(['FAILED', 2]);
    rx.set('ok');
  });

  it('order events in order, with prices only for a receiver that may see them', async () => {
    rx.set('ok');
    const erpClient = ok(await t.gql('query{ webhooks { id clientId } }', {}, admin)).webhooks.find(
      (w: { id: string }) => w.id === subs.erp,
    ).clientId;
    const keeper = ok(await t.gql(CLIENT, { i: { name: 'keeper', roleId: await roleId('warehouse') } }, admin))
      .createApiClient.client.id;
    const sec = ok(
      await t.gql(HOOK, { i: { clientId: keeper, url: rx.url('/keeper'), events: ['order.confirmed'] } }, admin),
    ).createWebhook;
    secrets.set('/keeper', sec.secret);
    expect(erpClient).toBeTruthy();
    const channel = ok(
      await t.gql(
        'mutation($i:ChannelInput!){ saveSalesChannel(input:$i){ id } }',
        { i: { code: 'WH-CH', name: 'Shop', kind: 'OFFLINE_STORE' } },
        admin,
      ),
    ).saveSalesChannel.id;
    const customer = ok(
      await t.gql(
        'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
        { i: { code: 'WH-C', name: 'C' } },
        admin,
      ),
    ).createCustomer.id;
    const order = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id number } }',
        {
          i: {
            channelId: channel,
            customerId: customer,
            warehouseId: W1,
            lines: [{ skuId: String(c.tea.id), qty: '2', unitPrice: '30.00' }],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ status } }', { id: order.id }, admin));
    ok(await t.gql('mutation($id:ID!){ cancelSalesOrder(id:$id){ status } }', { id: order.id }, admin));
    await t.app.services.webhooks.dispatch();
    const erp = rx.taken('/erp').filter((g) => g.body.ref.number === order.number);
    expect(erp.map((g) => [g.type, g.body.data.order.status])).toEqual([
      ['order.confirmed', 'confirmed'],
      ['document.cancelled', 'cancelled'],
    ]);
    expect(erp[0].body.data.order.total).toBe('60.00');
    expect(erp[0].body.data.lines).toEqual([
      { lineNo: 1, skuId: String(c.tea.id), qty: '2', unitPrice: '30.000000', amount: '60.00' },
    ]);
    const kept = rx.taken('/keeper');
    expect(kept).toHaveLength(1);
    expect(kept[0].eventId).toBe(erp[0].eventId);
    expect(kept[0].body.data.order).not.toHaveProperty('total');
    expect(kept[0].body.data.lines).toEqual([{ lineNo: 1, skuId: String(c.tea.id), qty: '2' }]);
    expect(JSON.stringify(kept[0].body)).not.toContain('30.00');
  });

  it('a delivery another dispatcher holds waits for its lease on the database clock, not the business clock', async () => {
    rx.set('ok');
    const d = ok(await post(W1)).createAndPostStockDocument;
    const ids: number[] = (
      await t.ds.query(
        'SELECT d.id FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id WHERE e.ref_number = ?',
        [d.number],
      )
    ).map((r: { id: number }) => Number(r.id));
    expect(ids.length).toBeGreaterThanOrEqual(2); // the 3PL's and the ERP's
    const lease = async (ms: number) => {
      const [until, params] = leaseUntil(t.ds, ms);
      await t.ds.query(
        `UPDATE webhook_delivery SET lease_until = ${until} WHERE id IN (${ids.map(() => '?').join(',')})`,
        [...params, ...ids],
      );
    };
    // another process took them and is sending them: a minute's lease on the database clock, which
    // an hour on the business clock does not end
    await lease(60_000);
    setNow(new Date(now().getTime() + 3600_000));
    expect(await t.app.services.webhooks.dispatch()).toBe(0);
    // that process died: once its lease has run out, this one sends them, once
    await lease(-1000);
    expect(await t.app.services.webhooks.dispatch()).toBe(ids.length);
    expect(rx.taken('/3pl').filter((g) => g.body.ref.number === d.number)).toHaveLength(1);
    expect(rx.taken('/erp').filter((g) => g.body.ref.number === d.number)).toHaveLength(1);
    expect(await t.app.services.webhooks.dispatch()).toBe(0);
  });
});
