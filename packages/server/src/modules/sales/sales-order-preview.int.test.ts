import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProductSku } from '../../test/fixtures';
import { type GqlResult, type TestApp } from '../../test/harness';
import { activePromotion, promotionsShop } from '../../test/promotions-shop';

/*
 * The order form's preview: the same pricing as saving the draft (price list, promotions, coupon), and
 * nothing written — no order, no coupon redemption, no promotion usage — so a salesperson can look as
 * often as they like; a coupon that cannot be used says why, as saving would.
 */
describe('previewSalesOrder: the draft priced as saving would, nothing written', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };
  const PREVIEW = `query($i:CreateSalesOrderInput!){ previewSalesOrder(input:$i){ total discountTotal couponCodes
    promotions { code kind discount } lines { skuId qty unitPrice amount discount gift priceSteps } } }`;
  const input = (qty: string, couponCodes: string[] = []) => ({
    customerId: id.customer,
    channelId: id.channel,
    warehouseId: id.wh,
    lines: [{ skuId: id.mug, qty }],
    couponCodes,
  });
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        ['sales_order', 'sales_order_line', 'coupon_redemption', 'promotion_usage'].map(async (table) => [
          table,
          Number((await t.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n),
        ]),
      ),
    );

  beforeAll(async () => {
    // no stock: pricing does not need it
    const s = await promotionsShop({
      prepare: async (app) => {
        id.mug = String((await newProductSku(app.ds, 'MUG')).id);
        return [];
      },
    });
    t = s.t;
    Object.assign(tok, s.tok);
    [id.wh, id.channel, id.customer] = [s.wh, s.channel, s.customer!];
    await activePromotion(t, tok.manager, {
      code: 'MJ100',
      name: '满100减10',
      kind: 'THRESHOLD_OFF',
      rule: { threshold: '100', off: '10', perMultiple: false },
    });
    const batch = ok(
      await t.gql(
        'mutation($i:CreateCouponBatchInput!){ createCouponBatch(input:$i){ id } }',
        {
          i: {
            code: 'OFF5',
            name: '立减5',
            kind: 'AMOUNT_OFF',
            value: '5',
            minSpend: '50',
            validFrom: '2026-11-01T00:00',
            validTo: '2026-12-31T00:00',
            usesPerCode: 1,
            printed: 1,
          },
        },
        tok.manager,
      ),
    ).createCouponBatch.id;
    id.code = ok(
      await t.gql('query($b:ID!){ couponCodes(batchId:$b){ items { code } } }', { b: batch }, tok.manager),
    ).couponCodes.items[0].code;
  });
  afterAll(() => t.close());

  it('shows the 满减 and the coupon on the lines and the total, and writes nothing', async () => {
    const before = await counts();
    // 6 mugs at 20.00 = 120.00 ≥ 100: −10.00; the coupon −5.00 on 110.00: 105.00
    const p = ok(await t.gql(PREVIEW, { i: input('6', [id.code.toLowerCase()]) }, tok.sales)).previewSalesOrder;
    expect([p.total, p.discountTotal, p.couponCodes]).toEqual(['105.00', '15.00', [id.code]]);
    expect(p.promotions).toEqual([
      { code: 'MJ100', kind: 'THRESHOLD_OFF', discount: '10.00' },
      { code: id.code, kind: 'COUPON', discount: '5.00' },
    ]);
    expect(p.lines.map((l: any) => [l.skuId, l.qty, l.unitPrice, l.amount, l.discount, l.gift])).toEqual([
      [id.mug, '6', '17.500000', '105.00', '15.00', false],
    ]);
    expect(p.lines[0].priceSteps).toContain('net 105.00 = 17.50 per unit');
    expect(p.lines[0].priceSteps.some((s: string) => s.startsWith('promotion MJ100'))).toBe(true);
    expect(p.lines[0].priceSteps.some((s: string) => s.startsWith(`coupon ${id.code}`))).toBe(true);
    expect(JSON.stringify(p)).not.toMatch(/cost/i);
    expect(await counts()).toEqual(before);

    // saving prices it the same way
    const o = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ total discountTotal lines { unitPrice amount priceSteps } } }',
        { i: input('6', [id.code]) },
        tok.sales,
      ),
    ).createSalesOrder;
    expect([o.total, o.discountTotal]).toEqual([p.total, p.discountTotal]);
    expect(o.lines.map((l: any) => [l.unitPrice, l.amount, l.priceSteps])).toEqual(
      p.lines.map((l: any) => [l.unitPrice, l.amount, l.priceSteps]),
    );
  });

  it('says why a coupon cannot be used, and writes nothing', async () => {
    const before = await counts();
    // 2 mugs: 40.00, under the coupon's minimum spend of 50.00 (and under the 满减's 100.00)
    const r = await t.gql(PREVIEW, { i: input('2', [id.code]) }, tok.sales);
    expect(r.errors?.[0]?.extensions?.code).toBe('COUPON_BELOW_MIN_SPEND');
    const plain = ok(await t.gql(PREVIEW, { i: input('2') }, tok.sales)).previewSalesOrder;
    expect([plain.total, plain.discountTotal, plain.promotions]).toEqual(['40.00', '0.00', []]);
    expect(await counts()).toEqual(before);
  });

  it('is for those who may create orders', async () => {
    const warehouse = await t.login('warehouse');
    const r = await t.gql(PREVIEW, { i: input('6') }, warehouse);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
