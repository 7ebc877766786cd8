import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 3PL review item keeps what it is about as data (JSON: SKU, quantities as decimal strings,
 * references), so the console renders it in its reader's language; `detail` stays, in English, for
 * API clients. Items from before have none (the console says what their kind means).
 */
export class TplReviewParams1797700000000 implements MigrationInterface {
  name = 'TplReviewParams1797700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `tpl_review` ADD `params` text NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `tpl_review` DROP COLUMN `params`');
  }
}
