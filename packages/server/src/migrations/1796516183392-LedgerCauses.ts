import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerCauses1796516183392 implements MigrationInterface {
  name = 'LedgerCauses1796516183392';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`stock_ledger\` ADD \`cause_type\` varchar(20) NULL`);
    await q.query(`ALTER TABLE \`stock_ledger\` ADD \`cause_id\` int NULL`);
    await q.query(`ALTER TABLE \`stock_ledger\` ADD \`cause_number\` varchar(40) NULL`);
    await q.query(`CREATE INDEX \`IDX_aa6fb850e1502f871005cc9134\` ON \`stock_ledger\` (\`ref_entry_id\`)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_aa6fb850e1502f871005cc9134\` ON \`stock_ledger\``);
    await q.query(`ALTER TABLE \`stock_ledger\` DROP COLUMN \`cause_number\``);
    await q.query(`ALTER TABLE \`stock_ledger\` DROP COLUMN \`cause_id\``);
    await q.query(`ALTER TABLE \`stock_ledger\` DROP COLUMN \`cause_type\``);
  }
}
