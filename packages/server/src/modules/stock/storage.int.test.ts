import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { Product } from '../catalog';
import { StockLedgerEntry } from './ledger.entity';
import { Zone } from './location.entity';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number } }`;
const ZONE = `mutation($i:CreateZoneInput!){ createZone(input:$i){ id code tempMin tempMax humidityMin humidityMax dark hazardClass foodGrade } }`;
const FIT = 'query($b:ID!,$s:[ID!]!){ storageFit(binId:$b, skuIds:$s){ skuId mismatches refused } }';

/**
 * Storage conditions: a zone states what it assures, a product what it needs; the forms ask whether
 * a bin fits (storageFit), and with settings.storageRule REFUSE a posting that puts goods into a bin
 * whose zone does not suit them is refused with STORAGE_CONDITION_MISMATCH and changes nothing.
 */
describe(`storage conditions of zones and products (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  const bin: Record<string, string> = {};
  let seq = 0;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const post = (lines: object[], type = 'OTHER_IN', extra: object = {}) =>
    t.gql(POST, { i: { type, warehouseId: W1, lines, ...extra }, k: `storage-${++seq}` }, admin);
  const milkInto = (b: string, qty = '2') => ({
    skuId: String(c.milk.id),
    qty,
    unitCost: '3.00',
    batchNo: 'M-1',
    expiryDate: '2027-03-01',
    binId: bin[b],
  });
  const ledgerRows = () => t.ds.getRepository(StockLedgerEntry).count();

  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
  });
  afterAll(() => t.close());

  it('zones carry conditions; a range upside down or an unknown hazard class is refused and nothing is saved', async () => {
    const bad = await t.gql(
      ZONE,
      { i: { warehouseId: W1, code: 'X', name: 'X', conditions: { tempMin: 10, tempMax: 2, hazardClass: '12' } } },
      admin,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.details.fields).toEqual([
      { field: 'conditions.tempMin', message: 'The lower bound is above the upper bound.' },
      { field: 'conditions.hazardClass', message: 'A class of GB 6944: 1–9, or a division like 2.1.' },
    ]);
    expect(await t.ds.getRepository(Zone).count()).toBe(0);
    const cold = ok(
      await t.gql(
        ZONE,
        {
          i: { warehouseId: W1, code: 'COLD', name: '冷藏区', conditions: { tempMin: 2, tempMax: 8, foodGrade: true } },
        },
        admin,
      ),
    ).createZone;
    expect(cold).toMatchObject({
      tempMin: 2,
      tempMax: 8,
      humidityMin: null,
      dark: false,
      hazardClass: null,
      foodGrade: true,
    });
    const dry = ok(await t.gql(ZONE, { i: { warehouseId: W1, code: 'DRY', name: '常温区' } }, admin)).createZone;
    for (const [code, zoneId] of [
      ['C-01', cold.id],
      ['D-01', dry.id],
    ])
      bin[code] = ok(
        await t.gql(
          'mutation($i:CreateBinInput!){ createBin(input:$i){ id } }',
          { i: { warehouseId: W1, zoneId, code } },
          admin,
        ),
      ).createBin.id;
  });

  it('products carry structured needs next to the free note', async () => {
    const p = await t.ds.getRepository(Product).findOneByOrFail({ code: 'P-MILK' });
    const saved = ok(
      await t.gql(
        `mutation($i:UpdateProductInput!){ updateProduct(input:$i){ storageCondition storageTempMin storageTempMax storageDark storageFoodGrade hazardClass } }`,
        {
          i: {
            id: String(p.id),
            version: p.version,
            storageCondition: '冷藏 2–8 °C',
            storageNeeds: { tempMin: 2, tempMax: 8, foodGrade: true },
          },
        },
        admin,
      ),
    ).updateProduct;
    expect(saved).toEqual({
      storageCondition: '冷藏 2–8 °C',
      storageTempMin: 2,
      storageTempMax: 8,
      storageDark: false,
      storageFoodGrade: true,
      hazardClass: null,
    });
    const wrong = await t.gql(
      'mutation($i:UpdateProductInput!){ updateProduct(input:$i){ id } }',
      { i: { id: String(p.id), version: p.version + 1, storageNeeds: { humidityMin: 50, humidityMax: 120 } } },
      admin,
    );
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].extensions!.details.fields).toEqual([
      { field: 'storageNeeds.humidityMin', message: 'Whole numbers from 0 to 100.' },
    ]);
  });

  it('the forms ask whether a bin fits; with WARN the posting goes through', async () => {
    const fit = async (b: string) =>
      ok(await t.gql(FIT, { b: bin[b], s: [String(c.milk.id), String(c.tea.id)] }, admin)).storageFit;
    expect(await fit('D-01')).toEqual([
      { skuId: String(c.milk.id), mismatches: ['TEMPERATURE', 'FOOD_GRADE'], refused: false },
      { skuId: String(c.tea.id), mismatches: [], refused: false },
    ]);
    expect((await fit('C-01')).map((f: any) => f.mismatches)).toEqual([[], []]);
    ok(await post([milkInto('D-01')]));
  });

  it('with REFUSE goods into a bin that does not suit them are refused and nothing changes; what fits goes through', async () => {
    const settings = ok(await t.gql('{ companySettings { version } }', {}, admin)).companySettings;
    ok(
      await t.gql(
        'mutation($i:UpdateSettingsInput!){ updateCompanySettings(input:$i){ storageRule } }',
        { i: { version: settings.version, storageRule: 'REFUSE' } },
        admin,
      ),
    );
    const before = await ledgerRows();
    const refused = await post([
      { skuId: String(c.tea.id), qty: '1', unitCost: '10.00', binId: bin['D-01'] },
      milkInto('D-01'),
    ]);
    expect(codeOf(refused)).toBe('STORAGE_CONDITION_MISMATCH');
    expect(refused.errors![0].extensions!.details).toEqual({
      lineIndex: 1,
      skuId: c.milk.id,
      binId: Number(bin['D-01']),
      binCode: 'D-01',
      mismatches: ['TEMPERATURE', 'FOOD_GRADE'],
    });
    expect(refused.errors![0].message).toBe(
      'Line 2: bin D-01 does not suit this SKU (temperature, food_grade); nothing was posted.',
    );
    expect(await ledgerRows()).toBe(before);
    // a move between bins into the wrong zone is refused too
    const move = await post(
      [{ skuId: String(c.milk.id), qty: '1', batchNo: 'M-1', binId: bin['D-01'], toBinId: String(c.bins[0].id) }],
      'TRANSFER',
      {
        toWarehouseId: W1,
      },
    );
    expect(codeOf(move), JSON.stringify(move.errors)).toBe('STORAGE_CONDITION_MISMATCH');
    expect(await ledgerRows()).toBe(before);
    expect(ok(await t.gql(FIT, { b: bin['D-01'], s: [String(c.milk.id)] }, admin)).storageFit[0].refused).toBe(true);
    // into the cold zone, and goods without needs anywhere: posted
    ok(await post([milkInto('C-01'), { skuId: String(c.tea.id), qty: '1', unitCost: '10.00', binId: bin['D-01'] }]));
    expect(await ledgerRows()).toBe(before + 2);
  });
});
