import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How days under a promotion count in the replenishment's demand history (issue 14). */
export class PromotionDays1797580000010 implements MigrationInterface {
  name = 'PromotionDays1797580000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`replenishment_setting\` ADD \`promotion_days\` varchar(8) NOT NULL DEFAULT 'EXCLUDE'`);
    await q.query(`ALTER TABLE \`replenishment_setting\` ADD \`promotion_factor\` decimal(6,4) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`replenishment_setting\` DROP COLUMN \`promotion_factor\``);
    await q.query(`ALTER TABLE \`replenishment_setting\` DROP COLUMN \`promotion_days\``);
  }
}
