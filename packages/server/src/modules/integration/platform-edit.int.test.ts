import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startSimulator } from '../../simulators/spawn';
import { codeOf, testDbKind, type TestApp } from '../../test/harness';
import { ok, shopSetup, type ShopSetup } from '../../test/platform-shop';

const CONNECT = `mutation($i:ConnectPlatformInput!){ connectPlatformStore(input:$i){ id } }`;
const EDIT = `mutation($i:EditPlatformInput!){ editPlatformStore(input:$i){ id baseUrl appKey cursor stockBuffer stockShare } }`;
const IMPORT = `mutation($c:ID!){ importPlatformOrders(connectionId:$c, fromStart:false){ imported duplicates held more } }`;

/**
 * A store connection edited: a secret typed wrong is fixed (and the next import works), an empty
 * secret keeps the stored one, the one-shop rule holds against the other connections, and an
 * unknown customer or warehouse is refused naming the field, with nothing changed. A new warehouse,
 * safety buffer or share is pushed to the platform at once (the simulator holds it when the edit
 * answers); a platform that refuses the push leaves the edit made and says so on the connection.
 */
describe(`editing an online store connection (${testDbKind})`, () => {
  let setup: ShopSetup;
  let t: TestApp;
  let admin: string;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let base: Record<string, string>;
  let conn: string;
  let other: string;
  const row = async (id: string) => {
    const [r] = await t.ds.query(
      'SELECT store_id, customer_id, warehouse_id, base_url, app_key, app_secret, shop_key, stock_buffer, stock_share FROM platform_connection WHERE id = ?',
      [id],
    );
    return { ...r, stock_buffer: String(Number(r.stock_buffer)) };
  };
  const edits = async () =>
    (
      await t.ds.query(
        "SELECT entity_id, after FROM audit_entry WHERE action = 'integration.platform.edit' ORDER BY id",
      )
    ).map((r: { entity_id: string; after: string }) => ({ id: String(r.entity_id), after: JSON.parse(r.after) }));

  beforeAll(async () => {
    setup = await shopSetup({
      code: 'PE',
      name: '编辑',
      appKey: 'pe-1',
      sim: { SIM_ORDERS: '3', SIM_SKUS: 'P-TEA-1,P-RICE-1', SIM_CLIENT_ID: 'pe-1', SIM_CLIENT_SECRET: 'pe-secret-1' },
    });
    ({ t, admin, base } = setup);
    sim = setup.sim!;
  }, 60_000);
  afterAll(async () => {
    await setup?.close();
  });

  it('a secret typed wrong is edited, and the next import works; an empty secret keeps it', async () => {
    conn = ok(await t.gql(CONNECT, { i: { ...base, appSecret: 'typo' } }, admin)).connectPlatformStore.id;
    expect(codeOf(await t.gql(IMPORT, { c: conn }, admin))).toBe('PLATFORM_UNAVAILABLE');
    const { kind: _kind, ...editable } = base;
    const edited = ok(await t.gql(EDIT, { i: { id: conn, ...editable, appSecret: 'pe-secret-1' } }, admin));
    expect(edited.editPlatformStore).toEqual({
      id: conn,
      baseUrl: `${sim.url}/`,
      appKey: 'pe-1',
      cursor: null,
      stockBuffer: '0.000000',
      stockShare: 100,
    });
    expect(ok(await t.gql(IMPORT, { c: conn }, admin)).importPlatformOrders).toEqual({
      imported: 3,
      duplicates: 0,
      held: 0,
      more: false,
    });
    // the stock rule edited, the secret left empty: kept (the next import still gets in)
    const kept = ok(
      await t.gql(EDIT, { i: { id: conn, ...editable, appSecret: '', stockBuffer: '2.5', stockShare: 60 } }, admin),
    );
    expect(kept.editPlatformStore.stockShare).toBe(60);
    expect((await row(conn)).app_secret).toBe('pe-secret-1');
    expect((await row(conn)).stock_buffer).toBe('2.5');
    expect(ok(await t.gql(IMPORT, { c: conn }, admin)).importPlatformOrders).toEqual({
      imported: 0,
      duplicates: 3,
      held: 0,
      more: false,
    });
    // audited like connecting, never the secret
    const trail = await edits();
    expect(trail.map((e: { id: string }) => e.id)).toEqual([conn, conn]);
    expect(trail.map((e: { after: Record<string, unknown> }) => e.after.credentialsReplaced)).toEqual([true, false]);
    expect(JSON.stringify(trail)).not.toContain('pe-secret-1');
  });

  it("editing to another connection's shop is refused and nothing changes", async () => {
    other = ok(await t.gql(CONNECT, { i: { ...base, appKey: 'pe-2', appSecret: 'pe-secret-2' } }, admin))
      .connectPlatformStore.id;
    const before = await row(other);
    const { kind: _kind, ...editable } = base;
    // the same shop: the same origin (another path changes nothing) and app key
    const r = await t.gql(EDIT, { i: { id: other, ...editable, baseUrl: `${sim.url}/api`, appSecret: 'x' } }, admin);
    expect(codeOf(r)).toBe('PLATFORM_SHOP_CONNECTED');
    expect((r.errors![0].extensions as any).details.connectionId).toBe(Number(conn));
    expect(await row(other)).toEqual(before);
    // its own shop kept is no conflict with itself
    expect(
      ok(await t.gql(EDIT, { i: { id: other, ...editable, appKey: 'pe-2' } }, admin)).editPlatformStore.appKey,
    ).toBe('pe-2');
  });

  it('an unknown warehouse or customer is refused naming the field, when editing and when connecting', async () => {
    const before = await row(other);
    const { kind: _kind, ...editable } = base;
    const r = await t.gql(EDIT, { i: { id: other, ...editable, appKey: 'pe-2', warehouseId: '999999' } }, admin);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect((r.errors![0].extensions as any).details.fields.map((f: { field: string }) => f.field)).toEqual([
      'warehouseId',
    ]);
    expect(await row(other)).toEqual(before);
    const c = await t.gql(CONNECT, { i: { ...base, appKey: 'pe-3', appSecret: 's', customerId: '999999' } }, admin);
    expect(codeOf(c)).toBe('BAD_USER_INPUT');
    expect((c.errors![0].extensions as any).details.fields.map((f: { field: string }) => f.field)).toEqual([
      'customerId',
    ]);
    expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM platform_connection'))[0].n)).toBe(2);
  });

  it('a new warehouse, buffer or share is pushed to the platform at once', async () => {
    const [w0, w1] = setup.c.warehouses.map((w) => String(w.id));
    const { tea, rice } = setup.c;
    const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id } }`;
    for (const [w, lines, k] of [
      [
        w0,
        [
          { skuId: String(tea.id), qty: '10', unitCost: '5.00' },
          { skuId: String(rice.id), qty: '6', unitCost: '5.00' },
        ],
        'pe-in-0',
      ],
      [w1, [{ skuId: String(tea.id), qty: '4', unitCost: '5.00' }], 'pe-in-1'],
    ] as const)
      ok(await t.gql(POST, { i: { type: 'OTHER_IN', warehouseId: w, lines }, k }, admin));
    // the postings queued their pushes: sent now, so what follows is the edits' own
    await t.app.services.platforms.pushStock();
    const state = async () =>
      ((await (await fetch(`${sim.url}/_state`)).json()) as any).stock as Record<string, number>;
    const { kind: _kind, ...editable } = base;
    const EDIT_STOCK = `mutation($i:EditPlatformInput!){ editPlatformStore(input:$i){ warehouseId stockBuffer stockShare lastStockError } }`;
    // buffer 1, share 100 of warehouse 0: tea 10 − 1, rice 6 − 1
    const e1 = ok(
      await t.gql(
        EDIT_STOCK,
        { i: { id: conn, ...editable, warehouseId: w0, stockBuffer: '1', stockShare: 100 } },
        admin,
      ),
    ).editPlatformStore;
    expect(e1.lastStockError).toBeNull();
    expect(await state()).toMatchObject({ [tea.code]: 9, [rice.code]: 5 });
    // share 50: half of what is free
    ok(
      await t.gql(
        EDIT_STOCK,
        { i: { id: conn, ...editable, warehouseId: w0, stockBuffer: '1', stockShare: 50 } },
        admin,
      ),
    );
    expect(await state()).toMatchObject({ [tea.code]: 4, [rice.code]: 2 });
    // another warehouse: its tea (4 − 1, half), and no rice there any more
    ok(
      await t.gql(
        EDIT_STOCK,
        { i: { id: conn, ...editable, warehouseId: w1, stockBuffer: '1', stockShare: 50 } },
        admin,
      ),
    );
    expect(await state()).toMatchObject({ [tea.code]: 1, [rice.code]: 0 });
    // setPlatformStockRule too: buffer 0, share 100
    ok(
      await t.gql(
        'mutation($i:PlatformStockRuleInput!){ setPlatformStockRule(input:$i){ stockBuffer } }',
        { i: { connectionId: conn, buffer: '0', share: 100 } },
        admin,
      ),
    );
    expect(await state()).toMatchObject({ [tea.code]: 4, [rice.code]: 0 });
    // the platform refuses the push: the edit is made, the error shows on the connection, the push waits
    await fetch(`${sim.url}/_chaos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fail500: 5 }),
    });
    const failed = ok(
      await t.gql(
        EDIT_STOCK,
        { i: { id: conn, ...editable, warehouseId: w0, stockBuffer: '0', stockShare: 100 } },
        admin,
      ),
    ).editPlatformStore;
    expect(failed).toMatchObject({ warehouseId: w0, lastStockError: expect.stringContaining('500') });
    expect(await state()).toMatchObject({ [tea.code]: 4 });
    await fetch(`${sim.url}/_chaos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fail500: 0 }),
    });
    await t.app.services.platforms.pushStock();
    expect(await state()).toMatchObject({ [tea.code]: 10, [rice.code]: 6 });
    // nothing changed about the stock: nothing pushed (a push now would fail on the platform's 500)
    const chaos = (fail500: number) =>
      fetch(`${sim.url}/_chaos`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fail500 }),
      });
    await chaos(1);
    const same = ok(
      await t.gql(
        EDIT_STOCK,
        { i: { id: conn, ...editable, warehouseId: w0, stockBuffer: '0.000', stockShare: 100 } },
        admin,
      ),
    ).editPlatformStore;
    expect(same.lastStockError).toBeNull();
    await chaos(0);
  });
});
