import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { PlatformShopKeyOrigin1797711000000 } from '../../migrations/1797711000000-PlatformShopKeyOrigin';
import { codeOf, testDbKind, type TestApp } from '../../test/harness';
import { shopSetup, type ShopSetup } from '../../test/platform-shop';

const CONNECT = `mutation($i:ConnectPlatformInput!){ connectPlatformStore(input:$i){ id } }`;

/**
 * A shop is connected once, also when two people connect it at the same moment: the unique shop key
 * lets one through and refuses the other with PLATFORM_SHOP_CONNECTED (connecting calls no platform).
 */
describe(`connecting an online shop (${testDbKind})`, () => {
  let setup: ShopSetup;
  let t: TestApp;
  let admin: string;
  let base: Record<string, string>;

  beforeAll(async () => {
    setup = await shopSetup({ code: 'PC', name: '并发', appKey: 'pc-client' });
    ({ t, admin } = setup);
    base = { ...setup.base, appSecret: 'pc-secret' };
  }, 60_000);
  afterAll(async () => {
    await setup?.close();
  });

  it('two connections of one shop at the same moment: one is made, the other refused', async () => {
    const results = await Promise.all([0, 1, 2].map(() => t.gql(CONNECT, { i: base }, admin)));
    const made = results.filter((r) => !r.errors);
    expect(made).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(['PLATFORM_SHOP_CONNECTED', 'PLATFORM_SHOP_CONNECTED']);
    const rows = await t.ds.query('SELECT id FROM platform_connection');
    expect(rows.map((r: { id: number }) => String(r.id))).toEqual([(made[0].data as any).connectPlatformStore.id]);
    // the same address and key on the other platform is another shop
    expect(codeOf(await t.gql(CONNECT, { i: { ...base, kind: 'simshop' } }, admin))).toBeUndefined();
  });

  it("this machine's names, the host's case and a trailing slash are one shop", async () => {
    for (const baseUrl of ['http://localhost:9', 'HTTP://LOCALHOST:9/', 'http://[::1]:9/api', 'http://localhost.:9'])
      expect(codeOf(await t.gql(CONNECT, { i: { ...base, baseUrl } }, admin)), baseUrl).toBe('PLATFORM_SHOP_CONNECTED');
    // another port is another shop
    expect(codeOf(await t.gql(CONNECT, { i: { ...base, baseUrl: 'http://localhost:10' } }, admin))).toBeUndefined();
  });

  it('the migration rewrites the keys of before; a shop found connected twice keeps its first key', async () => {
    // keys as they were computed before (the origin as written), on connections made then
    const old = (url: string, appKey: string) =>
      createHash('sha256')
        .update(`simshop\n${new URL(url).origin.toLowerCase()}\n${appKey}`)
        .digest('hex');
    const rows = [
      ['http://localhost:7001/', 'm1'],
      ['http://127.0.0.1:7001', 'm1'],
      ['http://LOCALHOST:7002', 'm2'],
    ];
    const ids: number[] = [];
    for (const [url, appKey] of rows) {
      await t.ds.query(
        `INSERT INTO platform_connection (kind, store_id, customer_id, warehouse_id, base_url, app_key, app_secret, shop_key, stock_buffer, stock_share)
         VALUES ('simshop', ?, ?, ?, ?, ?, 's', ?, 0, 100)`,
        [base.storeId, base.customerId, base.warehouseId, url, appKey, old(url, appKey)],
      );
      ids.push(Number((await t.ds.query('SELECT MAX(id) AS id FROM platform_connection'))[0].id));
    }
    const q = t.ds.createQueryRunner();
    try {
      await new PlatformShopKeyOrigin1797711000000().up(q);
    } finally {
      await q.release();
    }
    const keys = async () =>
      Object.fromEntries(
        (
          await t.ds.query(`SELECT id, shop_key FROM platform_connection WHERE id IN (${ids.join(',')}) ORDER BY id`)
        ).map((r: { id: number; shop_key: string | null }) => [Number(r.id), r.shop_key]),
      );
    const got = await keys();
    expect(got[ids[0]]).toBe(old('http://127.0.0.1:7001', 'm1'));
    expect(got[ids[1]]).toBeNull();
    expect(got[ids[2]]).toBe(old('http://127.0.0.1:7002', 'm2'));
    // and the rule holds against them
    const again = await t.gql(
      CONNECT,
      { i: { ...base, kind: 'simshop', baseUrl: 'http://localhost:7002/', appKey: 'm2' } },
      admin,
    );
    expect(codeOf(again)).toBe('PLATFORM_SHOP_CONNECTED');
  });
});
