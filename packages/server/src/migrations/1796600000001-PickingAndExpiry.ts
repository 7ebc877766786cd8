import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pick strategy per warehouse and per SKU; the short-dated warning days; the reason a short-dated batch was received. */
export class PickingAndExpiry1796600000001 implements MigrationInterface {
  name = 'PickingAndExpiry1796600000001';

  async up(q: QueryRunner): Promise<void> {
    const text = 'CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci';
    await q.query(`ALTER TABLE \`warehouse\` ADD \`pick_strategy\` varchar(8) ${text} NOT NULL DEFAULT 'auto'`);
    await q.query(`ALTER TABLE \`sku\` ADD \`pick_strategy\` varchar(8) ${text} NULL`);
    await q.query(`ALTER TABLE \`company_settings\` ADD \`expiry_warning_days\` int NOT NULL DEFAULT '30'`);
    await q.query(`ALTER TABLE \`stock_document_line\` ADD \`expiry_reason\` varchar(200) ${text} NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`stock_document_line\` DROP COLUMN \`expiry_reason\``);
    await q.query(`ALTER TABLE \`company_settings\` DROP COLUMN \`expiry_warning_days\``);
    await q.query(`ALTER TABLE \`sku\` DROP COLUMN \`pick_strategy\``);
    await q.query(`ALTER TABLE \`warehouse\` DROP COLUMN \`pick_strategy\``);
  }
}
