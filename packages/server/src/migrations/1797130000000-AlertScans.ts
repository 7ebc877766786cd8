import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The daily alert scan (its run per day, the outbox's dedupe key and audience), the digests, a sales order's promised date. */
export class AlertScans1797130000000 implements MigrationInterface {
  name = 'AlertScans1797130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`alert_daily_run\` (\`day\` varchar(10) NOT NULL, \`ran_at\` datetime(3) NOT NULL, PRIMARY KEY (\`day\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`alert_digest\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`day\` varchar(10) NOT NULL, \`notification_ids\` text NOT NULL, \`total\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`read_at\` datetime(3) NULL, UNIQUE INDEX \`IDX_2f1a6da6244c65aaddfa571651\` (\`user_id\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(`ALTER TABLE \`alert_outbox\` ADD \`audience\` text NULL`);
    await q.query(`ALTER TABLE \`alert_outbox\` ADD \`dedupe_key\` varchar(120) NULL`);
    await q.query(`ALTER TABLE \`alert_outbox\` ADD UNIQUE INDEX \`IDX_6f64d9be929971858ae218a697\` (\`dedupe_key\`)`);
    await q.query(`ALTER TABLE \`sales_order\` ADD \`promised_date\` varchar(10) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`sales_order\` DROP COLUMN \`promised_date\``);
    await q.query(`ALTER TABLE \`alert_outbox\` DROP INDEX \`IDX_6f64d9be929971858ae218a697\``);
    await q.query(`ALTER TABLE \`alert_outbox\` DROP COLUMN \`dedupe_key\``);
    await q.query(`ALTER TABLE \`alert_outbox\` DROP COLUMN \`audience\``);
    await q.query(`DROP INDEX \`IDX_2f1a6da6244c65aaddfa571651\` ON \`alert_digest\``);
    await q.query(`DROP TABLE \`alert_digest\``);
    await q.query(`DROP TABLE \`alert_daily_run\``);
  }
}
