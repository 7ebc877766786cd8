import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { newProductSku } from '../../test/fixtures';
import { codeOf, type GqlResult, type TestApp } from '../../test/harness';
import { activePromotion, promotionsShop } from '../../test/promotions-shop';
import { exportedFile } from '../../test/list-export';

const D = (s: string | number) => new Decimal(s);

const CREATE = `mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id } }`;
const CONFIRM = `mutation($id:ID!){ confirmSalesOrder(id:$id){ id status } }`;
const ORDER = `query($id:ID!){ salesOrder(id:$id){ id status total discountTotal cogs margin giftCost couponCodes
  promotions { code name kind discount giftQty giftValue }
  lines { id skuId qty gift basePrice unitPrice discount amount priceSteps allocations { code source amount } cogs } } }`;

describe('sales orders priced through the promotions: stacked promotions, a gift and a coupon', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };
  const promote = (i: Record<string, unknown>) => activePromotion(t, tok.manager, i);
  const order = (lines: Array<[string, string]>, couponCodes: string[] = [], customerId = id.c1) =>
    t.gql(
      CREATE,
      {
        i: {
          customerId,
          channelId: id.channel,
          warehouseId: id.wh,
          lines: lines.map(([skuId, qty]) => ({ skuId, qty })),
          couponCodes,
        },
      },
      tok.sales,
    );
  const codeOfBatch = async (batchId: string) =>
    ok(await t.gql('query($b:ID!){ couponCodes(batchId:$b){ items { code used } } }', { b: batchId }, tok.manager))
      .couponCodes.items;

  beforeAll(async () => {
    const s = await promotionsShop({
      users: ['warehouse'],
      prepare: async (app, cat) => {
        const cup = await newProductSku(app.ds, 'CUP');
        [id.tea, id.rice, id.cup] = [cat.tea.id, cat.rice.id, cup.id].map(String);
        return [
          [id.tea, '100', '8.00'],
          [id.rice, '100', '5.00'],
          [id.cup, '10', '3.00'],
        ];
      },
    });
    t = s.t;
    Object.assign(tok, s.tok);
    [id.wh, id.channel, id.c1] = [s.wh, s.channel, s.customer!];
    id.mj = await promote({
      code: 'MJ300',
      name: '满300减50',
      kind: 'THRESHOLD_OFF',
      priority: 20,
      rule: { threshold: '300', off: '50', perMultiple: false },
    });
    id.tea10 = await promote({
      code: 'TEA10',
      name: '龙井九折',
      kind: 'PERCENT_OFF',
      rule: { percent: '10' },
      eligibility: { skuIds: [id.tea] },
    });
    id.gift = await promote({
      code: 'CUPGIFT',
      name: '买5送杯',
      kind: 'BUY_X_GET_Y',
      rule: { buyQty: '5', getQty: '1', giftSkuId: id.cup },
      eligibility: { skuIds: [id.tea] },
    });
    id.batch = ok(
      await t.gql(
        'mutation($i:CreateCouponBatchInput!){ createCouponBatch(input:$i){ id } }',
        {
          i: {
            code: 'NEW20',
            name: '新客立减20',
            kind: 'AMOUNT_OFF',
            value: '20',
            minSpend: '200',
            validFrom: '2026-11-01T00:00',
            validTo: '2026-12-31T00:00',
            usesPerCode: 1,
            printed: 0,
            customerIds: [id.c1],
          },
        },
        tok.manager,
      ),
    ).createCouponBatch.id;
    [{ code: id.code }] = await codeOfBatch(id.batch);
  });
  afterAll(() => t.close());

  it('prices, confirms (redeeming the coupon and using the budgets), ships the gift at cost as promotion expense and refunds the net amount', async () => {
    const o = ok(
      await order(
        [
          [id.tea, '12'],
          [id.rice, '5'],
        ],
        [id.code.toLowerCase()],
      ),
    ).createSalesOrder.id;
    const saved = ok(await t.gql(ORDER, { id: o }, tok.sales)).salesOrder;
    // tea 12 × 20 = 240 − 10 % = 216; rice 5 × 20 = 100; 316 ≥ 300: −50 allocated 34.18 / 15.82
    // (by net amount, the remainder to the largest line); coupon −20 on 266: 13.67 / 6.33
    expect(
      saved.lines.map((l: any) => [l.skuId, l.qty, l.gift, l.basePrice, l.discount, l.amount, l.unitPrice]),
    ).toEqual([
      [id.tea, '12', false, '20.000000', '71.85', '168.15', '14.012500'],
      [id.rice, '5', false, '20.000000', '22.15', '77.85', '15.570000'],
      [id.cup, '2', true, '20.000000', '0.00', '0.00', '0.000000'],
    ]);
    expect([saved.total, saved.discountTotal, saved.couponCodes]).toEqual(['246.00', '94.00', [id.code]]);
    expect(saved.lines[0].allocations).toEqual([
      { code: 'TEA10', source: 'PROMOTION', amount: '24.00' },
      { code: 'MJ300', source: 'PROMOTION', amount: '34.18' },
      { code: id.code, source: 'COUPON', amount: '13.67' },
    ]);
    expect(saved.promotions.map((p: any) => [p.code, p.kind, p.discount, p.giftQty, p.giftValue])).toEqual([
      ['CUPGIFT', 'BUY_X_GET_Y', '0.00', '2.000000', '40.00'],
      ['TEA10', 'PERCENT_OFF', '24.00', null, null],
      ['MJ300', 'THRESHOLD_OFF', '50.00', null, null],
      [id.code, 'COUPON', '20.00', null, null],
    ]);
    expect(saved.lines[0].priceSteps.at(-1)).toBe('net 168.15 = 14.01 per unit');
    // sales staff never see cost, margin or gift cost
    expect([saved.cogs, saved.margin, saved.giftCost, saved.lines[2].cogs]).toEqual([null, null, null, null]);

    expect(ok(await t.gql(CONFIRM, { id: o }, tok.sales)).confirmSalesOrder.status).toBe('CONFIRMED');
    expect(await codeOfBatch(id.batch)).toEqual([{ code: id.code, used: 1 }]);
    const promos = ok(await t.gql('{ promotions{ items { code usedCount spent } } }', {}, tok.manager)).promotions
      .items;
    expect(Object.fromEntries(promos.map((p: any) => [p.code, [p.usedCount, p.spent]]))).toEqual({
      MJ300: [1, '50.00'],
      TEA10: [1, '24.00'],
      // the gift's budget use is its cost: 2 × 3.00
      CUPGIFT: [1, '6.00'],
    });
    const red = ok(
      await t.gql(
        'query($b:ID!){ couponRedemptions(batchId:$b){ items { orderId orderNumber customerName discount reversedAt } } }',
        { b: id.batch },
        tok.manager,
      ),
    ).couponRedemptions.items;
    const number = ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ number } }', { id: o }, tok.manager)).salesOrder
      .number;
    expect(number).toMatch(/\S/);
    // the order and customer as users read them, not their ids
    expect(red).toEqual([{ orderId: o, orderNumber: number, customerName: '甲', discount: '20.00', reversedAt: null }]);
    // the coupons page's export of the batch's redemptions: the same row, not reversed (no last cell)
    const redFile = await exportedFile(
      t,
      tok.manager,
      'couponRedemptions',
      [
        ['order', '订单'],
        ['customer', '客户'],
        ['discount', '优惠'],
        ['reversedAt', '已冲回'],
      ],
      { batchId: id.batch },
    );
    expect(redFile.rows).toEqual([
      ['订单', '客户', '优惠', '已冲回'],
      [number, '甲', '20.00'],
    ]);
    // the code is used: another order cannot take it
    expect(codeOf(await order([[id.tea, '12']], [id.code]))).toBe('COUPON_USED_UP');

    const lines = saved.lines as Array<{ id: string; qty: string }>;
    const ship = ok(
      await t.gql(
        'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id lines { id orderLineId } } }',
        { i: { orderId: o, lines: lines.map((l) => ({ orderLineId: l.id, qty: l.qty })) } },
        tok.warehouse,
      ),
    ).shipSalesOrder;
    const after = ok(await t.gql(ORDER, { id: o }, tok.manager)).salesOrder;
    // COGS of what was sold 12 × 8 + 5 × 5 = 121; the cups 2 × 3 are promotion expense
    expect([after.status, after.cogs, after.giftCost, after.margin]).toEqual(['SHIPPED', '121.00', '6.00', '125.00']);
    expect(after.lines[2].cogs).toBe('6.00');
    expect(await t.app.services.posting.check('moving_average')).toEqual([]);

    // 6 of the 12 teas back: 6 × 14.0125 = 84.075 → 84.08, the allocated net amount; the kept 6 teas
    // (108) and rice (100) are below 满300, so the 满减 they carried (17.09 + 15.82) is taken back
    const teaShipLine = ship.lines.find((l: any) => l.orderLineId === lines[0].id).id;
    // the 满减's budget consumption and this order's usage row, as the returns move them
    const mjBudget = async () => [
      D((await t.ds.query("SELECT spent FROM promotion WHERE code = 'MJ300'"))[0].spent).toFixed(2),
      D(
        (
          await t.ds.query(
            "SELECT u.discount FROM promotion_usage u JOIN promotion p ON p.id = u.promotion_id WHERE p.code = 'MJ300' AND u.order_id = ?",
            [Number(o)],
          )
        )[0].discount,
      ).toFixed(2),
    ];
    // confirmed: 满300减50 whole
    expect(await mjBudget()).toEqual(['50.00', '50.00']);
    const ret = ok(
      await t.gql(
        'mutation($i:SalesReturnInput!){ returnSalesGoods(input:$i){ credit thresholdTakenBack takenBackFrom lines { amount takenBack } } }',
        {
          i: {
            shipmentId: ship.id,
            reason: 'CHANGED_MIND',
            resolution: 'REFUND',
            lines: [{ shipmentLineId: teaShipLine, qty: '6', disposition: 'RESTOCK' }],
          },
        },
        tok.sales,
      ),
    ).returnSalesGoods;
    expect(ret).toEqual({
      credit: '51.17',
      thresholdTakenBack: '32.91',
      takenBackFrom: ['MJ300'],
      lines: [{ amount: '51.17', takenBack: '32.91' }],
    });
    // the 32.91 taken back is a discount no longer given: 50.00 − 32.91 back in the budget and the usage row
    expect(await mjBudget()).toEqual(['17.09', '17.09']);
    const back = ok(await t.gql(ORDER, { id: o }, tok.manager)).salesOrder;
    // sold now: tea 6 (168.15 − 51.17 = 116.98, cost 48) + rice (77.85, cost 25); gifts still 6.00
    expect([back.cogs, back.giftCost, back.margin]).toEqual(['73.00', '6.00', '121.83']);
    expect(await t.app.services.posting.check('moving_average')).toEqual([]);

    // the other 6 teas back too: 168.15 − 84.08 = 84.07 gross; only the rice is kept (100, carrying 15.82 of
    // the 满减), so of the 32.91 taken 17.09 is given back: 101.16. Paid 246.00 − 51.17 − 101.16 = 93.67,
    // the rice at 100.00 less its coupon share 6.33
    const rest = ok(
      await t.gql(
        'mutation($i:SalesReturnInput!){ returnSalesGoods(input:$i){ credit thresholdTakenBack takenBackFrom lines { amount takenBack } } }',
        {
          i: {
            shipmentId: ship.id,
            reason: 'CHANGED_MIND',
            resolution: 'REFUND',
            lines: [{ shipmentLineId: teaShipLine, qty: '6', disposition: 'RESTOCK' }],
          },
        },
        tok.sales,
      ),
    ).returnSalesGoods;
    expect(rest).toEqual({
      credit: '101.16',
      thresholdTakenBack: '-17.09',
      takenBackFrom: ['MJ300'],
      lines: [{ amount: '101.16', takenBack: '-17.09' }],
    });
    // the 17.09 given back raises them again: the rice keeps 15.82 of its share unearned, 50.00 − 15.82
    expect(await mjBudget()).toEqual(['34.18', '34.18']);
    const end = ok(await t.gql(ORDER, { id: o }, tok.manager)).salesOrder;
    // revenue kept 93.67 − the rice's cost 25.00
    expect([end.cogs, end.giftCost, end.margin]).toEqual(['25.00', '6.00', '68.67']);
    expect(await t.app.services.posting.check('moving_average')).toEqual([]);
  });

  it('a confirmation that would price differently is refused and changes nothing; cancelling gives the coupon back', async () => {
    const codes = ok(
      await t.gql(
        'mutation($i:IssueCouponsInput!){ issueCoupons(input:$i) }',
        { i: { batchId: id.batch, customerIds: [id.c1] } },
        tok.manager,
      ),
    );
    expect(codes.issueCoupons).toBe(1);
    const code = (await codeOfBatch(id.batch)).find((c: any) => c.code !== id.code).code;
    const o = ok(await order([[id.rice, '20']], [code])).createSalesOrder.id;
    // rice 400 − 50 − 20
    expect(ok(await t.gql(ORDER, { id: o }, tok.sales)).salesOrder.total).toBe('330.00');
    ok(await t.gql('mutation($id:ID!){ stopPromotion(id:$id){ id } }', { id: id.mj }, tok.manager));
    const r = await t.gql(CONFIRM, { id: o }, tok.sales);
    expect(codeOf(r)).toBe('PRICES_CHANGED');
    expect(r.errors![0].extensions!.details).toEqual({ before: '330.00', now: '380.00' });
    expect(ok(await t.gql(ORDER, { id: o }, tok.sales)).salesOrder.status).toBe('DRAFT');
    expect((await codeOfBatch(id.batch)).find((c: any) => c.code === code).used).toBe(0);
    // saved again it takes the new price, and confirms
    const v = (await t.ds.query('SELECT version FROM sales_order WHERE id = ?', [Number(o)]))[0].version;
    ok(
      await t.gql(
        'mutation($i:UpdateSalesOrderInput!){ updateSalesOrder(input:$i){ total } }',
        { i: { id: o, version: v } },
        tok.sales,
      ),
    );
    expect(ok(await t.gql(CONFIRM, { id: o }, tok.sales)).confirmSalesOrder.status).toBe('CONFIRMED');
    expect((await codeOfBatch(id.batch)).find((c: any) => c.code === code).used).toBe(1);
    ok(await t.gql('mutation($id:ID!){ cancelSalesOrder(id:$id){ id } }', { id: o }, tok.sales));
    expect((await codeOfBatch(id.batch)).find((c: any) => c.code === code).used).toBe(0);
  });

  it('the effect report: per promotion its orders, their revenue and its items’ in them, discount; gift cost and margin only with sales.margin.read', async () => {
    const Q = `{ promotionEffect(from:"2026-11-20", to:"2026-11-30"){ code orders revenue itemsRevenue discount giftCost margin upliftScope dailyRevenue baselineDailyRevenue upliftPercent } }`;
    const rows = ok(await t.gql(Q, {}, tok.manager)).promotionEffect;
    // the first order only (the second was cancelled): 246.00 on 2026-11-25 (tea 168.15 + rice 77.85; the gift cup
    // not counted), 68.67 margin after its returns; MJ300 gave 50.00, of which its returns took 15.82 back (net):
    // 34.18. Its items' revenue: TEA10 and CUPGIFT cover the tea only (168.15), MJ300 everything (246.00)
    expect(
      rows.map((r: any) => [r.code, r.orders, r.revenue, r.itemsRevenue, r.discount, r.giftCost, r.margin]),
    ).toEqual([
      ['CUPGIFT', 1, '246.00', '168.15', '0.00', '6.00', '68.67'],
      ['MJ300', 1, '246.00', '246.00', '34.18', '0.00', '68.67'],
      ['TEA10', 1, '246.00', '168.15', '24.00', '0.00', '68.67'],
    ]);
    // all orders' 246.00 over MJ300's 11 days in the period (11-20 … 11-30; it ends at 12-01 00:00); nothing before it
    expect(rows[1]).toMatchObject({ dailyRevenue: '22.36', baselineDailyRevenue: '0.00', upliftPercent: null });

    // an order before the promotions, on Wednesday 2026-10-28 (rice 5 × 20 = 100.00, nothing applies then)
    const before = ok(
      await t.gql(
        CREATE,
        {
          i: {
            customerId: id.c1,
            channelId: id.channel,
            warehouseId: id.wh,
            orderDate: '2026-10-28',
            lines: [{ skuId: id.rice, qty: '5' }],
          },
        },
        tok.sales,
      ),
    ).createSalesOrder.id;
    expect(ok(await t.gql(CONFIRM, { id: before }, tok.sales)).confirmSalesOrder.status).toBe('CONFIRMED');
    const again = ok(await t.gql(Q, {}, tok.manager)).promotionEffect;
    // the 11 days stand against the same weekdays of the 4 weeks before 11-20 (10-23 … 11-19): 44 days, one of them
    // (10-28, for Wednesday 11-25) with 100.00: 100 ÷ 44 = 2.27; uplift (246 ÷ 11 − 100 ÷ 44) ÷ (100 ÷ 44) = 884 %.
    // That is MJ300's, which applies to everything; TEA10 and CUPGIFT are measured on the tea they cover: its line
    // of 168.15 ÷ 11 = 15.29 a day, none sold before (the order of 10-28 is rice): no uplift to tell
    expect(
      again.map((r: any) => [
        r.code,
        r.orders,
        r.revenue,
        r.upliftScope,
        r.dailyRevenue,
        r.baselineDailyRevenue,
        r.upliftPercent,
      ]),
    ).toEqual([
      ['CUPGIFT', 1, '246.00', 'ITEMS', '15.29', '0.00', null],
      ['MJ300', 1, '246.00', 'STORE', '22.36', '2.27', '884.00'],
      ['TEA10', 1, '246.00', 'ITEMS', '15.29', '0.00', null],
    ]);
    const sales = await t.gql(Q, {}, tok.sales);
    expect(sales.data.promotionEffect.map((r: any) => [r.giftCost, r.margin])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(sales.extensions?.hiddenFields).toEqual(
      expect.arrayContaining(['PromotionEffect.giftCost', 'PromotionEffect.margin']),
    );
  });
});
