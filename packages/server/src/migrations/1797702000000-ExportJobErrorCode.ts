import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a background export failed, as a stable code the console translates (the text stays for the log). */
export class ExportJobErrorCode1797702000000 implements MigrationInterface {
  name = 'ExportJobErrorCode1797702000000';

  async up(q: QueryRunner): Promise<void> {
    const has = await q.query(
      "SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'export_job' AND column_name = 'error_code'",
    );
    if (!has.length) await q.query('ALTER TABLE `export_job` ADD `error_code` varchar(30) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `export_job` DROP COLUMN `error_code`');
  }
}
