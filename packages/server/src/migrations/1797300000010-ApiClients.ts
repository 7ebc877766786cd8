import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API clients: the client (its service user, customer scope, request limit), its keys (SHA-256 only) and the per-minute request counters. */
export class ApiClients1797300000010 implements MigrationInterface {
  name = 'ApiClients1797300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`api_client\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`user_id\` int NULL, \`customer_ids\` text NULL, \`rate_limit\` int NOT NULL DEFAULT '600', \`revoked_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`created_by\` int NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`api_key\` (\`id\` int NOT NULL AUTO_INCREMENT, \`client_id\` int NOT NULL, \`prefix\` varchar(20) NOT NULL, \`hash\` varchar(64) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NULL, \`last_used_at\` datetime(3) NULL, UNIQUE INDEX \`IDX_45e0aa2a880b928326a05a2888\` (\`hash\`), INDEX \`IDX_f0d652528d940ee151a5fc5fed\` (\`client_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`api_rate_window\` (\`client_id\` int NOT NULL, \`window_start\` int NOT NULL, \`hits\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`client_id\`, \`window_start\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE \`api_rate_window\``);
    await q.query(`DROP INDEX \`IDX_f0d652528d940ee151a5fc5fed\` ON \`api_key\``);
    await q.query(`DROP INDEX \`IDX_45e0aa2a880b928326a05a2888\` ON \`api_key\``);
    await q.query(`DROP TABLE \`api_key\``);
    await q.query(`DROP TABLE \`api_client\``);
  }
}
