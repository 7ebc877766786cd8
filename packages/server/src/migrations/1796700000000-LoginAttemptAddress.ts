import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in throttling counts failures per client address (and per username + address). */
export class LoginAttemptAddress1796700000000 implements MigrationInterface {
  name = 'LoginAttemptAddress1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX \`IDX_login_attempt_ip_at\` ON \`login_attempt\` (\`ip\`, \`at\`)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_login_attempt_ip_at\` ON \`login_attempt\``);
  }
}
