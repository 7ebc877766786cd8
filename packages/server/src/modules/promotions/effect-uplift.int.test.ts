import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Category, Product } from '../catalog';
import { Brand, newProductSku } from '../../test/fixtures';
import { type GqlResult, type TestApp } from '../../test/harness';
import { activePromotion, promotionsShop, type StockIn } from '../../test/promotions-shop';

/*
 * The effect report's uplift per promotion: the revenue of its eligible items (net line amounts, in all
 * orders) on its days against the same weekdays in the four weeks before it started; the whole store's
 * only for a promotion that applies to everything. Every SKU lists at 20.00.
 *   CAT5  5 % off the category 茶叶 (and its subcategory 绿茶) except 龙井: covers 茉莉 only
 *   CUPB  10 % off the brand ACME: covers the cup only
 *   ORD10 10 % off the order, everything: the store
 */
describe('promotion effect: the uplift of each promotion on its own items', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };
  const promote = (i: Record<string, unknown>) => activePromotion(t, tok.manager, i);
  /** a confirmed order on that day; its lines' net amounts */
  const sell = async (orderDate: string, lines: Array<[string, string]>) => {
    const o = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id } }',
        {
          i: {
            customerId: id.customer,
            channelId: id.channel,
            warehouseId: id.wh,
            orderDate,
            lines: lines.map(([skuId, qty]) => ({ skuId, qty })),
          },
        },
        tok.sales,
      ),
    ).createSalesOrder.id;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ status } }', { id: o }, tok.sales));
    const got = ok(
      await t.gql('query($id:ID!){ salesOrder(id:$id){ total lines { skuId amount } } }', { id: o }, tok.sales),
    ).salesOrder;
    return [got.total, got.lines.map((l: any) => [l.skuId, l.amount])];
  };

  beforeAll(async () => {
    const s = await promotionsShop({
      prepare: async (app, cat) => {
        const green = await app.ds
          .getRepository(Category)
          .save({ parentId: cat.category.id, code: 'GREEN', name: '绿茶', path: '/', version: 1 });
        await app.ds.getRepository(Category).update({ id: green.id }, { path: `/${cat.category.id}/${green.id}/` });
        const acme = await app.ds.getRepository(Brand).save({ name: 'ACME', version: 1 });
        const jasmine = await newProductSku(app.ds, 'JASMINE', { categoryId: green.id });
        const cup = await newProductSku(app.ds, 'CUP', { brandId: acme.id });
        await app.ds.getRepository(Product).update({ id: cat.rice.productId }, { categoryId: null });
        [id.tea, id.rice, id.jasmine, id.cup, id.category, id.acme] = [
          cat.tea.id,
          cat.rice.id,
          jasmine.id,
          cup.id,
          cat.category.id,
          acme.id,
        ].map(String);
        return [id.tea, id.rice, id.jasmine, id.cup].map((sku): StockIn => [sku, '50', '8.00']);
      },
    });
    t = s.t;
    Object.assign(tok, s.tok);
    [id.wh, id.channel, id.customer] = [s.wh, s.channel, s.customer!];
    await promote({
      code: 'CAT5',
      name: '茶类九五折',
      kind: 'PERCENT_OFF',
      rule: { percent: '5' },
      eligibility: { categoryIds: [id.category], excludeSkuIds: [id.tea] },
    });
    await promote({
      code: 'CUPB',
      name: 'ACME 九折',
      kind: 'PERCENT_OFF',
      rule: { percent: '10' },
      eligibility: { brandIds: [id.acme] },
    });
    await promote({ code: 'ORD10', name: '全场九折', kind: 'ORDER_PERCENT', rule: { percent: '10' } });
  });
  afterAll(() => t.close());

  it('compares its items’ revenue per day with the same weekdays before it; the store’s only when it covers everything', async () => {
    // before the promotions (nothing applies): Wednesday 10-28 茉莉 2 + rice 3; Wednesday 11-11 a cup
    expect(
      await sell('2026-10-28', [
        [id.jasmine, '2'],
        [id.rice, '3'],
      ]),
    ).toEqual([
      '100.00',
      [
        [id.jasmine, '40.00'],
        [id.rice, '60.00'],
      ],
    ]);
    expect(await sell('2026-11-11', [[id.cup, '1']])).toEqual(['20.00', [[id.cup, '20.00']]]);
    // during them: Wednesday 11-25 茉莉 80 − 5 % = 76, cup 100 − 10 % = 90, rice 40, 龙井 20; then 10 % off each
    expect(
      await sell('2026-11-25', [
        [id.jasmine, '4'],
        [id.cup, '5'],
        [id.rice, '2'],
        [id.tea, '1'],
      ]),
    ).toEqual([
      '203.40',
      [
        [id.jasmine, '68.40'],
        [id.cup, '81.00'],
        [id.rice, '36.00'],
        [id.tea, '18.00'],
      ],
    ]);
    // Saturday 11-21: 茉莉 20 − 5 % = 19 − 10 % = 17.10
    expect(await sell('2026-11-21', [[id.jasmine, '1']])).toEqual(['17.10', [[id.jasmine, '17.10']]]);

    const rows = ok(
      await t.gql(
        `{ promotionEffect(from:"2026-11-20", to:"2026-11-30"){ code orders revenue itemsRevenue discount upliftScope dailyRevenue baselineDailyRevenue upliftPercent } }`,
        {},
        tok.manager,
      ),
    ).promotionEffect;
    // 11 days (11-20 … 11-30) against the same weekdays of the 4 weeks before 11-20 (10-23 … 11-19): 44 days,
    // Wednesday's once (10-28 and 11-11 among them)
    expect(
      rows.map((r: any) => [
        r.code,
        r.orders,
        r.revenue,
        r.itemsRevenue,
        r.discount,
        r.upliftScope,
        r.dailyRevenue,
        r.baselineDailyRevenue,
        r.upliftPercent,
      ]),
    ).toEqual([
      // its two orders' revenue 203.40 + 17.10 = 220.50, of which its 茉莉 68.40 + 17.10 = 85.50;
      // 茉莉: (68.40 + 17.10) ÷ 11 = 7.77 against 40.00 ÷ 44 = 0.91: 8.55 times, +755 %
      ['CAT5', 2, '220.50', '85.50', '5.00', 'ITEMS', '7.77', '0.91', '755.00'],
      // everything: its items' revenue is its orders'; the store: 220.50 ÷ 11 = 20.05 against (100 + 20) ÷ 44 = 2.73:
      // 7.35 times, +635 %
      ['ORD10', 2, '220.50', '220.50', '24.50', 'STORE', '20.05', '2.73', '635.00'],
      // its one order's 203.40, of which the cup 81.00; the cup: 81.00 ÷ 11 = 7.36 against 20.00 ÷ 44 = 0.45: 16.2
      // times, +1520 %
      ['CUPB', 1, '203.40', '81.00', '10.00', 'ITEMS', '7.36', '0.45', '1520.00'],
    ]);
  });
});
