import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startSimulator } from '../../simulators/spawn';
import { codeOf, testDbKind, type TestApp } from '../../test/harness';
import { ok, shopSetup, type ShopSetup } from '../../test/platform-shop';

const CONNECT = `mutation($i:ConnectPlatformInput!){ connectPlatformStore(input:$i){ id cursor lastError } }`;
const IMPORT = `mutation($c:ID!,$f:Boolean!){ importPlatformOrders(connectionId:$c, fromStart:$f){ imported duplicates held returned review more } }`;
const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id } }`;

/**
 * An online store on PageMall (page-numbered lists, OAuth-like tokens) against the real simulator
 * process, misbehaving: a 500, a timeout, orders repeated across pages and pages in reverse order,
 * tokens expiring. Orders are imported once; a confirmation or cancellation pushes available stock;
 * a shipment's tracking number goes back through the outbox (after a failure, again); refunds become
 * sales returns once, and those that cannot wait on the review list until they can.
 */
describe(`PageMall store (${testDbKind})`, () => {
  let setup: ShopSetup;
  let t: TestApp;
  let admin: string;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let conn: string;
  let c: ShopSetup['c'];
  let base: Record<string, string>;
  const importAll = async (fromStart = false) => {
    const sum = { imported: 0, duplicates: 0, held: 0, returned: 0, review: 0 };
    for (let f = fromStart; ; f = false) {
      const r = ok(await t.gql(IMPORT, { c: conn, f }, admin)).importPlatformOrders;
      for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += r[k];
      if (!r.more) return sum;
    }
  };
  const control = async (path: string, body?: unknown) =>
    (
      await fetch(`${sim.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    ).json() as Promise<any>;
  const orders = async () =>
    Number((await t.ds.query("SELECT COUNT(*) AS n FROM sales_order WHERE memo LIKE 'pagemall %'"))[0].n);
  const salesOrderOf = async (tid: string) =>
    String(
      (await t.ds.query('SELECT sales_order_id FROM platform_order WHERE platform_order_id = ?', [tid]))[0]
        .sales_order_id,
    );
  const confirm = async (id: string) =>
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ status } }', { id }, admin)).confirmSalesOrder;
  const ship = async (id: string, trackingNo: string) => {
    const o = ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ lines { id qty } } }', { id }, admin)).salesOrder;
    return ok(
      await t.gql(
        'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id trackingNo carrier } }',
        {
          i: {
            orderId: id,
            trackingNo,
            carrier: 'YTO',
            lines: o.lines.map((l: any) => ({ orderLineId: l.id, qty: l.qty })),
          },
        },
        admin,
      ),
    ).shipSalesOrder;
  };
  const onHand = async (skuId: number) =>
    String(
      (
        await t.ds.query('SELECT qty, reserved FROM stock_cost WHERE warehouse_id = ? AND sku_id = ?', [
          c.warehouses[0].id,
          skuId,
        ])
      ).map((r: any) => `${Number(r.qty)}/${Number(r.reserved)}`)[0],
    );

  beforeAll(async () => {
    // a platform call may take 400 ms here (the simulator's hang is longer)
    setup = await shopSetup({
      code: 'PM',
      name: 'PageMall',
      appKey: 'pm-1',
      sim: { SIM_ORDERS: '120', SIM_SKUS: 'P-TEA-1,P-RICE-1', SIM_CLIENT_ID: 'pm-1', SIM_CLIENT_SECRET: 'pm-secret-1' },
      config: { platformTimeoutMs: 400 },
    });
    ({ t, admin, c, base } = setup);
    sim = setup.sim!;
  }, 60_000);
  afterAll(async () => {
    await setup?.close();
  });

  it('wrong client credentials are a sync error that changes nothing', async () => {
    // another client id (a shop is connected once: the right credentials follow)
    const wrong = ok(await t.gql(CONNECT, { i: { ...base, appKey: 'pm-0', appSecret: 'nope' } }, admin))
      .connectPlatformStore.id;
    expect(codeOf(await t.gql(IMPORT, { c: wrong, f: false }, admin))).toBe('PLATFORM_UNAVAILABLE');
    const list = ok(await t.gql('query{ platformConnections { id kind lastError } }', {}, admin)).platformConnections;
    expect(list).toEqual([
      { id: wrong, kind: 'pagemall', lastError: 'The platform refused the client credentials (HTTP 401).' },
    ]);
    expect(await orders()).toBe(0);
    conn = ok(await t.gql(CONNECT, { i: { ...base, appSecret: 'pm-secret-1' } }, admin)).connectPlatformStore.id;
  });

  it('imports every order once through a 500, a timeout, repeated and reversed pages and expired tokens', async () => {
    await control('/_chaos', { fail500: 1 });
    expect(codeOf(await t.gql(IMPORT, { c: conn, f: false }, admin))).toBe('PLATFORM_UNAVAILABLE');
    const status = async () =>
      ok(await t.gql('query{ platformConnections { id lastError cursor } }', {}, admin)).platformConnections.find(
        (p: any) => p.id === conn,
      );
    expect(await status()).toEqual({ id: conn, lastError: 'The platform answered HTTP 500.', cursor: null });
    expect(await orders()).toBe(0);

    // each page repeats the previous page's last order, and comes newest first
    await control('/_chaos', { duplicates: true, shuffle: true });
    expect(await importAll()).toEqual({ imported: 120, duplicates: 2, held: 0, returned: 0, review: 0 });
    expect(await orders()).toBe(120);
    // the last page (20 of 50) is read again next time
    expect(await status()).toEqual({ id: conn, lastError: null, cursor: '3' });

    // five more orders arrive; the platform hangs once
    await control('/_orders', { count: 5 });
    await control('/_chaos', { timeouts: 1, hangMs: 1500 });
    expect(codeOf(await t.gql(IMPORT, { c: conn, f: false }, admin))).toBe('PLATFORM_UNAVAILABLE');
    expect((await status()).lastError).toBe('The platform did not answer (TimeoutError).');
    expect(await importAll()).toEqual({ imported: 5, duplicates: 20, held: 0, returned: 0, review: 0 });

    // every token expires: the adapter refreshes and goes on
    const tokensBefore = (await control('/_state')).tokens;
    await control('/_chaos', { expireTokens: true });
    expect(await importAll(true)).toEqual({ imported: 0, duplicates: 125, held: 0, returned: 0, review: 0 });
    expect((await control('/_state')).tokens).toBe(tokensBefore + 1);
    expect(await orders()).toBe(125);
    expect(
      Number(
        (
          await t.ds.query(
            'SELECT COUNT(DISTINCT platform_order_id) AS n FROM platform_order WHERE connection_id = ?',
            [Number(conn)],
          )
        )[0].n,
      ),
    ).toBe(125);
    // the platform's line amount over its quantity is the unit price (PM500003: 2 × 15.50)
    const [so] = await t.ds.query("SELECT o.total FROM sales_order o WHERE o.memo = 'pagemall PM500003'");
    expect(String(so.total)).toBe('31.00');
  }, 120_000);

  it('pushes available stock when an order is confirmed or cancelled, not only on postings', async () => {
    ok(
      await t.gql(
        POST,
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: String(c.warehouses[0].id),
            lines: [
              { skuId: String(c.tea.id), qty: '10', unitCost: '5.00' },
              { skuId: String(c.rice.id), qty: '10', unitCost: '5.00' },
            ],
          },
          k: crypto.randomUUID(),
        },
        admin,
      ),
    );
    ok(
      await t.gql(
        'mutation($i:PlatformStockRuleInput!){ setPlatformStockRule(input:$i){ stockBuffer } }',
        { i: { connectionId: conn, buffer: '1', share: 100 } },
        admin,
      ),
    );
    await t.app.services.platforms.pushStock();
    expect((await control('/_state')).stock).toEqual({ 'P-TEA-1': 9, 'P-RICE-1': 9 });
    // PM500000 and PM500002: one tea each
    const a = await salesOrderOf('PM500000');
    const b = await salesOrderOf('PM500002');
    await confirm(a);
    await confirm(b);
    expect(await t.app.services.platforms.pushStock()).toBeGreaterThan(0);
    // on hand 10 − reserved 2 − buffer 1
    expect((await control('/_state')).stock['P-TEA-1']).toBe(7);
    ok(await t.gql('mutation($id:ID!){ cancelSalesOrder(id:$id){ status } }', { id: b }, admin));
    await t.app.services.platforms.pushStock();
    expect((await control('/_state')).stock['P-TEA-1']).toBe(8);
    expect(await onHand(c.tea.id)).toBe('10/1');
  });

  it("pushes a shipment's tracking number back through the outbox, again after a failure", async () => {
    const a = await salesOrderOf('PM500000');
    await control('/_chaos', { fail500: 1 });
    expect(await ship(a, 'YT0001')).toMatchObject({ trackingNo: 'YT0001', carrier: 'YTO' });
    expect(await t.app.services.platforms.pushShipments()).toBe(0);
    const INFO = `query($o:ID!){ platformOrderOf(salesOrderId:$o){ kind platformOrderId shipments { trackingNo carrier attempts lastError pushedAt } } }`;
    const info = async () => ok(await t.gql(INFO, { o: a }, admin)).platformOrderOf;
    expect(await info()).toEqual({
      kind: 'pagemall',
      platformOrderId: 'PM500000',
      shipments: [
        {
          trackingNo: 'YT0001',
          carrier: 'YTO',
          attempts: 1,
          lastError: 'The platform answered HTTP 500.',
          pushedAt: null,
        },
      ],
    });
    // it waits for its backoff; once that lapsed it goes out
    expect(await t.app.services.platforms.pushShipments()).toBe(0);
    await t.ds.query('UPDATE platform_shipment_push SET lease_until = NULL');
    expect(await t.app.services.platforms.pushShipments()).toBe(1);
    const after = await info();
    expect([after.shipments[0].attempts, after.shipments[0].lastError, !!after.shipments[0].pushedAt]).toEqual([
      2,
      null,
      true,
    ]);
    expect((await control('/_state')).shipments).toEqual([{ tid: 'PM500000', company: 'YTO', waybill: 'YT0001' }]);
    // nothing left to push; an order not from a store has no platform order
    expect(await t.app.services.platforms.pushShipments()).toBe(0);
    const store = ok(
      await t.gql('query{ platformConnections { id counts { imported shipmentsWaiting shipmentErrors } } }', {}, admin),
    ).platformConnections.find((p: any) => p.id === conn);
    expect(store.counts).toEqual({ imported: 125, shipmentsWaiting: 0, shipmentErrors: 0 });
  });

  it('books refunds as sales returns once; an unknown or unshipped order waits on the review list', async () => {
    await control('/_refund', {
      refund_id: 'RF1',
      tid: 'PM500000',
      reason: '七天无理由',
      lines: [{ outer_sku_id: 'P-TEA-1', num: 1 }],
    });
    await control('/_refund', {
      refund_id: 'RF2',
      tid: 'PM999999',
      reason: '',
      lines: [{ outer_sku_id: 'P-TEA-1', num: 1 }],
    });
    await control('/_refund', {
      refund_id: 'RF3',
      tid: 'PM500004',
      reason: '',
      lines: [{ outer_sku_id: 'P-TEA-1', num: 1 }],
    });
    await control('/_refund', {
      refund_id: 'RF4',
      tid: 'PM500000',
      reason: '',
      lines: [{ outer_sku_id: 'P-TEA-1', num: 5 }],
    });
    expect(await importAll()).toMatchObject({ imported: 0, returned: 1, review: 3 });
    const returns = async () =>
      (await t.ds.query('SELECT order_id, credit, resolution, note FROM sales_return ORDER BY id')).map((r: any) => [
        String(r.order_id),
        String(r.credit),
        r.resolution,
        r.note,
      ]);
    const a = await salesOrderOf('PM500000');
    expect(await returns()).toEqual([[a, '12.50', 'refund', 'pagemall refund RF1: 七天无理由']]);
    // back in stock: on hand 9 + 1
    expect(await onHand(c.tea.id)).toBe('10/0');
    const REVIEW =
      'query($c:ID){ platformRefundReview(connectionId:$c){ id platformRefundId platformOrderId problem } }';
    const review = async () =>
      ok(await t.gql(REVIEW, { c: conn }, admin)).platformRefundReview.map((r: any) => [r.platformRefundId, r.problem]);
    expect(await review()).toEqual([
      ['RF2', 'REFUND_UNKNOWN_ORDER'],
      ['RF3', 'REFUND_NOT_SHIPPED'],
      ['RF4', 'REFUND_TOO_MUCH'],
    ]);
    // everything again from the start: nothing twice
    expect(await importAll(true)).toMatchObject({ imported: 0, returned: 0, review: 0 });
    expect((await returns()).length).toBe(1);
    // PM500004 ships: its refund goes through on the next sync
    const d = await salesOrderOf('PM500004');
    await confirm(d);
    await ship(d, 'YT0002');
    expect(await importAll()).toMatchObject({ returned: 1, review: 0 });
    expect((await returns()).map((r: string[]) => r[0])).toEqual([a, d]);
    expect(await review()).toEqual([
      ['RF2', 'REFUND_UNKNOWN_ORDER'],
      ['RF4', 'REFUND_TOO_MUCH'],
    ]);
    const rf2 = ok(await t.gql(REVIEW, { c: conn }, admin)).platformRefundReview[0].id;
    ok(await t.gql('mutation($id:ID!){ dismissPlatformRefund(id:$id){ state } }', { id: rf2 }, admin));
    expect(codeOf(await t.gql('mutation($id:ID!){ dismissPlatformRefund(id:$id){ state } }', { id: rf2 }, admin))).toBe(
      'NOT_FOUND',
    );
    expect(await review()).toEqual([['RF4', 'REFUND_TOO_MUCH']]);
  }, 60_000);

  it('a keeper may not see or run the stores; a manager may import but not connect', async () => {
    const keeper = await t.login('warehouse');
    expect(codeOf(await t.gql('query{ platformConnections { id } }', {}, keeper))).toBe('FORBIDDEN');
    const manager = await t.login('manager');
    expect(ok(await t.gql(IMPORT, { c: conn, f: false }, manager)).importPlatformOrders.imported).toBe(0);
    expect(codeOf(await t.gql(CONNECT, { i: { ...base, appSecret: 'x' } }, manager))).toBe('FORBIDDEN');
  });
});
