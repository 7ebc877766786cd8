import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StockReserved1795596506709 implements MigrationInterface {
  name = 'StockReserved1795596506709';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`stock_cost\` ADD \`reserved\` decimal(18,6) NOT NULL DEFAULT '0.000000'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`stock_cost\` DROP COLUMN \`reserved\``);
  }
}
