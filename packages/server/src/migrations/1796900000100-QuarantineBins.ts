import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Quarantine bins (隔离区): their stock is never picked or reserved for a sale. */
export class QuarantineBins1796900000100 implements MigrationInterface {
  name = 'QuarantineBins1796900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `bin` ADD `quarantine` tinyint NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `bin` DROP COLUMN `quarantine`');
  }
}
