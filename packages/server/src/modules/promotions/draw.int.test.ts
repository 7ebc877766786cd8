import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleEntries } from '../../domain/promotions/draw';
import { newProductSku } from '../../test/fixtures';
import { codeOf, testDbKind, type GqlResult, type TestApp } from '../../test/harness';
import { promotionsShop } from '../../test/promotions-shop';

const SAVE = `mutation($i:SaveLuckyDrawInput!){ saveLuckyDraw(input:$i){ id state } }`;
const DRAW = `query($id:ID!){ luckyDraw(id:$id){ id code state seedHash seed entryCount drawnCount
  prizes { id name kind odds quantity remaining skuCode couponBatchCode } } }`;
const ENTRIES = `query($id:ID!, $w:Boolean!){ luckyDrawEntries(drawId:$id, winnersOnly:$w, page:{limit:200}){ total
  items { id orderId orderNumber customerId customerName roll pickedPrizeId prizeId exhausted couponCode prizeOrderId } } }`;
const CREATE = `mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id total } }`;
const CONFIRM = `mutation($id:ID!){ confirmSalesOrder(id:$id){ id status } }`;
// LD2's results with its seed: cups and coupons at their cost (3.00 from the stock, 10.00), the budget 34.00
const EXPECTED_LD2 = [
  'coupon false 10.00',
  'cup false 3.00',
  'cup false 3.00',
  'cup false 3.00',
  'cup false 3.00',
  'coupon false 10.00',
  // 32.00 given: a third coupon (10.00) does not fit the 2.00 left (at the declared 1.00 a cup, 24.00, it would)
  '- true 10.00',
  '- false ',
  '- false ',
  '- false ',
];
const EXPECTED_LEFT = [0, 1, null];
const SCRIPT = path.resolve(__dirname, '../../../../../scripts/verify-draw.mjs');

describe(`lucky draws: entries from confirmed orders, results from the seed, verified (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const customers: string[] = [];
  const ok = <T = any>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };
  const draft = (prizes: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
    i: {
      code: 'LD1',
      name: '周年庆抽奖',
      startsAt: '2026-11-20T00:00',
      endsAt: '2026-12-01T00:00',
      eligibility: { minAmount: '50' },
      budget: '500',
      prizes,
      ...extra,
    },
  });
  const prizes = () => [
    { name: '茶杯', kind: 'SKU', skuId: id.cup, odds: '40', quantity: 2, unitCost: '3.00' },
    { name: '10元券', kind: 'COUPON', couponBatchId: id.batch, odds: '40', quantity: 3, unitCost: '10' },
    { name: '谢谢参与', kind: 'NONE', odds: '20' },
  ];
  const sell = async (customerId: string, qty: string) => {
    const o = ok(
      await t.gql(
        CREATE,
        { i: { customerId, channelId: id.channel, warehouseId: id.wh, lines: [{ skuId: id.tea, qty }] } },
        tok.sales,
      ),
    ).createSalesOrder;
    expect(ok(await t.gql(CONFIRM, { id: o.id }, tok.sales)).confirmSalesOrder.status).toBe('CONFIRMED');
    return o.id as string;
  };

  beforeAll(async () => {
    const s = await promotionsShop({
      customer: false,
      prepare: async (app, cat) => {
        const cup = await newProductSku(app.ds, 'DRAWCUP');
        [id.tea, id.cup] = [cat.tea.id, cup.id].map(String);
        return [
          [id.tea, '200', '8.00'],
          [id.cup, '10', '3.00'],
        ];
      },
    });
    t = s.t;
    Object.assign(tok, s.tok);
    [id.wh, id.channel] = [s.wh, s.channel];
    id.batch = ok(
      await t.gql(
        'mutation($i:CreateCouponBatchInput!){ createCouponBatch(input:$i){ id } }',
        {
          i: {
            code: 'PRIZE10',
            name: '抽奖10元券',
            kind: 'AMOUNT_OFF',
            value: '10',
            validFrom: '2026-11-01T00:00',
            validTo: '2027-03-01T00:00',
            usesPerCode: 1,
            printed: 0,
          },
        },
        tok.manager,
      ),
    ).createCouponBatch.id;
    for (let i = 0; i < 14; i++)
      customers.push(
        ok(await t.gql(`mutation{ createCustomer(input:{code:"LD-${i}", name:"抽${i}"}){ id } }`, {}, tok.sales))
          .createCustomer.id,
      );
  });
  afterAll(() => t.close());

  it('odds above 100 % or prizes over the budget are refused with their codes, and nothing is saved', async () => {
    const before = ok(await t.gql('{ luckyDraws { total } }', {}, tok.manager)).luckyDraws.total;
    const over = prizes().map((p, i) => (i === 2 ? { ...p, odds: '20.0001' } : p));
    const r1 = await t.gql(SAVE, draft(over), tok.manager);
    expect(codeOf(r1)).toBe('DRAW_ODDS_OVER_100');
    expect(r1.errors![0].extensions!.details).toEqual({ total: '100.0001' });
    // 2 × 3.00 + 3 × 10 = 36.00 > 35.99
    const r2 = await t.gql(SAVE, draft(prizes(), { budget: '35.99' }), tok.manager);
    expect(codeOf(r2)).toBe('DRAW_OVER_BUDGET');
    expect(r2.errors![0].extensions!.details).toEqual({ cost: '36.00', budget: '35.99' });
    const r3 = await t.gql(SAVE, draft(prizes().map((p) => ({ ...p, couponBatchId: '99999' }))), tok.manager);
    expect(codeOf(r3)).toBe('BAD_USER_INPUT');
    expect(ok(await t.gql('{ luckyDraws { total } }', {}, tok.manager)).luckyDraws.total).toBe(before);
    expect(codeOf(await t.gql(SAVE, draft(prizes()), tok.sales))).toBe('FORBIDDEN');
  });

  it('open → confirmed orders earn entries → drawn → revealed; every result re-derived from the seed', async () => {
    id.draw = ok(await t.gql(SAVE, draft(prizes()), tok.manager)).saveLuckyDraw.id;
    // a draft earns nothing
    await sell(customers[13], '5');
    // a known seed (its hash is still published, its results still derived from it), so the results are known
    t.app.services.draws.newSeed = () => 'c0ffee'.repeat(10) + '0123';
    const opened = ok(
      await t.gql('mutation($id:ID!){ openLuckyDraw(id:$id){ state seedHash seed } }', { id: id.draw }, tok.manager),
    ).openLuckyDraw;
    expect(opened.state).toBe('OPEN');
    expect(opened.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(opened.seed).toBeNull();
    // 12 qualifying orders (at least 50.00), one below the minimum amount, one cancelled
    const orders: string[] = [];
    for (let i = 0; i < 12; i++) orders.push(await sell(customers[i], '5'));
    // 5 × 20.00 = 100.00 ≥ 50; the cheap one 1 × 20.00 is below it
    expect(
      ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ total } }', { id: orders[0] }, tok.sales)).salesOrder.total,
    ).toBe('100.00');
    const cheap = ok(
      await t.gql(
        CREATE,
        {
          i: {
            customerId: customers[12],
            channelId: id.channel,
            warehouseId: id.wh,
            lines: [{ skuId: id.tea, qty: '1' }],
          },
        },
        tok.sales,
      ),
    ).createSalesOrder;
    ok(await t.gql(CONFIRM, { id: cheap.id }, tok.sales));
    ok(await t.gql('mutation($id:ID!){ cancelSalesOrder(id:$id){ id } }', { id: orders[11] }, tok.sales));
    let d = ok(await t.gql(DRAW, { id: id.draw }, tok.manager)).luckyDraw;
    expect(d.entryCount).toBe(11);
    let entries = ok(await t.gql(ENTRIES, { id: id.draw, w: false }, tok.manager)).luckyDrawEntries.items;
    expect(entries.map((e: any) => e.orderId)).toEqual(orders.slice(0, 11));
    expect(entries.every((e: any) => e.roll === null)).toBe(true);
    // each entry names its order by number and its customer by name
    const numbers = await Promise.all(
      orders
        .slice(0, 11)
        .map(
          async (o) =>
            ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ number } }', { id: o }, tok.manager)).salesOrder.number,
        ),
    );
    expect(entries.map((e: any) => [e.orderNumber, e.customerName])).toEqual(numbers.map((n, i) => [n, `抽${i}`]));
    // not revealed: nothing to verify yet
    expect(codeOf(await t.gql('query($id:ID!){ verifyLuckyDraw(id:$id){ ok } }', { id: id.draw }, tok.manager))).toBe(
      'DOCUMENT_STATE',
    );

    d = ok(
      await t.gql('mutation($id:ID!){ drawLuckyDraw(id:$id){ state drawnCount seed } }', { id: id.draw }, tok.manager),
    ).drawLuckyDraw;
    expect(d).toEqual({ state: 'DRAWN', drawnCount: 11, seed: null });
    // drawn: a later order earns nothing
    await sell(customers[12], '5');
    expect(ok(await t.gql(DRAW, { id: id.draw }, tok.manager)).luckyDraw.entryCount).toBe(11);
    const revealed = ok(
      await t.gql('mutation($id:ID!){ revealLuckyDraw(id:$id){ state seed seedHash } }', { id: id.draw }, tok.manager),
    ).revealLuckyDraw;
    expect(revealed.state).toBe('REVEALED');
    expect(crypto.createHash('sha256').update(Buffer.from(revealed.seed, 'hex')).digest('hex')).toBe(opened.seedHash);

    d = ok(await t.gql(DRAW, { id: id.draw }, tok.manager)).luckyDraw;
    entries = ok(await t.gql(ENTRIES, { id: id.draw, w: false }, tok.manager)).luckyDrawEntries.items;
    // the results re-derived here from the seed, the entry ids and the prizes
    const expected = settleEntries(
      revealed.seed,
      entries.map((e: any) => e.id),
      d.prizes.map((p: any) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        odds: p.odds,
        quantity: p.quantity,
        unitCost: '0',
      })),
    );
    const none = d.prizes.find((p: any) => p.kind === 'NONE').id;
    expect(entries.map((e: any) => [e.roll, e.prizeId, e.exhausted])).toEqual(
      expected.results.map((r) => [r.roll, r.prize === none ? null : r.prize, r.exhausted]),
    );
    // stock never below zero; what was given out is what the prizes lost
    for (const p of d.prizes.filter((x: any) => x.kind !== 'NONE')) {
      const won = entries.filter((e: any) => e.prizeId === p.id).length;
      expect(p.remaining).toBe(p.quantity - won);
      expect(p.remaining).toBe(expected.remaining[p.id]);
    }
    // the test's seed gives out both prizes and leaves losers (so every path below runs)
    expect(new Set(entries.filter((e: any) => e.prizeId).map((e: any) => e.prizeId)).size).toBe(2);
    expect(entries.some((e: any) => !e.prizeId && !e.exhausted)).toBe(true);
    // prizes flow: a coupon code issued to the winner, a draft order at 0 for the SKU
    const prizeOrders: string[] = [];
    for (const e of entries.filter((x: any) => x.prizeId)) {
      const p = d.prizes.find((x: any) => x.id === e.prizeId);
      if (p.kind === 'COUPON') {
        expect(e.couponCode).toMatch(/^PRIZE10-/);
        const codes = ok(
          await t.gql(
            'query($b:ID!){ couponCodes(batchId:$b, page:{limit:200}){ items { code customerId } } }',
            { b: id.batch },
            tok.manager,
          ),
        ).couponCodes.items;
        expect(codes.find((c: any) => c.code === e.couponCode).customerId).toBe(e.customerId);
      } else {
        const o = ok(
          await t.gql(
            'query($id:ID!){ salesOrder(id:$id){ status customerId total lines { skuId qty unitPrice } } }',
            { id: e.prizeOrderId },
            tok.manager,
          ),
        ).salesOrder;
        expect(o).toMatchObject({ status: 'DRAFT', customerId: e.customerId, total: '0.00' });
        expect(o.lines).toEqual([{ skuId: id.cup, qty: '1', unitPrice: '0.000000' }]);
        prizeOrders.push(e.prizeOrderId);
      }
    }
    // a SKU prize confirmed and shipped: the cup's cost (3.00) is promotion expense, not COGS, like a gift's
    expect(prizeOrders.length).toBeGreaterThan(0);
    const entriesBefore = ok(await t.gql(ENTRIES, { id: id.draw, w: false }, tok.manager)).luckyDrawEntries.total;
    for (const po of prizeOrders) {
      expect(ok(await t.gql(CONFIRM, { id: po }, tok.sales)).confirmSalesOrder.status).toBe('CONFIRMED');
      const ls = ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ lines { id qty } } }', { id: po }, tok.manager))
        .salesOrder.lines;
      ok(
        await t.gql(
          'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id } }',
          { i: { orderId: po, lines: ls.map((l: any) => ({ orderLineId: l.id, qty: l.qty })) } },
          tok.admin,
        ),
      );
      const shipped = ok(
        await t.gql(
          'query($id:ID!){ salesOrder(id:$id){ status total cogs margin giftCost promotions { code } lines { gift cogs } } }',
          { id: po },
          tok.manager,
        ),
      ).salesOrder;
      expect(shipped).toEqual({
        status: 'SHIPPED',
        total: '0.00',
        cogs: '0.00',
        margin: '0.00',
        giftCost: '3.00',
        promotions: [],
        lines: [{ gift: false, cogs: '3.00' }],
      });
    }
    // confirming a prize order earns no entry (the draw is drawn; and a prize is no sale)
    expect(ok(await t.gql(ENTRIES, { id: id.draw, w: false }, tok.manager)).luckyDrawEntries.total).toBe(entriesBefore);

    const v = ok(
      await t.gql(
        'query($id:ID!){ verifyLuckyDraw(id:$id){ ok hashMatches entries matching mismatches { entryId } } }',
        { id: id.draw },
        tok.sales,
      ),
    ).verifyLuckyDraw;
    expect(v).toEqual({ ok: true, hashMatches: true, entries: 11, matching: 11, mismatches: [] });

    // the standalone script agrees, and catches a result changed afterwards
    const json = ok(
      await t.gql('query($id:ID!){ luckyDrawExport(id:$id) }', { id: id.draw }, tok.sales),
    ).luckyDrawExport;
    const file = path.join(os.tmpdir(), `draw-${process.pid}-${id.draw}.json`);
    fs.writeFileSync(file, json);
    expect(execFileSync('node', [SCRIPT, file], { encoding: 'utf8' })).toContain(
      'OK, the seed matches its hash and all 11 results match',
    );
    const tampered = JSON.parse(json);
    const loser = tampered.entries.find((e: any) => e.prize === null && !e.exhausted);
    expect(loser).toBeDefined();
    loser.prize = tampered.prizes[1].id;
    fs.writeFileSync(file, JSON.stringify(tampered));
    let out = '';
    try {
      execFileSync('node', [SCRIPT, file], { encoding: 'utf8' });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    expect(out).toContain(`entry ${loser.id}: expected roll`);
    expect(out).toContain('1 MISMATCH(ES) over 11 entries');
    fs.unlinkSync(file);

    // a row changed in the database is a mismatch for the API's verification too
    await t.ds.query('UPDATE lucky_draw_entry SET roll = roll + 1 WHERE id = ?', [Number(loser.id)]);
    const v2 = ok(
      await t.gql(
        'query($id:ID!){ verifyLuckyDraw(id:$id){ ok matching mismatches { entryId } } }',
        { id: id.draw },
        tok.manager,
      ),
    ).verifyLuckyDraw;
    expect(v2).toEqual({ ok: false, matching: 10, mismatches: [{ entryId: loser.id }] });
  });

  it("the prizes' cost is counted at the stock's cost where issued, and the budget stops prizes once it would pass", async () => {
    // the cup is declared at 1.00 (4 × 1.00 + 3 × 10 = 34.00 fits the budget of 34.00), but the stock's cost
    // in the warehouse is 3.00: the budget counts 3.00 per cup, so it runs out before the prizes do
    const cheap = [
      { name: '茶杯', kind: 'SKU', skuId: id.cup, odds: '60', quantity: 4, unitCost: '1.00' },
      { name: '10元券', kind: 'COUPON', couponBatchId: id.batch, odds: '30', quantity: 3, unitCost: '10' },
      { name: '谢谢参与', kind: 'NONE', odds: '10' },
    ];
    const drawId = ok(await t.gql(SAVE, draft(cheap, { code: 'LD2', budget: '34' }), tok.manager)).saveLuckyDraw.id;
    t.app.services.draws.newSeed = () => 'c0ffee'.repeat(10) + '4567';
    ok(await t.gql('mutation($id:ID!){ openLuckyDraw(id:$id){ id } }', { id: drawId }, tok.manager));
    const orders: string[] = [];
    for (let i = 0; i < 10; i++) orders.push(await sell(customers[i], '5'));
    ok(await t.gql('mutation($id:ID!){ drawLuckyDraw(id:$id){ id } }', { id: drawId }, tok.manager));
    const Q = `query($id:ID!, $w:Boolean!){ luckyDraw(id:$id){ budget prizeCost prizes { id kind remaining } }
      luckyDrawEntries(drawId:$id, winnersOnly:$w, page:{limit:200}){ items { id prizeId exhausted budgetSpent prizeCost } } }`;
    const m = ok(await t.gql(Q, { id: drawId, w: false }, tok.manager));
    const [cup, coupon] = m.luckyDraw.prizes.map((p: any) => p.id);
    const row = (e: any) =>
      [e.prizeId === cup ? 'cup' : e.prizeId === coupon ? 'coupon' : '-', e.budgetSpent, e.prizeCost].join(' ');
    expect(m.luckyDrawEntries.items.map(row)).toEqual(EXPECTED_LD2);
    // 4 cups × 3.00 + 2 coupons × 10.00 = 32.00
    expect(m.luckyDraw).toMatchObject({ budget: '34.00', prizeCost: '32.00' });
    expect(m.luckyDraw.prizes.map((p: any) => p.remaining)).toEqual(EXPECTED_LEFT);
    // sales staff see the results and the budget, never the cost
    const s = await t.gql(Q, { id: drawId, w: false }, tok.sales);
    expect(s.data.luckyDraw.prizeCost).toBeNull();
    expect(s.data.luckyDrawEntries.items.map((e: any) => e.prizeCost)).toEqual(
      m.luckyDrawEntries.items.map(() => null),
    );
    expect(s.extensions?.hiddenFields).toEqual(
      expect.arrayContaining(['LuckyDraw.prizeCost', 'LuckyDrawEntry.prizeCost']),
    );

    // revealed: the server re-derives every result with the budget and the costs recorded; the script agrees
    ok(await t.gql('mutation($id:ID!){ revealLuckyDraw(id:$id){ id } }', { id: drawId }, tok.manager));
    const v = ok(
      await t.gql('query($id:ID!){ verifyLuckyDraw(id:$id){ ok matching } }', { id: drawId }, tok.sales),
    ).verifyLuckyDraw;
    expect(v).toEqual({ ok: true, matching: 10 });
    const json = ok(
      await t.gql('query($id:ID!){ luckyDrawExport(id:$id) }', { id: drawId }, tok.sales),
    ).luckyDrawExport;
    expect(json).not.toContain('prizeCost');
    const file = path.join(os.tmpdir(), `draw-${process.pid}-${drawId}.json`);
    fs.writeFileSync(file, json);
    expect(execFileSync('node', [SCRIPT, file], { encoding: 'utf8' })).toContain('all 10 results match');
    fs.unlinkSync(file);
    // an entry the budget stopped, given the prize in the database, is a mismatch
    const stopped = m.luckyDrawEntries.items.find((e: any) => e.budgetSpent);
    await t.ds.query('UPDATE lucky_draw_entry SET budget_spent = ?, prize_id = ? WHERE id = ?', [
      false,
      Number(coupon),
      Number(stopped.id),
    ]);
    const v2 = ok(
      await t.gql('query($id:ID!){ verifyLuckyDraw(id:$id){ ok matching } }', { id: drawId }, tok.manager),
    ).verifyLuckyDraw;
    expect(v2).toEqual({ ok: false, matching: 9 });
    await t.ds.query('UPDATE lucky_draw_entry SET budget_spent = ?, prize_id = NULL WHERE id = ?', [
      true,
      Number(stopped.id),
    ]);

    // the effect report: the draw's row has the orders that earned its entries and its prizes' cost as gift cost
    const E = `{ promotionEffect(from:"2026-11-01", to:"2026-11-30"){ promotionId code kind orders revenue itemsRevenue discount giftCost } }`;
    const rows = ok(await t.gql(E, {}, tok.manager)).promotionEffect.filter((r: any) => r.kind === 'LUCKY_DRAW');
    // LD1: 11 orders of 100.00, its 2 cups at 3.00 and 2 coupons at 10.00; LD2: 10 orders, 32.00 (above); a draw has
    // no items of its own: its items' revenue is its orders' whole
    expect(rows).toEqual([
      {
        promotionId: id.draw,
        code: 'LD1',
        kind: 'LUCKY_DRAW',
        orders: 11,
        revenue: '1100.00',
        itemsRevenue: '1100.00',
        discount: '0.00',
        giftCost: '26.00',
      },
      {
        promotionId: drawId,
        code: 'LD2',
        kind: 'LUCKY_DRAW',
        orders: 10,
        revenue: '1000.00',
        itemsRevenue: '1000.00',
        discount: '0.00',
        giftCost: '32.00',
      },
    ]);
    const ld1 = ok(await t.gql('query($id:ID!){ luckyDraw(id:$id){ prizeCost } }', { id: id.draw }, tok.manager));
    expect(ld1.luckyDraw.prizeCost).toBe('26.00');
    const hidden = (await t.gql(E, {}, tok.sales)).data.promotionEffect.filter((r: any) => r.kind === 'LUCKY_DRAW');
    expect(hidden.map((r: any) => r.giftCost)).toEqual([null, null]);
  });
});
