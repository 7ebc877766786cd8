import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 月结快照: closing quantity and value per warehouse × SKU × month, and the months that have one.
 * Empty here: the close (or `pnpm jxc rebuild-snapshots`) writes them.
 */
export class StockSnapshots1797610000000 implements MigrationInterface {
  name = 'StockSnapshots1797610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`stock_snapshot\` (\`month\` varchar(7) NOT NULL, \`warehouse_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`value\` decimal(18,2) NOT NULL, PRIMARY KEY (\`month\`, \`warehouse_id\`, \`sku_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stock_snapshot_month\` (\`month\` varchar(7) NOT NULL, \`end_date\` varchar(10) NOT NULL, \`written_at\` datetime(3) NOT NULL, PRIMARY KEY (\`month\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `stock_snapshot_month`');
    await q.query('DROP TABLE `stock_snapshot`');
  }
}
