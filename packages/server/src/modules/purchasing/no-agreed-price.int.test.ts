import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../test/fixtures';
import { testApp, testDbKind, type TestApp } from '../../test/harness';

const FIELDS =
  'id status total version lines { skuId price agreedPrice priceDeviates amount } pendingApproval { level roleCodes }';
const CREATE = `mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ ${FIELDS} } }`;
const UPDATE = `mutation($i:UpdatePurchaseOrderInput!){ updatePurchaseOrder(input:$i){ ${FIELDS} } }`;
const SUBMIT = `mutation($id:ID!){ submitPurchaseOrder(id:$id){ ${FIELDS} } }`;

/**
 * A line without an agreed price does not deviate from one: the page showed both 偏离协议价 and
 * 无协议价. Its price is the one typed, kept when the order is edited without new lines, and the
 * order needs the approval its amount needs, as before.
 */
describe(`purchase order lines without an agreed price (${testDbKind})`, () => {
  let t: TestApp;
  let purchaser: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let S: string;
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };

  beforeAll(async () => {
    t = await testApp();
    purchaser = await t.login('purchaser');
    c = await seedCatalog(t.ds);
    S = ok(
      await t.gql(
        'mutation($i:CreateSupplierInput!){ createSupplier(input:$i){ id } }',
        { i: { code: 'NA-S', name: '无协议供应商', status: 'APPROVED' } },
        purchaser,
      ),
    ).createSupplier.id;
    ok(
      await t.gql(
        'mutation($i:AddSupplierPriceInput!){ addSupplierPrice(input:$i){ id } }',
        { i: { supplierId: S, skuId: String(c.tea.id), price: '12.50', validFrom: '2026-01-01' } },
        purchaser,
      ),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('flags a deviation only against an agreed price; a line without one keeps its typed price and needs the same approval', async () => {
    const o = ok(
      await t.gql(
        CREATE,
        {
          i: {
            supplierId: S,
            warehouseId: String(c.warehouses[0].id),
            orderDate: '2026-11-02',
            lines: [
              { skuId: String(c.milk.id), qty: '100', price: '6.00' }, // no agreement
              { skuId: String(c.tea.id), qty: '10' }, // the agreed price
              { skuId: String(c.tea.id), qty: '10', price: '13.00' }, // off the agreement
            ],
          },
        },
        purchaser,
      ),
    ).createPurchaseOrder;
    expect(o.lines.map((l: any) => [l.price, l.agreedPrice, l.priceDeviates])).toEqual([
      ['6.000000', null, false],
      ['12.500000', '12.500000', false],
      ['13.000000', '12.500000', true],
    ]);
    // edited without new lines: the typed price of the line without an agreement stays
    const u = ok(
      await t.gql(UPDATE, { i: { id: o.id, version: o.version, memo: '改备注' } }, purchaser),
    ).updatePurchaseOrder;
    expect(u.total).toBe('855.00');
    expect(u.lines.map((l: any) => [l.price, l.agreedPrice, l.priceDeviates])).toEqual([
      ['6.000000', null, false],
      ['12.500000', '12.500000', false],
      ['13.000000', '12.500000', true],
    ]);
    // the approval it needs follows its amount (level 1 below 5,000.00), as before
    expect(ok(await t.gql(SUBMIT, { id: o.id }, purchaser)).submitPurchaseOrder).toMatchObject({
      status: 'SUBMITTED',
      pendingApproval: { level: 1, roleCodes: ['purchaser', 'manager'] },
    });
  });
});
