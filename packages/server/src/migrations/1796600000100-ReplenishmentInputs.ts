import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReplenishmentInputs1796600000100 implements MigrationInterface {
  name = 'ReplenishmentInputs1796600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`fixed_safety_stock\` (\`id\` int NOT NULL AUTO_INCREMENT, \`warehouse_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, UNIQUE INDEX \`IDX_697dcb0be23f40858349ffbb0e\` (\`warehouse_id\`, \`sku_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `ALTER TABLE \`purchase_order_line\` ADD \`replacement_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000'`,
    );
    await q.query(`ALTER TABLE \`purchase_receipt_line\` ADD \`replacement_expected\` tinyint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE \`replenishment_setting\` ADD \`ma_window\` int NULL`);
    await q.query(`ALTER TABLE \`replenishment_setting\` ADD \`alpha\` decimal(4,3) NULL`);
    await q.query(`ALTER TABLE \`replenishment_setting\` ADD \`beta\` decimal(4,3) NULL`);
    await q.query(`ALTER TABLE \`replenishment_setting\` ADD \`gamma\` decimal(4,3) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`replenishment_setting\` DROP COLUMN \`gamma\``);
    await q.query(`ALTER TABLE \`replenishment_setting\` DROP COLUMN \`beta\``);
    await q.query(`ALTER TABLE \`replenishment_setting\` DROP COLUMN \`alpha\``);
    await q.query(`ALTER TABLE \`replenishment_setting\` DROP COLUMN \`ma_window\``);
    await q.query(`ALTER TABLE \`purchase_receipt_line\` DROP COLUMN \`replacement_expected\``);
    await q.query(`ALTER TABLE \`purchase_order_line\` DROP COLUMN \`replacement_qty\``);
    await q.query(`DROP INDEX \`IDX_697dcb0be23f40858349ffbb0e\` ON \`fixed_safety_stock\``);
    await q.query(`DROP TABLE \`fixed_safety_stock\``);
  }
}
