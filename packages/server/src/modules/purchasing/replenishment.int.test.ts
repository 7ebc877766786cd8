import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../core/dates';
import { contextAs } from '../../test/context';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockDocType } from '../stock/stock-document.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { HISTORY_DAYS } from './replenishment.service';

const SUGGEST = `query($w:ID!,$f:ReplenishmentFilter){ replenishmentSuggestions(warehouseId:$w, filter:$f){
  skuCode status message historyDays averageDailyDemand forecastMethod forecastMae safetyMethod safetyStock onHand onOrder reserved
  leadTimeDays reviewPeriodDays packSize minimumOrder supplierName supplierReducedShare suggested steps { label formula value } } }`;

describe(`replenishment: demand history → forecast → safety stock → suggestion → draft orders (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W: string;
  let S: string;
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };

  beforeAll(async () => {
    t = await testApp();
    for (const u of ['admin', 'manager', 'purchaser', 'sales', 'warehouse']) tok[u] = await t.login(u);
    c = await seedCatalog(t.ds);
    W = String(c.warehouses[0].id);
    const ctx = await contextAs(t.ds, t.app.services, 'admin');
    const docs = t.app.services.stockDocuments;
    const post = async (input: Parameters<typeof docs.create>[1]) =>
      docs.post(ctx, String((await docs.create(ctx, input)).id));
    // 1000 tea and 50 kg rice arrive before the history window
    const start = addDays(today(), -HISTORY_DAYS - 5);
    await post({
      type: StockDocType.OTHER_IN,
      warehouseId: W,
      businessDate: start,
      lines: [
        { skuId: String(c.tea.id), qty: '1000', unitCost: '8' },
        { skuId: String(c.rice.id), qty: '50', unitCost: '4' },
      ],
    });
    // the stores take 10 tea every day of the window (demand); a one-off scrap of 5 is not demand
    for (let d = HISTORY_DAYS - 1; d >= 0; d--) {
      await post({
        type: StockDocType.OTHER_OUT,
        warehouseId: W,
        businessDate: addDays(today(), -d),
        countsAsDemand: true,
        memo: '门店领用',
        lines: [{ skuId: String(c.tea.id), qty: '10' }],
      });
    }
    await post({
      type: StockDocType.OTHER_OUT,
      warehouseId: W,
      businessDate: addDays(today(), -3),
      memo: '报废',
      lines: [{ skuId: String(c.tea.id), qty: '5' }],
    });
    S = ok(
      await t.gql(
        'mutation{ createSupplier(input:{code:"R1", name:"补货供应商", status: APPROVED, leadTimeDays: 5}){ id } }',
        {},
        tok.purchaser,
      ),
    ).createSupplier.id;
    ok(
      await t.gql(
        'mutation($i:AddSupplierPriceInput!){ addSupplierPrice(input:$i){ id } }',
        {
          i: {
            supplierId: S,
            skuId: String(c.tea.id),
            price: '8.00',
            validFrom: '2026-01-01',
            packSize: '12',
            minOrderQty: '24',
          },
        },
        tok.purchaser,
      ),
    );
    // 30 on an approved order, not yet received
    const o = ok(
      await t.gql(
        'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id } }',
        { i: { supplierId: S, warehouseId: W, lines: [{ skuId: String(c.tea.id), qty: '30' }] } },
        tok.purchaser,
      ),
    ).createPurchaseOrder;
    ok(await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ id } }', { id: o.id }, tok.purchaser));
    ok(await t.gql('mutation($id:ID!){ approvePurchaseOrder(id:$id){ id } }', { id: o.id }, tok.manager));
  }, 240_000);
  afterAll(() => t.close());

  it('works the notes’ numbers through the corrected formula and shows every step', async () => {
    const rows = ok(await t.gql(SUGGEST, { w: W }, tok.purchaser)).replenishmentSuggestions;
    const tea = rows.find((r: any) => r.skuCode === 'P-TEA-1');
    // 10 a day → forecast 10 a day; safety 10 × 5 × 1.2 = 60; horizon 5 + 7 = 12 days → 120;
    // level 180; position = (1000 − 910 − 5) + 30 − 0 = 115; net 65 → 6 packs of 12 = 72 (≥ MOQ 24)
    expect(tea).toMatchObject({
      status: 'OK',
      historyDays: HISTORY_DAYS,
      averageDailyDemand: '10',
      forecastMethod: 'moving_average',
      forecastMae: '0.0000',
      safetyMethod: 'SIMPLE',
      safetyStock: '60',
      onHand: '85',
      onOrder: '30',
      reserved: '0',
      leadTimeDays: 5,
      reviewPeriodDays: 7,
      packSize: '12',
      minimumOrder: '24',
      supplierName: '补货供应商',
      supplierReducedShare: false,
      suggested: '72',
    });
    expect(tea.steps.map((s: any) => [s.label, s.value])).toEqual([
      ['safetyStockRaw', '60'],
      ['safetyStock', '60'],
      ['horizonDays', '12'],
      ['demandOverHorizon', '120'],
      ['orderUpToLevel', '180'],
      ['inventoryPosition', '115'],
      ['netRequirement', '65'],
      ['roundedToPack', '72'],
      ['suggestedQuantity', '72'],
    ]);
    expect(tea.steps.find((s: any) => s.label === 'inventoryPosition').formula).toBe(
      'onHand + onOrder − reserved = 85 + 30 − 0',
    );
    // rice has stock but no demand: say so, suggest nothing
    const rice = rows.find((r: any) => r.skuCode === 'P-RICE-1');
    expect(rice).toMatchObject({ status: 'NO_HISTORY', suggested: null, safetyStock: null, forecastMethod: null });
    expect(rice.message).toContain('No demand');
    expect(
      ok(await t.gql(SUGGEST, { w: W, f: { onlyToOrder: true } }, tok.purchaser)).replenishmentSuggestions.map(
        (r: any) => r.skuCode,
      ),
    ).toEqual(['P-TEA-1']);
  });

  it('takes the statistical rule from a category setting (σ = 0 for steady demand) and a fixed method from the SKU', async () => {
    ok(
      await t.gql(
        'mutation($i:ReplenishmentSettingInput!){ saveReplenishmentSetting(input:$i){ id } }',
        { i: { categoryId: String(c.category.id), safetyMethod: 'STATISTICAL', serviceLevel: '0.95' } },
        tok.purchaser,
      ),
    );
    ok(
      await t.gql(
        'mutation($i:ReplenishmentSettingInput!){ saveReplenishmentSetting(input:$i){ id } }',
        { i: { skuId: String(c.tea.id), forecastMethod: 'SES', safetyMethod: 'STATISTICAL', reviewPeriodDays: 7 } },
        tok.purchaser,
      ),
    );
    const tea = ok(await t.gql(SUGGEST, { w: W, f: { search: 'P-TEA' } }, tok.purchaser)).replenishmentSuggestions[0];
    // safety 0; level 120; position 115; net 5 → 1 pack = 12 → raised to MOQ 24
    expect(tea).toMatchObject({
      forecastMethod: 'ses',
      safetyMethod: 'STATISTICAL',
      safetyStock: '0',
      suggested: '24',
    });
    expect(
      codeOf(
        await t.gql(
          'mutation($i:ReplenishmentSettingInput!){ saveReplenishmentSetting(input:$i){ id } }',
          { i: { skuId: String(c.tea.id), serviceLevel: '1.5' } },
          tok.purchaser,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    // back to the simple rule for the next test
    ok(
      await t.gql(
        'mutation($i:ReplenishmentSettingInput!){ saveReplenishmentSetting(input:$i){ id } }',
        { i: { skuId: String(c.tea.id), forecastMethod: null, safetyMethod: 'SIMPLE', instabilityFactor: '1.2' } },
        tok.purchaser,
      ),
    );
  });

  it('the forecast of a SKU: history, weekly buckets and the next 28 days', async () => {
    const f = ok(
      await t.gql(
        'query($w:ID!,$s:ID!){ demandForecast(warehouseId:$w, skuId:$s){ suggestion { forecastMethod } history { date qty } weekly { qty } forecast { date qty } } }',
        { w: W, s: String(c.tea.id) },
        tok.purchaser,
      ),
    ).demandForecast;
    expect(f.history).toHaveLength(HISTORY_DAYS);
    expect(f.history.at(-1)).toEqual({ date: today(), qty: '10.00' });
    expect(f.forecast).toHaveLength(28);
    expect(f.forecast[0]).toEqual({ date: addDays(today(), 1), qty: '10.00' });
  });

  it('turns suggestions into draft orders per supplier with agreed prices, all or nothing', async () => {
    const before = await t.ds.getRepository(PurchaseOrder).count();
    const bad = await t.gql(
      'mutation($w:ID!,$l:[SuggestionOrderLine!]!){ createPurchaseOrdersFromSuggestions(warehouseId:$w, lines:$l){ id } }',
      {
        w: W,
        l: [
          { skuId: String(c.tea.id), qty: '72' },
          { skuId: String(c.rice.id), qty: '10' },
        ],
      },
      tok.purchaser,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.details.fields).toEqual([
      { field: 'lines[1].supplierId', message: 'No supplier has a valid price agreement for this SKU; choose one.' },
    ]);
    expect(await t.ds.getRepository(PurchaseOrder).count()).toBe(before);
    const made = ok(
      await t.gql(
        'mutation($w:ID!,$l:[SuggestionOrderLine!]!){ createPurchaseOrdersFromSuggestions(warehouseId:$w, lines:$l){ status supplierId expectedDate total lines { qty price priceDeviates } } }',
        { w: W, l: [{ skuId: String(c.tea.id), qty: '72' }] },
        tok.purchaser,
      ),
    ).createPurchaseOrdersFromSuggestions;
    expect(made).toEqual([
      {
        status: 'DRAFT',
        supplierId: S,
        expectedDate: addDays(today(), 5),
        total: '576.00',
        lines: [{ qty: '72', price: '8.000000', priceDeviates: false }],
      },
    ]);
    expect(codeOf(await t.gql(SUGGEST, { w: W }, tok.sales))).toBe('FORBIDDEN');
  });
});
