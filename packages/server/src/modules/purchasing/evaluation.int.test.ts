import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

const SCORES =
  'query($s:ID,$b:ScoreBucket,$f:String,$t:String){ supplierScorecards(supplierId:$s, bucket:$b, from:$f, to:$t){ supplierId period deliveries onTime onTimeRate averageDaysLate received rejected rejectRate paidAmount agreedAmount priceDeviationPct } }';
const FLAG = 'query($id:ID!){ supplier(id:$id){ reducedShare lastDeliveriesDaysLate } }';

describe(`supplier evaluation from receipts (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let S: string;
  let W: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  /** an approved order with an expected date, received on `on` with `rejected` of `qty` refused */
  const deliver = async (expected: string, on: string, qty: string, rejected: string, price?: string) => {
    const o = ok(
      await t.gql(
        'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id lines { id } } }',
        {
          i: {
            supplierId: S,
            warehouseId: W,
            orderDate: '2026-07-01',
            expectedDate: expected,
            lines: [{ skuId: String(c.tea.id), qty, ...(price ? { price } : {}) }],
          },
        },
        tok.purchaser,
      ),
    ).createPurchaseOrder;
    ok(await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ id } }', { id: o.id }, tok.purchaser));
    ok(await t.gql('mutation($id:ID!){ approvePurchaseOrder(id:$id){ id } }', { id: o.id }, tok.manager));
    const accepted = String(Number(qty) - Number(rejected));
    ok(
      await t.gql(
        'mutation($i:ReceivePurchaseOrderInput!){ receivePurchaseOrder(input:$i){ id } }',
        {
          i: {
            orderId: o.id,
            businessDate: on,
            lines: [
              {
                orderLineId: o.lines[0].id,
                acceptedQty: accepted,
                rejectedQty: rejected,
                ...(rejected !== '0' ? { rejectReason: '破损' } : {}),
              },
            ],
          },
        },
        tok.warehouse,
      ),
    );
  };

  beforeAll(async () => {
    t = await testApp();
    for (const u of ['admin', 'manager', 'purchaser', 'sales', 'warehouse']) tok[u] = await t.login(u);
    c = await seedCatalog(t.ds);
    W = String(c.warehouses[0].id);
    S = ok(
      await t.gql(
        'mutation{ createSupplier(input:{code:"E1", name:"考核供应商", status: APPROVED}){ id } }',
        {},
        tok.purchaser,
      ),
    ).createSupplier.id;
    ok(
      await t.gql(
        'mutation($i:AddSupplierPriceInput!){ addSupplierPrice(input:$i){ id } }',
        { i: { supplierId: S, skuId: String(c.tea.id), price: '10.00', validFrom: '2026-01-01' } },
        tok.purchaser,
      ),
    );
  });
  afterAll(() => t.close());

  it('scores quality, delivery and price per quarter, and flags two late deliveries in a row', async () => {
    // Q3: on time, 100 with 4 rejected at the agreed 10.00
    await deliver('2026-08-10', '2026-08-09', '100', '4');
    expect(ok(await t.gql(FLAG, { id: S }, tok.purchaser)).supplier).toEqual({
      reducedShare: false,
      lastDeliveriesDaysLate: [0],
    });
    // Q4: 3 days late at 10.50 (5 % over the agreement), then 5 days late with 1 of 20 rejected
    await deliver('2026-10-01', '2026-10-04', '50', '0', '10.50');
    await deliver('2026-11-01', '2026-11-06', '20', '1');
    expect(ok(await t.gql(FLAG, { id: S }, tok.purchaser)).supplier).toEqual({
      reducedShare: true,
      lastDeliveriesDaysLate: [5, 3],
    });
    expect(
      ok(await t.gql('query($id:ID!){ supplier(id:$id){ reducedShareReason } }', { id: S }, tok.purchaser)).supplier
        .reducedShareReason,
    ).toBe(
      'Two late deliveries in a row: 5 and 3 days late (newest first); reduced share of orders until one arrives on time.',
    );
    // the flag is where a purchaser picks a supplier
    expect(
      ok(await t.gql('{ suppliers(filter:{search:"E1"}){ items { code reducedShare } } }', {}, tok.purchaser)).suppliers
        .items,
    ).toEqual([{ code: 'E1', reducedShare: true }]);

    const cards = ok(
      await t.gql(SCORES, { s: S, b: 'QUARTER', f: '2026-07-01', t: '2026-12-31' }, tok.purchaser),
    ).supplierScorecards;
    expect(cards).toEqual([
      {
        supplierId: S,
        period: '2026-Q3',
        deliveries: 1,
        onTime: 1,
        onTimeRate: '1.0000',
        averageDaysLate: '0.00',
        received: '100',
        rejected: '4',
        rejectRate: '0.0400',
        paidAmount: '960.00',
        agreedAmount: '960.00',
        priceDeviationPct: '0.00',
      },
      // 1 of 70 rejected = 0.0143; late (3 + 5) / 2 = 4; paid 50 × 10.50 + 19 × 10 = 715.00 vs 690.00 agreed → +3.62 %
      {
        supplierId: S,
        period: '2026-Q4',
        deliveries: 2,
        onTime: 0,
        onTimeRate: '0.0000',
        averageDaysLate: '4.00',
        received: '70',
        rejected: '1',
        rejectRate: '0.0143',
        paidAmount: '715.00',
        agreedAmount: '690.00',
        priceDeviationPct: '3.62',
      },
    ]);
    // drill-down: the receipts behind them
    const rows = ok(
      await t.gql(
        'query($s:ID!){ supplierDeliveries(supplierId:$s, from:"2026-10-01"){ receivedOn expectedOn daysLate accepted rejected paidAmount } }',
        { s: S },
        tok.purchaser,
      ),
    ).supplierDeliveries;
    expect(rows).toEqual([
      {
        receivedOn: '2026-10-04',
        expectedOn: '2026-10-01',
        daysLate: 3,
        accepted: '50',
        rejected: '0',
        paidAmount: '525.00',
      },
      {
        receivedOn: '2026-11-06',
        expectedOn: '2026-11-01',
        daysLate: 5,
        accepted: '19',
        rejected: '1',
        paidAmount: '190.00',
      },
    ]);

    // an on-time delivery clears the flag
    await deliver('2026-11-20', '2026-11-18', '10', '0');
    expect(ok(await t.gql(FLAG, { id: S }, tok.purchaser)).supplier).toEqual({
      reducedShare: false,
      lastDeliveriesDaysLate: [0, 5],
    });
    expect(
      ok(await t.gql('query($id:ID!){ supplier(id:$id){ reducedShareReason } }', { id: S }, tok.purchaser)).supplier
        .reducedShareReason,
    ).toBeNull();
  });

  it('keeps prices from those who may not see them and refuses bad dates', async () => {
    const r = await t.gql(SCORES, { s: S, b: 'MONTH' }, tok.warehouse);
    expect(r.errors).toBeUndefined();
    expect(r.data.supplierScorecards.every((x: any) => x.paidAmount === null && x.priceDeviationPct === null)).toBe(
      true,
    );
    expect(r.extensions?.hiddenFields).toEqual([
      'SupplierScorecard.agreedAmount',
      'SupplierScorecard.paidAmount',
      'SupplierScorecard.priceDeviationPct',
    ]);
    expect(codeOf(await t.gql(SCORES, {}, tok.sales))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SCORES, { f: '25.11.2026' }, tok.purchaser))).toBe('BAD_USER_INPUT');
  });
});
