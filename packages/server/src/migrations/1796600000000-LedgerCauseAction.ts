import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A correction row says whether its cause posted or cancelled, and the cause's business date. */
export class LedgerCauseAction1796600000000 implements MigrationInterface {
  name = 'LedgerCauseAction1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE \`stock_ledger\` ADD \`cause_action\` varchar(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL`,
    );
    await q.query(
      `ALTER TABLE \`stock_ledger\` ADD \`cause_date\` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`stock_ledger\` DROP COLUMN \`cause_date\``);
    await q.query(`ALTER TABLE \`stock_ledger\` DROP COLUMN \`cause_action\``);
  }
}
