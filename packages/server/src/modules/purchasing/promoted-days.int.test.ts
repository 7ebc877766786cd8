import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../core/dates';
import { contextAs } from '../../test/context';
import { seedCatalog, StockDocType } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

const SUGGEST = `query($w:ID!,$f:ReplenishmentFilter){ replenishmentSuggestions(warehouseId:$w, filter:$f){
  skuCode historyDays historyTotal averageDailyDemand promotedDays promotionDaysRule promotedDemand forecastMethod forecastWindow dailyRate } }`;
const SETTING = `mutation($i:ReplenishmentSettingInput!){ saveReplenishmentSetting(input:$i){ promotionDays promotionFactor } }`;

describe(`replenishment: days under a promotion in the demand history (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let W: string;
  let tea: string;
  let rice: string;
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  const row = async (code: string) =>
    ok(await t.gql(SUGGEST, { w: W, f: { search: code } }, tok.purchaser)).replenishmentSuggestions[0];

  beforeAll(async () => {
    t = await testApp();
    for (const u of ['admin', 'manager', 'purchaser']) tok[u] = await t.login(u);
    const c = await seedCatalog(t.ds);
    W = String(c.warehouses[0].id);
    [tea, rice] = [String(c.tea.id), String(c.rice.id)];
    const ctx = await contextAs(t.ds, t.app.services, 'admin');
    const docs = t.app.services.stockDocuments;
    const post = async (input: Parameters<typeof docs.create>[1]) =>
      docs.post(ctx, String((await docs.create(ctx, input)).id));
    await post({
      type: StockDocType.OTHER_IN,
      warehouseId: W,
      businessDate: addDays(today(), -30),
      lines: [
        { skuId: tea, qty: '1000', unitCost: '8' },
        { skuId: rice, qty: '1000', unitCost: '4' },
      ],
    });
    // 28 days of history (yesterday back): 10 a day of each, but 40 on the three days of the 满减 (days −5 … −3)
    for (let d = 28; d >= 1; d--) {
      const promo = d >= 3 && d <= 5;
      await post({
        type: StockDocType.OTHER_OUT,
        warehouseId: W,
        businessDate: addDays(today(), -d),
        countsAsDemand: true,
        lines: [
          { skuId: tea, qty: promo ? '40' : '10' },
          { skuId: rice, qty: promo ? '40' : '10' },
        ],
      });
    }
    // a 满减 on tea only, from day −5 00:00 to day −2 00:00 (exclusive): days −5, −4 and −3
    const p = ok(
      await t.gql(
        'mutation($i:SavePromotionInput!){ savePromotion(input:$i){ id } }',
        {
          i: {
            code: 'MJ-WEEK',
            name: '满减周',
            kind: 'THRESHOLD_OFF',
            priority: 10,
            exclusive: false,
            startsAt: `${addDays(today(), -5)}T00:00`,
            endsAt: `${addDays(today(), -2)}T00:00`,
            budget: '1000',
            rule: { threshold: '300', off: '50', perMultiple: false },
            eligibility: { skuIds: [tea] },
          },
        },
        tok.manager,
      ),
    ).savePromotion;
    ok(await t.gql('mutation($id:ID!){ submitPromotion(id:$id){ id } }', { id: p.id }, tok.manager));
    // a 7-day moving average, so the forecast reads the last week, the 满减 days in it
    for (const skuId of [tea, rice])
      ok(
        await t.gql(
          SETTING.replace('promotionDays promotionFactor', 'forecastMethod'),
          { i: { skuId, forecastMethod: 'MOVING_AVERAGE', movingAverageWindow: 7 } },
          tok.purchaser,
        ),
      );
  }, 240_000);
  afterAll(() => t.close());

  it('by default the promoted days count as ordinary ones; a SKU the promotion did not cover is as sold', async () => {
    const t1 = await row('P-TEA');
    // the history starts with the first move (day −30): 30 days, two without demand, 25 of 10 and the 3 promoted
    // ones counted as the ordinary days of their weekdays (10 each; days −30 and −29 are other weekdays) = 280;
    // as sold they were 3 × 40 = 120. The last week: 7 × 10 ÷ 7
    expect(t1).toMatchObject({
      historyDays: 30,
      historyTotal: '280',
      averageDailyDemand: '9.3333',
      promotedDays: 3,
      promotionDaysRule: 'EXCLUDE',
      promotedDemand: '120',
      forecastMethod: 'moving_average',
      forecastWindow: 7,
      dailyRate: '10',
    });
    expect(await row('P-RICE')).toMatchObject({
      historyTotal: '370',
      promotedDays: 0,
      promotedDemand: '0',
      // (4 × 10 + 3 × 40) ÷ 7
      dailyRate: '22.8571',
    });
  });

  it('INCLUDE takes them as sold; SCALE by a factor; bad factors are refused and change nothing', async () => {
    ok(await t.gql(SETTING, { i: { skuId: tea, promotionDays: 'INCLUDE' } }, tok.purchaser));
    expect(await row('P-TEA')).toMatchObject({ historyTotal: '370', promotedDays: 3, dailyRate: '22.8571' });
    expect(
      ok(await t.gql(SETTING, { i: { skuId: tea, promotionDays: 'SCALE', promotionFactor: '0.5' } }, tok.purchaser))
        .saveReplenishmentSetting,
    ).toEqual({ promotionDays: 'SCALE', promotionFactor: '0.5000' });
    // 3 × 40 × 0.5 = 60: 250 + 60 = 310 ÷ 30; the last week 40 + 60 = 100 ÷ 7
    expect(await row('P-TEA')).toMatchObject({
      historyTotal: '310',
      averageDailyDemand: '10.3333',
      promotedDemand: '120',
      dailyRate: '14.2857',
    });
    for (const i of [
      { skuId: tea, promotionDays: 'SCALE' },
      { skuId: tea, promotionDays: 'SCALE', promotionFactor: '1.5' },
      { skuId: tea, promotionDays: 'EXCLUDE', promotionFactor: '0.5' },
    ])
      expect(codeOf(await t.gql(SETTING, { i }, tok.purchaser))).toBe('BAD_USER_INPUT');
    expect(await row('P-TEA')).toMatchObject({ historyTotal: '310', promotionDaysRule: 'SCALE' });
  });
});
