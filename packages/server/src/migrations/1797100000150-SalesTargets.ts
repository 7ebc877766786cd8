import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Salespeople's monthly revenue targets (staff performance). */
export class SalesTargets1797100000150 implements MigrationInterface {
  name = 'SalesTargets1797100000150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`sales_target\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`month\` varchar(7) NOT NULL, \`revenue\` decimal(18,2) NOT NULL, \`updated_by\` int NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_256988643a84307b0c86973fd5\` (\`user_id\`, \`month\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_256988643a84307b0c86973fd5\` ON \`sales_target\``);
    await q.query(`DROP TABLE \`sales_target\``);
  }
}
