import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, newProductSku } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { Warehouse } from './warehouse.entity';

const CREATE =
  'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id status lines { qty unitCost value } } }';
const POST = 'mutation($id:ID!){ postStockDocument(id:$id){ id status lines { qty baseQty unitCost value } } }';
const LEDGER =
  "SELECT qty, unit_cost, value FROM stock_ledger WHERE document_type = 'other_in' AND document_id = ? ORDER BY id";

/**
 * A warehouse keeper never sees a cost, so cannot name one: an other receipt (其他入库) booked by a
 * user without stock.cost.read comes in at the SKU's current unit cost in the warehouse (the
 * moving average, or under FIFO the newest layer), as an adjustment gain does. A user who may
 * read costs still names it. The keeper was refused ("第 1 行 单位成本").
 */
describe(`other receipts without a cost (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let keeper: string;
  let costKeeper: string;
  let W: string;
  let sku: string;
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  const otherIn = (lines: object[]) => ({ type: 'OTHER_IN', warehouseId: W, businessDate: '2026-11-10', lines });

  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    const [w] = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
    W = String(w.id);
    sku = String((await newProductSku(t.ds, 'OI-1')).id);
    await addUser(t.ds, 'keeper-oi', ['warehouse'], { warehouseIds: [w.id] });
    // a keeper who is also an accountant: may read costs, so must name one
    await addUser(t.ds, 'keeper-acc', ['warehouse', 'accountant'], { warehouseIds: [w.id] });
    keeper = await t.login('keeper-oi');
    costKeeper = await t.login('keeper-acc');
    // on hand: 10 @ 10.00 + 2 @ 11.00 = 12, 122.00: the average is 10.166667
    for (const [qty, unitCost] of [
      ['10', '10.00'],
      ['2', '11.00'],
    ]) {
      const d = ok(await t.gql(CREATE, { i: otherIn([{ skuId: sku, qty, unitCost }]) }, admin)).createStockDocument;
      ok(await t.gql(POST, { id: d.id }, admin));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('a keeper books and posts one without a cost: it comes in at the current average, and the keeper sees none of it', async () => {
    const created = await t.gql(CREATE, { i: otherIn([{ skuId: sku, qty: '3' }]) }, keeper);
    const draft = ok(created).createStockDocument;
    expect(draft.status).toBe('DRAFT');
    expect(draft.lines).toEqual([{ qty: '3', unitCost: null, value: null }]);
    const posted = await t.gql(POST, { id: draft.id }, keeper);
    expect(ok(posted).postStockDocument.status).toBe('POSTED');
    expect(posted.data.postStockDocument.lines).toEqual([{ qty: '3', baseQty: '3', unitCost: null, value: null }]);
    expect(posted.extensions?.hiddenFields).toEqual(
      expect.arrayContaining(['StockDocumentLine.unitCost', 'StockDocumentLine.value']),
    );
    // 3 × 10.166667 = 30.50 (30.500001 to the cent)
    const rows = await t.ds.query(LEDGER, [Number(draft.id)]);
    expect(
      rows.map((r: any) => [String(Number(r.qty)), Number(r.unit_cost).toFixed(6), Number(r.value).toFixed(2)]),
    ).toEqual([['3', '10.166667', '30.50']]);
    const seen = ok(
      await t.gql(`query($id:ID!){ stockDocument(id:$id){ lines { unitCost value } } }`, { id: draft.id }, admin),
    ).stockDocument;
    expect(seen.lines).toEqual([{ unitCost: '10.166667', value: '30.50' }]);
    expect(await t.app.services.posting.check('moving_average')).toEqual([]);
  });

  it('a user who may read costs must still name it', async () => {
    for (const token of [admin, costKeeper]) {
      const r = await t.gql(CREATE, { i: otherIn([{ skuId: sku, qty: '1' }]) }, token);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.details.fields.map((f: any) => f.field)).toEqual(['lines[0].unitCost']);
    }
    // the accountant role alone books no stock documents at all
    expect(codeOf(await t.gql(CREATE, { i: otherIn([{ skuId: sku, qty: '1' }]) }, await t.login('accountant')))).toBe(
      'FORBIDDEN',
    );
  });

  it('a keeper still may not type a cost', async () => {
    const r = await t.gql(CREATE, { i: otherIn([{ skuId: sku, qty: '1', unitCost: '1' }]) }, keeper);
    expect(codeOf(r)).toBe('FORBIDDEN');
  });
});
