import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleEntries } from '../../domain/promotions/draw';
import { seedCatalog } from '../../test/fixtures';
import { testApp, type GqlResult, type TestApp } from '../../test/harness';

// MariaDB only: four clients draw one draw at once over the API (four connections), chunk by chunk
describe('lucky draw prizes never oversold when several connections draw at once (mariadb)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };
  beforeAll(async () => {
    t = await testApp();
    tok.manager = await t.login('manager');
  });
  afterAll(() => t.close());

  it('300 entries, 4 drawers, 7 entries a chunk: each entry settled once, each prize exactly its quantity', async () => {
    const cat = await seedCatalog(t.ds);
    const draw = ok(
      await t.gql(
        `mutation($i:SaveLuckyDrawInput!){ saveLuckyDraw(input:$i){ id } }`,
        {
          i: {
            code: 'RACE',
            name: '并发抽奖',
            startsAt: '2026-11-20T00:00',
            endsAt: '2026-12-01T00:00',
            prizes: [
              { name: 'A', kind: 'SKU', skuId: String(cat.tea.id), odds: '30', quantity: 10, unitCost: '8' },
              { name: 'B', kind: 'SKU', skuId: String(cat.rice.id), odds: '20', quantity: 5, unitCost: '5' },
              { name: '谢谢', kind: 'NONE', odds: '10' },
            ],
          },
        },
        tok.manager,
      ),
    ).saveLuckyDraw.id;
    t.app.services.draws.newSeed = () => '5eed'.repeat(16); // known results: every run draws the same
    ok(await t.gql('mutation($id:ID!){ openLuckyDraw(id:$id){ id } }', { id: draw }, tok.manager));
    // 300 entries as confirmations would have written them (no customer: the prizes are counted, not sent)
    const values = Array.from(
      { length: 300 },
      (_, i) => `(${draw}, ${1000 + i}, NULL, 1, NULL, 1, '100.00', NOW(3), 0)`,
    );
    await t.ds.query(
      `INSERT INTO lucky_draw_entry (draw_id, order_id, customer_id, channel_id, store_id, warehouse_id, order_total, created_at, exhausted) VALUES ${values.join(',')}`,
    );
    await t.ds.query('UPDATE lucky_draw SET entry_count = 300 WHERE id = ?', [Number(draw)]);
    t.app.services.draws.chunk = 7;

    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.gql('mutation($id:ID!){ drawLuckyDraw(id:$id){ state drawnCount } }', { id: draw }, tok.manager),
      ),
    );
    for (const r of results) expect(ok(r).drawLuckyDraw).toEqual({ state: 'DRAWN', drawnCount: 300 });

    const prizes: Array<{
      id: number;
      name: string;
      kind: string;
      odds: string;
      quantity: number | null;
      remaining: number | null;
    }> = await t.ds.query(
      'SELECT id, name, kind, odds, quantity, remaining FROM lucky_draw_prize WHERE draw_id = ? ORDER BY position',
      [Number(draw)],
    );
    const entries: Array<{ id: number; roll: number; prize_id: number | null; exhausted: number }> = await t.ds.query(
      'SELECT id, roll, prize_id, exhausted FROM lucky_draw_entry WHERE draw_id = ? ORDER BY id',
      [Number(draw)],
    );
    expect(entries.every((e) => e.roll !== null)).toBe(true);
    const won = (pid: number) => entries.filter((e) => e.prize_id === pid).length;
    // 300 rolls at 30 % and 20 %: far more picks than prizes, so both are given out to the last one
    expect(prizes.map((p) => [p.name, p.remaining])).toEqual([
      ['A', 0],
      ['B', 0],
      ['谢谢', null],
    ]);
    expect(won(prizes[0].id)).toBe(10);
    expect(won(prizes[1].id)).toBe(5);
    // and exactly as the seed says, in id order
    const [{ seed }] = await t.ds.query('SELECT seed FROM lucky_draw WHERE id = ?', [Number(draw)]);
    const expected = settleEntries(
      seed,
      entries.map((e) => e.id),
      prizes.map((p) => ({
        id: String(p.id),
        name: p.name,
        kind: p.kind as 'SKU',
        odds: String(p.odds),
        quantity: p.quantity,
        unitCost: '0',
      })),
    );
    expect(
      entries.map((e) => [e.roll, e.prize_id === null ? null : String(e.prize_id), Boolean(Number(e.exhausted))]),
    ).toEqual(expected.results.map((r) => [r.roll, r.prize === String(prizes[2].id) ? null : r.prize, r.exhausted]));
  });
});
