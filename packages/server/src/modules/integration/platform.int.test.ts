import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

// the simulator checks the signature, not the clock: a fixed request time keeps the test off the real one
const SIM_TS = '1795000000';

const CONNECT = `mutation($i:ConnectPlatformInput!){ connectPlatformStore(input:$i){ id cursor lastError } }`;
const IMPORT = `mutation($c:ID!,$f:Boolean!){ importPlatformOrders(connectionId:$c, fromStart:$f){ imported duplicates held more } }`;
const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number } }`;
const REVIEW = `query($c:ID!){ platformSkuReview(connectionId:$c){ id platformSku waiting } }`;

/** The SimShop simulator as its own process on localhost (src/simulators/platform-sim.ts). */
async function simulator(env: Record<string, string>): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, '../../simulators/platform-sim.ts')],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c) => {
      out += c;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, proc };
}

/**
 * An online store on SimShop (cursor-paged, signed requests) against the real simulator process:
 * 1,000 orders imported twice give 1,000 sales orders; orders with an unknown SKU are held and the
 * SKU listed for review until it is mapped; a wrong secret is a sync error that changes nothing; a
 * shipment's tracking number is pushed back.
 */
describe(`platform orders (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let sim: { url: string; proc: ChildProcess };
  let conn: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let store: string;
  let customer: string;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  /** calls the import until the platform has no more (the first call with fromStart) */
  const importAll = async (fromStart: boolean) => {
    const sum = { imported: 0, duplicates: 0, held: 0 };
    for (let f = fromStart; ; f = false) {
      const r = ok(await t.gql(IMPORT, { c: conn, f }, admin)).importPlatformOrders;
      sum.imported += r.imported;
      sum.duplicates += r.duplicates;
      sum.held += r.held;
      if (!r.more) return sum;
    }
  };
  const orders = async () =>
    Number((await t.ds.query("SELECT COUNT(*) AS n FROM sales_order WHERE memo LIKE 'simshop %'"))[0].n);

  beforeAll(async () => {
    sim = await simulator({
      SIM_ORDERS: '1000',
      SIM_SKUS: 'P-TEA-1,P-RICE-1',
      SIM_UNKNOWN_EVERY: '250',
      SIM_APP_KEY: 'k1',
      SIM_APP_SECRET: 's1',
    });
    t = await testApp({ config: { alertsIntervalMs: 0, webhooksIntervalMs: 0, platformStockIntervalMs: 0 } });
    admin = await t.login('admin');
    c = await seedCatalog(t.ds);
    const channel = ok(
      await t.gql(
        'mutation($i:ChannelInput!){ saveSalesChannel(input:$i){ id } }',
        { i: { code: 'SIM', name: 'SimShop', kind: 'ONLINE_SHOP' } },
        admin,
      ),
    ).saveSalesChannel.id;
    store = ok(
      await t.gql(
        'mutation($i:StoreInput!){ saveSalesStore(input:$i){ id } }',
        { i: { channelId: channel, code: 'SIM-1', name: 'SimShop 旗舰店' } },
        admin,
      ),
    ).saveSalesStore.id;
    customer = ok(
      await t.gql(
        'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
        { i: { code: 'SIM-BUYERS', name: 'SimShop buyers' } },
        admin,
      ),
    ).createCustomer.id;
  }, 60_000);
  afterAll(async () => {
    sim?.proc.kill('SIGTERM');
    await t?.close();
  });

  it('refuses an unknown platform or store, and wrong credentials change nothing', async () => {
    const base = {
      kind: 'simshop',
      storeId: store,
      customerId: customer,
      warehouseId: String(c.warehouses[0].id),
      baseUrl: sim.url,
      appKey: 'k1',
    };
    expect(codeOf(await t.gql(CONNECT, { i: { ...base, kind: 'nowhere', appSecret: 's1' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(CONNECT, { i: { ...base, storeId: '9999', appSecret: 's1' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    // another app key: another shop as far as jxc knows (the same one is refused twice, below)
    const wrong = ok(await t.gql(CONNECT, { i: { ...base, appKey: 'k0', appSecret: 'nope' } }, admin))
      .connectPlatformStore.id;
    expect(codeOf(await t.gql(IMPORT, { c: wrong, f: false }, admin))).toBe('PLATFORM_UNAVAILABLE');
    const status = ok(
      await t.gql('query{ platformConnections { id cursor lastError } }', {}, admin),
    ).platformConnections;
    expect(status).toEqual([{ id: wrong, cursor: null, lastError: 'The platform answered HTTP 401.' }]);
    expect(await orders()).toBe(0);
    conn = ok(await t.gql(CONNECT, { i: { ...base, appSecret: 's1' } }, admin)).connectPlatformStore.id;
  });

  it('refuses to connect a shop twice (same platform, API origin and app key: its orders would come twice); nothing changes', async () => {
    const base = {
      kind: 'simshop',
      storeId: store,
      customerId: customer,
      warehouseId: String(c.warehouses[0].id),
      appSecret: 's1',
    };
    const before = ok(await t.gql('query{ platformConnections { id } }', {}, admin)).platformConnections;
    const audits = Number((await t.ds.query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n);
    // the same shop, also written with a path, a trailing slash, upper-case host or spaces round the key
    const origin = new URL(sim.url);
    for (const again of [
      { baseUrl: sim.url, appKey: 'k1' },
      { baseUrl: `${sim.url}/api/`, appKey: ' k1 ' },
      { baseUrl: `http://${origin.hostname.toUpperCase()}:${origin.port}`, appKey: 'k1', appSecret: 'rotated' },
    ]) {
      const r = await t.gql(CONNECT, { i: { ...base, ...again } }, admin);
      expect(codeOf(r)).toBe('PLATFORM_SHOP_CONNECTED');
      expect((r.errors as any)[0].extensions.details).toEqual({
        connectionId: Number(conn),
        store: 'SIM-1 SimShop 旗舰店',
      });
    }
    expect(ok(await t.gql('query{ platformConnections { id } }', {}, admin)).platformConnections).toEqual(before);
    expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n)).toBe(audits);
    // (another app key at the same address is another shop: the one with the wrong credentials, above)
    expect(before).toHaveLength(2);
  });

  it('1,000 orders imported twice give 1,000 sales orders; unknown SKUs wait on the review list', async () => {
    const first = await importAll(false);
    expect(first).toEqual({ imported: 996, duplicates: 0, held: 4 });
    expect(await orders()).toBe(996);
    const review = ok(await t.gql(REVIEW, { c: conn }, admin)).platformSkuReview;
    expect(review.map((r: { platformSku: string; waiting: number }) => [r.platformSku, r.waiting])).toEqual([
      ['SIM-UNMAPPED', 4],
    ]);
    // nothing new since the cursor
    expect(await importAll(false)).toEqual({ imported: 0, duplicates: 0, held: 0 });
    ok(
      await t.gql(
        'mutation($id:ID!,$s:ID!){ mapPlatformSku(id:$id, skuId:$s){ skuId } }',
        { id: review[0].id, s: String(c.tea.id) },
        admin,
      ),
    );
    // everything again from the start: the held four go in, the rest are known
    const again = await importAll(true);
    expect(again).toEqual({ imported: 4, duplicates: 1000, held: 0 });
    expect(await orders()).toBe(1000);
    expect(Number((await t.ds.query('SELECT COUNT(DISTINCT platform_order_id) AS n FROM platform_order'))[0].n)).toBe(
      1000,
    );
    expect(ok(await t.gql(REVIEW, { c: conn }, admin)).platformSkuReview).toEqual([]);
    // an order as imported: the store's channel, the platform's price
    const [so] = await t.ds.query(
      "SELECT o.store_id, o.total, o.memo FROM sales_order o WHERE o.memo = 'simshop SO100000'",
    );
    expect([String(so.store_id), String(so.total), so.memo]).toEqual([store, '19.90', 'simshop SO100000']);
  }, 240_000);

  it("pushes a shipment's tracking number back to the platform", async () => {
    const [row] = await t.ds.query("SELECT sales_order_id FROM platform_order WHERE platform_order_id = 'SO100001'");
    const pushed = ok(
      await t.gql(
        'mutation($o:ID!){ pushPlatformShipment(salesOrderId:$o, trackingNo:"SF1234567890", carrier:"SF"){ platformOrderId trackingNo } }',
        { o: String(row.sales_order_id) },
        admin,
      ),
    ).pushPlatformShipment;
    expect(pushed).toEqual({ platformOrderId: 'SO100001', trackingNo: 'SF1234567890' });
    const ts = SIM_TS;
    const sign = crypto.createHmac('sha256', 's1').update(`GET\n/api/shipments\n${ts}\n`).digest('hex');
    const seen: any = await (
      await fetch(`${sim.url}/api/shipments`, { headers: { 'x-app-key': 'k1', 'x-timestamp': ts, 'x-sign': sign } })
    ).json();
    expect(seen.shipments).toEqual([{ order_id: 'SO100001', tracking_no: 'SF1234567890', carrier: 'SF' }]);
    expect(
      codeOf(await t.gql('mutation{ pushPlatformShipment(salesOrderId:"999999", trackingNo:"X"){ id } }', {}, admin)),
    ).toBe('NOT_FOUND');
  });

  it('pushes available stock to the store after postings, less its buffer; a store that fails keeps its queue', async () => {
    const simGet = async (path: string) => {
      const ts = SIM_TS;
      const sign = crypto.createHmac('sha256', 's1').update(`GET\n${path}\n${ts}\n`).digest('hex');
      return (
        await fetch(`${sim.url}${path}`, { headers: { 'x-app-key': 'k1', 'x-timestamp': ts, 'x-sign': sign } })
      ).json() as Promise<any>;
    };
    const simPost = async (path: string, body: unknown) => {
      const ts = SIM_TS;
      const text = JSON.stringify(body);
      const sign = crypto.createHmac('sha256', 's1').update(`POST\n${path}\n${ts}\n${text}`).digest('hex');
      await fetch(`${sim.url}${path}`, {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'application/json', 'x-app-key': 'k1', 'x-timestamp': ts, 'x-sign': sign },
      });
    };
    const RULE = 'mutation($i:PlatformStockRuleInput!){ setPlatformStockRule(input:$i){ stockBuffer stockShare } }';
    expect(codeOf(await t.gql(RULE, { i: { connectionId: conn, buffer: '2', share: 101 } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(RULE, { i: { connectionId: conn, buffer: '-1', share: 100 } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      ok(await t.gql(RULE, { i: { connectionId: conn, buffer: '2', share: 100 } }, admin)).setPlatformStockRule,
    ).toEqual({ stockBuffer: '2.000000', stockShare: 100 });
    const W = String(c.warehouses[0].id);
    const post = (type: string, lines: Array<{ skuId: string; qty: string }>) =>
      t.gql(
        POST,
        {
          i: {
            type,
            warehouseId: W,
            lines: lines.map((l) => (type === 'OTHER_IN' ? { ...l, unitCost: '5.00' } : l)),
          },
          k: crypto.randomUUID(),
        },
        admin,
      );
    ok(
      await post('OTHER_IN', [
        { skuId: String(c.tea.id), qty: '10' },
        { skuId: String(c.rice.id), qty: '5.5' },
      ]),
    );
    // the posting queued both SKUs for both stores on the warehouse: the good one takes them, the
    // one with the wrong secret keeps its queue and shows why
    expect(await t.app.services.platforms.pushStock()).toBe(2);
    // tea under our code and under the platform code mapped to it; rice 5.5 − 2 → 3 whole units
    expect((await simGet('/api/stock')).stock).toEqual({ 'P-TEA-1': 8, 'SIM-UNMAPPED': 8, 'P-RICE-1': 3 });
    const status = async () =>
      Object.fromEntries(
        ok(
          await t.gql('query{ platformConnections { id lastStockError lastStockPushAt } }', {}, admin),
        ).platformConnections.map((p: any) => [p.id, p]),
      );
    const s1 = await status();
    expect([s1[conn].lastStockError, !!s1[conn].lastStockPushAt]).toEqual([null, true]);
    const wrong = Object.keys(s1).find((id) => id !== conn)!;
    expect([s1[wrong].lastStockError, s1[wrong].lastStockPushAt]).toEqual(['The platform answered HTTP 401.', null]);

    // the platform fails once: the change stays queued and goes out on the next push
    await simPost('/api/_fail', { stock: 1 });
    ok(await post('OTHER_OUT', [{ skuId: String(c.tea.id), qty: '3' }]));
    expect(await t.app.services.platforms.pushStock()).toBe(0);
    expect((await status())[conn].lastStockError).toBe('The platform answered HTTP 500.');
    expect((await simGet('/api/stock')).stock['P-TEA-1']).toBe(8);
    expect(await t.app.services.platforms.pushStock()).toBe(1);
    expect((await simGet('/api/stock')).stock).toEqual({ 'P-TEA-1': 5, 'SIM-UNMAPPED': 5, 'P-RICE-1': 3 });
    expect((await status())[conn].lastStockError).toBe(null);
    const queued = async (id: string) =>
      Number(
        (await t.ds.query('SELECT COUNT(*) AS n FROM platform_stock_push WHERE connection_id = ?', [Number(id)]))[0].n,
      );
    expect(await queued(conn)).toBe(0);
    expect(await queued(wrong)).toBe(2);

    // a full push: every SKU with stock in the warehouse, half the store's share
    ok(await t.gql(RULE, { i: { connectionId: conn, buffer: '0', share: 50 } }, admin));
    expect(
      ok(await t.gql('mutation($c:ID!){ pushPlatformStock(connectionId:$c) }', { c: conn }, admin)).pushPlatformStock,
    ).toBe(2);
    expect(await t.app.services.platforms.pushStock()).toBe(2);
    expect((await simGet('/api/stock')).stock).toEqual({ 'P-TEA-1': 3, 'SIM-UNMAPPED': 3, 'P-RICE-1': 2 });
  });

  it('ships with a tracking number through the outbox and books a refund once (SimShop)', async () => {
    const signed = (method: string, path: string, text = '') => {
      const sign = crypto.createHmac('sha256', 's1').update(`${method}\n${path}\n${SIM_TS}\n${text}`).digest('hex');
      return { 'content-type': 'application/json', 'x-app-key': 'k1', 'x-timestamp': SIM_TS, 'x-sign': sign };
    };
    // SO100003: one unit of rice at 22.90
    const [row] = await t.ds.query("SELECT sales_order_id FROM platform_order WHERE platform_order_id = 'SO100003'");
    const id = String(row.sales_order_id);
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id }, admin));
    const line = ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ lines { id qty } } }', { id }, admin)).salesOrder
      .lines[0];
    ok(
      await t.gql(
        'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id } }',
        { i: { orderId: id, trackingNo: 'ZT777', carrier: 'ZTO', lines: [{ orderLineId: line.id, qty: line.qty }] } },
        admin,
      ),
    );
    expect(await t.app.services.platforms.pushShipments()).toBe(1);
    const seen: any = await (
      await fetch(`${sim.url}/api/shipments`, { headers: signed('GET', '/api/shipments') })
    ).json();
    expect(seen.shipments.at(-1)).toEqual({ order_id: 'SO100003', tracking_no: 'ZT777', carrier: 'ZTO' });
    const refund = JSON.stringify({
      refund_id: 'R-1',
      order_id: 'SO100003',
      reason: 'damaged',
      items: [{ sku_code: 'P-RICE-1', quantity: 1 }],
    });
    await fetch(`${sim.url}/api/_refund`, {
      method: 'POST',
      body: refund,
      headers: signed('POST', '/api/_refund', refund),
    });
    expect(await importAll(false)).toEqual({ imported: 0, duplicates: 0, held: 0 });
    expect(await importAll(true)).toEqual({ imported: 0, duplicates: 1000, held: 0 });
    const returns = await t.ds.query('SELECT order_id, credit FROM sales_return');
    expect(returns.map((r: any) => [String(r.order_id), String(r.credit)])).toEqual([[id, '22.90']]);
  }, 120_000);
});
