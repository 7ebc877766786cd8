import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, type GqlResult, type TestApp } from '../../test/harness';
import { promotionsShop } from '../../test/promotions-shop';
import { exportedFile, exportListAs } from '../../test/list-export';

const SAVE = `mutation($i:SavePromotionInput!){ savePromotion(input:$i){ id code status version } }`;
const SUBMIT = `mutation($id:ID!){ submitPromotion(id:$id){ id status } }`;
const QUOTE = `query($i:QuoteCartInput!){ quoteCart(input:$i){ listTotal discountTotal total giftValue
  lines { skuId qty gift listAmount discount amount unitPrice steps { kind text discount amount } }
  applied { code name kind discount giftQty } notApplied { code reason detail } coupons { code discount } } }`;
const BATCH = `mutation($i:CreateCouponBatchInput!){ createCouponBatch(input:$i){ id code } }`;

describe('promotions: lifecycle, approval, bad input, coupons and the simulator', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };
  const promo = (over: Record<string, unknown> = {}) => ({
    code: 'MJ300',
    name: '满300减50',
    kind: 'THRESHOLD_OFF',
    priority: 10,
    exclusive: false,
    rule: { threshold: '300', off: '50', perMultiple: false },
    startsAt: '2026-11-20T00:00',
    endsAt: '2026-12-01T00:00',
    budget: '1000',
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}, who = 'manager') =>
    ok(await t.gql(SAVE, { i: promo(over) }, tok[who])).savePromotion;

  beforeAll(async () => {
    const s = await promotionsShop({ users: ['warehouse', 'accountant'] });
    t = s.t;
    Object.assign(tok, s.tok);
    [id.wh, id.tea, id.rice, id.milk] = [s.wh, s.c.tea.id, s.c.rice.id, s.c.milk.id].map(String);
    [id.channel, id.c1] = [s.channel, s.customer!];
    id.c2 = ok(
      await t.gql('mutation{ createCustomer(input:{code:"C-2", name:"乙"}){ id } }', {}, tok.sales),
    ).createCustomer.id;
  });
  afterAll(() => t.close());

  it('a draft within the approval budget is scheduled when submitted, and the status follows the clock', async () => {
    const p = await create();
    expect(p).toMatchObject({ code: 'MJ300', status: 'DRAFT' });
    // the test clock is 2026-11-25 10:00 in Shanghai: inside the period
    expect(ok(await t.gql(SUBMIT, { id: p.id }, tok.manager)).submitPromotion.status).toBe('ACTIVE');
    const later = await create({ code: 'LATER', startsAt: '2026-12-10T00:00', endsAt: '2026-12-20T00:00' });
    expect(ok(await t.gql(SUBMIT, { id: later.id }, tok.manager)).submitPromotion.status).toBe('SCHEDULED');
    const list = ok(await t.gql('{ promotions(filter:{status: ACTIVE}){ total items { code } } }', {}, tok.sales));
    expect(list.promotions.items.map((x: { code: string }) => x.code)).toEqual(['MJ300']);
    // sales staff read promotions, but do not make them
    expect(codeOf(await t.gql(SAVE, { i: promo({ code: 'S1' }) }, tok.sales))).toBe('FORBIDDEN');
    // a running promotion is not edited
    expect(codeOf(await t.gql(SAVE, { i: { ...promo(), id: p.id, version: 1 } }, tok.manager))).toBe('DOCUMENT_STATE');
  });

  it('a budget above the setting (or none) waits for another manager', async () => {
    const p = await create({ code: 'BIG', budget: '9000', priority: 11 });
    expect(ok(await t.gql(SUBMIT, { id: p.id }, tok.manager)).submitPromotion.status).toBe('PENDING_APPROVAL');
    expect(codeOf(await t.gql('mutation($id:ID!){ approvePromotion(id:$id){ id } }', { id: p.id }, tok.manager))).toBe(
      'SELF_APPROVAL',
    );
    expect(codeOf(await t.gql('mutation($id:ID!){ approvePromotion(id:$id){ id } }', { id: p.id }, tok.sales))).toBe(
      'FORBIDDEN',
    );
    const r = ok(
      await t.gql('mutation($id:ID!){ approvePromotion(id:$id){ status approvedBy } }', { id: p.id }, tok.admin),
    );
    expect(r.approvePromotion.status).toBe('ACTIVE');
    ok(await t.gql('mutation($id:ID!){ stopPromotion(id:$id){ status } }', { id: p.id }, tok.manager));
    const none = await create({ code: 'NOBUDGET', budget: null, priority: 12 });
    expect(ok(await t.gql(SUBMIT, { id: none.id }, tok.manager)).submitPromotion.status).toBe('PENDING_APPROVAL');
  });

  it('bad input gets its code and changes nothing', async () => {
    const count = async () => ok(await t.gql('{ promotions{ total } }', {}, tok.manager)).promotions.total;
    const before = await count();
    const bad = async (over: Record<string, unknown>) => codeOf(await t.gql(SAVE, { i: promo(over) }, tok.manager));
    expect(await bad({ code: 'P1', kind: 'PERCENT_OFF', rule: { percent: '120' } })).toBe('PROMOTION_INVALID_DISCOUNT');
    expect(await bad({ code: 'P2', kind: 'PERCENT_OFF', rule: { percent: '-5' } })).toBe('PROMOTION_INVALID_DISCOUNT');
    expect(await bad({ code: 'P3', endsAt: '2026-11-01T00:00' })).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    // two exclusive ones of the same priority on the same goods: the engine could not order them
    const a = await create({ code: 'EX1', kind: 'PERCENT_OFF', rule: { percent: '10' }, exclusive: true, priority: 5 });
    ok(await t.gql(SUBMIT, { id: a.id }, tok.manager));
    const b = await create({ code: 'EX2', kind: 'PERCENT_OFF', rule: { percent: '20' }, exclusive: true, priority: 5 });
    expect(codeOf(await t.gql(SUBMIT, { id: b.id }, tok.manager))).toBe('PROMOTION_EXCLUSIVE_OVERLAP');
    expect(
      ok(await t.gql('query($id:ID!){ promotion(id:$id){ status } }', { id: b.id }, tok.manager)).promotion.status,
    ).toBe('DRAFT');
    // apart in time, they may share a priority
    ok(await t.gql('mutation($id:ID!){ stopPromotion(id:$id){ status } }', { id: a.id }, tok.manager));
    // a gift nobody has in stock
    const g = await create({
      code: 'GIFT',
      kind: 'BUY_X_GET_Y',
      rule: { buyQty: '2', getQty: '1', giftSkuId: id.milk },
      eligibility: { skuIds: [id.tea] },
    });
    expect(codeOf(await t.gql(SUBMIT, { id: g.id }, tok.manager))).toBe('PROMOTION_GIFT_NO_STOCK');
  });

  it('the simulator prices a cart with the 满减 and a coupon, step by step', async () => {
    const batch = ok(
      await t.gql(
        BATCH,
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
            printed: 2,
            customerIds: [id.c1],
          },
        },
        tok.manager,
      ),
    ).createCouponBatch;
    const codes = ok(
      await t.gql(
        'query($b:ID!){ couponCodes(batchId:$b){ total items { code customerId maxUses used } } }',
        { b: batch.id },
        tok.sales,
      ),
    ).couponCodes;
    expect(codes.total).toBe(3);
    const issued = codes.items.find((c: { customerId: string | null }) => c.customerId === id.c1).code;
    const printed = codes.items.find((c: { customerId: string | null }) => c.customerId === null).code;
    expect(issued).toMatch(/^NEW20-[A-Z2-9]{8}$/);
    const cart = (over: Record<string, unknown> = {}) => ({
      i: {
        customerId: id.c1,
        channelId: id.channel,
        warehouseId: id.wh,
        lines: [
          { skuId: id.tea, qty: '10' },
          { skuId: id.rice, qty: '5' },
        ],
        couponCodes: [issued],
        ...over,
      },
    });
    const q = ok(await t.gql(QUOTE, cart(), tok.sales)).quoteCart;
    // 200.00 + 100.00 = 300.00; 满300减50 allocated 33.33 / 16.67; coupon 20 allocated 13.33 / 6.67
    expect([q.listTotal, q.discountTotal, q.total]).toEqual(['300.00', '70.00', '230.00']);
    expect(q.lines.map((l: { amount: string }) => l.amount)).toEqual(['153.34', '76.66']);
    expect(q.applied.map((a: { code: string; discount: string }) => [a.code, a.discount])).toEqual([
      ['MJ300', '50.00'],
    ]);
    expect(q.coupons).toEqual([{ code: issued, discount: '20.00' }]);
    expect(q.lines[0].steps.map((s: { kind: string }) => s.kind)).toEqual([
      'LIST',
      'ORDER_PROMOTION',
      'COUPON',
      'ROUNDING',
    ]);
    // the coupon's rules: another customer's, below the minimum spend, expired, unknown
    expect(codeOf(await t.gql(QUOTE, cart({ customerId: id.c2 }), tok.sales))).toBe('COUPON_OTHER_CUSTOMER');
    expect(codeOf(await t.gql(QUOTE, cart({ lines: [{ skuId: id.tea, qty: '5' }] }), tok.sales))).toBe(
      'COUPON_BELOW_MIN_SPEND',
    );
    expect(codeOf(await t.gql(QUOTE, cart({ at: '2027-01-05T10:00' }), tok.sales))).toBe('COUPON_EXPIRED');
    expect(codeOf(await t.gql(QUOTE, cart({ couponCodes: ['NOPE-1'] }), tok.sales))).toBe('COUPON_UNKNOWN');
    // a printed code is anyone's
    expect(ok(await t.gql(QUOTE, cart({ customerId: id.c2, couponCodes: [printed] }), tok.sales)).quoteCart.total).toBe(
      '230.00',
    );
    // a window of the lines (the simulator's pages): the totals and the explanation still cover the whole cart
    const page = ok(
      await t.gql(
        `query($i:QuoteCartInput!, $o:Int!){ quoteCart(input:$i){ at total applied { code discount } coupons { discount }
          linePage(page:{offset:$o, limit:1}){ total offset limit items { skuId amount steps { kind discount amount } } } } }`,
        { ...cart({ at: '2026-11-25T10:00' }), o: 1 },
        tok.sales,
      ),
    ).quoteCart;
    expect(page).toEqual({
      at: '2026-11-25T10:00',
      total: '230.00',
      applied: [{ code: 'MJ300', discount: '50.00' }],
      coupons: [{ discount: '20.00' }],
      linePage: {
        total: 2,
        offset: 1,
        limit: 1,
        items: [
          {
            skuId: id.rice,
            amount: '76.66',
            steps: [
              { kind: 'LIST', discount: '0.00', amount: '100.00' },
              { kind: 'ORDER_PROMOTION', discount: '16.67', amount: '83.33' },
              { kind: 'COUPON', discount: '6.67', amount: '76.66' },
              { kind: 'ROUNDING', discount: '0.00', amount: '76.66' },
            ],
          },
        ],
      },
    });
    // a coupon above 100 % or below zero
    const bad = (over: Record<string, unknown>) =>
      t.gql(
        BATCH,
        {
          i: {
            code: 'BAD',
            name: 'x',
            kind: 'PERCENT_OFF',
            value: '10',
            validFrom: '2026-11-01T00:00',
            validTo: '2026-12-31T00:00',
            usesPerCode: 1,
            printed: 1,
            ...over,
          },
        },
        tok.manager,
      );
    expect(codeOf(await bad({ value: '101' }))).toBe('PROMOTION_INVALID_DISCOUNT');
    expect(codeOf(await bad({ kind: 'AMOUNT_OFF', value: '-1' }))).toBe('PROMOTION_INVALID_DISCOUNT');
    expect(ok(await t.gql('{ couponBatches{ total } }', {}, tok.manager)).couponBatches.total).toBe(1);
    // the codes' export (the list registry): the page's columns for one batch, sales staff included (no cost in it)
    const cols: Array<[string, string]> = [
      ['code', '券码'],
      ['batch', '批次'],
      ['customerCode', '客户编码'],
      ['customerName', '客户'],
      ['used', '已用'],
      ['maxUses', '可用次数'],
      ['state', '状态'],
      ['validity', '有效期'],
      ['issuedAt', '发放时间'],
    ];
    const states = { state: { AVAILABLE: '可用', USED_UP: '已用完', EXPIRED: '已过期', WITHDRAWN: '已停用' } };
    const all = ok(
      await t.gql(
        'query($b:ID!){ couponCodes(batchId:$b){ items { code issuedAt state } } }',
        { b: batch.id },
        tok.sales,
      ),
    ).couponCodes.items;
    expect(all.map((c: { state: string }) => c.state)).toEqual(['AVAILABLE', 'AVAILABLE', 'AVAILABLE']);
    const file = await exportedFile(t, tok.sales, 'couponCodes', cols, { batchId: batch.id }, states);
    expect(file.hidden).toBeUndefined();
    const at = (i: number) => String(new Date(all[i].issuedAt));
    const valid = '2026-11-01 00:00 – 2026-12-31 00:00';
    expect(file.rows).toEqual([
      cols.map(([, h]) => h),
      [issued, 'NEW20', 'C-1', '甲', '0', '1', '可用', valid, at(0)],
      [all[1].code, 'NEW20', '', '', '0', '1', '可用', valid, at(1)],
      [all[2].code, 'NEW20', '', '', '0', '1', '可用', valid, at(2)],
    ]);
    // the old hand-written CSV is gone; a role without the coupons' permission may not export them
    expect(
      codeOf(await t.gql('query($b:ID!){ exportCouponCodes(batchId:$b){ content } }', { b: batch.id }, tok.manager)),
    ).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(codeOf(await exportListAs(t, tok.warehouse, 'couponCodes', cols, { batchId: batch.id }))).toBe('FORBIDDEN');
  });

  it('the budget spent (it includes gift cost) is hidden from sales staff', async () => {
    const r = await t.gql('{ promotions{ items { code spent usedCount } } }', {}, tok.sales);
    expect(r.data.promotions.items[0].spent).toBeNull();
    expect(r.extensions?.hiddenFields).toContain('Promotion.spent');
    expect((await t.gql('{ promotions{ items { spent } } }', {}, tok.accountant)).data.promotions.items[0].spent).toBe(
      '0.00',
    );
  });

  it('exports the list with the page’s status filter; the budget spent only with sales.margin.read', async () => {
    const cols: Array<[string, string]> = [
      ['code', '编码'],
      ['name', '名称'],
      ['kind', '类型'],
      ['period', '有效期'],
      ['priority', '优先级'],
      ['exclusive', '叠加'],
      ['budget', '预算'],
      ['spent', '已用'],
      ['usedCount', '使用次数'],
      ['status', '状态'],
    ];
    const values = {
      kind: { THRESHOLD_OFF: '满减', PERCENT_OFF: '折扣', BUY_X_GET_Y: '买赠' },
      exclusive: { true: '独享', false: '可叠加' },
      status: { SCHEDULED: '未开始', ACTIVE: '进行中', PENDING_APPROVAL: '待审批', DRAFT: '草稿', ENDED: '已结束' },
    };
    const listed = ok(await t.gql('{ promotions { items { code status } } }', {}, tok.accountant)).promotions.items;
    const acc = await exportedFile(t, tok.accountant, 'promotions', cols, undefined, values);
    expect(acc.rows[0]).toEqual(cols.map(([, h]) => h));
    expect(acc.rows.slice(1).map((r) => r[0])).toEqual(listed.map((p: any) => p.code));
    const P = '2026-11-20 00:00 – 2026-12-01 00:00';
    expect(acc.rows.slice(1)).toEqual([
      [
        'LATER',
        '满300减50',
        '满减',
        '2026-12-10 00:00 – 2026-12-20 00:00',
        '10',
        '可叠加',
        '1000.00',
        '0.00',
        '0',
        '未开始',
      ],
      ['GIFT', '满300减50', '买赠', P, '10', '可叠加', '1000.00', '0.00', '0', '草稿'],
      ['EX2', '满300减50', '折扣', P, '5', '独享', '1000.00', '0.00', '0', '草稿'],
      ['EX1', '满300减50', '折扣', P, '5', '独享', '1000.00', '0.00', '0', '已结束'],
      ['NOBUDGET', '满300减50', '满减', P, '12', '可叠加', '', '0.00', '0', '待审批'],
      ['BIG', '满300减50', '满减', P, '11', '可叠加', '9000.00', '0.00', '0', '已结束'],
      ['MJ300', '满300减50', '满减', P, '10', '可叠加', '1000.00', '0.00', '0', '进行中'],
    ]);
    const sales = await exportedFile(t, tok.sales, 'promotions', cols, { status: 'ACTIVE' }, values);
    expect(sales.hidden).toEqual(['Promotion.spent']);
    expect(sales.columns).not.toContain('spent');
    expect(sales.rows).toEqual([
      ['编码', '名称', '类型', '有效期', '优先级', '叠加', '预算', '使用次数', '状态'],
      ['MJ300', '满300减50', '满减', P, '10', '可叠加', '1000.00', '0', '进行中'],
    ]);
  });
});
