import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerContacts1795606305420 implements MigrationInterface {
  name = 'CustomerContacts1795606305420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`customer_contact\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customer_id\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`title\` varchar(100) NOT NULL DEFAULT '', \`phone\` varchar(40) NOT NULL DEFAULT '', \`email\` varchar(200) NOT NULL DEFAULT '', \`is_primary\` tinyint NOT NULL DEFAULT 0, INDEX \`IDX_a55a990ae910799bf80b04b5a8\` (\`customer_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`customer_address\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customer_id\` int NOT NULL, \`label\` varchar(50) NOT NULL DEFAULT '', \`receiver\` varchar(100) NOT NULL DEFAULT '', \`phone\` varchar(40) NOT NULL DEFAULT '', \`address\` varchar(500) NOT NULL, \`is_default\` tinyint NOT NULL DEFAULT 0, INDEX \`IDX_1f5ed21a5f3390cdbafb6f2245\` (\`customer_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_1f5ed21a5f3390cdbafb6f2245\` ON \`customer_address\``);
    await q.query(`DROP TABLE \`customer_address\``);
    await q.query(`DROP INDEX \`IDX_a55a990ae910799bf80b04b5a8\` ON \`customer_contact\``);
    await q.query(`DROP TABLE \`customer_contact\``);
  }
}
