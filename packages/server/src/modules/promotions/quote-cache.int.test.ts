import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createApp, type App } from '../../app';
import { openAppDatabase } from '../../database';
import { newProductSku } from '../../test/fixtures';
import type { GqlResult, TestApp } from '../../test/harness';
import { activePromotion, promotionsShop } from '../../test/promotions-shop';

const QUOTE = `query($i:QuoteCartInput!){ quoteCart(input:$i){ listTotal discountTotal total giftValue
  applied { code discount giftQty } notApplied { code reason } } }`;

/**
 * Each API process keeps the active promotions' static parts by id and version (order-pricing.ts):
 * what another process changes on the same database — a promotion stopped, a new one, a rule rewritten
 * (its version bumped), the usage an order confirmed there — is in the next quote here.
 */
describe('promotions: a second API process on the same database quotes what the first one changed at once', () => {
  let t: TestApp;
  let ds2: DataSource;
  let app2: App;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): any => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  const gql2 = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await fetch(`${app2.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult;
  };
  const promote = (i: Record<string, unknown>) => activePromotion(t, tok.manager, i);
  const cart = () => ({
    i: {
      customerId: id.c1,
      channelId: id.channel,
      warehouseId: id.wh,
      lines: [
        { skuId: id.tea, qty: '10' },
        { skuId: id.rice, qty: '5' },
      ],
    },
  });
  /** the same cart quoted by both processes: the same answer, returned */
  const quoteBoth = async () => {
    const q2 = ok(await gql2(QUOTE, cart(), tok.sales)).quoteCart;
    const q1 = ok(await t.gql(QUOTE, cart(), tok.sales)).quoteCart;
    expect(q2).toEqual(q1);
    return {
      totals: [q2.listTotal, q2.discountTotal, q2.total, q2.giftValue],
      applied: q2.applied.map((a: { code: string; discount: string; giftQty: string }) => [
        a.code,
        a.discount,
        a.giftQty,
      ]),
      notApplied: q2.notApplied.map((n: { code: string; reason: string }) => [n.code, n.reason]),
    };
  };

  beforeAll(async () => {
    const s = await promotionsShop({
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
    ds2 = await openAppDatabase(t.config.databaseUrl);
    app2 = await createApp(ds2, t.config);
  });
  afterAll(async () => {
    await app2?.close();
    await ds2?.destroy();
    await t.close();
  });

  it('a promotion stopped, added, rewritten or used up in one process is quoted so by the other at once', async () => {
    id.mj = await promote({
      code: 'MJ100',
      name: '满100减10',
      kind: 'THRESHOLD_OFF',
      priority: 20,
      rule: { threshold: '100', off: '10', perMultiple: false },
      totalLimit: 1,
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
    // both processes have quoted (and keep) the three: 10 teas at 20.00 and 5 rice at 20.00
    expect(await quoteBoth()).toEqual({
      totals: ['300.00', '30.00', '270.00', '40.00'],
      applied: [
        ['CUPGIFT', '0.00', '2.000000'],
        ['TEA10', '20.00', null],
        ['MJ100', '10.00', null],
      ],
      notApplied: [],
    });
    // an order confirmed in the first process uses MJ100's one use up
    const order = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id } }',
        { i: { ...cart().i, lines: [{ skuId: id.rice, qty: '5' }] } },
        tok.sales,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: order.id }, tok.sales));
    expect(await quoteBoth()).toEqual({
      totals: ['300.00', '20.00', '280.00', '40.00'],
      applied: [
        ['CUPGIFT', '0.00', '2.000000'],
        ['TEA10', '20.00', null],
      ],
      notApplied: [['MJ100', 'LIMIT_REACHED']],
    });
    // stopped there
    ok(await t.gql('mutation($id:ID!){ stopPromotion(id:$id){ id } }', { id: id.tea10 }, tok.manager));
    expect(await quoteBoth()).toEqual({
      totals: ['300.00', '0.00', '300.00', '40.00'],
      applied: [['CUPGIFT', '0.00', '2.000000']],
      notApplied: [['MJ100', 'LIMIT_REACHED']],
    });
    // a new one there
    id.mj200 = await promote({
      code: 'MJ200',
      name: '满200减20',
      kind: 'THRESHOLD_OFF',
      priority: 30,
      rule: { threshold: '200', off: '20', perMultiple: false },
    });
    expect(await quoteBoth()).toEqual({
      totals: ['300.00', '20.00', '280.00', '40.00'],
      applied: [
        ['CUPGIFT', '0.00', '2.000000'],
        ['MJ200', '20.00', null],
      ],
      notApplied: [['MJ100', 'LIMIT_REACHED']],
    });
    // its rule rewritten there with its version bumped (the API edits drafts only; any write that
    // changes what the engine reads bumps the version)
    await t.ds.query('UPDATE promotion SET rule = ?, version = version + 1 WHERE id = ?', [
      JSON.stringify({ threshold: '200', off: '30', perMultiple: false }),
      Number(id.mj200),
    ]);
    expect(await quoteBoth()).toEqual({
      totals: ['300.00', '30.00', '270.00', '40.00'],
      applied: [
        ['CUPGIFT', '0.00', '2.000000'],
        ['MJ200', '30.00', null],
      ],
      notApplied: [['MJ100', 'LIMIT_REACHED']],
    });
  });
});
