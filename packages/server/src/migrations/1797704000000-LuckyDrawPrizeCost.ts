import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 抽奖 prize cost: each entry keeps what its prize cost when drawn (a SKU at the stock's unit cost of
 * the warehouse that issues it, a coupon at its prize's cost) and whether the budget refused it; the
 * draw keeps the sum, which the budget counts.
 */
export class LuckyDrawPrizeCost1797704000000 implements MigrationInterface {
  name = 'LuckyDrawPrizeCost1797704000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `lucky_draw` ADD `prize_cost` decimal(18,2) NOT NULL DEFAULT '0.00'");
    await q.query('ALTER TABLE `lucky_draw_entry` ADD `budget_spent` tinyint NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE `lucky_draw_entry` ADD `prize_cost` decimal(18,2) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `lucky_draw_entry` DROP COLUMN `prize_cost`');
    await q.query('ALTER TABLE `lucky_draw_entry` DROP COLUMN `budget_spent`');
    await q.query('ALTER TABLE `lucky_draw` DROP COLUMN `prize_cost`');
  }
}
