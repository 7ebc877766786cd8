import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Online stores: the connection to the platform (cursor, sync status), each platform order once, and platform SKU codes (mapped or on the review list). */
export class PlatformOrders1797300000030 implements MigrationInterface {
  name = 'PlatformOrders1797300000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`platform_connection\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(20) NOT NULL, \`store_id\` int NOT NULL, \`customer_id\` int NOT NULL, \`warehouse_id\` int NOT NULL, \`base_url\` varchar(300) NOT NULL, \`app_key\` varchar(100) NOT NULL, \`app_secret\` varchar(200) NOT NULL, \`cursor\` varchar(100) NULL, \`last_sync_at\` datetime(3) NULL, \`last_error\` varchar(300) NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`platform_order\` (\`id\` int NOT NULL AUTO_INCREMENT, \`connection_id\` int NOT NULL, \`platform_order_id\` varchar(64) NOT NULL, \`state\` varchar(10) NOT NULL, \`sales_order_id\` int NULL, \`raw\` text NOT NULL, \`tracking_no\` varchar(64) NULL, \`shipment_pushed_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_a195ea32ac9df47c45dfb92778\` (\`sales_order_id\`), UNIQUE INDEX \`IDX_1c1896648aa51fa162c2ded757\` (\`connection_id\`, \`platform_order_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`platform_sku_map\` (\`id\` int NOT NULL AUTO_INCREMENT, \`connection_id\` int NOT NULL, \`platform_sku\` varchar(64) NOT NULL, \`sku_id\` int NULL, \`waiting\` int NOT NULL DEFAULT '0', UNIQUE INDEX \`IDX_de97eaa8583f1c8eafee08ed45\` (\`connection_id\`, \`platform_sku\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_de97eaa8583f1c8eafee08ed45\` ON \`platform_sku_map\``);
    await q.query(`DROP TABLE \`platform_sku_map\``);
    await q.query(`DROP INDEX \`IDX_1c1896648aa51fa162c2ded757\` ON \`platform_order\``);
    await q.query(`DROP INDEX \`IDX_a195ea32ac9df47c45dfb92778\` ON \`platform_order\``);
    await q.query(`DROP TABLE \`platform_order\``);
    await q.query(`DROP TABLE \`platform_connection\``);
  }
}
