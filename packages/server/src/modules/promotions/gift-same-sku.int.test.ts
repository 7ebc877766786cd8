import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProductSku } from '../../test/fixtures';
import { type GqlResult, type TestApp } from '../../test/harness';
import { promotionsShop } from '../../test/promotions-shop';

/*
 * 买三赠一 of the same SKU (no gift SKU named): the gift is the line's own goods, so the promotion's
 * budget and its usage's gift cost are the stock's unit cost × the gift quantity (4.00 a mug), not the
 * list price (20.00), and the gift's cost is promotion expense, outside the order's COGS. Before commit
 * 0da7087 the pricing gave the engine no unit cost for the bought lines and the budget was charged at the
 * list price (2 × 20.00 = 40.00).
 */
describe('buy X get X: the gift of the same SKU costs its unit cost, as promotion expense', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };

  beforeAll(async () => {
    const s = await promotionsShop({
      users: ['warehouse'],
      prepare: async (app) => {
        id.mug = String((await newProductSku(app.ds, 'MUG')).id);
        return [[id.mug, '20', '4.00']];
      },
    });
    t = s.t;
    Object.assign(tok, s.tok);
    [id.wh, id.channel, id.customer] = [s.wh, s.channel, s.customer!];
    const p = ok(
      await t.gql(
        'mutation($i:SavePromotionInput!){ savePromotion(input:$i){ id } }',
        {
          i: {
            code: 'MUG3G1',
            name: '杯子买三赠一',
            kind: 'BUY_X_GET_Y',
            priority: 10,
            exclusive: false,
            startsAt: '2026-11-20T00:00',
            endsAt: '2026-12-01T00:00',
            budget: '1000',
            rule: { buyQty: '3', getQty: '1', giftSkuId: null },
            eligibility: { skuIds: [id.mug] },
          },
        },
        tok.manager,
      ),
    ).savePromotion;
    expect(
      ok(await t.gql('mutation($id:ID!){ submitPromotion(id:$id){ status } }', { id: p.id }, tok.manager))
        .submitPromotion.status,
    ).toBe('ACTIVE');
  });
  afterAll(() => t.close());

  it('charges the budget 2 × 4.00 for two gift mugs, and ships them as gift cost, not COGS', async () => {
    const o = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id } }',
        {
          i: {
            customerId: id.customer,
            channelId: id.channel,
            warehouseId: id.wh,
            lines: [{ skuId: id.mug, qty: '6' }],
          },
        },
        tok.sales,
      ),
    ).createSalesOrder.id;
    const ORDER = `query($id:ID!){ salesOrder(id:$id){ status total cogs giftCost margin
      promotions { code discount giftQty giftValue } lines { id skuId qty gift amount cogs } } }`;
    const saved = ok(await t.gql(ORDER, { id: o }, tok.manager)).salesOrder;
    // 6 mugs at 20.00 bought, 2 given: the gift line is free and its list value is 40.00
    expect(saved.lines.map((l: any) => [l.skuId, l.qty, l.gift, l.amount])).toEqual([
      [id.mug, '6', false, '120.00'],
      [id.mug, '2', true, '0.00'],
    ]);
    expect(saved.promotions).toEqual([{ code: 'MUG3G1', discount: '0.00', giftQty: '2.000000', giftValue: '40.00' }]);

    expect(
      ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ status } }', { id: o }, tok.sales))
        .confirmSalesOrder.status,
    ).toBe('CONFIRMED');
    const promos = ok(await t.gql('{ promotions{ items { code usedCount spent } } }', {}, tok.manager)).promotions
      .items;
    // the budget is charged the gifts' cost, 2 × 4.00, not their list value 40.00
    expect(promos).toEqual([{ code: 'MUG3G1', usedCount: 1, spent: '8.00' }]);
    const uses = await t.ds.query('SELECT discount, gift_cost FROM promotion_usage');
    expect(uses.map((u: any) => [String(u.discount), String(u.gift_cost)])).toEqual([['0.00', '8.00']]);

    const lines = saved.lines as Array<{ id: string; qty: string }>;
    ok(
      await t.gql(
        'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id } }',
        { i: { orderId: o, lines: lines.map((l) => ({ orderLineId: l.id, qty: l.qty })) } },
        tok.warehouse,
      ),
    );
    const after = ok(await t.gql(ORDER, { id: o }, tok.manager)).salesOrder;
    // COGS: the 6 sold × 4.00; the 2 given × 4.00 are promotion expense, outside COGS and the margin (120.00 − 24.00)
    expect([after.status, after.total, after.cogs, after.giftCost, after.margin]).toEqual([
      'SHIPPED',
      '120.00',
      '24.00',
      '8.00',
      '96.00',
    ]);
    expect(after.lines.map((l: any) => [l.gift, l.cogs])).toEqual([
      [false, '24.00'],
      [true, '8.00'],
    ]);
    // and every report of sales says the same: the 6 sold, their COGS 24.00 and margin 96.00 (the gifts
    // were counted as sold goods in the analysis, the sales overview and the staff figures before)
    const period = { from: '2026-11-01', to: '2026-12-31' };
    const analysis = ok(
      await t.gql(
        'query($i:AnalysisInput!){ analysis(input:$i){ total { quantity revenue cogs margin } } }',
        { i: { ...period, dimensions: ['SKU'], measures: ['QUANTITY', 'REVENUE', 'COGS', 'MARGIN'] } },
        tok.manager,
      ),
    ).analysis.total;
    expect(analysis.quantity).toMatch(/^6(\.0+)?$/);
    expect([analysis.revenue, analysis.cogs, analysis.margin]).toEqual(['120.00', '24.00', '96.00']);
    const overview = ok(
      await t.gql(
        'query($from:String!,$to:String!){ salesOverview(from:$from, to:$to){ revenue cogs margin } }',
        period,
        tok.manager,
      ),
    ).salesOverview;
    expect(overview).toEqual({ revenue: '120.00', cogs: '24.00', margin: '96.00' });
    const staff = ok(
      await t.gql(
        'query($from:String!,$to:String!){ staffPerformance(from:$from, to:$to){ sales { revenue margin } } }',
        period,
        tok.manager,
      ),
    ).staffPerformance.sales;
    expect(staff).toEqual([{ revenue: '120.00', margin: '96.00' }]);
  });
});
