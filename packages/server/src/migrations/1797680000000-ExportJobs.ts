import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Background list exports (下载中心): the jobs and their files in chunks. */
export class ExportJobs1797680000000 implements MigrationInterface {
  name = 'ExportJobs1797680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`export_job\` (\`id\` int NOT NULL AUTO_INCREMENT, \`owner_id\` int NOT NULL, \`list\` varchar(60) NOT NULL, \`filter\` text NULL, \`columns\` text NOT NULL, \`locale\` varchar(10) NOT NULL DEFAULT 'zh-CN', \`status\` varchar(12) NOT NULL, \`total\` int NOT NULL DEFAULT '0', \`done\` int NOT NULL DEFAULT '0', \`filename\` varchar(200) NULL, \`file_columns\` text NULL, \`error\` varchar(300) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`lease_until\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`finished_at\` datetime(3) NULL, \`expires_at\` datetime(3) NULL, INDEX \`IDX_export_job_owner\` (\`owner_id\`, \`id\`), INDEX \`IDX_export_job_status\` (\`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`export_job_chunk\` (\`job_id\` int NOT NULL, \`seq\` int NOT NULL, \`data\` text NOT NULL, PRIMARY KEY (\`job_id\`, \`seq\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE \`export_job_chunk\``);
    await q.query(`DROP TABLE \`export_job\``);
  }
}
