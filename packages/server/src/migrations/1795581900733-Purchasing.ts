import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Purchasing1795581900733 implements MigrationInterface {
  name = 'Purchasing1795581900733';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`supplier\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(30) NOT NULL, \`name\` varchar(200) NOT NULL, \`status\` varchar(12) NOT NULL DEFAULT 'candidate', \`contact_person\` varchar(100) NOT NULL DEFAULT '', \`phone\` varchar(40) NOT NULL DEFAULT '', \`email\` varchar(200) NOT NULL DEFAULT '', \`address\` varchar(500) NOT NULL DEFAULT '', \`payment_terms_days\` int NOT NULL DEFAULT '30', \`lead_time_days\` int NOT NULL DEFAULT '7', \`memo\` varchar(500) NOT NULL DEFAULT '', \`created_at\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_05290e39dd1ef4fbbcfe329f7b\` (\`name\`), UNIQUE INDEX \`IDX_e1183babf2fed1bb440905b1e5\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`supplier_qualification\` (\`id\` int NOT NULL AUTO_INCREMENT, \`supplier_id\` int NOT NULL, \`kind\` varchar(60) NOT NULL, \`number\` varchar(100) NOT NULL DEFAULT '', \`expires_on\` varchar(10) NOT NULL, \`required\` tinyint NOT NULL DEFAULT 1, \`created_at\` datetime(3) NOT NULL, \`created_by\` int NOT NULL, INDEX \`IDX_fe3503bd870158e90191bad90a\` (\`expires_on\`), INDEX \`IDX_5e508af5142851c51b9e5c80dc\` (\`supplier_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`supplier_price\` (\`id\` int NOT NULL AUTO_INCREMENT, \`supplier_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`price\` decimal(18,6) NOT NULL, \`valid_from\` varchar(10) NOT NULL, \`valid_to\` varchar(10) NULL, \`min_order_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`pack_size\` decimal(18,6) NOT NULL DEFAULT '1.000000', \`created_at\` datetime(3) NOT NULL, \`created_by\` int NOT NULL, INDEX \`IDX_d5a9151e812ff193031f9d15f7\` (\`sku_id\`), INDEX \`IDX_677f0511fd6ce855149ec8c3ad\` (\`supplier_id\`, \`sku_id\`, \`valid_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`purchase_order\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`supplier_id\` int NOT NULL, \`warehouse_id\` int NOT NULL, \`order_date\` varchar(10) NOT NULL, \`expected_date\` varchar(10) NULL, \`memo\` varchar(500) NOT NULL DEFAULT '', \`total\` decimal(18,2) NOT NULL DEFAULT '0.00', \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`submitted_at\` datetime(3) NULL, \`approved_at\` datetime(3) NULL, \`closed_at\` datetime(3) NULL, \`approval_plan\` text NULL, \`approval_round\` int NOT NULL DEFAULT '0', \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_3dacab5c4a43cecc0e48f5edb1\` (\`supplier_id\`), INDEX \`IDX_c9cdb0a71bfc9c896a32e86de1\` (\`status\`), UNIQUE INDEX \`IDX_f479705eb85b6fea4103cb25b3\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`purchase_order_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`order_id\` int NOT NULL, \`line_no\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`price\` decimal(18,6) NOT NULL, \`agreed_price\` decimal(18,6) NULL, \`price_deviates\` tinyint NOT NULL DEFAULT 0, \`amount\` decimal(18,2) NOT NULL, \`received_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`rejected_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`returned_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`invoiced_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', INDEX \`IDX_a6953e62487aa9896917aa43b2\` (\`sku_id\`), UNIQUE INDEX \`IDX_9ef5f42fa0ba1e7ee79bb29976\` (\`order_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`purchase_approval_step\` (\`id\` int NOT NULL AUTO_INCREMENT, \`level\` int NOT NULL, \`min_amount\` decimal(18,2) NOT NULL, \`role_codes\` text NOT NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_59d4577c7ba67ada179eaf738d\` (\`level\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`purchase_order_approval\` (\`id\` int NOT NULL AUTO_INCREMENT, \`order_id\` int NOT NULL, \`round\` int NOT NULL, \`level\` int NOT NULL, \`decision\` varchar(8) NOT NULL, \`user_id\` int NOT NULL, \`user_name\` varchar(100) NOT NULL, \`role_code\` varchar(50) NOT NULL, \`comment\` varchar(500) NOT NULL DEFAULT '', \`at\` datetime(3) NOT NULL, INDEX \`IDX_360cebfbdef633aaae58c744e3\` (\`order_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`purchase_receipt\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NULL, \`order_id\` int NOT NULL, \`supplier_id\` int NOT NULL, \`warehouse_id\` int NOT NULL, \`business_date\` varchar(10) NOT NULL, \`memo\` varchar(500) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`posted_at\` datetime(3) NOT NULL, INDEX \`IDX_a5906b092909ffdf5c1a75b308\` (\`supplier_id\`), INDEX \`IDX_a70b0eaa2ddfb2ea5fc838cb78\` (\`order_id\`), UNIQUE INDEX \`IDX_fe1a8ae16ca0fcde8b337aaf6c\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`purchase_receipt_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`receipt_id\` int NOT NULL, \`line_no\` int NOT NULL, \`order_line_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`accepted_qty\` decimal(18,6) NOT NULL, \`rejected_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`reject_reason\` varchar(200) NOT NULL DEFAULT '', \`unit_cost\` decimal(18,6) NOT NULL, \`value\` decimal(18,2) NOT NULL, \`bin_id\` int NULL, \`batch_no\` varchar(60) NULL, \`expiry_date\` varchar(10) NULL, \`batch_id\` int NOT NULL DEFAULT '0', \`returned_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`returned_value\` decimal(18,2) NOT NULL DEFAULT '0.00', \`invoiced_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', INDEX \`IDX_d1949e81bc0813493df65cc0ff\` (\`order_line_id\`), UNIQUE INDEX \`IDX_339bde2b22d64397ed27885318\` (\`receipt_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`purchase_return\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NULL, \`receipt_id\` int NOT NULL, \`order_id\` int NOT NULL, \`supplier_id\` int NOT NULL, \`warehouse_id\` int NOT NULL, \`business_date\` varchar(10) NOT NULL, \`reason\` varchar(500) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`posted_at\` datetime(3) NOT NULL, INDEX \`IDX_5862170409e877e1c7d7c37420\` (\`receipt_id\`), UNIQUE INDEX \`IDX_0bc784655742ae4074b8488738\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`purchase_return_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`return_id\` int NOT NULL, \`line_no\` int NOT NULL, \`receipt_line_id\` int NOT NULL, \`order_line_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`value\` decimal(18,2) NOT NULL, INDEX \`IDX_214128a1fc138970e981a1244d\` (\`receipt_line_id\`), UNIQUE INDEX \`IDX_30c0f45b5938693e92f4b3216e\` (\`return_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`supplier_invoice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`supplier_id\` int NOT NULL, \`invoice_no\` varchar(60) NOT NULL, \`invoice_date\` varchar(10) NOT NULL, \`due_date\` varchar(10) NOT NULL, \`total\` decimal(18,2) NOT NULL, \`memo\` varchar(500) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_fc30516332c3ed6354b5979bce\` (\`supplier_id\`, \`invoice_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`supplier_invoice_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`invoice_id\` int NOT NULL, \`line_no\` int NOT NULL, \`receipt_line_id\` int NOT NULL, \`order_line_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`unit_price\` decimal(18,6) NOT NULL, \`amount\` decimal(18,2) NOT NULL, INDEX \`IDX_854aeddd7de1b3fa4584b0f2ec\` (\`receipt_line_id\`), UNIQUE INDEX \`IDX_bac34bf90df30fde949a68e7d4\` (\`invoice_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`supplier_payment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`supplier_id\` int NOT NULL, \`paid_on\` varchar(10) NOT NULL, \`amount\` decimal(18,2) NOT NULL, \`reference\` varchar(100) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_f85f519c74702249098121b1f6\` (\`supplier_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `ALTER TABLE \`company_settings\` ADD \`purchase_over_receipt_tolerance\` decimal(9,6) NOT NULL DEFAULT '0.050000'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`company_settings\` DROP COLUMN \`purchase_over_receipt_tolerance\``);
    await q.query(`DROP INDEX \`IDX_f85f519c74702249098121b1f6\` ON \`supplier_payment\``);
    await q.query(`DROP TABLE \`supplier_payment\``);
    await q.query(`DROP INDEX \`IDX_bac34bf90df30fde949a68e7d4\` ON \`supplier_invoice_line\``);
    await q.query(`DROP INDEX \`IDX_854aeddd7de1b3fa4584b0f2ec\` ON \`supplier_invoice_line\``);
    await q.query(`DROP TABLE \`supplier_invoice_line\``);
    await q.query(`DROP INDEX \`IDX_fc30516332c3ed6354b5979bce\` ON \`supplier_invoice\``);
    await q.query(`DROP TABLE \`supplier_invoice\``);
    await q.query(`DROP INDEX \`IDX_30c0f45b5938693e92f4b3216e\` ON \`purchase_return_line\``);
    await q.query(`DROP INDEX \`IDX_214128a1fc138970e981a1244d\` ON \`purchase_return_line\``);
    await q.query(`DROP TABLE \`purchase_return_line\``);
    await q.query(`DROP INDEX \`IDX_0bc784655742ae4074b8488738\` ON \`purchase_return\``);
    await q.query(`DROP INDEX \`IDX_5862170409e877e1c7d7c37420\` ON \`purchase_return\``);
    await q.query(`DROP TABLE \`purchase_return\``);
    await q.query(`DROP INDEX \`IDX_339bde2b22d64397ed27885318\` ON \`purchase_receipt_line\``);
    await q.query(`DROP INDEX \`IDX_d1949e81bc0813493df65cc0ff\` ON \`purchase_receipt_line\``);
    await q.query(`DROP TABLE \`purchase_receipt_line\``);
    await q.query(`DROP INDEX \`IDX_fe1a8ae16ca0fcde8b337aaf6c\` ON \`purchase_receipt\``);
    await q.query(`DROP INDEX \`IDX_a70b0eaa2ddfb2ea5fc838cb78\` ON \`purchase_receipt\``);
    await q.query(`DROP INDEX \`IDX_a5906b092909ffdf5c1a75b308\` ON \`purchase_receipt\``);
    await q.query(`DROP TABLE \`purchase_receipt\``);
    await q.query(`DROP INDEX \`IDX_360cebfbdef633aaae58c744e3\` ON \`purchase_order_approval\``);
    await q.query(`DROP TABLE \`purchase_order_approval\``);
    await q.query(`DROP INDEX \`IDX_59d4577c7ba67ada179eaf738d\` ON \`purchase_approval_step\``);
    await q.query(`DROP TABLE \`purchase_approval_step\``);
    await q.query(`DROP INDEX \`IDX_9ef5f42fa0ba1e7ee79bb29976\` ON \`purchase_order_line\``);
    await q.query(`DROP INDEX \`IDX_a6953e62487aa9896917aa43b2\` ON \`purchase_order_line\``);
    await q.query(`DROP TABLE \`purchase_order_line\``);
    await q.query(`DROP INDEX \`IDX_f479705eb85b6fea4103cb25b3\` ON \`purchase_order\``);
    await q.query(`DROP INDEX \`IDX_c9cdb0a71bfc9c896a32e86de1\` ON \`purchase_order\``);
    await q.query(`DROP INDEX \`IDX_3dacab5c4a43cecc0e48f5edb1\` ON \`purchase_order\``);
    await q.query(`DROP TABLE \`purchase_order\``);
    await q.query(`DROP INDEX \`IDX_677f0511fd6ce855149ec8c3ad\` ON \`supplier_price\``);
    await q.query(`DROP INDEX \`IDX_d5a9151e812ff193031f9d15f7\` ON \`supplier_price\``);
    await q.query(`DROP TABLE \`supplier_price\``);
    await q.query(`DROP INDEX \`IDX_5e508af5142851c51b9e5c80dc\` ON \`supplier_qualification\``);
    await q.query(`DROP INDEX \`IDX_fe3503bd870158e90191bad90a\` ON \`supplier_qualification\``);
    await q.query(`DROP TABLE \`supplier_qualification\``);
    await q.query(`DROP INDEX \`IDX_e1183babf2fed1bb440905b1e5\` ON \`supplier\``);
    await q.query(`DROP INDEX \`IDX_05290e39dd1ef4fbbcfe329f7b\` ON \`supplier\``);
    await q.query(`DROP TABLE \`supplier\``);
  }
}
