import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SalesOrders1795604140834 implements MigrationInterface {
  name = 'SalesOrders1795604140834';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`sales_order\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`customer_id\` int NOT NULL, \`owner_id\` int NOT NULL, \`channel_id\` int NOT NULL, \`store_id\` int NULL, \`warehouse_id\` int NOT NULL, \`order_date\` varchar(10) NOT NULL, \`ship_to\` varchar(500) NOT NULL DEFAULT '', \`memo\` varchar(500) NOT NULL DEFAULT '', \`total\` decimal(18,2) NOT NULL DEFAULT '0.00', \`cogs\` decimal(18,2) NOT NULL DEFAULT '0.00', \`margin\` decimal(18,2) NOT NULL DEFAULT '0.00', \`exchange_of_return_id\` int NULL, \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`confirmed_at\` datetime(3) NULL, \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_26e0333e8574d8713055f4132f\` (\`order_date\`), INDEX \`IDX_f9b4413945ecf22c1cc6e4bf46\` (\`owner_id\`), INDEX \`IDX_19159556298a9e0b62e2297c55\` (\`customer_id\`), INDEX \`IDX_aca0795b6fb71eda91b0d8bb38\` (\`status\`), UNIQUE INDEX \`IDX_51ab5c9d08c7e89ffb38e00ee4\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sales_order_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`order_id\` int NOT NULL, \`line_no\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`quoted_price\` decimal(18,6) NOT NULL, \`unit_price\` decimal(18,6) NOT NULL, \`price_list_id\` int NULL, \`price_rule\` varchar(20) NOT NULL, \`price_steps\` text NOT NULL, \`price_changed\` tinyint NOT NULL DEFAULT 0, \`below_cost\` tinyint NOT NULL DEFAULT 0, \`amount\` decimal(18,2) NOT NULL, \`reserved_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`shipped_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`returned_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`invoiced_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`shipped_amount\` decimal(18,2) NOT NULL DEFAULT '0.00', \`returned_amount\` decimal(18,2) NOT NULL DEFAULT '0.00', \`cogs\` decimal(18,2) NOT NULL DEFAULT '0.00', \`margin\` decimal(18,2) NOT NULL DEFAULT '0.00', INDEX \`IDX_95fe8ea98d31371b5c27ca3b41\` (\`sku_id\`), UNIQUE INDEX \`IDX_fc473f45ed72daf43a3f70656c\` (\`order_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sales_shipment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NULL, \`order_id\` int NOT NULL, \`customer_id\` int NOT NULL, \`warehouse_id\` int NOT NULL, \`business_date\` varchar(10) NOT NULL, \`memo\` varchar(500) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`posted_at\` datetime(3) NOT NULL, INDEX \`IDX_3a4d3626f1c134a16327bb7092\` (\`order_id\`), UNIQUE INDEX \`IDX_df5c722b1bed74c5f58601cfef\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sales_shipment_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`shipment_id\` int NOT NULL, \`line_no\` int NOT NULL, \`order_line_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`amount\` decimal(18,2) NOT NULL, \`cogs\` decimal(18,2) NOT NULL, \`returned_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', INDEX \`IDX_d351ed76a6cff24e1a1b99c00a\` (\`order_line_id\`), UNIQUE INDEX \`IDX_e97c85271385b040d4de574cb4\` (\`shipment_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sales_return\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NULL, \`shipment_id\` int NOT NULL, \`order_id\` int NOT NULL, \`customer_id\` int NOT NULL, \`warehouse_id\` int NOT NULL, \`business_date\` varchar(10) NOT NULL, \`reason\` varchar(24) NOT NULL, \`note\` varchar(500) NOT NULL DEFAULT '', \`resolution\` varchar(12) NOT NULL, \`credit\` decimal(18,2) NOT NULL, \`replacement_order_id\` int NULL, \`created_by\` int NOT NULL, \`posted_at\` datetime(3) NOT NULL, INDEX \`IDX_a3d7287a4db19d7c94a23a03bf\` (\`order_id\`), INDEX \`IDX_cb50b3085126c447068eb9cd97\` (\`shipment_id\`), UNIQUE INDEX \`IDX_cf542387a237a9f573ddb71ae6\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sales_return_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`return_id\` int NOT NULL, \`line_no\` int NOT NULL, \`shipment_line_id\` int NOT NULL, \`order_line_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`disposition\` varchar(8) NOT NULL, \`amount\` decimal(18,2) NOT NULL, \`restocked_cost\` decimal(18,2) NOT NULL, UNIQUE INDEX \`IDX_a74a1d743e7a454c5034d505a2\` (\`return_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sales_invoice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NOT NULL, \`order_id\` int NOT NULL, \`customer_id\` int NOT NULL, \`invoice_date\` varchar(10) NOT NULL, \`due_date\` varchar(10) NOT NULL, \`total\` decimal(18,2) NOT NULL, \`settled\` decimal(18,2) NOT NULL DEFAULT '0.00', \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_1283624bdecb22b04e89df416a\` (\`order_id\`), INDEX \`IDX_acec721cf20326ae9633d6b4b5\` (\`customer_id\`), UNIQUE INDEX \`IDX_3f1da02a3f6f2c6bc753f85901\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sales_invoice_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`invoice_id\` int NOT NULL, \`line_no\` int NOT NULL, \`order_line_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`amount\` decimal(18,2) NOT NULL, UNIQUE INDEX \`IDX_2d620f57b0aa81dd2f9c6124aa\` (\`invoice_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`customer_payment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customer_id\` int NOT NULL, \`received_on\` varchar(10) NOT NULL, \`amount\` decimal(18,2) NOT NULL, \`reference\` varchar(100) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_45591a2495c7db7c063f0decb2\` (\`customer_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(`ALTER TABLE \`customer\` ADD \`payment_terms_days\` int NOT NULL DEFAULT '30'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`customer\` DROP COLUMN \`payment_terms_days\``);
    await q.query(`DROP INDEX \`IDX_45591a2495c7db7c063f0decb2\` ON \`customer_payment\``);
    await q.query(`DROP TABLE \`customer_payment\``);
    await q.query(`DROP INDEX \`IDX_2d620f57b0aa81dd2f9c6124aa\` ON \`sales_invoice_line\``);
    await q.query(`DROP TABLE \`sales_invoice_line\``);
    await q.query(`DROP INDEX \`IDX_3f1da02a3f6f2c6bc753f85901\` ON \`sales_invoice\``);
    await q.query(`DROP INDEX \`IDX_acec721cf20326ae9633d6b4b5\` ON \`sales_invoice\``);
    await q.query(`DROP INDEX \`IDX_1283624bdecb22b04e89df416a\` ON \`sales_invoice\``);
    await q.query(`DROP TABLE \`sales_invoice\``);
    await q.query(`DROP INDEX \`IDX_a74a1d743e7a454c5034d505a2\` ON \`sales_return_line\``);
    await q.query(`DROP TABLE \`sales_return_line\``);
    await q.query(`DROP INDEX \`IDX_cf542387a237a9f573ddb71ae6\` ON \`sales_return\``);
    await q.query(`DROP INDEX \`IDX_cb50b3085126c447068eb9cd97\` ON \`sales_return\``);
    await q.query(`DROP INDEX \`IDX_a3d7287a4db19d7c94a23a03bf\` ON \`sales_return\``);
    await q.query(`DROP TABLE \`sales_return\``);
    await q.query(`DROP INDEX \`IDX_e97c85271385b040d4de574cb4\` ON \`sales_shipment_line\``);
    await q.query(`DROP INDEX \`IDX_d351ed76a6cff24e1a1b99c00a\` ON \`sales_shipment_line\``);
    await q.query(`DROP TABLE \`sales_shipment_line\``);
    await q.query(`DROP INDEX \`IDX_df5c722b1bed74c5f58601cfef\` ON \`sales_shipment\``);
    await q.query(`DROP INDEX \`IDX_3a4d3626f1c134a16327bb7092\` ON \`sales_shipment\``);
    await q.query(`DROP TABLE \`sales_shipment\``);
    await q.query(`DROP INDEX \`IDX_fc473f45ed72daf43a3f70656c\` ON \`sales_order_line\``);
    await q.query(`DROP INDEX \`IDX_95fe8ea98d31371b5c27ca3b41\` ON \`sales_order_line\``);
    await q.query(`DROP TABLE \`sales_order_line\``);
    await q.query(`DROP INDEX \`IDX_51ab5c9d08c7e89ffb38e00ee4\` ON \`sales_order\``);
    await q.query(`DROP INDEX \`IDX_aca0795b6fb71eda91b0d8bb38\` ON \`sales_order\``);
    await q.query(`DROP INDEX \`IDX_19159556298a9e0b62e2297c55\` ON \`sales_order\``);
    await q.query(`DROP INDEX \`IDX_f9b4413945ecf22c1cc6e4bf46\` ON \`sales_order\``);
    await q.query(`DROP INDEX \`IDX_26e0333e8574d8713055f4132f\` ON \`sales_order\``);
    await q.query(`DROP TABLE \`sales_order\``);
  }
}
