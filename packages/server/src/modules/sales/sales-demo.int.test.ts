import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import { seedDemoSales } from '../../demo/sales-demo';
import { seedCatalog } from '../../test/fixtures';

describe(`sales demo data (${testDbKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await seedCatalog(t.ds);
    expect(await seedDemoSales(t.app.services)).toEqual({ customers: 40, priceLists: 5 });
  }, 60_000);
  afterAll(() => t.close());

  it('two salespeople each see only their own demo customers; the manager sees all 40', async () => {
    const list = '{ customers(page:{limit:100}) { total } }';
    const [sales, sales2, manager] = [await t.login('sales'), await t.login('sales2'), await t.login('manager')];
    expect((await t.gql(list, {}, manager)).data.customers.total).toBe(40);
    expect((await t.gql(list, {}, sales)).data.customers.total).toBe(27);
    expect((await t.gql(list, {}, sales2)).data.customers.total).toBe(13);
    const channels = (await t.gql('{ salesChannels { code kind platform } }', {}, sales)).data.salesChannels;
    expect(channels.map((c: any) => c.code)).toEqual(['DIST', 'DOUYIN', 'JD', 'PDD', 'STORE', 'TMALL']);
    expect((await t.gql('{ priceLists { code tier { code } channel { code } } }', {}, sales)).data.priceLists).toEqual([
      { code: 'BASE', tier: null, channel: null },
      { code: 'DIST', tier: null, channel: { code: 'DIST' } },
      { code: 'GOLD', tier: { code: 'gold' }, channel: null },
      { code: 'GOLD-TM', tier: { code: 'gold' }, channel: { code: 'TMALL' } },
      { code: 'VIP', tier: { code: 'vip' }, channel: null },
    ]);
  });
});
