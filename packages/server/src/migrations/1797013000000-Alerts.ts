import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Live alerts: the outbox written in the posting's transaction, and the notifications it is dispatched to. */
export class Alerts1797013000000 implements MigrationInterface {
  name = 'Alerts1797013000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`alert_outbox\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(30) NOT NULL, \`warehouse_id\` int NULL, \`sku_id\` int NULL, \`ref_type\` varchar(20) NULL, \`ref_id\` int NULL, \`ref_number\` varchar(40) NULL, \`payload\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, \`dispatched_at\` datetime(3) NULL, INDEX \`IDX_9226253cd8d8ce70e61d0508d7\` (\`dispatched_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`notification\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`outbox_id\` int NOT NULL, \`kind\` varchar(30) NOT NULL, \`warehouse_id\` int NULL, \`sku_id\` int NULL, \`ref_type\` varchar(20) NULL, \`ref_id\` int NULL, \`ref_number\` varchar(40) NULL, \`payload\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, \`read_at\` datetime(3) NULL, INDEX \`IDX_709570ea23197bf75890da5a6a\` (\`user_id\`, \`read_at\`), UNIQUE INDEX \`IDX_ca09ebf6d1c421caff58d6143d\` (\`outbox_id\`, \`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_ca09ebf6d1c421caff58d6143d\` ON \`notification\``);
    await q.query(`DROP INDEX \`IDX_709570ea23197bf75890da5a6a\` ON \`notification\``);
    await q.query(`DROP TABLE \`notification\``);
    await q.query(`DROP INDEX \`IDX_9226253cd8d8ce70e61d0508d7\` ON \`alert_outbox\``);
    await q.query(`DROP TABLE \`alert_outbox\``);
  }
}
