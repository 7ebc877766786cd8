import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers' and suppliers' confirmations of their statements (对账确认). */
export class StatementConfirmations1797100000160 implements MigrationInterface {
  name = 'StatementConfirmations1797100000160';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`statement_confirmation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`party\` varchar(10) NOT NULL, \`party_id\` int NOT NULL, \`date_from\` varchar(10) NOT NULL, \`date_to\` varchar(10) NOT NULL, \`closing\` decimal(18,2) NOT NULL, \`confirmed_by\` varchar(100) NOT NULL, \`note\` varchar(500) NOT NULL DEFAULT '', \`recorded_by\` int NOT NULL, \`recorded_at\` datetime(3) NOT NULL, INDEX \`IDX_500ded1e40c1628e288027b51b\` (\`party\`, \`party_id\`, \`date_to\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_500ded1e40c1628e288027b51b\` ON \`statement_confirmation\``);
    await q.query(`DROP TABLE \`statement_confirmation\``);
  }
}
