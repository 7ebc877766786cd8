import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Promotions on sales orders (issue 14): the order's coupon codes, the promotions applied, the discount
 * total and the gift cost (promotion expense); a line's price before promotions, its discount, what each
 * promotion took off it, and whether it is a gift.
 */
export class SalesPromotions1797200000100 implements MigrationInterface {
  name = 'SalesPromotions1797200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`sales_order\` ADD \`gift_cost\` decimal(18,2) NOT NULL DEFAULT '0.00'`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`discount_total\` decimal(18,2) NOT NULL DEFAULT '0.00'`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`coupon_codes\` text NULL`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`promotions_applied\` text NULL`);
    await q.query(`ALTER TABLE \`sales_order_line\` ADD \`base_price\` decimal(18,6) NULL`);
    await q.query(`ALTER TABLE \`sales_order_line\` ADD \`discount\` decimal(18,2) NOT NULL DEFAULT '0.00'`);
    await q.query(`ALTER TABLE \`sales_order_line\` ADD \`gift\` tinyint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE \`sales_order_line\` ADD \`allocations\` text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`sales_order_line\` DROP COLUMN \`allocations\``);
    await q.query(`ALTER TABLE \`sales_order_line\` DROP COLUMN \`gift\``);
    await q.query(`ALTER TABLE \`sales_order_line\` DROP COLUMN \`discount\``);
    await q.query(`ALTER TABLE \`sales_order_line\` DROP COLUMN \`base_price\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`promotions_applied\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`coupon_codes\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`discount_total\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`gift_cost\``);
  }
}
