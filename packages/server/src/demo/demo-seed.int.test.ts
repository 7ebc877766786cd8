import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../core/config';
import { addDays, today } from '../core/dates';
import { promotionEffect } from '../test/fixtures';
import { contextFor } from './context';
import { openAppDatabase } from '../database';
import { seedBase, seedDemoAll } from '../seed';
import { createServices } from '../services';
import { createTestDb, testDbKind, type TestDb } from '../test/harness';

const sqlite = testDbKind === 'sqlite';

async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables: Array<{ name: string }> = await ds.query(
    sqlite
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      : "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM ${sqlite ? `"${name}"` : `\`${name}\``}`);
    counts[name] = Number(n);
  }
  return counts;
}

describe(`demo seeding, all or nothing (${testDbKind})`, () => {
  let db: TestDb;
  let ds: DataSource;
  let config: Config;
  beforeAll(async () => {
    db = await createTestDb();
    ds = await openAppDatabase(db.url);
    await seedBase(ds);
    config = { ...loadConfig({}), databaseUrl: db.url, mode: 'demo' };
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('a failure midway (the sales orders, after a year of stock, purchasing and customers) leaves only the base rows', async () => {
    const before = await rowCounts(ds);
    expect(before.sku).toBe(0);
    // a real failure from the database itself: every sales order insert is refused
    await ds.query(
      sqlite
        ? "CREATE TRIGGER demo_fail BEFORE INSERT ON sales_order BEGIN SELECT RAISE(ABORT, 'demo seeding failed on purpose'); END"
        : "CREATE TRIGGER demo_fail BEFORE INSERT ON sales_order FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'demo seeding failed on purpose'",
    );
    await expect(seedDemoAll(ds, config)).rejects.toThrow(/demo seeding failed on purpose/);
    await ds.query('DROP TRIGGER demo_fail');
    expect(await rowCounts(ds)).toEqual(before);
  }, 300_000);

  it('completes (on MariaDB too: no LIMIT inside IN), cleans up a run that died midway first, and passes the ledger check', async () => {
    // what a killed process leaves: the start mark and some rows, no end mark
    await ds.query(
      "INSERT INTO warehouse (code, name, kind, allow_negative, active, version) VALUES ('LEFT', 'left over', 'own', 0, 1, 1)",
    );
    await ds.query(
      "INSERT INTO audit_entry (at, user_id, username, roles, address, request_id, action, entity_type, entity_id, `before`, `after`) VALUES ('2026-11-25 02:00:00', NULL, '', '[]', '', 'x', 'demo.seed.started', '', NULL, NULL, NULL)".replace(
        /`/g,
        sqlite ? '"' : '`',
      ),
    );
    const seeded = await seedDemoAll(ds, config);
    expect(seeded).toMatch(/sales orders/);
    const counts = await rowCounts(ds);
    expect(counts.warehouse).toBe(3);
    expect(counts.sales_order).toBeGreaterThan(0);
    expect(counts.purchase_order).toBeGreaterThan(0);
    expect(counts.stock_ledger).toBeGreaterThan(0);
    const [{ c }] = await ds.query("SELECT COUNT(*) AS c FROM warehouse WHERE code = 'LEFT'");
    expect(Number(c)).toBe(0);
    const services = createServices(ds, config);
    const problems = await services.posting.check('moving_average');
    expect(problems).toEqual([]);
    // the lucky draw is revealed with entries from the demo's orders, and verifies from its seed
    const [draw] = await ds.query("SELECT id, state, entry_count, drawn_count FROM lucky_draw WHERE code = 'ANNIV'");
    expect(draw.state).toBe('REVEALED');
    expect(Number(draw.entry_count)).toBeGreaterThan(0);
    expect(Number(draw.drawn_count)).toBe(Number(draw.entry_count));
    const v = await services.draws.verify(String(draw.id));
    expect([v.ok, v.hashMatches, v.matching, v.mismatches]).toEqual([true, true, Number(draw.entry_count), []]);
    // birthday offers: the first customer is born in the demo's month, and got a coupon and a message
    const offers = await ds.query('SELECT customer_id, code, channel FROM birthday_offer ORDER BY customer_id');
    expect(offers.length).toBeGreaterThanOrEqual(2);
    expect(offers.every((o: { code: string }) => /^BDAY-/.test(o.code))).toBe(true);
    // promotions still start today (the replenishment forecast counts promoted days apart)
    const starts = await ds.query('SELECT DISTINCT starts_at FROM promotion');
    expect(starts.map((r: { starts_at: string }) => r.starts_at)).toEqual([`${today()}T00:00`]);
    // the effect report's default period (the last 30 days) has today's orders priced through the promotions
    const manager = await contextFor(ds, services, 'manager');
    const rows = await promotionEffect(manager, services.salesOrders, ds.manager, addDays(today(), -29), today());
    const fig = (code: string) => {
      const r = rows.find((x) => x.code === code)!;
      return [
        r.kind,
        r.orders,
        r.revenue,
        r.discount,
        r.giftCost,
        r.dailyRevenue,
        r.baselineDailyRevenue,
        r.upliftPercent,
      ];
    };
    // C0003: 3 × A001-01 at 90 % (44.90 off) less 50.00 and a NEW20 code (20.00): 334.08; C0004 and C0010: 5 × A001-12
    // (148.32) less 50.00 = 691.60 each, a sixth unit given at its cost 90.06; C0011: 1 × A001-01 at 90 % (14.97 off)
    // The uplift: 满300减50 applies to everything, so the store's revenue today against the same weekday of the four
    // weeks before; 买五赠一 and 单品九折 their own SKU's (A001-12: 1383.20 today against the history's 111.24 a day;
    // A001-01: never sold before today, no uplift to tell)
    expect(fig('MJ300')).toEqual(['THRESHOLD_OFF', 3, '1717.28', '150.00', '0.00', '1851.97', '423.97', '336.82']);
    expect(fig('BUY5G1')).toEqual(['BUY_X_GET_Y', 2, '1383.20', '0.00', '180.12', '1383.20', '111.24', '1143.44']);
    expect(fig('TEA90')).toEqual(['PERCENT_OFF', 2, '468.77', '59.87', '0.00', '468.77', '0.00', null]);
    // the lucky draw's row: the demo orders of the period that earned its entries; its prizes' cost (a random seed)
    expect(fig('ANNIV').slice(0, 4)).toEqual(['LUCKY_DRAW', 15, '9682.43', '0.00']);
    const [drawCost] = await ds.query("SELECT prize_cost FROM lucky_draw WHERE code = 'ANNIV'");
    expect(rows.find((x) => x.code === 'ANNIV')!.giftCost).toMatch(/^\d+\.\d\d$/);
    expect(Number(drawCost.prize_cost)).toBeGreaterThanOrEqual(Number(rows.find((x) => x.code === 'ANNIV')!.giftCost));
    const redeemed = await ds.query(
      "SELECT r.discount FROM coupon_redemption r JOIN coupon_batch b ON b.id = r.batch_id WHERE b.code = 'NEW20'",
    );
    expect(redeemed.map((r: { discount: string }) => Number(r.discount).toFixed(2))).toEqual(['20.00']);
    // this month's targets, so the salespeople's workbench reads against one
    const targets = await services.staff.targets(today().slice(0, 7));
    const names = await ds.query('SELECT id, username FROM app_user');
    const who = (id: number) => names.find((u: { id: number }) => Number(u.id) === id)?.username;
    expect(targets.map((x) => [who(x.userId), x.revenue])).toEqual([
      ['sales', '5000.00'],
      ['sales2', '3000.00'],
    ]);
    // the replenishment refresh ran once: the purchaser's workbench counts today's suggestions to order
    const purchaser = await contextFor(ds, services, 'purchaser');
    const toOrder = (await services.workbench.build(purchaser)).cards.find((c) => c.key === 'toOrder')!;
    expect([toOrder.value, toOrder.detail, toOrder.link]).toEqual([
      '28',
      '106454.08',
      '/purchasing/replenishment?onlyToOrder=1&warehouseId=1',
    ]);
    // seeded once: a second start leaves it alone
    expect(await seedDemoAll(ds, config)).toBeNull();
  }, 300_000);
});
