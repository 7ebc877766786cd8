import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `replenishment_suggestion`: a row may hold the suggested quantity alone (`suggestion` NULL: "needs
 * ordering" computed the quantity only; the whole suggestion is built when it is shown), and
 * `made_on`, the business day it was computed on, so the models' refresh purges rows stale for long.
 */
export class SuggestionQuantityOnly1797720000000 implements MigrationInterface {
  name = 'SuggestionQuantityOnly1797720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      "ALTER TABLE `replenishment_suggestion` MODIFY `suggestion` text NULL, ADD `made_on` varchar(10) NOT NULL DEFAULT ''",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM `replenishment_suggestion` WHERE `suggestion` IS NULL');
    await q.query('ALTER TABLE `replenishment_suggestion` DROP COLUMN `made_on`, MODIFY `suggestion` text NOT NULL');
  }
}
