import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How many decimal places the console shows for unit costs and unit prices. */
export class UnitCostPlaces1796800000000 implements MigrationInterface {
  name = 'UnitCostPlaces1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`company_settings\` ADD \`unit_cost_places\` int NOT NULL DEFAULT '4'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`company_settings\` DROP COLUMN \`unit_cost_places\``);
  }
}
