import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { Bin, newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

const PICK_LIST = `query($id:ID!){ salesOrderPickList(orderId:$id){ warehouseId
  rows { lineIndex skuCode unit zoneCode aisle binCode batchNo expiryDate qty } shorts { lineIndex short } } }`;
const SHIP =
  'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ lines { orderLineId picks { binCode batchNo qty } } } }';

/**
 * 拣货单: for what is left to ship of an order, the bins and batches the shipment will take
 * (FEFO by the SKU's strategy, never an expired batch or a quarantine bin for a sale), walked zone
 * by zone, aisle by aisle, bin by bin; shipping then takes exactly those.
 */
describe(`the pick list of a sales order (${testDbKind})`, () => {
  let t: TestApp;
  let ctx: Context;
  let admin: string;
  let keeper: string;
  let orderId: string;
  let lineIds: string[];
  let W: string;
  let medId: string;
  let q1: string;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };

  beforeAll(async () => {
    t = await testApp();
    ctx = await contextAs(t.ds, t.app.services, 'admin');
    admin = await t.login('admin');
    keeper = await t.login('warehouse');
    W = String((await t.ds.query('SELECT MIN(id) AS id FROM warehouse'))[0].id);
    const zone = async (code: string) =>
      ok(
        await t.gql(
          'mutation($i:CreateZoneInput!){ createZone(input:$i){ id } }',
          { i: { warehouseId: W, code, name: code } },
          admin,
        ),
      ).createZone.id as string;
    const z1 = Number(await zone('Z1'));
    const z2 = Number(await zone('Z2'));
    const bin = async (code: string, zoneId: number | null, quarantine = false) =>
      String(
        (
          await t.ds
            .getRepository(Bin)
            .save({ warehouseId: Number(W), zoneId, code, active: true, quarantine, version: 1 })
        ).id,
      );
    const a2 = await bin('A-2', z1);
    const a10 = await bin('A-10', z1);
    const b02 = await bin('B-02', z1);
    const z2a01 = await bin('A-01', z2);
    q1 = await bin('Q-1', z1, true);
    const med = await newProductSku(t.ds, 'PL-MED', { baseUnit: '盒', shelfLifeDays: 60, batchTracked: true });
    const tea = await newProductSku(t.ds, 'PL-TEA', { baseUnit: '罐' });
    medId = String(med.id);
    const doc = await t.app.services.stockDocuments.create(ctx, {
      type: 'other_in' as any,
      warehouseId: W,
      businessDate: '2026-11-01',
      lines: [
        { skuId: String(med.id), qty: '5', unitCost: '11.00', binId: a10, batchNo: 'P1', expiryDate: '2027-01-31' },
        { skuId: String(med.id), qty: '4', unitCost: '12.00', binId: b02, batchNo: 'P2', expiryDate: '2026-12-20' },
        { skuId: String(med.id), qty: '3', unitCost: '10.00', binId: z2a01, batchNo: 'P3', expiryDate: '2026-12-10' },
        // the earliest expiry, but in quarantine: never for a sale
        { skuId: String(med.id), qty: '9', unitCost: '10.00', binId: q1, batchNo: 'P4', expiryDate: '2026-12-06' },
        { skuId: String(tea.id), qty: '7', unitCost: '5.00', binId: a2 },
      ],
    });
    await t.app.services.stockDocuments.post(ctx, String(doc.id));
    const channel = ok(
      await t.gql('mutation{ saveSalesChannel(input:{code:"PL", name:"批发", kind: OFFLINE_STORE}){ id } }', {}, admin),
    ).saveSalesChannel.id;
    const customer = ok(
      await t.gql(
        'mutation{ createCustomer(input:{code:"PL-1", name:"拣货客户", creditLimit:"100000.00"}){ id } }',
        {},
        admin,
      ),
    ).createCustomer.id;
    const o = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
        {
          i: {
            customerId: customer,
            channelId: channel,
            warehouseId: W,
            orderDate: '2026-11-20',
            lines: [
              { skuId: String(med.id), qty: '10', unitPrice: '20.00' },
              { skuId: String(tea.id), qty: '3', unitPrice: '9.00' },
            ],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: o.id }, admin));
    orderId = o.id;
    lineIds = o.lines.map((l: any) => l.id);
  });
  afterAll(() => t.close());

  it('lists the bins and batches FEFO chose, in walking order (zone, aisle, bin); a keeper reads it', async () => {
    const pl = ok(await t.gql(PICK_LIST, { id: orderId }, keeper)).salesOrderPickList;
    expect(pl.rows).toEqual([
      {
        lineIndex: 1,
        skuCode: 'PL-TEA-1',
        unit: '罐',
        zoneCode: 'Z1',
        aisle: 'A',
        binCode: 'A-2',
        batchNo: null,
        expiryDate: null,
        qty: '3',
      },
      {
        lineIndex: 0,
        skuCode: 'PL-MED-1',
        unit: '盒',
        zoneCode: 'Z1',
        aisle: 'A',
        binCode: 'A-10',
        batchNo: 'P1',
        expiryDate: '2027-01-31',
        qty: '3',
      },
      {
        lineIndex: 0,
        skuCode: 'PL-MED-1',
        unit: '盒',
        zoneCode: 'Z1',
        aisle: 'B',
        binCode: 'B-02',
        batchNo: 'P2',
        expiryDate: '2026-12-20',
        qty: '4',
      },
      {
        lineIndex: 0,
        skuCode: 'PL-MED-1',
        unit: '盒',
        zoneCode: 'Z2',
        aisle: 'A',
        binCode: 'A-01',
        batchNo: 'P3',
        expiryDate: '2026-12-10',
        qty: '3',
      },
    ]);
    expect(pl.shorts).toEqual([]);
  });

  it('shipping takes exactly what the pick list said; then nothing is left to pick', async () => {
    const shipped = ok(
      await t.gql(
        SHIP,
        {
          i: {
            orderId,
            businessDate: '2026-11-25',
            lines: [
              { orderLineId: lineIds[0], qty: '10' },
              { orderLineId: lineIds[1], qty: '3' },
            ],
          },
        },
        admin,
      ),
    ).shipSalesOrder;
    const picks = (id: string) =>
      shipped.lines
        .find((l: any) => l.orderLineId === id)
        .picks.map((p: any) => [p.binCode, p.batchNo, p.qty])
        .sort();
    expect(picks(lineIds[0])).toEqual([
      ['A-01', 'P3', '3'],
      ['A-10', 'P1', '3'],
      ['B-02', 'P2', '4'],
    ]);
    expect(picks(lineIds[1])).toEqual([['A-2', null, '3']]);
    expect(ok(await t.gql(PICK_LIST, { id: orderId }, keeper)).salesOrderPickList.rows).toEqual([]);
  });

  it('a draft stock issue has its pick list too: quarantine bins only where the line names them', async () => {
    const draft = (lines: object[]) =>
      t.app.services.stockDocuments.create(ctx, {
        type: 'other_out' as any,
        warehouseId: W,
        businessDate: '2026-11-25',
        lines: lines as any,
      });
    const PL = `query($id:ID!){ stockDocumentPickList(id:$id){ rows { lineIndex binCode batchNo qty } shorts { lineIndex short } } }`;
    // left: P1 2 in A-10, P4 9 in quarantine bin Q-1
    const open = await draft([{ skuId: medId, qty: '3' }]);
    expect(ok(await t.gql(PL, { id: String(open.id) }, keeper)).stockDocumentPickList).toEqual({
      rows: [{ lineIndex: 0, binCode: 'A-10', batchNo: 'P1', qty: '2' }],
      shorts: [{ lineIndex: 0, short: '1' }],
    });
    const named = await draft([{ skuId: medId, qty: '1', binId: q1, batchNo: 'P4' }]);
    expect(ok(await t.gql(PL, { id: String(named.id) }, keeper)).stockDocumentPickList.rows).toEqual([
      { lineIndex: 0, binCode: 'Q-1', batchNo: 'P4', qty: '1' },
    ]);
  });

  it('an unknown order is not found', async () => {
    expect(codeOf(await t.gql(PICK_LIST, { id: '999999' }, keeper))).toBe('NOT_FOUND');
  });
});
