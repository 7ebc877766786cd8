import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Third-party warehouses (3PL): connections, requests (their own outbox), confirmations stored before posting, and the review list. */
export class ThirdPartyWarehouses1797600000000 implements MigrationInterface {
  name = 'ThirdPartyWarehouses1797600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`tpl_connection\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`warehouse_id\` int NOT NULL, \`base_url\` varchar(300) NOT NULL, \`client_key\` varchar(100) NOT NULL, \`secret\` varchar(200) NOT NULL, \`acting_user_id\` int NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`cursor\` varchar(100) NULL, \`last_pull_at\` datetime(3) NULL, \`last_error\` varchar(300) NULL, \`last_snapshot_date\` varchar(10) NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_6ebdf95c3bc2f8b90fa5dade0c\` (\`warehouse_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`tpl_request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`connection_id\` int NOT NULL, \`ref\` varchar(40) NOT NULL, \`kind\` varchar(10) NOT NULL, \`status\` varchar(10) NOT NULL, \`source_type\` varchar(20) NOT NULL, \`source_id\` int NULL, \`source_number\` varchar(60) NOT NULL DEFAULT '', \`to_warehouse_id\` int NULL, \`line_items\` text NOT NULL, \`party\` text NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`lease_until\` datetime(3) NULL, \`last_error\` varchar(300) NULL, \`sent_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_2a2e338119b9651589dfe8631b\` (\`source_type\`, \`source_id\`), INDEX \`IDX_2fc6e4851df82e318bb128ea48\` (\`connection_id\`, \`status\`), UNIQUE INDEX \`IDX_fcd0f0dbcc4f94098248632a13\` (\`ref\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`tpl_confirmation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`connection_id\` int NOT NULL, \`confirmation_id\` varchar(64) NOT NULL, \`request_ref\` varchar(64) NOT NULL, \`state\` varchar(10) NOT NULL, \`raw\` text NOT NULL, \`posted_type\` varchar(20) NULL, \`posted_id\` int NULL, \`received_at\` datetime(3) NOT NULL, INDEX \`IDX_4e66d4535c730cf9fc74bcc51d\` (\`state\`), UNIQUE INDEX \`IDX_99330ff3bf411703e2b8f18d82\` (\`connection_id\`, \`confirmation_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`tpl_review\` (\`id\` int NOT NULL AUTO_INCREMENT, \`connection_id\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`status\` varchar(12) NOT NULL, \`request_id\` int NULL, \`confirmation_id\` int NULL, \`sku_id\` int NULL, \`book_qty\` decimal(18,6) NULL, \`tpl_qty\` decimal(18,6) NULL, \`snapshot_date\` varchar(10) NULL, \`detail\` varchar(500) NOT NULL, \`note\` varchar(200) NULL, \`document_id\` int NULL, \`created_at\` datetime(3) NOT NULL, \`resolved_at\` datetime(3) NULL, INDEX \`IDX_ca696f43d2013508398bbf4bd9\` (\`connection_id\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE \`tpl_review\``);
    await q.query(`DROP TABLE \`tpl_confirmation\``);
    await q.query(`DROP TABLE \`tpl_request\``);
    await q.query(`DROP TABLE \`tpl_connection\``);
  }
}
