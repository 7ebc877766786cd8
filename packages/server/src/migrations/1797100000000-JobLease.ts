import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Scheduled jobs run once per period across the API processes: one lease row per job. */
export class JobLease1797100000000 implements MigrationInterface {
  name = 'JobLease1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`job_lease\` (\`name\` varchar(60) NOT NULL, \`next_run_at\` datetime(3) NOT NULL, \`holder\` varchar(100) NULL, \`last_run_at\` datetime(3) NULL, \`runs\` int NOT NULL DEFAULT 0, PRIMARY KEY (\`name\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS \`job_lease\``);
  }
}
