import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

const CONNECT = `mutation($i:ConnectPlatformInput!){ connectPlatformStore(input:$i){ id } }`;

/**
 * A shop is connected once, also when two people connect it at the same moment: the unique shop key
 * lets one through and refuses the other with PLATFORM_SHOP_CONNECTED (connecting calls no platform).
 */
describe(`connecting an online shop (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let base: Record<string, string>;

  beforeAll(async () => {
    t = await testApp({ config: { alertsIntervalMs: 0, webhooksIntervalMs: 0, platformStockIntervalMs: 0 } });
    admin = await t.login('admin');
    const c = await seedCatalog(t.ds);
    const data = async (q: string, v: Record<string, unknown>) => {
      const r = await t.gql(q, v, admin);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data as any;
    };
    const channel = (
      await data('mutation($i:ChannelInput!){ saveSalesChannel(input:$i){ id } }', {
        i: { code: 'PC', name: '并发渠道', kind: 'ONLINE_SHOP' },
      })
    ).saveSalesChannel.id;
    const store = (
      await data('mutation($i:StoreInput!){ saveSalesStore(input:$i){ id } }', {
        i: { channelId: channel, code: 'PC-1', name: '并发店' },
      })
    ).saveSalesStore.id;
    const customer = (
      await data('mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }', {
        i: { code: 'PC-BUYERS', name: '并发买家' },
      })
    ).createCustomer.id;
    base = {
      kind: 'pagemall',
      storeId: store,
      customerId: customer,
      warehouseId: String(c.warehouses[0].id),
      baseUrl: 'http://127.0.0.1:9',
      appKey: 'pc-client',
      appSecret: 'pc-secret',
    };
  }, 60_000);
  afterAll(async () => {
    await t?.close();
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
