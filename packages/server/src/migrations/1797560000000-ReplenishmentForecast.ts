import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The forecast model chosen per warehouse × SKU (`replenishment_forecast`), kept by the nightly
 * refresh and by requests that found none for their series. Empty at first: the first requests and
 * the first refresh fill it.
 */
export class ReplenishmentForecast1797560000000 implements MigrationInterface {
  name = 'ReplenishmentForecast1797560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`replenishment_forecast\` (\`warehouse_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`series_hash\` varchar(40) NOT NULL, \`method\` varchar(16) NOT NULL, \`params\` varchar(200) NOT NULL, \`mae\` varchar(32) NOT NULL, \`rmse\` varchar(32) NOT NULL, \`backtest_days\` int NOT NULL, \`made_on\` varchar(10) NOT NULL, PRIMARY KEY (\`warehouse_id\`, \`sku_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `replenishment_forecast`');
  }
}
