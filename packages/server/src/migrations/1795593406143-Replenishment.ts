import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Replenishment1795593406143 implements MigrationInterface {
  name = 'Replenishment1795593406143';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`replenishment_setting\` (\`id\` int NOT NULL AUTO_INCREMENT, \`sku_id\` int NULL, \`category_id\` int NULL, \`forecast_method\` varchar(16) NULL, \`safety_method\` varchar(12) NOT NULL DEFAULT 'simple', \`instability_factor\` decimal(6,3) NOT NULL DEFAULT '1.200', \`service_level\` decimal(6,4) NOT NULL DEFAULT '0.9500', \`review_period_days\` int NOT NULL DEFAULT '7', \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_e188738cde45795136e832bfa0\` (\`category_id\`), UNIQUE INDEX \`IDX_a55a450f447058ef31eb72cd2c\` (\`sku_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(`ALTER TABLE \`stock_document\` ADD \`counts_as_demand\` tinyint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`stock_document\` DROP COLUMN \`counts_as_demand\``);
    await q.query(`DROP INDEX \`IDX_a55a450f447058ef31eb72cd2c\` ON \`replenishment_setting\``);
    await q.query(`DROP INDEX \`IDX_e188738cde45795136e832bfa0\` ON \`replenishment_setting\``);
    await q.query(`DROP TABLE \`replenishment_setting\``);
  }
}
