import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProductSku, seedCatalog } from '../../test/fixtures';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import { Product } from '../catalog';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id } }`;
const SUGGEST = `query($w:ID!,$l:[PutAwayLineInput!]!){ putAwaySuggestions(warehouseId:$w, lines:$l){ index binCode reason } }`;

/** Put-away on receipt: the bin holding the batch, else the SKU, else an empty bin whose zone suits the goods. */
describe(`put-away suggestions (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  const bin: Record<string, string> = {};
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };

  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
    const zone = async (code: string, conditions: object) =>
      ok(
        await t.gql(
          'mutation($i:CreateZoneInput!){ createZone(input:$i){ id } }',
          { i: { warehouseId: W1, code, name: code, conditions } },
          admin,
        ),
      ).createZone.id;
    const cold = await zone('COLD', { tempMin: 2, tempMax: 8, foodGrade: true });
    const dry = await zone('DRY', {});
    for (const [code, zoneId, quarantine] of [
      ['C-02', cold, false],
      ['C-01', cold, false],
      ['D-01', dry, false],
      ['D-02', dry, false],
      ['Q-01', dry, true],
    ] as const)
      bin[code] = ok(
        await t.gql(
          'mutation($i:CreateBinInput!){ createBin(input:$i){ id } }',
          { i: { warehouseId: W1, zoneId, code, quarantine } },
          admin,
        ),
      ).createBin.id;
    await t.ds
      .getRepository(Product)
      .update({ code: 'P-MILK' }, { storageTempMin: 2, storageTempMax: 8, storageFoodGrade: true });
    ok(
      await t.gql(
        POST,
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: W1,
            lines: [
              {
                skuId: String(c.milk.id),
                qty: '2',
                unitCost: '3.00',
                batchNo: 'M-1',
                expiryDate: '2027-06-01',
                binId: bin['C-02'],
              },
              { skuId: String(c.tea.id), qty: '5', unitCost: '10.00', binId: bin['D-02'] },
              // stock in A-01 (no zone) and in quarantine: neither is empty, quarantine is never suggested
              { skuId: String(c.rice.id), qty: '1', unitCost: '4.00', binId: String(c.bins[0].id) },
              { skuId: String(c.tea.id), qty: '9', unitCost: '10.00', binId: bin['Q-01'] },
            ],
          },
          k: 'put-away-1',
        },
        admin,
      ),
    );
  });
  afterAll(() => t.close());

  it('suggests the batch’s bin, the SKU’s bin, then a fitting empty bin in walking order; none when nothing fits', async () => {
    const dark = await newProductSku(t.ds, 'P-DARK', { storageDark: true });
    const r = ok(
      await t.gql(
        SUGGEST,
        {
          w: W1,
          l: [
            { skuId: String(c.milk.id), batchNo: 'M-1' },
            { skuId: String(c.milk.id), batchNo: 'M-9' },
            { skuId: String(c.tea.id) },
            { skuId: String(dark.id) },
          ],
        },
        admin,
      ),
    ).putAwaySuggestions;
    expect(r).toEqual([
      { index: 0, binCode: 'C-02', reason: 'SAME_BATCH' },
      { index: 1, binCode: 'C-02', reason: 'SAME_SKU' },
      { index: 2, binCode: 'D-02', reason: 'SAME_SKU' }, // the quarantine bin holds more, but is never suggested
      { index: 3, binCode: null, reason: null }, // no dark zone
    ]);
    // the rice's bin is taken; a new product without needs goes to the first empty bin: A-02 (no zone), then COLD…
    const plain = await newProductSku(t.ds, 'P-PLAIN');
    expect(ok(await t.gql(SUGGEST, { w: W1, l: [{ skuId: String(plain.id) }] }, admin)).putAwaySuggestions).toEqual([
      { index: 0, binCode: 'A-02', reason: 'EMPTY_BIN' },
    ]);
    // milk into an empty fitting bin once its own is full of something else: C-01 (COLD, empty)
    const fresh = await newProductSku(t.ds, 'P-FRESH', { storageTempMin: 2, storageTempMax: 8 });
    expect(ok(await t.gql(SUGGEST, { w: W1, l: [{ skuId: String(fresh.id) }] }, admin)).putAwaySuggestions).toEqual([
      { index: 0, binCode: 'C-01', reason: 'EMPTY_BIN' },
    ]);
  });
});
