import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, seedCatalog, StockCost } from '../../test/fixtures';
import { codeOf, testApp, type TestApp } from '../../test/harness';

const CREATE = 'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id } }';
const CONFIRM = 'mutation($id:ID!){ confirmSalesOrder(id:$id){ id status } }';

// MariaDB only: two salespeople confirming orders for the last units at the same moment, over the API
describe('two salespeople confirm for the last units at once (mariadb)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  beforeAll(async () => {
    t = await testApp();
    await addUser(t.ds, 'sales2', ['sales'], { displayName: '周销售 Zhou' });
    for (const u of ['manager', 'sales', 'sales2']) tok[u] = await t.login(u);
    const cat = await seedCatalog(t.ds);
    [id.wh, id.tea] = [String(cat.warehouses[0].id), String(cat.tea.id)];
    await t.ds.getRepository(StockCost).insert({
      warehouseId: cat.warehouses[0].id,
      skuId: cat.tea.id,
      qty: '5.000000',
      value: '42.00',
      state: null,
      lastDate: '2026-11-01',
    });
    id.channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"STORE", name:"门店", kind: OFFLINE_STORE}){ id } }',
        {},
        tok.manager,
      ),
    ).saveSalesChannel.id;
    id.c1 = ok(
      await t.gql('mutation{ createCustomer(input:{code:"C-1", name:"甲"}){ id } }', {}, tok.sales),
    ).createCustomer.id;
    id.c2 = ok(
      await t.gql('mutation{ createCustomer(input:{code:"C-2", name:"乙"}){ id } }', {}, tok.sales2),
    ).createCustomer.id;
  });
  afterAll(() => t.close());

  it('one gets the units, the other INSUFFICIENT_AVAILABLE; nothing is oversold', async () => {
    for (let round = 0; round < 3; round++) {
      const order = async (customerId: string, token: string) =>
        ok(
          await t.gql(
            CREATE,
            { i: { customerId, channelId: id.channel, warehouseId: id.wh, lines: [{ skuId: id.tea, qty: '4' }] } },
            token,
          ),
        ).createSalesOrder.id;
      const [o1, o2] = [await order(id.c1, tok.sales), await order(id.c2, tok.sales2)];
      const results = await Promise.all([
        t.gql(CONFIRM, { id: o1 }, tok.sales),
        t.gql(CONFIRM, { id: o2 }, tok.sales2),
      ]);
      expect(results.filter((r) => r.data?.confirmSalesOrder?.status === 'CONFIRMED')).toHaveLength(1);
      expect(results.map(codeOf).filter(Boolean)).toEqual(['INSUFFICIENT_AVAILABLE']);
      const head = await t.ds.getRepository(StockCost).findOneByOrFail({ skuId: Number(id.tea) });
      expect(new Decimal(head.reserved).toFixed()).toBe('4');
      // give the units back for the next round
      const winner = results[0].data?.confirmSalesOrder ? [o1, tok.sales] : [o2, tok.sales2];
      ok(await t.gql('mutation($id:ID!){ cancelSalesOrder(id:$id){ id } }', { id: winner[0] }, winner[1]));
    }
  });

  it('the same order confirmed twice at once reserves once; shipped twice at once ships once (decisions after the lock see the other commit)', async () => {
    // real stock on the shelf for the shipment (the head above was written without balances): 5 + 5
    const admin = await t.login('admin');
    const doc = ok(
      await t.gql(
        'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
        { i: { type: 'OTHER_IN', warehouseId: id.wh, lines: [{ skuId: id.tea, qty: '5', unitCost: '8.40' }] } },
        admin,
      ),
    ).createStockDocument.id;
    ok(await t.gql('mutation($id:ID!){ postStockDocument(id:$id){ id } }', { id: doc }, admin));
    const o = ok(
      await t.gql(
        CREATE,
        { i: { customerId: id.c1, channelId: id.channel, warehouseId: id.wh, lines: [{ skuId: id.tea, qty: '3' }] } },
        tok.sales,
      ),
    ).createSalesOrder.id;
    const both = await Promise.all([t.gql(CONFIRM, { id: o }, tok.sales), t.gql(CONFIRM, { id: o }, tok.sales)]);
    expect(both.map((r) => r.data?.confirmSalesOrder?.status ?? codeOf(r)).sort()).toEqual([
      'CONFIRMED',
      'DOCUMENT_STATE',
    ]);
    const head = async () => t.ds.getRepository(StockCost).findOneByOrFail({ skuId: Number(id.tea) });
    expect(new Decimal((await head()).reserved).toFixed()).toBe('3');
    const keeper = await t.login('warehouse');
    const [line] = await t.ds.query('SELECT id FROM sales_order_line WHERE order_id = ?', [Number(o)]);
    const SHIP = 'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id } }';
    const ship = { i: { orderId: o, lines: [{ orderLineId: String(line.id), qty: '3' }] } };
    const shipped = await Promise.all([t.gql(SHIP, ship, keeper), t.gql(SHIP, ship, keeper)]);
    expect(shipped.map((r) => (r.data?.shipSalesOrder ? 'SHIPPED' : codeOf(r))).sort()).toEqual([
      'ORDER_NOT_SHIPPABLE',
      'SHIPPED',
    ]);
    const h = await head();
    expect([new Decimal(h.qty).toFixed(), new Decimal(h.reserved).toFixed()]).toEqual(['7', '0']);
  });
});
