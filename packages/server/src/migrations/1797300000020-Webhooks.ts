import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks: subscriptions of API clients, the event outbox, one delivery per event and subscription, and the log of attempts. */
export class Webhooks1797300000020 implements MigrationInterface {
  name = 'Webhooks1797300000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`webhook_subscription\` (\`id\` int NOT NULL AUTO_INCREMENT, \`client_id\` int NOT NULL, \`url\` varchar(500) NOT NULL, \`events\` text NOT NULL, \`secret\` varchar(80) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_0124637be067eec9fa4197bbd6\` (\`client_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`webhook_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`event_id\` varchar(36) NOT NULL, \`type\` varchar(40) NOT NULL, \`ref_type\` varchar(30) NOT NULL, \`ref_id\` int NOT NULL, \`ref_number\` varchar(40) NULL, \`warehouse_id\` int NULL, \`customer_id\` int NULL, \`data\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_7aab2744cf4815dfacb2bc5a87\` (\`event_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`webhook_delivery\` (\`id\` int NOT NULL AUTO_INCREMENT, \`event_id\` int NOT NULL, \`subscription_id\` int NOT NULL, \`ordering_key\` varchar(80) NOT NULL, \`status\` varchar(12) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`next_attempt_at\` datetime(3) NOT NULL, \`lease_until\` datetime(3) NULL, \`deadline_at\` datetime(3) NOT NULL, \`last_status\` int NULL, \`last_latency_ms\` int NULL, \`last_error\` varchar(200) NULL, \`delivered_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_c7ee9a65acdeec2d4b4d725337\` (\`subscription_id\`, \`id\`), INDEX \`IDX_33f7e2fe592f3baa4338830484\` (\`ordering_key\`, \`id\`), INDEX \`IDX_68fd3a7ad4e5504350f64a3472\` (\`status\`, \`next_attempt_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`webhook_attempt\` (\`id\` int NOT NULL AUTO_INCREMENT, \`delivery_id\` int NOT NULL, \`attempt\` int NOT NULL, \`at\` datetime(3) NOT NULL, \`status_code\` int NULL, \`latency_ms\` int NOT NULL, \`error\` varchar(200) NULL, \`ok\` tinyint NOT NULL, INDEX \`IDX_d7ed48c4841159bfd6bdee166e\` (\`delivery_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_d7ed48c4841159bfd6bdee166e\` ON \`webhook_attempt\``);
    await q.query(`DROP TABLE \`webhook_attempt\``);
    await q.query(`DROP INDEX \`IDX_68fd3a7ad4e5504350f64a3472\` ON \`webhook_delivery\``);
    await q.query(`DROP INDEX \`IDX_33f7e2fe592f3baa4338830484\` ON \`webhook_delivery\``);
    await q.query(`DROP INDEX \`IDX_c7ee9a65acdeec2d4b4d725337\` ON \`webhook_delivery\``);
    await q.query(`DROP TABLE \`webhook_delivery\``);
    await q.query(`DROP INDEX \`IDX_7aab2744cf4815dfacb2bc5a87\` ON \`webhook_event\``);
    await q.query(`DROP TABLE \`webhook_event\``);
    await q.query(`DROP INDEX \`IDX_0124637be067eec9fa4197bbd6\` ON \`webhook_subscription\``);
    await q.query(`DROP TABLE \`webhook_subscription\``);
  }
}
