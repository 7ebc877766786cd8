import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 满减 taken back on a return (issue 14): the return's total and per-promotion take-backs, each line's part. */
export class ReturnTakeBack1797580000000 implements MigrationInterface {
  name = 'ReturnTakeBack1797580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`sales_return\` ADD \`threshold_taken_back\` decimal(18,2) NOT NULL DEFAULT '0.00'`);
    await q.query(`ALTER TABLE \`sales_return\` ADD \`take_backs\` text NULL`);
    await q.query(`ALTER TABLE \`sales_return_line\` ADD \`taken_back\` decimal(18,2) NOT NULL DEFAULT '0.00'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`sales_return_line\` DROP COLUMN \`taken_back\``);
    await q.query(`ALTER TABLE \`sales_return\` DROP COLUMN \`take_backs\``);
    await q.query(`ALTER TABLE \`sales_return\` DROP COLUMN \`threshold_taken_back\``);
  }
}
