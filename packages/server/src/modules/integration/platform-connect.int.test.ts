import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
