import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../core/dates';
import { contextAs } from '../../test/context';
import { newProductSku, seedCatalog, StockDocType } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { exportedFile, exportListAs } from '../../test/list-export';
import { PurchaseOrder } from './purchase-order.entity';
import { SafetyStockMethod } from './replenishment.entity';
import { HISTORY_DAYS, ReplenishmentService } from './replenishment.service';
import { checkDemand, rebuildDemandTables } from '.';

const SUGGEST = `query($w:ID!,$f:ReplenishmentFilter){ replenishmentSuggestions(warehouseId:$w, filter:$f){
  skuCode status message historyFrom historyTo historyDays historyTotal averageDailyDemand forecastMethod forecastMethodFixed
  forecastParamsFixed forecastWindow forecastAlpha forecastBeta forecastGamma forecastBacktestDays forecastMae forecastRmse
  dailyRate dailyForecast horizonDays demandOverHorizon safetyMethod serviceLevel serviceLevelPercent serviceLevelZ
  instabilityFactor safetyStock onHand notForSale onOrder reserved
  leadTimeDays reviewPeriodDays packSize minimumOrder supplierName supplierReducedShare suggested steps { label formula value key args } } }`;

const D = (x: Decimal.Value) => new Decimal(x);

/**
 * Recomputes a suggestion from its exposed fields alone, in exact decimals: the average from the
 * history, the safety stock from its rule, the demand from the daily rate (or the daily forecast),
 * the order-up-to level, the position, packs and the minimum order. `scale`: the unit's decimals.
 */
function reproduces(s: any, scale = 0) {
  expect(D(s.historyTotal).div(s.historyDays).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed()).toBe(
    s.averageDailyDemand,
  );
  const ceil = (x: Decimal) => x.toDecimalPlaces(scale, Decimal.ROUND_CEIL);
  const stepValue = (label: string) => s.steps.find((x: any) => x.label === label).value;
  const ss =
    s.safetyMethod === 'SIMPLE'
      ? ceil(D(s.averageDailyDemand).times(s.leadTimeDays).times(s.instabilityFactor))
      : s.safetyMethod === 'STATISTICAL'
        ? ceil(D(s.serviceLevelZ).times(stepValue('sigmaDailyDemand')).times(stepValue('sqrtLeadTime')))
        : ceil(D(stepValue('safetyStock')));
  expect(ss.toFixed()).toBe(D(s.safetyStock).toFixed());
  expect(s.horizonDays).toBe(s.leadTimeDays + s.reviewPeriodDays);
  const demand = s.dailyForecast.length
    ? s.dailyForecast.reduce((a: Decimal, x: string) => a.plus(x), D(0))
    : D(s.dailyRate).times(s.horizonDays);
  expect(demand.toFixed()).toBe(D(s.demandOverHorizon).toFixed());
  const net = ss.plus(demand).minus(D(s.onHand).plus(s.onOrder).minus(s.reserved));
  const pack = D(s.packSize);
  const packs = net.lte(0) ? D(0) : Decimal.max(net.div(pack).ceil(), D(s.minimumOrder).div(pack).ceil());
  expect(packs.times(pack).toFixed()).toBe(D(s.suggested).toFixed());
}

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
    // the stores take 10 tea every day of the window and today (demand); a one-off scrap of 5 is not demand
    for (let d = HISTORY_DAYS; d >= 0; d--) {
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
    // 91 complete days of 10 (today's unfinished day is not in the history) → 10 a day; safety
    // 10 × 5 × 1.2 = 60; horizon 5 + 7 = 12 days → 120; level 180; position = (1000 − 920 − 5) + 30 − 0 = 105;
    // net 75 → 7 packs of 12 = 84 (≥ MOQ 24)
    expect(tea).toMatchObject({
      status: 'OK',
      historyFrom: addDays(today(), -HISTORY_DAYS),
      historyTo: addDays(today(), -1),
      historyDays: HISTORY_DAYS,
      historyTotal: '910',
      averageDailyDemand: '10',
      forecastMethod: 'moving_average',
      forecastWindow: 3,
      dailyRate: '10',
      dailyForecast: [],
      horizonDays: 12,
      demandOverHorizon: '120',
      forecastMae: '0.0000',
      forecastBacktestDays: 22,
      safetyMethod: 'SIMPLE',
      serviceLevel: '0.9500',
      serviceLevelPercent: '95.00',
      serviceLevelZ: '1.644854',
      safetyStock: '60',
      onHand: '75',
      onOrder: '30',
      reserved: '0',
      leadTimeDays: 5,
      reviewPeriodDays: 7,
      packSize: '12',
      minimumOrder: '24',
      supplierName: '补货供应商',
      supplierReducedShare: false,
      suggested: '84',
    });
    expect(tea.steps.map((s: any) => [s.label, s.value])).toEqual([
      ['averageDailyDemand', '10'],
      ['dailyRate', '10'],
      ['safetyStockRaw', '60'],
      ['safetyStock', '60'],
      ['horizonDays', '12'],
      ['demandOverHorizon', '120'],
      ['orderUpToLevel', '180'],
      ['inventoryPosition', '105'],
      ['netRequirement', '75'],
      ['roundedToPack', '84'],
      ['suggestedQuantity', '84'],
    ]);
    expect(tea.steps.find((s: any) => s.label === 'inventoryPosition')).toMatchObject({
      formula: 'onHand + onOrder − reserved = 75 + 30 − 0',
      key: 'inventoryPosition',
      args: ['75', '30', '0'],
    });
    expect(tea.steps.find((s: any) => s.label === 'dailyRate')).toMatchObject({
      key: 'rateMovingAverage',
      args: ['30', '3'],
    });
    reproduces(tea);
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

  it('pages and filters on the server; the demand history the postings keep is the ledger’s', async () => {
    const PAGE = `query($w:ID!,$f:ReplenishmentFilter,$p:PageInput){ replenishmentPage(warehouseId:$w, filter:$f, page:$p){
      total offset limit items { skuCode suggested supplierName } } }`;
    const all = ok(await t.gql(PAGE, { w: W }, tok.purchaser)).replenishmentPage;
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((r: any) => r.skuCode)).toEqual([...all.items.map((r: any) => r.skuCode)].sort());
    // the same rows, figures and order as the whole list, a page at a time
    const whole = ok(await t.gql(SUGGEST, { w: W }, tok.purchaser)).replenishmentSuggestions;
    const second = ok(await t.gql(PAGE, { w: W, p: { offset: 1, limit: 1 } }, tok.purchaser)).replenishmentPage;
    expect(second).toMatchObject({ total: whole.length, offset: 1, limit: 1 });
    expect(second.items).toEqual([
      { skuCode: whole[1].skuCode, suggested: whole[1].suggested, supplierName: whole[1].supplierName },
    ]);
    // needs ordering: only tea (84), counted over every SKU, not the page
    expect(
      ok(await t.gql(PAGE, { w: W, f: { onlyToOrder: true }, p: { limit: 1 } }, tok.purchaser)).replenishmentPage,
    ).toEqual({
      total: 1,
      offset: 0,
      limit: 1,
      items: [{ skuCode: 'P-TEA-1', suggested: '84', supplierName: '补货供应商' }],
    });
    // the page's export: the same filter, the table's columns (Chinese headers as the page sends them)
    const cols: Array<[string, string]> = [
      ['sku', 'SKU'],
      ['averageDailyDemand', '日均需求'],
      ['method', '预测方法'],
      ['safetyStock', '安全库存'],
      ['onHand', '现存'],
      ['onOrder', '在途'],
      ['reserved', '已预留'],
      ['supplier', '首选供应商'],
      ['suggested', '建议订货'],
    ];
    const methods = {
      method: { moving_average: '移动平均', ses: '指数平滑', holt: 'Holt 趋势', NO_HISTORY: '无需求历史' },
    };
    const tea = whole.find((r: any) => r.skuCode === 'P-TEA-1');
    const file = await exportedFile(
      t,
      tok.purchaser,
      'replenishment',
      cols,
      { warehouseId: W, filter: { onlyToOrder: true } },
      methods,
    );
    expect(file.rows).toEqual([
      cols.map(([, h]) => h),
      [
        'P-TEA-1 龙井 250g',
        tea.averageDailyDemand,
        methods.method[tea.forecastMethod as 'ses'],
        tea.safetyStock,
        tea.onHand,
        tea.onOrder,
        tea.reserved,
        '补货供应商',
        '84',
      ],
    ]);
    expect(file.rows[1]).toEqual(['P-TEA-1 龙井 250g', '10', '移动平均', '60', '75', '30', '0', '补货供应商', '84']);
    const everything = await exportedFile(
      t,
      tok.purchaser,
      'replenishment',
      [
        ['sku', 'SKU'],
        ['method', '预测方法'],
        ['suggested', '建议订货'],
      ],
      { warehouseId: W },
      methods,
    );
    // rice has no demand: no method (the reason instead) and nothing suggested
    expect(everything.rows).toEqual([
      ['SKU', '预测方法', '建议订货'],
      ['P-RICE-1 东北大米', '无需求历史'],
      ['P-TEA-1 龙井 250g', '移动平均', '84'],
    ]);
    expect(whole.map((r: any) => r.skuCode)).toEqual(['P-RICE-1', 'P-TEA-1']);
    expect(codeOf(await exportListAs(t, tok.purchaser, 'replenishment', cols, { filter: {} }))).toBe('BAD_USER_INPUT');
    // by preferred supplier: tea is the only SKU with an agreement
    expect(
      ok(await t.gql(PAGE, { w: W, f: { supplierId: S } }, tok.purchaser)).replenishmentPage.items.map(
        (r: any) => r.skuCode,
      ),
    ).toEqual(['P-TEA-1']);
    // by ABC class: no SKU is classified yet
    expect(ok(await t.gql(PAGE, { w: W, f: { abcClass: 'A' } }, tok.purchaser)).replenishmentPage.total).toBe(0);
    const bad = await t.gql(PAGE, { w: W, f: { abcClass: 'D' } }, tok.purchaser);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // the table the postings keep equals what the ledger gives, and a rebuild changes nothing
    expect(await checkDemand(t.ds)).toEqual([]);
    const before = await t.ds.query(
      'SELECT warehouse_id, sku_id, day, qty FROM replenishment_demand ORDER BY warehouse_id, sku_id, day',
    );
    expect(before.length).toBe(HISTORY_DAYS + 1); // 10 tea a day, the window and today; the scrap is not demand
    await rebuildDemandTables(t.ds);
    expect(
      await t.ds.query(
        'SELECT warehouse_id, sku_id, day, qty FROM replenishment_demand ORDER BY warehouse_id, sku_id, day',
      ),
    ).toEqual(before);
    expect(await checkDemand(t.ds)).toEqual([]);
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
    // safety 0; level 120; position 105; net 15 → 2 packs = 24 (= MOQ 24)
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
    // the history ends yesterday, the last complete day; the forecast starts today
    expect(f.history.at(-1)).toEqual({ date: addDays(today(), -1), qty: '10.00' });
    expect(f.forecast).toHaveLength(28);
    expect(f.forecast[0]).toEqual({ date: today(), qty: '10.00' });
  });

  it('a SKU that sold 10 a day for 10 days averages 10: no days before its first move, not today', async () => {
    const W2 = String(c.warehouses[1].id);
    const ctx = await contextAs(t.ds, t.app.services, 'admin');
    const docs = t.app.services.stockDocuments;
    const post = async (input: Parameters<typeof docs.create>[1]) =>
      docs.post(ctx, String((await docs.create(ctx, input)).id));
    await post({
      type: StockDocType.OTHER_IN,
      warehouseId: W2,
      businessDate: addDays(today(), -10),
      lines: [{ skuId: String(c.tea.id), qty: '200', unitCost: '8' }],
    });
    for (let d = 10; d >= 0; d--)
      await post({
        type: StockDocType.OTHER_OUT,
        warehouseId: W2,
        businessDate: addDays(today(), -d),
        countsAsDemand: true,
        lines: [{ skuId: String(c.tea.id), qty: d === 0 ? '7' : '10' }],
      });
    const tea = ok(await t.gql(SUGGEST, { w: W2, f: { search: 'P-TEA' } }, tok.purchaser)).replenishmentSuggestions[0];
    // 100 over the 10 complete days since the first move (not 100 ÷ 91, and not today's 7)
    expect(tea).toMatchObject({
      status: 'OK',
      historyFrom: addDays(today(), -10),
      historyTo: addDays(today(), -1),
      historyDays: 10,
      historyTotal: '100',
      averageDailyDemand: '10',
      forecastMethod: 'moving_average',
      forecastWindow: 3,
      forecastBacktestDays: 2,
      dailyRate: '10',
      onHand: '93',
      onOrder: '0',
      safetyStock: '60',
      demandOverHorizon: '120',
      // 60 + 120 − 93 = 87 → 8 packs of 12
      suggested: '96',
    });
    reproduces(tea);
    // 13 found damaged go into a quarantine bin: they cannot cover demand, so on hand is 80
    const bin = await t.app.services.locations.createBin(ctx, { warehouseId: W2, code: 'QR-1', quarantine: true });
    await post({
      type: StockDocType.TRANSFER,
      warehouseId: W2,
      toWarehouseId: W2,
      businessDate: today(),
      lines: [{ skuId: String(c.tea.id), qty: '13', toBinId: String(bin.id) }],
    });
    const held = ok(await t.gql(SUGGEST, { w: W2, f: { search: 'P-TEA' } }, tok.purchaser)).replenishmentSuggestions[0];
    // 60 + 120 − 80 = 100 → 9 packs of 12
    expect(held).toMatchObject({ onHand: '80', notForSale: '13', suggested: '108' });
    reproduces(held);
    const f = ok(
      await t.gql(
        'query($w:ID!,$s:ID!){ demandForecast(warehouseId:$w, skuId:$s){ history { date qty } } }',
        { w: W2, s: String(c.tea.id) },
        tok.purchaser,
      ),
    ).demandForecast;
    expect(f.history.map((p: any) => p.qty)).toEqual(Array(10).fill('10.00'));
  });

  it('a chosen moving-average window and a fixed safety stock; the shown arithmetic gives the suggestion exactly', async () => {
    const W2 = String(c.warehouses[1].id);
    const ctx = await contextAs(t.ds, t.app.services, 'admin');
    const docs = t.app.services.stockDocuments;
    const post = async (input: Parameters<typeof docs.create>[1]) =>
      docs.post(ctx, String((await docs.create(ctx, input)).id));
    await post({
      type: StockDocType.OTHER_IN,
      warehouseId: W2,
      businessDate: addDays(today(), -14),
      lines: [{ skuId: String(c.rice.id), qty: '60', unitCost: '4' }],
    });
    const week = ['2.5', '3', '0', '4.25', '3', '3.5', '2']; // 18.25 a week
    for (let d = 14; d >= 0; d--) {
      const qty = d === 0 ? '9' : week[(14 - d) % 7];
      if (qty !== '0')
        await post({
          type: StockDocType.OTHER_OUT,
          warehouseId: W2,
          businessDate: addDays(today(), -d),
          countsAsDemand: true,
          lines: [{ skuId: String(c.rice.id), qty }],
        });
    }
    const SAVE =
      'mutation($i:ReplenishmentSettingInput!){ saveReplenishmentSetting(input:$i){ id movingAverageWindow } }';
    const bad = await t.gql(SAVE, { i: { skuId: String(c.rice.id), movingAverageWindow: 7 } }, tok.purchaser);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.details.fields[0].field).toBe('movingAverageWindow');
    expect(codeOf(await t.gql(SAVE, { i: { skuId: String(c.rice.id), safetyMethod: 'FIXED' } }, tok.purchaser))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(await t.gql(SAVE, { i: { skuId: String(c.rice.id), forecastMethod: 'SES', alpha: '0' } }, tok.purchaser)),
    ).toBe('BAD_USER_INPUT');
    expect(
      ok(
        await t.gql(
          SAVE,
          { i: { skuId: String(c.rice.id), forecastMethod: 'MOVING_AVERAGE', movingAverageWindow: 7 } },
          tok.purchaser,
        ),
      ).saveReplenishmentSetting.movingAverageWindow,
    ).toBe(7);
    const get = async () =>
      ok(await t.gql(SUGGEST, { w: W2, f: { search: 'P-RICE' } }, tok.purchaser)).replenishmentSuggestions[0];
    let rice = await get();
    // 36.5 kg over 14 days → 2.6071; the last 7 days 18.25 ÷ 7 → 2.6071 a day × 14 days = 36.4994;
    // safety 2.6071 × 7 × 1.2 = 21.89964 → 21.9; level 58.3994 − position 14.5 = 43.8994 → 44 (pack 1)
    expect(rice).toMatchObject({
      status: 'OK',
      historyDays: 14,
      historyTotal: '36.5',
      averageDailyDemand: '2.6071',
      forecastMethod: 'moving_average',
      forecastMethodFixed: true,
      forecastParamsFixed: true,
      forecastWindow: 7,
      dailyRate: '2.6071',
      horizonDays: 14,
      demandOverHorizon: '36.4994',
      safetyMethod: 'SIMPLE',
      safetyStock: '21.900',
      onHand: '14.5',
      suggested: '44',
    });
    expect(rice.steps.slice(0, 3).map((s: any) => [s.key, s.args, s.value])).toEqual([
      ['averageDailyDemand', ['36.5', '14', addDays(today(), -14), addDays(today(), -1)], '2.6071'],
      ['rateMovingAverage', ['18.25', '7'], '2.6071'],
      ['safetyStockRaw', ['2.6071', '7', '1.2'], '21.89964'],
    ]);
    reproduces(rice, 3);

    const FIX =
      'mutation($w:ID!,$s:ID!,$q:Decimal){ setFixedSafetyStock(input:{ warehouseId:$w, skuId:$s, qty:$q }){ qty } }';
    expect(codeOf(await t.gql(FIX, { w: W2, s: String(c.rice.id), q: '-1' }, tok.purchaser))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(FIX, { w: W2, s: String(c.rice.id), q: '1.2345' }, tok.purchaser))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(FIX, { w: W2, s: String(c.rice.id), q: '5' }, tok.sales))).toBe('FORBIDDEN');
    expect(ok(await t.gql(FIX, { w: W2, s: String(c.rice.id), q: '12.5' }, tok.purchaser)).setFixedSafetyStock).toEqual(
      {
        qty: '12.5',
      },
    );
    rice = await get();
    // 12.5 + 36.4994 − 14.5 = 34.4994 → 35
    expect(rice).toMatchObject({ safetyMethod: 'FIXED', safetyStock: '12.500', suggested: '35' });
    expect(rice.steps.find((s: any) => s.label === 'safetyStock')).toMatchObject({
      key: 'safetyStockFixed',
      args: ['12.5'],
    });
    reproduces(rice, 3);
    // only this warehouse: the first one keeps its rule
    const other = ok(await t.gql(SUGGEST, { w: W, f: { search: 'P-RICE' } }, tok.purchaser))
      .replenishmentSuggestions[0];
    expect(other.safetyMethod).not.toBe('FIXED');
    expect(ok(await t.gql(FIX, { w: W2, s: String(c.rice.id), q: null }, tok.purchaser)).setFixedSafetyStock).toBe(
      null,
    );
    expect((await get()).safetyMethod).toBe('SIMPLE');
  });

  it('rejected units are on order only when a replacement is expected: the page and the receive form agree', async () => {
    const W2 = String(c.warehouses[1].id);
    const o = ok(
      await t.gql(
        'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id lines { id } } }',
        { i: { supplierId: S, warehouseId: W2, lines: [{ skuId: String(c.tea.id), qty: '24' }] } },
        tok.purchaser,
      ),
    ).createPurchaseOrder;
    ok(await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ id } }', { id: o.id }, tok.purchaser));
    ok(await t.gql('mutation($id:ID!){ approvePurchaseOrder(id:$id){ id } }', { id: o.id }, tok.manager));
    const line = o.lines[0].id;
    const receive = async (l: Record<string, unknown>) =>
      ok(
        await t.gql(
          'mutation($i:ReceivePurchaseOrderInput!){ receivePurchaseOrder(input:$i){ lines { rejectedQty replacementExpected } } }',
          { i: { orderId: o.id, lines: [{ orderLineId: line, ...l }] } },
          tok.admin, // the warehouse user works in the first warehouse only
        ),
      ).receivePurchaseOrder;
    const state = async () => {
      const order = ok(
        await t.gql(
          'query($id:ID!){ purchaseOrder(id:$id){ status lines { receivedQty rejectedQty replacementQty openQty } } }',
          { id: o.id },
          tok.purchaser,
        ),
      ).purchaseOrder;
      const tea = ok(await t.gql(SUGGEST, { w: W2, f: { search: 'P-TEA' } }, tok.purchaser))
        .replenishmentSuggestions[0];
      return { status: order.status, ...order.lines[0], onOrder: tea.onOrder };
    };
    // 16 of 24 accepted, 3 rejected for good: 5 still to come, on the form and on the page (not 24 − 16 = 8)
    expect(await receive({ acceptedQty: '16', rejectedQty: '3', rejectReason: '破损' })).toEqual({
      lines: [{ rejectedQty: '3', replacementExpected: false }],
    });
    expect(await state()).toEqual({
      status: 'PARTLY_RECEIVED',
      receivedQty: '16',
      rejectedQty: '3',
      replacementQty: '0',
      openQty: '5',
      onOrder: '5',
    });
    // 1 more rejected, to be replaced: it stays on order
    await receive({ acceptedQty: '0', rejectedQty: '1', rejectReason: '错货', replacementExpected: true });
    expect(await state()).toMatchObject({ rejectedQty: '4', replacementQty: '1', openQty: '5', onOrder: '5' });
    // the rest arrives: nothing more is expected (the purchaser closes the order for the 3 written off)
    await receive({ acceptedQty: '5' });
    expect(await state()).toMatchObject({ status: 'PARTLY_RECEIVED', receivedQty: '21', openQty: '0', onOrder: '0' });
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

  it('kept forecast models give exactly what the grid search gives; a back-dated posting makes the refresh choose again', async () => {
    const rs = t.app.services.replenishment;
    const ctx = await contextAs(t.ds, t.app.services, 'admin');
    const docs = t.app.services.stockDocuments;
    const post = async (input: Parameters<typeof docs.create>[1]) =>
      docs.post(ctx, String((await docs.create(ctx, input)).id));
    // two SKUs of their own: a weekly pattern (Holt-Winters' kind) and a rising trend, 42 days
    const weekly = await newProductSku(t.ds, 'P-WEEK');
    const rising = await newProductSku(t.ds, 'P-RISE');
    await post({
      type: StockDocType.OTHER_IN,
      warehouseId: W,
      businessDate: addDays(today(), -60),
      lines: [
        { skuId: String(weekly.id), qty: '5000', unitCost: '2' },
        { skuId: String(rising.id), qty: '5000', unitCost: '3' },
      ],
    });
    const pattern = [3, 5, 4, 6, 12, 20, 9];
    for (let d = 42; d >= 1; d--)
      await post({
        type: StockDocType.OTHER_OUT,
        warehouseId: W,
        businessDate: addDays(today(), -d),
        countsAsDemand: true,
        lines: [
          { skuId: String(weekly.id), qty: String(pattern[d % 7] + (d % 3)) },
          { skuId: String(rising.id), qty: String(2 + Math.floor((42 - d) / 2)) },
        ],
      });
    const uncached = async () => {
      rs.keepForecastModels = false;
      try {
        return {
          rows: await rs.suggestions(Number(W)),
          charts: await Promise.all([weekly.id, rising.id, c.tea.id].map((k) => rs.forecast(Number(W), k))),
        };
      } finally {
        rs.keepForecastModels = true;
      }
    };
    const cached = async () => ({
      rows: await rs.suggestions(Number(W)),
      charts: await Promise.all([weekly.id, rising.id, c.tea.id].map((k) => rs.forecast(Number(W), k))),
    });
    const kept = async () =>
      (
        await t.ds.query(
          'SELECT sku_id, method, series_hash, backtest_days FROM replenishment_forecast WHERE warehouse_id = ? ORDER BY sku_id',
          [Number(W)],
        )
      ).map((r: any) => ({
        sku: Number(r.sku_id),
        method: r.method,
        hash: r.series_hash,
        days: Number(r.backtest_days),
      }));
    // the job over every warehouse keeps the models of every warehouse; this test looks at one
    await rs.refreshForecasts();
    expect((await rs.refreshForecasts()).chosen).toBe(0);
    await t.ds.query('DELETE FROM replenishment_forecast WHERE warehouse_id = ?', [Number(W)]);
    const search = await uncached();
    expect(await kept()).toEqual([]); // the uncached path keeps nothing
    const methods = Object.fromEntries(search.rows.map((r) => [r.skuCode, r.forecastMethod]));
    expect(methods).toMatchObject({ 'P-TEA-1': 'moving_average', 'P-RICE-1': null });
    expect(['holt', 'holt_winters']).toContain(methods['P-RISE-1']);
    expect(methods['P-WEEK-1']).not.toBeNull();

    // the nightly refresh keeps one model per SKU with a forecast (rice, without demand, has none)
    const withModel = search.rows
      .filter((r) => r.forecastMethod)
      .map((r) => [r.skuId, r.forecastMethod])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(withModel.length).toBeGreaterThanOrEqual(3);
    expect(await rs.refreshForecasts([Number(W)])).toEqual({ skus: search.rows.length, chosen: withModel.length });
    const rows = await kept();
    expect(rows.map((r: any) => [r.sku, r.method])).toEqual(withModel);
    // a request with the kept models answers to the last digit what the search answers
    const first = await cached();
    expect(first).toEqual(search);
    expect(await kept()).toEqual(rows); // nothing was chosen again
    // a second refresh finds every series unchanged
    expect((await rs.refreshForecasts([Number(W)])).chosen).toBe(0);

    // a back-dated posting changes one SKU's series: its hash differs, the refresh chooses it again
    await post({
      type: StockDocType.OTHER_OUT,
      warehouseId: W,
      businessDate: addDays(today(), -10),
      countsAsDemand: true,
      lines: [{ skuId: String(weekly.id), qty: '40' }],
    });
    const changed = await uncached();
    expect(changed).not.toEqual(search);
    // before the refresh, a request finds the hash stale and searches (and keeps what it chose)
    expect(await cached()).toEqual(changed);
    const after = await kept();
    expect(after.find((r: any) => r.sku === weekly.id)!.hash).not.toBe(
      rows.find((r: any) => r.sku === weekly.id)!.hash,
    );
    expect(after.filter((r: any) => r.sku !== weekly.id)).toEqual(rows.filter((r: any) => r.sku !== weekly.id));
    // the refresh then has nothing left to choose; after a wrong row (as if the day had turned), it chooses again
    expect((await rs.refreshForecasts([Number(W)])).chosen).toBe(0);
    await t.ds.query(
      "UPDATE replenishment_forecast SET series_hash = 'stale', method = 'ses' WHERE warehouse_id = ? AND sku_id = ?",
      [Number(W), rising.id],
    );
    expect((await rs.refreshForecasts([Number(W)])).chosen).toBe(1);
    expect(await kept()).toEqual(after);
    expect(await cached()).toEqual(changed);
  }, 120_000);
  it('"needs ordering" from one demand row per SKU (GROUP_CONCAT) is exactly what the rows per day give', async () => {
    const rs = t.app.services.replenishment;
    const ctx = await contextAs(t.ds, t.app.services, 'admin');
    const docs = t.app.services.stockDocuments;
    const post = async (input: Parameters<typeof docs.create>[1]) =>
      docs.post(ctx, String((await docs.create(ctx, input)).id));
    // a SKU sold in thousandths (kg to 3 places), on 25 of the last 30 days
    const frac = await newProductSku(t.ds, 'P-FRAC', { unitScale: 3, baseUnit: 'kg' });
    await post({
      type: StockDocType.OTHER_IN,
      warehouseId: W,
      businessDate: addDays(today(), -40),
      lines: [{ skuId: String(frac.id), qty: '60', unitCost: '4' }],
    });
    for (let d = 30; d >= 1; d--)
      if (d % 6)
        await post({
          type: StockDocType.OTHER_OUT,
          warehouseId: W,
          businessDate: addDays(today(), -d),
          countsAsDemand: true,
          lines: [{ skuId: String(frac.id), qty: `${d % 3}.${String((d * 137) % 1000).padStart(3, '0')}` }],
        });
    const read = async () => ({
      all: await rs.suggestions(Number(W)),
      toOrder: await rs.page(Number(W), { onlyToOrder: true }, { offset: 0, limit: 200 }),
      chart: await rs.forecast(Number(W), frac.id),
    });
    // before: the demand row by row, every suggestion computed
    const uncached = async () => {
      rs.demandPerSku = false;
      rs.keepSuggestions = false;
      try {
        return await read();
      } finally {
        rs.demandPerSku = true;
        rs.keepSuggestions = true;
      }
    };
    const perDay = await uncached();
    // every input read for the whole warehouse in one pass (what 10,000 SKUs do), not by SKU lists:
    // here and in the second warehouse (13 in quarantine there; a fixed safety stock for the test)
    const W2 = Number(c.warehouses[1].id);
    await rs.setFixedSafetyStock(ctx, String(W2), String(c.rice.id), '12.5');
    const second = async () => {
      rs.keepSuggestions = false;
      try {
        return await rs.suggestions(W2);
      } finally {
        rs.keepSuggestions = true;
      }
    };
    const byLists = await second();
    expect(byLists.map((r) => r.notForSale)).toContain('13');
    expect(byLists.find((r) => r.skuId === c.rice.id)?.safetyMethod).toBe(SafetyStockMethod.FIXED);
    rs.wholeWarehouse = 0;
    try {
      expect(await uncached()).toEqual(perDay);
      expect(await second()).toEqual(byLists);
    } finally {
      rs.wholeWarehouse = 1000;
      await rs.setFixedSafetyStock(ctx, String(W2), String(c.rice.id), null);
    }
    const perSku = await read(); // computes and keeps the suggestions
    expect(perSku).toEqual(perDay);
    expect(await read()).toEqual(perDay); // from the kept suggestions
    // a receipt changes the SKU's position: its kept suggestion is not the answer any more
    await post({
      type: StockDocType.OTHER_IN,
      warehouseId: W,
      businessDate: today(),
      lines: [{ skuId: String(frac.id), qty: '7.5', unitCost: '4' }],
    });
    const moved = await uncached();
    expect(moved.all.find((r) => r.skuId === frac.id)!.onHand).not.toBe(
      perDay.all.find((r) => r.skuId === frac.id)!.onHand,
    );
    expect(await read()).toEqual(moved);
    // a page without supplier, class or "needs ordering" reads only its SKUs (in code order) and counts the rest
    for (const [offset, limit] of [
      [0, 2],
      [1, 3],
      [moved.all.length - 1, 5],
    ]) {
      const p = await rs.page(Number(W), {}, { offset, limit });
      expect(p.total).toBe(moved.all.length);
      expect(p.items).toEqual(moved.all.slice(offset, offset + limit));
    }
    const found = await rs.page(Number(W), { search: 'P-FRAC' }, { offset: 0, limit: 50 });
    expect(found.total).toBe(1);
    expect(found.items).toEqual(moved.all.filter((r) => r.skuId === frac.id));
    // the worked figures: Σ over d = 1…30, d not a multiple of 6, of (d mod 3) + (137·d mod 1000)/1000
    let total = new Decimal(0);
    for (let d = 30; d >= 1; d--)
      if (d % 6) total = total.plus(`${d % 3}.${String((d * 137) % 1000).padStart(3, '0')}`);
    const row = perSku.all.find((r) => r.skuId === frac.id)!;
    expect(row.historyTotal).toBe(total.toFixed());
    expect(row.historyDays).toBe(40); // from its first movement there (the receipt 40 days back)
    expect(perSku.all.length).toBeGreaterThan(3);
    expect(perSku.toOrder.items.length).toBeGreaterThan(0);
    expect(perSku.toOrder.items.length).toBe(perDay.toOrder.items.length);
  }, 120_000);

  it('a posting that changes a SKU’s demand computes its kept suggestion again (same position, new demand version); the others are kept', async () => {
    const rs = t.app.services.replenishment;
    const ctx = await contextAs(t.ds, t.app.services, 'admin');
    const docs = t.app.services.stockDocuments;
    const post = async (input: Parameters<typeof docs.create>[1]) =>
      docs.post(ctx, String((await docs.create(ctx, input)).id));
    const needs = () => rs.page(Number(W), { onlyToOrder: true }, { offset: 0, limit: 200 });
    const uncached = async () => {
      rs.keepSuggestions = false;
      try {
        return { all: await rs.suggestions(Number(W)), toOrder: await needs() };
      } finally {
        rs.keepSuggestions = true;
      }
    };
    await needs(); // keeps every suggestion
    await needs();
    expect(rs.lastTimings.computed).toBe(0);
    const all = await rs.suggestions(Number(W));
    const before = all.find((r) => r.skuId === c.tea.id)!;
    const version = async (skuId: number) =>
      Number(
        (
          await t.ds.query('SELECT demand_version AS v FROM replenishment_span WHERE warehouse_id = ? AND sku_id = ?', [
            Number(W),
            skuId,
          ])
        )[0].v,
      );
    const [teaVersion, riceVersion] = [await version(c.tea.id), await version(c.rice.id)];
    // 5 tea more demand three days back, and 5 received today: on hand, reserved and on order are as
    // they were, only the demand series (its version) tells the kept suggestion is not the answer
    await post({
      type: StockDocType.OTHER_OUT,
      warehouseId: W,
      businessDate: addDays(today(), -3),
      countsAsDemand: true,
      lines: [{ skuId: String(c.tea.id), qty: '5' }],
    });
    await post({
      type: StockDocType.OTHER_IN,
      warehouseId: W,
      businessDate: today(),
      lines: [{ skuId: String(c.tea.id), qty: '5', unitCost: '8' }],
    });
    expect(await version(c.tea.id)).toBe(teaVersion + 1); // the issue is demand; the receipt is not
    expect(await version(c.rice.id)).toBe(riceVersion);
    const kept = await needs();
    expect(rs.lastTimings.computed).toBe(1); // tea only: every other SKU's suggestion was kept
    const all2 = await rs.suggestions(Number(W));
    expect(rs.lastTimings.computed).toBe(0);
    const after = all2.find((r) => r.skuId === c.tea.id)!;
    expect(after.onHand).toBe(before.onHand);
    expect(after.historyTotal).toBe(D(before.historyTotal).plus(5).toFixed());
    const fresh = await uncached();
    expect(all2).toEqual(fresh.all);
    expect(kept).toEqual(fresh.toOrder);
    // rebuilding the tables from the ledger gives every span a new version: nothing kept is reused
    await rebuildDemandTables(t.ds);
    expect(await version(c.rice.id)).toBeGreaterThan(teaVersion + 1);
    expect(await needs()).toEqual(fresh.toOrder);
    expect(rs.lastTimings.computed).toBe(all2.length);
    // the models' refresh computes every SKU and keeps what it computed: the next request reuses it
    await rebuildDemandTables(t.ds);
    await rs.refreshForecasts([Number(W)]);
    expect(rs.lastTimings.computed).toBe(all2.length);
    expect(await needs()).toEqual(fresh.toOrder);
    expect(rs.lastTimings.computed).toBe(0);
  }, 120_000);
  it('another API process (a second service on the same database) and a restart reuse the suggestions one stored: 0 computed', async () => {
    const s = t.app.services;
    const rs = s.replenishment;
    const ctx = await contextAs(t.ds, s, 'admin');
    const process2 = () => new ReplenishmentService(t.ds, s.audit, s.suppliers, s.purchaseOrders, s.supplierEvaluation);
    const needs = (r: ReplenishmentService) => r.page(Number(W), { onlyToOrder: true }, { offset: 0, limit: 200 });
    const uncached = async () => {
      rs.keepSuggestions = false;
      try {
        return { all: await rs.suggestions(Number(W)), toOrder: await needs(rs) };
      } finally {
        rs.keepSuggestions = true;
      }
    };
    await rebuildDemandTables(t.ds); // a new demand version everywhere: nothing kept or stored matches
    const first = await needs(rs);
    const all = await rs.suggestions(Number(W));
    await rs.stored(); // the rows are written in the background
    expect(all.length).toBeGreaterThan(3);
    const other = process2();
    expect(await needs(other)).toEqual(first);
    expect(other.lastTimings.computed).toBe(0);
    expect(await other.suggestions(Number(W))).toEqual(all);
    expect(other.lastTimings.computed).toBe(0);
    // tea sells 5 more: the first process computes tea again and stores it; the second process, which
    // keeps tea's old suggestion, finds the new one stored, and so does a restarted one
    const docs = s.stockDocuments;
    await docs.post(
      ctx,
      String(
        (
          await docs.create(ctx, {
            type: StockDocType.OTHER_OUT,
            warehouseId: W,
            businessDate: addDays(today(), -2),
            countsAsDemand: true,
            lines: [{ skuId: String(c.tea.id), qty: '5' }],
          })
        ).id,
      ),
    );
    const moved = await needs(rs);
    expect(rs.lastTimings.computed).toBe(1);
    await rs.stored();
    const fresh = await uncached();
    expect(moved).toEqual(fresh.toOrder);
    expect(await needs(other)).toEqual(fresh.toOrder);
    expect(other.lastTimings.computed).toBe(0);
    const restarted = process2();
    expect(await restarted.suggestions(Number(W))).toEqual(fresh.all);
    expect(restarted.lastTimings.computed).toBe(0);
    // a stored suggestion is used only under its own key: its hash for the quantity, the full key
    // text for the suggestion (a row replaced between the two reads is computed)
    await t.ds.query("UPDATE replenishment_suggestion SET suggestion_key = 'another key' WHERE warehouse_id = ?", [
      Number(W),
    ]);
    const raced = process2();
    expect(await raced.suggestions(Number(W))).toEqual(fresh.all);
    expect(raced.lastTimings.computed).toBe(all.length);
    await raced.stored();
    await t.ds.query(
      "UPDATE replenishment_suggestion SET key_hash = 'another', suggestion_key = 'another key' WHERE warehouse_id = ?",
      [Number(W)],
    );
    const third = process2();
    expect(await needs(third)).toEqual(fresh.toOrder);
    expect(third.lastTimings.computed).toBe(all.length);
    await third.stored();
    // …and stores it again for the next one
    const fourth = process2();
    expect(await needs(fourth)).toEqual(fresh.toOrder);
    expect(fourth.lastTimings.computed).toBe(0);
  }, 120_000);
  it("the models' refresh job purges stored suggestions of SKUs a warehouse no longer lists and rows stale for 7 days", async () => {
    const s = t.app.services;
    const rs = s.replenishment;
    const w = Number(W);
    const W2 = Number(c.warehouses[1].id);
    const process2 = () => new ReplenishmentService(t.ds, s.audit, s.suppliers, s.purchaseOrders, s.supplierEvaluation);
    const needs = (r: ReplenishmentService) => r.page(w, { onlyToOrder: true }, { offset: 0, limit: 200 });
    const stored = async () =>
      (
        (await t.ds.query(
          'SELECT warehouse_id, sku_id, made_on FROM replenishment_suggestion ORDER BY warehouse_id, sku_id',
        )) as any[]
      ).map((r) => [Number(r.warehouse_id), Number(r.sku_id), r.made_on]);
    const staleOn = (days: number, wh: number, sku: number) =>
      t.ds.query('UPDATE replenishment_suggestion SET made_on = ? WHERE warehouse_id = ? AND sku_id = ?', [
        addDays(today(), -days),
        wh,
        sku,
      ]);
    await t.ds.query('DELETE FROM replenishment_suggestion');
    await rebuildDemandTables(t.ds); // nothing kept matches: every SKU computed and stored today
    const listed = (await rs.suggestions(w)).map((x) => x.skuId).sort((a, b) => a - b);
    await rs.stored();
    expect(listed).toContain(c.rice.id);
    expect(listed).toContain(c.tea.id);
    expect(await stored()).toEqual(listed.map((id) => [w, id, today()]));
    // rice made inactive (listed nowhere now); a row of a SKU the second warehouse does not list;
    // tea's row computed 7 days ago (not stale yet)
    await t.ds.query('UPDATE sku SET active = ? WHERE id = ?', [false, c.rice.id]);
    const inW2 = (await rs.suggestions(W2)).map((x) => x.skuId);
    await rs.stored();
    const stranger = ((await t.ds.query('SELECT id FROM sku WHERE active = ? ORDER BY id', [true])) as any[])
      .map((r) => Number(r.id))
      .find((id) => !inW2.includes(id))!;
    expect(stranger).toBeDefined();
    await t.ds.query(
      "INSERT INTO replenishment_suggestion (warehouse_id, sku_id, key_hash, suggestion_key, suggested, suggestion, made_on) VALUES (?, ?, 'h', 'k', '1', NULL, ?)",
      [W2, stranger, today()],
    );
    await staleOn(7, w, c.tea.id);
    try {
      const before = await stored();
      expect(before).toContainEqual([w, c.tea.id, addDays(today(), -7)]);
      expect(await rs.purgeSuggestions()).toBe(2);
      expect(await stored()).toEqual(
        before.filter(([wh, id]) => !(wh === w && id === c.rice.id) && !(wh === W2 && id === stranger)),
      );
      expect(await rs.purgeSuggestions()).toBe(0);
      // 8 days: stale for long
      await staleOn(8, w, c.tea.id);
      expect(await rs.purgeSuggestions()).toBe(1);
      expect(await stored()).toEqual(
        before.filter(
          ([wh, id]) => !(wh === w && (id === c.rice.id || id === c.tea.id)) && !(wh === W2 && id === stranger),
        ),
      );
      // another process computes only tea (its row gone) and answers as the uncached path
      const p2 = process2();
      const found = await needs(p2);
      expect(p2.lastTimings.computed).toBe(1);
      rs.keepSuggestions = false;
      try {
        expect(found).toEqual(await needs(rs));
      } finally {
        rs.keepSuggestions = true;
      }
    } finally {
      await t.ds.query('UPDATE sku SET active = ? WHERE id = ?', [true, c.rice.id]);
    }
  }, 120_000);
});
