import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `replenishment_span.demand_version`: bumped by every posting that changes a SKU's demand in a
 * warehouse, so the replenishment's kept suggestions are reused for the SKUs whose demand did not change.
 */
export class DemandVersion1797703000000 implements MigrationInterface {
  name = 'DemandVersion1797703000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `replenishment_span` ADD `demand_version` int NOT NULL DEFAULT '0'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `replenishment_span` DROP COLUMN `demand_version`');
  }
}
