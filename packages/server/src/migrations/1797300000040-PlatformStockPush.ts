import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pushing available stock to online stores: the outbox of store × SKU changes, and each store's buffer, share and push status. */
export class PlatformStockPush1797300000040 implements MigrationInterface {
  name = 'PlatformStockPush1797300000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`platform_stock_push\` (\`id\` int NOT NULL AUTO_INCREMENT, \`connection_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`seq\` int NOT NULL DEFAULT '1', \`lease_until\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_d14b412200bc6f18189618575e\` (\`connection_id\`, \`sku_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(`ALTER TABLE \`platform_connection\` ADD \`stock_buffer\` decimal(18,6) NOT NULL DEFAULT '0.000000'`);
    await q.query(`ALTER TABLE \`platform_connection\` ADD \`stock_share\` int NOT NULL DEFAULT '100'`);
    await q.query(`ALTER TABLE \`platform_connection\` ADD \`last_stock_push_at\` datetime(3) NULL`);
    await q.query(`ALTER TABLE \`platform_connection\` ADD \`last_stock_error\` varchar(300) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`platform_connection\` DROP COLUMN \`last_stock_error\``);
    await q.query(`ALTER TABLE \`platform_connection\` DROP COLUMN \`last_stock_push_at\``);
    await q.query(`ALTER TABLE \`platform_connection\` DROP COLUMN \`stock_share\``);
    await q.query(`ALTER TABLE \`platform_connection\` DROP COLUMN \`stock_buffer\``);
    await q.query(`DROP INDEX \`IDX_d14b412200bc6f18189618575e\` ON \`platform_stock_push\``);
    await q.query(`DROP TABLE \`platform_stock_push\``);
  }
}
