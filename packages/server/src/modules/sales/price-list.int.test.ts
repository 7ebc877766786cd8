import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog, StockCost } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { PriceListItem } from './price-list.entity';

const QUOTE = 'query($i:PriceQuoteInput!){ priceQuote(input:$i){ unitPrice priceListId rule steps belowCost } }';
const SET = 'mutation($i:PriceListItemInput!){ setPriceListItem(input:$i){ id validFrom validTo value rule } }';

describe(`price lists: per tier and channel, history, the quote and why (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };

  beforeAll(async () => {
    t = await testApp();
    const cat = await seedCatalog(t.ds);
    id.tea = String(cat.tea.id);
    id.wh = String(cat.warehouses[0].id);
    // 10 units on hand worth 84.00: unit cost 8.40 (reference sale price 20.00)
    await t.ds.getRepository(StockCost).insert({
      warehouseId: cat.warehouses[0].id,
      skuId: cat.tea.id,
      qty: '10.000000',
      value: '84.00',
      state: null,
      lastDate: '2026-11-01',
    });
    for (const u of ['manager', 'accountant', 'sales', 'warehouse']) tok[u] = await t.login(u);
    id.tmall = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"TMALL", name:"天猫", kind: ONLINE_SHOP, platform:"tmall"}){ id } }',
        {},
        tok.manager,
      ),
    ).saveSalesChannel.id;
    id.jd = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"JD", name:"京东", kind: ONLINE_SHOP, platform:"jd"}){ id } }',
        {},
        tok.manager,
      ),
    ).saveSalesChannel.id;
    const tiers = ok(await t.gql('{ customerTiers { id code } }', {}, tok.manager)).customerTiers;
    id.gold = tiers.find((x: any) => x.code === 'gold').id;
    id.cust = ok(
      await t.gql(
        'mutation($g:ID!){ createCustomer(input:{code:"C-1", name:"金卡客户", tierId:$g}){ id } }',
        { g: id.gold },
        tok.sales,
      ),
    ).createCustomer.id;
  });
  afterAll(() => t.close());

  it('a manager sets lists and prices; a new price closes the old one the day before', async () => {
    id.base = ok(
      await t.gql('mutation{ savePriceList(input:{code:"BASE", name:"基础价"}){ id } }', {}, tok.manager),
    ).savePriceList.id;
    id.goldTmall = ok(
      await t.gql(
        'mutation($t:ID!,$c:ID!){ savePriceList(input:{code:"GOLD-TM", name:"金卡天猫价", tierId:$t, channelId:$c}){ id tier { code } channel { code } } }',
        { t: id.gold, c: id.tmall },
        tok.manager,
      ),
    ).savePriceList.id;
    ok(
      await t.gql(
        SET,
        { i: { priceListId: id.base, skuId: id.tea, rule: 'DISCOUNT_OFF_LIST', value: '5', validFrom: '2026-01-01' } },
        tok.manager,
      ),
    );
    ok(
      await t.gql(
        SET,
        { i: { priceListId: id.goldTmall, skuId: id.tea, rule: 'FIXED', value: '18.50', validFrom: '2026-01-01' } },
        tok.manager,
      ),
    );
    ok(
      await t.gql(
        SET,
        { i: { priceListId: id.goldTmall, skuId: id.tea, rule: 'COST_PLUS', value: '15', validFrom: '2026-11-01' } },
        tok.manager,
      ),
    );
    const HIST = 'query($l:ID!,$s:ID!){ priceListItems(priceListId:$l, skuId:$s){ rule value validFrom validTo } }';
    expect(ok(await t.gql(HIST, { l: id.goldTmall, s: id.tea }, tok.accountant)).priceListItems).toEqual([
      { rule: 'COST_PLUS', value: '15.0000', validFrom: '2026-11-01', validTo: null },
      { rule: 'FIXED', value: '18.5000', validFrom: '2026-01-01', validTo: '2026-10-31' },
    ]);
    // to sales staff (no margin or cost permission) a cost-plus item names neither its kind nor its markup
    const hist = await t.gql(HIST, { l: id.goldTmall, s: id.tea }, tok.sales);
    expect(ok(hist).priceListItems).toEqual([
      { rule: null, value: null, validFrom: '2026-11-01', validTo: null },
      { rule: 'FIXED', value: '18.5000', validFrom: '2026-01-01', validTo: '2026-10-31' },
    ]);
    expect(hist.extensions?.hiddenFields?.sort()).toEqual(['PriceListItem.rule', 'PriceListItem.value']);
  });

  it('the quote takes the most specific list valid on the day, with its steps; sales staff never see the cost in them', async () => {
    const q = (on: string, channelId = id.tmall) => ({
      i: { customerId: id.cust, channelId, warehouseId: id.wh, skuId: id.tea, on },
    });
    // gold on Tmall in November: cost 8.40 + 15% = 9.66
    const salesQuote = await t.gql(QUOTE, q('2026-11-25'), tok.sales);
    expect(ok(salesQuote).priceQuote).toEqual({
      unitPrice: '9.66',
      priceListId: id.goldTmall,
      // the kind of rule is not told either
      rule: null,
      // whether a price is below cost tells the cost: the same permission as the order line's flag
      belowCost: null,
      steps: [
        'list price 20.00',
        // "cost + 15%" next to 9.66 would be the cost: only the list and the result
        'price list GOLD-TM (金卡天猫价): 9.66',
        'promotions: none',
        'rounded to 0.01: 9.66',
      ],
    });
    expect(salesQuote.extensions?.hiddenFields?.sort()).toEqual(['PriceQuote.belowCost', 'PriceQuote.rule']);
    expect(ok(await t.gql(QUOTE, q('2026-11-25'), tok.accountant)).priceQuote).toEqual({
      unitPrice: '9.66',
      priceListId: id.goldTmall,
      rule: 'COST_PLUS',
      belowCost: false,
      steps: [
        'list price 20.00',
        'price list GOLD-TM (gold, TMALL, 2026-11-01–open): cost 8.40 + 15% = 9.66',
        'promotions: none',
        'rounded to 0.01: 9.66',
      ],
    });
    // a price list quote below cost: the manager (margin permission) is told, sales are not
    ok(
      await t.gql(
        SET,
        {
          i: { priceListId: id.base, skuId: id.tea, rule: 'DISCOUNT_OFF_LIST', value: '60', validFrom: '2026-12-01' },
        },
        tok.manager,
      ),
    );
    // 20.00 − 60% = 8.00 < 8.40
    expect(ok(await t.gql(QUOTE, q('2026-12-02', id.jd), tok.manager)).priceQuote).toMatchObject({
      unitPrice: '8.00',
      rule: 'DISCOUNT_OFF_LIST',
      belowCost: true,
    });
    expect(ok(await t.gql(QUOTE, q('2026-12-02', id.jd), tok.sales)).priceQuote).toMatchObject({
      unitPrice: '8.00',
      rule: 'DISCOUNT_OFF_LIST',
      belowCost: null,
    });
    // in October the fixed 18.50 applied; on JD only the base list: 20.00 − 5% = 19.00
    expect(ok(await t.gql(QUOTE, q('2026-10-31'), tok.sales)).priceQuote).toMatchObject({
      unitPrice: '18.50',
      rule: 'FIXED',
    });
    expect(ok(await t.gql(QUOTE, q('2026-11-25', id.jd), tok.sales)).priceQuote).toMatchObject({
      unitPrice: '19.00',
      rule: 'DISCOUNT_OFF_LIST',
      priceListId: id.base,
    });
  });

  it('bad input changes nothing', async () => {
    const before = await t.ds.getRepository(PriceListItem).count();
    // history is not rewritten: a new price must start after the current one
    const r = await t.gql(
      SET,
      { i: { priceListId: id.goldTmall, skuId: id.tea, rule: 'FIXED', value: '9', validFrom: '2026-11-01' } },
      tok.manager,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.details.fields).toEqual([
      { field: 'validFrom', message: 'The current price runs from 2026-11-01; a new price starts after that.' },
    ]);
    expect(
      codeOf(
        await t.gql(
          SET,
          {
            i: {
              priceListId: id.base,
              skuId: id.tea,
              rule: 'DISCOUNT_OFF_LIST',
              value: '120',
              validFrom: '2026-12-01',
            },
          },
          tok.manager,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          SET,
          { i: { priceListId: id.base, skuId: id.tea, rule: 'FIXED', value: '1', validFrom: '2026-12-01' } },
          tok.sales,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(await t.ds.getRepository(PriceListItem).count()).toBe(before);
    // unknown channel; keepers see no prices at all
    const u = await t.gql(
      QUOTE,
      { i: { customerId: id.cust, channelId: '9999', warehouseId: id.wh, skuId: id.tea } },
      tok.sales,
    );
    expect(codeOf(u)).toBe('BAD_USER_INPUT');
    expect(u.errors![0].message).toBe('Unknown channel.');
    expect(
      codeOf(
        await t.gql(
          QUOTE,
          { i: { customerId: id.cust, channelId: id.tmall, warehouseId: id.wh, skuId: id.tea } },
          tok.warehouse,
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
