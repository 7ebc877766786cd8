import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, newProductSku } from '../../test/fixtures';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import { Warehouse } from './warehouse.entity';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id status } }`;
const VALUATION = `query($d:String!){
  w: valuation(date:$d, groupBy:WAREHOUSE){ key label qty value }
  s: valuation(date:$d, groupBy:SKU){ key qty value }
}`;

/**
 * Goods on the road belong to the company: the valuation of a day counts a transfer sent on or
 * before it and received after it (or not yet) as "in transit", so the company's total does not
 * drop by the value of what travels at a month end (it did: 60 / 600.00 of 100 / 1000.00).
 */
describe(`the valuation counts goods in transit (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let A: string;
  let B: string;
  let sku: string;
  let seq = 0;
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  const post = (i: object) => t.gql(POST, { i, k: `transit-${++seq}` }, admin);
  const at = async (d: string, token = admin) => ok(await t.gql(VALUATION, { d }, token));

  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    const ws = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    [A, B] = ws.map((w) => String(w.id));
    sku = String((await newProductSku(t.ds, 'TR-1')).id);
    ok(
      await post({
        type: 'OTHER_IN',
        warehouseId: A,
        businessDate: '2026-10-01',
        lines: [{ skuId: sku, qty: '100', unitCost: '10.00' }],
      }),
    );
  });
  afterAll(() => t.close());

  it('a transfer leaving on 10-31 and received on 11-02 is stock in transit on 10-31 and 11-01, in B after', async () => {
    const tr = ok(
      await post({
        type: 'TRANSFER',
        warehouseId: A,
        toWarehouseId: B,
        businessDate: '2026-10-31',
        lines: [{ skuId: sku, qty: '40' }],
      }),
    ).createAndPostStockDocument;
    expect(tr.status).toBe('IN_TRANSIT');
    for (const d of ['2026-10-31', '2026-11-01']) {
      const v = await at(d);
      expect(v.w.map((r: any) => [r.key, r.qty, r.value])).toEqual([
        [A, '60', '600.00'],
        ['transit', '40', '400.00'],
      ]);
      expect(v.w[1].label).toBe('在途');
      expect(v.s).toEqual([{ key: sku, qty: '100', value: '1000.00' }]);
    }
    // the day before it left: all in A
    expect((await at('2026-10-30')).w.map((r: any) => [r.key, r.qty])).toEqual([[A, '100']]);

    ok(
      await t.gql(
        'mutation($id:ID!,$on:String){ receiveTransfer(id:$id, receivedOn:$on){ status } }',
        { id: tr.id, on: '2026-11-02' },
        admin,
      ),
    );
    // received later: the month end still has it on the road
    expect((await at('2026-10-31')).w.map((r: any) => [r.key, r.qty, r.value])).toEqual([
      [A, '60', '600.00'],
      ['transit', '40', '400.00'],
    ]);
    const after = await at('2026-11-02');
    expect(after.w.map((r: any) => [r.key, r.qty, r.value])).toEqual([
      [A, '60', '600.00'],
      [B, '40', '400.00'],
    ]);
    expect(after.s).toEqual([{ key: sku, qty: '100', value: '1000.00' }]);
  });

  it('one warehouse, or a user of some warehouses, sees what the warehouses hold; a cancelled transfer was never on the road', async () => {
    const tr = ok(
      await post({
        type: 'TRANSFER',
        warehouseId: A,
        toWarehouseId: B,
        businessDate: '2026-11-10',
        lines: [{ skuId: sku, qty: '5' }],
      }),
    ).createAndPostStockDocument;
    const one = ok(
      await t.gql(`{ valuation(date:"2026-11-10", groupBy:WAREHOUSE, warehouseId:"${A}"){ key qty } }`, {}, admin),
    ).valuation;
    expect(one).toEqual([{ key: A, qty: '55' }]);
    await addUser(t.ds, 'keeper2', ['warehouse'], { warehouseIds: [Number(A)] });
    const keeper = await t.login('keeper2');
    expect((await at('2026-11-10', keeper)).w.map((r: any) => [r.key, r.qty])).toEqual([[A, '55']]);
    expect((await at('2026-11-10')).w.map((r: any) => [r.key, r.qty])).toEqual([
      [A, '55'],
      [B, '40'],
      ['transit', '5'],
    ]);
    ok(await t.gql('mutation($id:ID!){ cancelStockDocument(id:$id){ status } }', { id: tr.id }, admin));
    expect((await at('2026-11-10')).w.map((r: any) => [r.key, r.qty])).toEqual([
      [A, '60'],
      [B, '40'],
    ]);
  });
});
