import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Price approval of sales orders (issue 11): an order priced below cost waits in
 * pending_price_approval (a longer status) with its reason, the salesperson's note, who asked and
 * when, and the approver's rejection note; a line at an exchange's original price is exempt.
 */
export class SalesPriceApproval1797000000000 implements MigrationInterface {
  name = 'SalesPriceApproval1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`sales_order\` MODIFY \`status\` varchar(24) NOT NULL DEFAULT 'draft'`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`approval_reason\` varchar(32) NULL`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`approval_note\` varchar(500) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`approval_requested_by\` int NULL`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`approval_requested_at\` datetime(3) NULL`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`rejection_note\` varchar(500) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`price_decided_by\` int NULL`);
    await q.query(`ALTER TABLE \`sales_order_line\` ADD \`price_exempt\` tinyint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`sales_order_line\` DROP COLUMN \`price_exempt\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`price_decided_by\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`rejection_note\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`approval_requested_at\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`approval_requested_by\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`approval_note\``);
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`approval_reason\``);
    await q.query(`ALTER TABLE \`sales_order\` MODIFY \`status\` varchar(16) NOT NULL DEFAULT 'draft'`);
  }
}
