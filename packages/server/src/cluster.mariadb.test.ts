import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from './core/config';
import { openAppDatabase } from './database';
import { seedBase, seedDemo, DEMO_PASSWORD } from './seed';
import { createServices } from './services';
import { newProductSku, seedCatalog } from './test/fixtures';
import { createTestDb, type TestDb } from './test/harness';

const REDIS = process.env.JXC_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TIER_PERIOD_MS = 1500;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

interface Api {
  url: string;
  proc: ChildProcess;
  out: string[];
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ data?: T; errors?: any[] }>;
}

/** One API process as production runs it (`src/main.ts`), on the shared database and Redis. */
async function startApi(dbUrl: string): Promise<Api> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: path.resolve(__dirname, '..'),
    env: {
      ...process.env,
      JXC_DATABASE_URL: dbUrl,
      JXC_REDIS_URL: REDIS,
      PORT: String(port),
      JXC_HOST: '127.0.0.1',
      JXC_CONSOLE_DIR: '/nonexistent',
      JXC_MODE: 'production',
      JXC_TIER_RECOMPUTE_MS: String(TIER_PERIOD_MS),
      JXC_ALERTS_INTERVAL_MS: '500',
      JXC_WORKERS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out.push(...String(d).split('\n').filter(Boolean));
      if (String(d).includes('console and API at')) resolve();
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => out.push(...String(d).split('\n').filter(Boolean)));
    proc.once('exit', (code) => reject(new Error(`API exited with ${code}: ${out.join('\n')}`)));
  });
  return {
    url,
    proc,
    out,
    async gql(query, variables, token) {
      const r = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await r.json()) as any;
    },
  };
}

const stopApi = (a: Api) =>
  new Promise<void>((resolve) => {
    if (a.proc.exitCode !== null) return resolve();
    a.proc.once('exit', () => resolve());
    a.proc.kill('SIGTERM');
  });

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number } }`;

/**
 * Two API processes on one MariaDB and one Redis, as behind a load balancer: nothing that matters
 * lives in one process's memory.
 */
describe('two API processes on one database (MariaDB + Redis)', () => {
  let db: TestDb;
  let ds: DataSource;
  let a: Api;
  let b: Api;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  const clients: Client[] = [];
  let startedAt = 0;

  beforeAll(async () => {
    db = await createTestDb('mariadb');
    ds = await openAppDatabase(db.url);
    await seedBase(ds);
    await seedDemo(ds);
    c = await seedCatalog(ds);
    startedAt = performance.now();
    a = await startApi(db.url);
    b = await startApi(db.url);
  });
  afterAll(async () => {
    for (const cl of clients) await cl.dispose();
    await Promise.all([a, b].filter(Boolean).map(stopApi));
    await ds?.destroy();
    await db?.drop();
  });

  const login = async (api: Api, username: string) => {
    const r = await api.gql('mutation($u:String!,$p:String!){ login(username:$u,password:$p){ token } }', {
      u: username,
      p: DEMO_PASSWORD,
    });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data.login.token as string;
  };

  it('a session made on one process works on the other, and a sign-out on one ends it on both', async () => {
    const token = await login(a, 'admin');
    expect(await b.gql('{ me { user { username } } }', {}, token)).toEqual({
      data: { me: { user: { username: 'admin' } } },
    });
    const other = await login(b, 'purchaser');
    expect((await a.gql('{ me { user { username } } }', {}, other)).data).toEqual({
      me: { user: { username: 'purchaser' } },
    });
    // a live socket on A of the session that signs out on B closes at once (the bus), not at the next 30 s sweep
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: a.url.replace('http', 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams: { authorization: `Bearer ${other}` },
        on: { closed: (e) => resolve((e as { code: number }).code) },
        onNonLazyError: () => undefined,
      });
      clients.push(client);
    });
    await new Promise((r) => setTimeout(r, 300));
    const signedOutAt = performance.now();
    expect((await b.gql('mutation { logout }', {}, other)).data).toEqual({ logout: true });
    expect(await closed).toBe(4403);
    expect(performance.now() - signedOutAt).toBeLessThan(5_000);
    expect(await a.gql('{ me { user { username } } }', {}, other)).toEqual({ data: { me: null } });
  });

  it('a posting on one process reaches a subscriber on the other exactly once (audit rows and alerts)', async () => {
    const token = await login(a, 'admin');
    const W = String(c.warehouses[0].id);
    const subscribe = (query: string) => {
      const heard: any[] = [];
      const client = createClient({
        url: b.url.replace('http', 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      clients.push(client);
      const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
      client.subscribe(
        { query },
        { next: (r) => heard.push(r.data ?? r.errors), error: () => undefined, complete: () => undefined },
      );
      return { heard, connected };
    };
    const audit = subscribe('subscription { auditLogged { action entityType entityId } }');
    const alerts = subscribe('subscription { notificationAdded { kind refNumber figures { available safetyStock } } }');
    await Promise.all([audit.connected, alerts.connected]);
    // the subscriptions are registered on the server once a first operation went through the socket
    await new Promise((r) => setTimeout(r, 300));
    const safety = await a.gql(
      'mutation($i:SetFixedSafetyStockInput!){ setFixedSafetyStock(input:$i){ qty } }',
      { i: { warehouseId: W, skuId: String(c.tea.id), qty: '5' } },
      token,
    );
    expect(safety.errors).toBeUndefined();
    const post = (type: string, qty: string) =>
      a.gql(
        POST,
        {
          i: {
            type,
            warehouseId: W,
            lines: [{ skuId: String(c.tea.id), qty, ...(type === 'OTHER_IN' ? { unitCost: '10.00' } : {}) }],
          },
          k: crypto.randomUUID(),
        },
        token,
      );
    const receipt = await post('OTHER_IN', '8');
    expect(receipt.errors).toBeUndefined();
    const issue = await post('OTHER_OUT', '4'); // 8 → 4: below 5, an alert
    expect(issue.errors).toBeUndefined();
    const id = String(issue.data.createAndPostStockDocument.id);
    await expect.poll(() => alerts.heard.length, { timeout: 10_000 }).toBe(1);
    expect(alerts.heard[0]).toEqual({
      notificationAdded: {
        kind: 'LOW_STOCK',
        refNumber: issue.data.createAndPostStockDocument.number,
        figures: { available: '4', safetyStock: '5' },
      },
    });
    const posted = () => audit.heard.filter((h) => h.auditLogged?.entityId === id);
    await expect.poll(() => posted().length, { timeout: 10_000 }).toBeGreaterThan(0);
    // a while longer: nothing arrives twice
    await new Promise((r) => setTimeout(r, 1500));
    expect(alerts.heard).toHaveLength(1);
    const actions = posted().map((h) => h.auditLogged.action);
    expect(new Set(actions).size).toBe(actions.length);
    // every audit row written by the three mutations, heard once each on the other process
    const [{ n }] = await ds.query(
      "SELECT COUNT(*) AS n FROM audit_entry WHERE action NOT LIKE 'auth.%' AND id > (SELECT COALESCE(MAX(id), 0) - 100 FROM audit_entry)",
    );
    expect(audit.heard.filter((h) => !h.auditLogged.action.startsWith('auth.'))).toHaveLength(Number(n));
  });

  it('a scheduled job runs once per period across both processes', async () => {
    // both processes tick; each period exactly one of them takes the lease
    await new Promise((r) => setTimeout(r, TIER_PERIOD_MS * 2.5));
    const ranLines = () => [...a.out, ...b.out].filter((l) => l.includes('job customers.tiers ran'));
    // a run counts in the lease when it starts and prints when it ends: wait for the two to agree
    await expect
      .poll(
        async () => {
          const [lease] = await ds.query("SELECT runs FROM job_lease WHERE name = 'customers.tiers'");
          return ranLines().length - Number(lease.runs);
        },
        { timeout: 10_000 },
      )
      .toBe(0);
    const elapsed = performance.now() - startedAt;
    const ran = ranLines();
    expect(ran.length).toBeGreaterThanOrEqual(1);
    // at most one run per period (two processes without the lease would make about twice as many)
    expect(ran.length).toBeLessThanOrEqual(Math.floor(elapsed / TIER_PERIOD_MS) + 1);
  });

  it('16 clients posting across both processes keep every invariant', async () => {
    // (one after the other: parallel sign-ins of one user from one address count as attempts against the throttle)
    const tokens: string[] = [];
    for (let i = 0; i < 16; i++) tokens.push(await login(i % 2 ? b : a, 'admin'));
    const skus = [c.tea.id, c.rice.id];
    for (let i = 0; i < 4; i++) skus.push((await newProductSku(ds, `CL-${i}`)).id);
    const whs = c.warehouses.map((w) => String(w.id));
    // opening stock everywhere
    const opening = await a.gql(
      POST,
      {
        i: {
          type: 'OTHER_IN',
          warehouseId: whs[1],
          lines: skus.map((s) => ({ skuId: String(s), qty: '60', unitCost: '7.50' })),
        },
        k: crypto.randomUUID(),
      },
      tokens[0],
    );
    expect(opening.errors).toBeUndefined();
    let rnd = 7;
    const rand = () => (rnd = (rnd * 1103515245 + 12345) % 2147483648) / 2147483648;
    const outcomes: string[] = [];
    await Promise.all(
      tokens.map(async (token, i) => {
        const api = i % 2 ? b : a;
        for (let n = 0; n < 12; n++) {
          const type = rand() < 0.5 ? 'OTHER_IN' : 'OTHER_OUT';
          const lines = [...new Set(Array.from({ length: 3 }, () => skus[Math.floor(rand() * skus.length)]))].map(
            (s) => ({
              skuId: String(s),
              qty: String(1 + Math.floor(rand() * 9)),
              ...(type === 'OTHER_IN' ? { unitCost: (5 + Math.floor(rand() * 10)).toFixed(2) } : {}),
            }),
          );
          const r = await api.gql(POST, { i: { type, warehouseId: whs[1], lines }, k: crypto.randomUUID() }, token);
          outcomes.push(r.errors ? r.errors[0].extensions.code : 'OK');
        }
      }),
    );
    // some issues may find too little stock; nothing else goes wrong
    expect(outcomes.filter((o) => o !== 'OK' && o !== 'INSUFFICIENT_STOCK')).toEqual([]);
    expect(outcomes.filter((o) => o === 'OK').length).toBeGreaterThan(100);
    // balances = Σ ledger, cost heads = Σ ledger, replay = ledger, gap-free numbers
    const services = createServices(ds, { ...loadConfig({}), databaseUrl: db.url });
    expect(await services.posting.check('moving_average')).toEqual([]);
    const drift = await ds.query(`SELECT h.warehouse_id, h.sku_id FROM stock_cost h
      LEFT JOIN (SELECT warehouse_id, sku_id, SUM(qty) AS q, SUM(value) AS v FROM stock_ledger GROUP BY warehouse_id, sku_id) l
        ON l.warehouse_id = h.warehouse_id AND l.sku_id = h.sku_id
      WHERE h.qty <> COALESCE(l.q, 0) OR h.value <> COALESCE(l.v, 0)`);
    expect(drift).toEqual([]);
    const numbers: Array<{ number: string }> = await ds.query(
      "SELECT number FROM stock_document WHERE type = 'other_out' AND status = 'posted' ORDER BY number",
    );
    const seqs = numbers.map((r) => Number(/(\d+)$/.exec(r.number)![1]));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0] + i));
  });

  it('webhooks: both processes dispatch, each event is delivered once, none is lost', async () => {
    // a receiver outside the cluster; an ERP client subscribed to postings
    const got: Array<{ eventId: string; delivery: string }> = [];
    const rx = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        got.push({ eventId: String(req.headers['x-jxc-event-id']), delivery: String(req.headers['x-jxc-delivery']) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => rx.listen(0, '127.0.0.1', r));
    try {
      const admin = await login(a, 'admin');
      const roles = await a.gql('{ roles { id code } }', {}, admin);
      const roleId = roles.data.roles.find((r: { code: string }) => r.code === 'admin').id;
      const client = await a.gql(
        'mutation($i:CreateApiClientInput!){ createApiClient(input:$i){ client { id } } }',
        { i: { name: 'ERP', roleId } },
        admin,
      );
      expect(client.errors).toBeUndefined();
      const hook = await a.gql(
        'mutation($i:CreateWebhookInput!){ createWebhook(input:$i){ subscription { id } } }',
        {
          i: {
            clientId: client.data.createApiClient.client.id,
            url: `http://127.0.0.1:${(rx.address() as net.AddressInfo).port}/hook`,
            events: ['document.posted'],
          },
        },
        admin,
      );
      expect(hook.errors).toBeUndefined();
      const other = await login(b, 'admin');
      // B hears of the new subscription through Redis (each process keeps the active ones in memory)
      await new Promise((r) => setTimeout(r, 300));
      const W = String(c.warehouses[2]?.id ?? c.warehouses[0].id);
      // postings on both processes at once: each writer's dispatcher wakes, both take rows
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 ? b : a).gql(
            POST,
            {
              i: {
                type: 'OTHER_IN',
                warehouseId: W,
                lines: [{ skuId: String(c.rice.id), qty: '1', unitCost: '3.00' }],
              },
              k: crypto.randomUUID(),
            },
            i % 2 ? other : admin,
          ),
        ),
      );
      expect(results.filter((r) => r.errors)).toEqual([]);
      const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM webhook_event WHERE type = 'document.posted'");
      expect(Number(n)).toBeGreaterThanOrEqual(30);
      await expect
        .poll(
          async () =>
            Number((await ds.query("SELECT COUNT(*) AS n FROM webhook_delivery WHERE status = 'delivered'"))[0].n),
          { timeout: 20_000 },
        )
        .toBe(Number(n));
      // a while longer: nothing arrives twice
      await new Promise((r) => setTimeout(r, 1000));
      expect(got).toHaveLength(Number(n));
      expect(new Set(got.map((g) => g.eventId)).size).toBe(Number(n));
      const [{ attempts }] = await ds.query('SELECT COUNT(*) AS attempts FROM webhook_attempt');
      expect(Number(attempts)).toBe(Number(n));
      // the retries' sweep is one job of the cluster, as the alerts' (and their daily look)
      expect(
        (
          await ds.query(
            "SELECT name FROM job_lease WHERE name IN ('alerts.daily', 'alerts.dispatch', 'webhooks.dispatch') ORDER BY name",
          )
        ).map((r: { name: string }) => r.name),
      ).toEqual(['alerts.daily', 'alerts.dispatch', 'webhooks.dispatch']);
    } finally {
      await new Promise<void>((r) => rx.close(() => r()));
    }
  });
});
