import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlResult, type TestApp } from '../../test/harness';
import { promotionsShop } from '../../test/promotions-shop';

const CREATE = `mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id total } }`;
const CONFIRM = `mutation($id:ID!){ confirmSalesOrder(id:$id){ id status } }`;

// MariaDB only: 16 confirmations at the same instant over the API, two single-use codes, 8 orders each
describe('single-use coupons confirmed by 16 clients at once (mariadb)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };
  beforeAll(async () => {
    const s = await promotionsShop({
      customer: false,
      prepare: (_app, cat) => [[(id.tea = String(cat.tea.id)), '500', '8.00']],
    });
    t = s.t;
    Object.assign(tok, s.tok);
    [id.wh, id.channel] = [s.wh, s.channel];
    const batch = ok(
      await t.gql(
        'mutation($i:CreateCouponBatchInput!){ createCouponBatch(input:$i){ id } }',
        {
          i: {
            code: 'ONCE',
            name: '一次券',
            kind: 'AMOUNT_OFF',
            value: '5',
            validFrom: '2026-11-01T00:00',
            validTo: '2026-12-31T00:00',
            usesPerCode: 1,
            printed: 2,
          },
        },
        tok.manager,
      ),
    ).createCouponBatch.id;
    id.batch = batch;
  });
  afterAll(() => t.close());

  it('exactly one confirmation per code succeeds; the others get COUPON_USED_UP and change nothing', async () => {
    const codes: string[] = ok(
      await t.gql('query($b:ID!){ couponCodes(batchId:$b){ items { code } } }', { b: id.batch }, tok.manager),
    ).couponCodes.items.map((c: { code: string }) => c.code);
    const orders: Array<{ id: string; code: string }> = [];
    for (let i = 0; i < 16; i++) {
      const c = ok(await t.gql(`mutation{ createCustomer(input:{code:"R-${i}", name:"客${i}"}){ id } }`, {}, tok.sales))
        .createCustomer.id;
      const code = codes[i % 2];
      const o = ok(
        await t.gql(
          CREATE,
          {
            i: {
              customerId: c,
              channelId: id.channel,
              warehouseId: id.wh,
              lines: [{ skuId: id.tea, qty: '2' }],
              couponCodes: [code],
            },
          },
          tok.sales,
        ),
      ).createSalesOrder;
      expect(o.total).toBe('35.00');
      orders.push({ id: o.id, code });
    }
    const results = await Promise.all(orders.map((o) => t.gql(CONFIRM, { id: o.id }, tok.sales)));
    const won = orders.filter((_, i) => results[i].data?.confirmSalesOrder?.status === 'CONFIRMED');
    expect(won.map((o) => o.code).sort()).toEqual([...codes].sort());
    expect(results.map(codeOf).filter(Boolean).sort()).toEqual(Array(14).fill('COUPON_USED_UP'));
    const rows = await t.ds.query('SELECT code, used FROM coupon_code ORDER BY code');
    expect(rows.map((r: { used: number }) => Number(r.used))).toEqual([1, 1]);
    const reds = await t.ds.query('SELECT order_id FROM coupon_redemption ORDER BY order_id');
    expect(reds.map((r: { order_id: number }) => String(r.order_id))).toEqual(
      won.map((o) => o.id).sort((a, b) => +a - +b),
    );
    // the losers are still drafts, nothing reserved for them
    const [{ reserved }] = await t.ds.query('SELECT reserved FROM stock_cost WHERE sku_id = ?', [Number(id.tea)]);
    expect(Number(reserved)).toBe(4);
  });
});
