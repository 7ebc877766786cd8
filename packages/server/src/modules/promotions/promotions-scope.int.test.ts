import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../test/fixtures';
import { codeOf, testDbKind, type GqlResult, type TestApp } from '../../test/harness';
import { exportedFile } from '../../test/list-export';
import { promotionsShop } from '../../test/promotions-shop';

const BATCH = 'mutation($i:CreateCouponBatchInput!){ createCouponBatch(input:$i){ id } }';
const CODES = `query($b:ID!){ couponCodes(batchId:$b, page:{limit:200}){ total items { code customerId customerName } } }`;
const MINE = 'query($c:ID!){ customerCoupons(customerId:$c){ code customerId } }';
const REDEMPTIONS = `query($b:ID!){ couponRedemptions(batchId:$b, page:{limit:200}){ total items { orderId customerName } } }`;
const OFFERS = `query{ birthdayOffers(year:2026, page:{limit:200}){ total items { customerId customerName code message } } }`;
const ENTRIES = `query($d:ID!){ luckyDrawEntries(drawId:$d, page:{limit:200}){ total items { orderId orderNumber customerName } } }`;
const QUOTE = `query($i:QuoteCartInput!){ quoteCart(input:$i){ total } }`;
const CREATE = `mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id } }`;
const CONFIRM = `mutation($id:ID!){ confirmSalesOrder(id:$id){ status } }`;

/*
 * Promotions' rows that name a customer follow the customer scope: a salesperson without
 * sales.customer.all sees only their own customers' coupon codes (and the printed ones, given to no
 * one), redemptions, draw entries and birthday offers, and may not ask for another's customer; an API
 * client only its customers'; a user limited to warehouses only the redemptions and entries of orders
 * from them.
 */
describe(`promotions follow the customer scope (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const code: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): any => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };
  const batch = (c: string, printed: number, customerIds: string[]) =>
    t.gql(
      BATCH,
      {
        i: {
          code: c,
          name: `${c}券`,
          kind: 'AMOUNT_OFF',
          value: '10',
          validFrom: '2026-11-01T00:00',
          validTo: '2027-03-01T00:00',
          usesPerCode: 1,
          printed,
          customerIds,
        },
      },
      tok.manager,
    );
  const sell = async (customerId: string, couponCode: string, token: string) => {
    const o = ok(
      await t.gql(
        CREATE,
        {
          i: {
            customerId,
            channelId: id.channel,
            warehouseId: id.wh,
            lines: [{ skuId: id.tea, qty: '5' }],
            couponCodes: [couponCode],
          },
        },
        token,
      ),
    ).createSalesOrder.id as string;
    expect(ok(await t.gql(CONFIRM, { id: o }, token)).confirmSalesOrder.status).toBe('CONFIRMED');
    return o;
  };
  const cart = (customerId: string) => ({
    i: { customerId, channelId: id.channel, warehouseId: id.wh, lines: [{ skuId: id.tea, qty: '1' }] },
  });

  beforeAll(async () => {
    const s = await promotionsShop({
      customer: false,
      prepare: (_app, cat) => {
        id.tea = String(cat.tea.id);
        id.wh2 = String(cat.warehouses[1].id);
        return [[id.tea, '100', '8.00']];
      },
    });
    t = s.t;
    Object.assign(tok, s.tok);
    [id.wh, id.channel] = [s.wh, s.channel];
    await addUser(t.ds, 'sales2', ['sales'], { displayName: '周销售 Zhou' });
    // a manager (every customer) limited to the other warehouse
    await addUser(t.ds, 'manager2', ['manager'], { warehouseIds: [Number(id.wh2)] });
    for (const u of ['sales2', 'manager2']) tok[u] = await t.login(u);
    const customer = async (c: string, name: string, token: string) =>
      ok(
        await t.gql(
          'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
          { i: { code: c, name, birthday: '1990-11-03' } },
          token,
        ),
      ).createCustomer.id as string;
    // A is the first salesperson's, B the second's
    id.a = await customer('SC-A', '甲客', tok.sales);
    id.b = await customer('SC-B', '乙客', tok.sales2);
    id.batch = ok(await batch('SCOPE', 1, [id.a, id.b])).createCouponBatch.id;
    const codes = ok(await t.gql(CODES, { b: id.batch }, tok.manager)).couponCodes.items;
    for (const c of codes) code[c.customerId ?? 'printed'] = c.code;
    // a lucky draw every order enters
    id.draw = ok(
      await t.gql(
        'mutation($i:SaveLuckyDrawInput!){ saveLuckyDraw(input:$i){ id } }',
        {
          i: {
            code: 'SCOPE-LD',
            name: '抽奖',
            startsAt: '2026-11-20T00:00',
            endsAt: '2026-12-01T00:00',
            eligibility: {},
            prizes: [{ name: '谢谢参与', kind: 'NONE', odds: '100' }],
          },
        },
        tok.manager,
      ),
    ).saveLuckyDraw.id;
    ok(await t.gql('mutation($id:ID!){ openLuckyDraw(id:$id){ state } }', { id: id.draw }, tok.manager));
    // each salesperson sells to their customer with the customer's code: a redemption and an entry each
    id.orderA = await sell(id.a, code[id.a], tok.sales);
    id.orderB = await sell(id.b, code[id.b], tok.sales2);
    // birthday offers (both are born in November): a code of their own batch each, in the message
    const bday = ok(await batch('BDAY', 0, [])).createCouponBatch.id;
    const s0 = ok(await t.gql('{ birthdayOfferSettings { message version } }', {}, tok.manager)).birthdayOfferSettings;
    ok(
      await t.gql(
        'mutation($i:BirthdayOfferSettingsInput!){ saveBirthdayOfferSettings(input:$i){ enabled } }',
        { i: { enabled: true, couponBatchId: bday, message: s0.message, version: s0.version } },
        tok.manager,
      ),
    );
    expect(ok(await t.gql('mutation{ runBirthdayOffers { issued } }', {}, tok.manager)).runBirthdayOffers.issued).toBe(
      2,
    );
  });
  afterAll(() => t.close());

  it("another salesperson's customer is NOT_FOUND: their coupons, and a cart priced for them", async () => {
    expect(codeOf(await t.gql(MINE, { c: id.a }, tok.sales2))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(QUOTE, cart(id.a), tok.sales2))).toBe('NOT_FOUND');
    // as one that does not exist
    expect(codeOf(await t.gql(MINE, { c: '999999' }, tok.sales2))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(QUOTE, cart('999999'), tok.sales2))).toBe('NOT_FOUND');
    // their own: the batch's code and the birthday one
    const own = ok(await t.gql(MINE, { c: id.b }, tok.sales2)).customerCoupons;
    expect(own.map((c: any) => c.customerId)).toEqual([id.b, id.b]);
    expect(own.map((c: any) => c.code)).toContain(code[id.b]);
    ok(await t.gql(QUOTE, cart(id.b), tok.sales2));
    // the owner and the manager still see A's
    expect(ok(await t.gql(MINE, { c: id.a }, tok.sales)).customerCoupons).toHaveLength(2);
    ok(await t.gql(QUOTE, cart(id.a), tok.sales));
    expect(ok(await t.gql(MINE, { c: id.a }, tok.manager)).customerCoupons).toHaveLength(2);
  });

  it("a batch's codes: the printed ones and one's own customers' (the list and its export)", async () => {
    const seen = async (token: string) =>
      ok(await t.gql(CODES, { b: id.batch }, token))
        .couponCodes.items.map((c: any) => `${c.code} ${c.customerName ?? ''}`)
        .sort();
    const printed = `${code.printed} `;
    expect(await seen(tok.sales2)).toEqual([`${code[id.b]} 乙客`, printed].sort());
    expect(await seen(tok.sales)).toEqual([`${code[id.a]} 甲客`, printed].sort());
    expect(await seen(tok.manager)).toEqual([`${code[id.a]} 甲客`, `${code[id.b]} 乙客`, printed].sort());
    expect(ok(await t.gql(CODES, { b: id.batch }, tok.sales2)).couponCodes.total).toBe(2);
    const file = await exportedFile(
      t,
      tok.sales2,
      'couponCodes',
      [
        ['code', '券码'],
        ['customerName', '客户'],
      ],
      { batchId: id.batch },
    );
    expect(
      file.rows
        .slice(1)
        .map((r) => r.join(' ').trim())
        .sort(),
    ).toEqual([`${code[id.b]} 乙客`, code.printed].sort());
  });

  it('redemptions, draw entries and birthday offers: only those of one’s own customers (and exports)', async () => {
    const redeemed = async (token: string) =>
      ok(await t.gql(REDEMPTIONS, { b: id.batch }, token)).couponRedemptions.items.map((r: any) => r.orderId);
    expect(await redeemed(tok.sales2)).toEqual([id.orderB]);
    expect(await redeemed(tok.sales)).toEqual([id.orderA]);
    expect(await redeemed(tok.manager)).toEqual([id.orderB, id.orderA]);
    const file = await exportedFile(
      t,
      tok.sales2,
      'couponRedemptions',
      [
        ['order', '订单'],
        ['customer', '客户'],
      ],
      { batchId: id.batch },
    );
    expect(file.rows.slice(1).map((r) => r[1])).toEqual(['乙客']);

    const entered = async (token: string) =>
      ok(await t.gql(ENTRIES, { d: id.draw }, token)).luckyDrawEntries.items.map((e: any) => e.orderId);
    expect(await entered(tok.sales2)).toEqual([id.orderB]);
    expect(await entered(tok.sales)).toEqual([id.orderA]);
    expect(await entered(tok.manager)).toEqual([id.orderA, id.orderB]);

    const offered = async (token: string) =>
      ok(await t.gql(OFFERS, {}, token)).birthdayOffers.items.map((o: any) => o.customerName);
    expect(await offered(tok.sales2)).toEqual(['乙客']);
    expect(await offered(tok.sales)).toEqual(['甲客']);
    expect((await offered(tok.manager)).sort()).toEqual(['乙客', '甲客'].sort());
  });

  it('a user limited to another warehouse sees no redemption or entry of orders from this one', async () => {
    expect(ok(await t.gql(REDEMPTIONS, { b: id.batch }, tok.manager2)).couponRedemptions.total).toBe(0);
    expect(ok(await t.gql(ENTRIES, { d: id.draw }, tok.manager2)).luckyDrawEntries.total).toBe(0);
    // codes and offers belong to no warehouse
    expect(ok(await t.gql(CODES, { b: id.batch }, tok.manager2)).couponCodes.total).toBe(3);
  });

  it("an API client limited to customer B sees B's only", async () => {
    const roles = ok(await t.gql('query{ roles { id code } }', {}, tok.admin)).roles;
    const { key } = ok(
      await t.gql(
        'mutation($i:CreateApiClientInput!){ createApiClient(input:$i){ key } }',
        { i: { name: 'ERP', roleId: roles.find((r: any) => r.code === 'manager').id, customerIds: [id.b] } },
        tok.admin,
      ),
    ).createApiClient;
    expect(codeOf(await t.gql(MINE, { c: id.a }, key))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(QUOTE, cart(id.a), key))).toBe('NOT_FOUND');
    expect(ok(await t.gql(CODES, { b: id.batch }, key)).couponCodes.total).toBe(2);
    expect(ok(await t.gql(REDEMPTIONS, { b: id.batch }, key)).couponRedemptions.items).toEqual([
      { orderId: id.orderB, customerName: '乙客' },
    ]);
    expect(ok(await t.gql(ENTRIES, { d: id.draw }, key)).luckyDrawEntries.total).toBe(1);
    expect(ok(await t.gql(OFFERS, {}, key)).birthdayOffers.items.map((o: any) => o.customerName)).toEqual(['乙客']);
  });
});
