import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Online stores: refunds pulled from the platforms (each once), tracking numbers pushed back (an outbox), the refund cursor; a shipment's tracking number and carrier. */
export class PlatformRefundsShipments1797620000000 implements MigrationInterface {
  name = 'PlatformRefundsShipments1797620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`platform_refund\` (\`id\` int NOT NULL AUTO_INCREMENT, \`connection_id\` int NOT NULL, \`platform_refund_id\` varchar(64) NOT NULL, \`platform_order_id\` varchar(64) NOT NULL, \`state\` varchar(10) NOT NULL, \`problem\` varchar(40) NULL, \`message\` varchar(300) NULL, \`sales_return_id\` int NULL, \`raw\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_1b6476fd222bad8736d9a98598\` (\`connection_id\`, \`platform_refund_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`platform_shipment_push\` (\`id\` int NOT NULL AUTO_INCREMENT, \`connection_id\` int NOT NULL, \`order_row_id\` int NOT NULL, \`shipment_id\` int NOT NULL, \`tracking_no\` varchar(64) NOT NULL, \`carrier\` varchar(40) NOT NULL DEFAULT '', \`attempts\` int NOT NULL DEFAULT '0', \`last_error\` varchar(300) NULL, \`lease_until\` datetime(3) NULL, \`pushed_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_8e5004bc47828b61c738c0a2b4\` (\`order_row_id\`), UNIQUE INDEX \`IDX_e08ae4fd017299a74571d34aaa\` (\`shipment_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(`ALTER TABLE \`platform_connection\` ADD \`refund_cursor\` varchar(100) NULL`);
    await q.query(`ALTER TABLE \`sales_shipment\` ADD \`tracking_no\` varchar(64) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE \`sales_shipment\` ADD \`carrier\` varchar(40) NOT NULL DEFAULT ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`sales_shipment\` DROP COLUMN \`carrier\``);
    await q.query(`ALTER TABLE \`sales_shipment\` DROP COLUMN \`tracking_no\``);
    await q.query(`ALTER TABLE \`platform_connection\` DROP COLUMN \`refund_cursor\``);
    await q.query(`DROP INDEX \`IDX_e08ae4fd017299a74571d34aaa\` ON \`platform_shipment_push\``);
    await q.query(`DROP INDEX \`IDX_8e5004bc47828b61c738c0a2b4\` ON \`platform_shipment_push\``);
    await q.query(`DROP TABLE \`platform_shipment_push\``);
    await q.query(`DROP INDEX \`IDX_1b6476fd222bad8736d9a98598\` ON \`platform_refund\``);
    await q.query(`DROP TABLE \`platform_refund\``);
  }
}
