import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The account mapping of the voucher export (科目映射). */
export class VoucherAccounts1797100000200 implements MigrationInterface {
  name = 'VoucherAccounts1797100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`voucher_account\` (\`key\` varchar(20) NOT NULL, \`code\` varchar(30) NOT NULL, \`name\` varchar(100) NOT NULL, \`version\` int NOT NULL DEFAULT '1', PRIMARY KEY (\`key\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE \`voucher_account\``);
  }
}
