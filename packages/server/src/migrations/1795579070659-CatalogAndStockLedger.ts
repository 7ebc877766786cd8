import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogAndStockLedger1795579070659 implements MigrationInterface {
  name = 'CatalogAndStockLedger1795579070659';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`category\` (\`id\` int NOT NULL AUTO_INCREMENT, \`parent_id\` int NULL, \`code\` varchar(30) NOT NULL, \`name\` varchar(100) NOT NULL, \`path\` varchar(255) NOT NULL DEFAULT '/', \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_2e11906aa3a7fd5f41ad9139e3\` (\`path\`), UNIQUE INDEX \`IDX_652a15c02538138f021f1320de\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`brand\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_5f468ae5696f07da025138e38f\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`product\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(40) NOT NULL, \`name\` varchar(200) NOT NULL, \`category_id\` int NULL, \`brand_id\` int NULL, \`base_unit\` varchar(20) NOT NULL, \`unit_scale\` int NOT NULL DEFAULT '0', \`shelf_life_days\` int NULL, \`storage_condition\` varchar(100) NULL, \`batch_tracked\` tinyint NOT NULL DEFAULT 0, \`serial_tracked\` tinyint NOT NULL DEFAULT 0, \`attribute_names\` text NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_22cc43e9a74d7498546e9a63e7\` (\`name\`), INDEX \`IDX_0dce9bc93c2d2c399982d04bef\` (\`category_id\`), UNIQUE INDEX \`IDX_99c39b067cfa73c783f0fc49a6\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`product_unit\` (\`id\` int NOT NULL AUTO_INCREMENT, \`product_id\` int NOT NULL, \`name\` varchar(20) NOT NULL, \`factor\` decimal(18,6) NOT NULL, UNIQUE INDEX \`IDX_692d98e9b78f3aebff02f1943e\` (\`product_id\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sku\` (\`id\` int NOT NULL AUTO_INCREMENT, \`product_id\` int NOT NULL, \`code\` varchar(60) NOT NULL, \`name\` varchar(255) NOT NULL, \`attributes\` text NOT NULL, \`ref_purchase_price\` decimal(18,6) NULL, \`ref_sale_price\` decimal(18,6) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_4cf2c705528af77558dd98227d\` (\`product_id\`), INDEX \`IDX_d260c995b672b14cbab20899ba\` (\`name\`), UNIQUE INDEX \`IDX_19ec6e4f8253df824722c3b8ab\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sku_barcode\` (\`id\` int NOT NULL AUTO_INCREMENT, \`sku_id\` int NOT NULL, \`barcode\` varchar(64) NOT NULL, INDEX \`IDX_772373f04eccf42c78ef0968f5\` (\`sku_id\`), UNIQUE INDEX \`IDX_e9086a60058c5f1e668875103e\` (\`barcode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stock_ledger\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`warehouse_id\` int NOT NULL, \`bin_id\` int NOT NULL DEFAULT '0', \`sku_id\` int NOT NULL, \`batch_id\` int NOT NULL DEFAULT '0', \`document_id\` int NOT NULL, \`document_line_id\` int NOT NULL, \`document_type\` varchar(20) NOT NULL, \`document_number\` varchar(40) NOT NULL, \`kind\` varchar(8) NOT NULL, \`cost_source\` varchar(8) NOT NULL, \`ref_entry_id\` bigint NULL, \`business_date\` varchar(10) NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`unit_cost\` decimal(18,6) NOT NULL, \`value\` decimal(18,2) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_45fa413a3916488fcb7fcbf938\` (\`business_date\`), INDEX \`IDX_2050be590a0323bb29af0af0f4\` (\`document_id\`), INDEX \`IDX_c1eed21511bffe258dff9f8a50\` (\`warehouse_id\`, \`sku_id\`, \`business_date\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stock_balance\` (\`id\` int NOT NULL AUTO_INCREMENT, \`warehouse_id\` int NOT NULL, \`bin_id\` int NOT NULL DEFAULT '0', \`sku_id\` int NOT NULL, \`batch_id\` int NOT NULL DEFAULT '0', \`qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`reserved\` decimal(18,6) NOT NULL DEFAULT '0.000000', INDEX \`IDX_d3557884f796fe4cb5353eb34f\` (\`sku_id\`), UNIQUE INDEX \`IDX_49e9008b7bc7355f1de6eee79b\` (\`warehouse_id\`, \`bin_id\`, \`sku_id\`, \`batch_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stock_cost\` (\`warehouse_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`value\` decimal(18,2) NOT NULL DEFAULT '0.00', \`state\` text NULL, \`last_date\` varchar(10) NOT NULL DEFAULT '', PRIMARY KEY (\`warehouse_id\`, \`sku_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`doc_sequence\` (\`doc_type\` varchar(20) NOT NULL, \`period\` varchar(10) NOT NULL, \`last_no\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`doc_type\`, \`period\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`idempotency_record\` (\`key\` varchar(100) NOT NULL, \`user_id\` int NOT NULL, \`request_hash\` varchar(64) NOT NULL, \`operation\` varchar(60) NOT NULL, \`result_id\` varchar(64) NOT NULL, \`created_at\` datetime(3) NOT NULL, PRIMARY KEY (\`key\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`zone\` (\`id\` int NOT NULL AUTO_INCREMENT, \`warehouse_id\` int NOT NULL, \`code\` varchar(30) NOT NULL, \`name\` varchar(100) NOT NULL, \`storage_condition\` varchar(100) NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_09367d6bbf77e64ce96462fa2c\` (\`warehouse_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`bin\` (\`id\` int NOT NULL AUTO_INCREMENT, \`warehouse_id\` int NOT NULL, \`zone_id\` int NULL, \`code\` varchar(30) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_90d620bbcaa6e718c0fc9b9b28\` (\`warehouse_id\`, \`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`batch\` (\`id\` int NOT NULL AUTO_INCREMENT, \`sku_id\` int NOT NULL, \`batch_no\` varchar(60) NOT NULL, \`expiry_date\` varchar(10) NULL, \`received_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_2db0e6d896965792bbe8055568\` (\`sku_id\`, \`batch_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stock_document\` (\`id\` int NOT NULL AUTO_INCREMENT, \`type\` varchar(20) NOT NULL, \`number\` varchar(40) NULL, \`status\` varchar(12) NOT NULL DEFAULT 'draft', \`warehouse_id\` int NOT NULL, \`to_warehouse_id\` int NULL, \`business_date\` varchar(10) NOT NULL, \`memo\` varchar(500) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`posted_at\` datetime(3) NULL, \`received_at\` datetime(3) NULL, \`cancelled_at\` datetime(3) NULL, \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_5a8a4e6fc331a1df37a6b043bb\` (\`type\`, \`status\`), UNIQUE INDEX \`IDX_d74627c2f1d104f991f876dfcc\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stock_document_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`document_id\` int NOT NULL, \`line_no\` int NOT NULL, \`sku_id\` int NOT NULL, \`unit\` varchar(20) NOT NULL, \`unit_factor\` decimal(18,6) NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`base_qty\` decimal(18,6) NOT NULL, \`unit_cost\` decimal(18,6) NULL, \`value\` decimal(18,2) NULL, \`bin_id\` int NULL, \`to_bin_id\` int NULL, \`batch_no\` varchar(60) NULL, \`expiry_date\` varchar(10) NULL, UNIQUE INDEX \`IDX_623dffb3d7450d26a9acfd854a\` (\`document_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(`ALTER TABLE \`company_settings\` ADD \`closed_through\` varchar(10) NULL`);
    await q.query(`ALTER TABLE \`company_settings\` ADD \`number_patterns\` text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`company_settings\` DROP COLUMN \`number_patterns\``);
    await q.query(`ALTER TABLE \`company_settings\` DROP COLUMN \`closed_through\``);
    await q.query(`DROP INDEX \`IDX_623dffb3d7450d26a9acfd854a\` ON \`stock_document_line\``);
    await q.query(`DROP TABLE \`stock_document_line\``);
    await q.query(`DROP INDEX \`IDX_d74627c2f1d104f991f876dfcc\` ON \`stock_document\``);
    await q.query(`DROP INDEX \`IDX_5a8a4e6fc331a1df37a6b043bb\` ON \`stock_document\``);
    await q.query(`DROP TABLE \`stock_document\``);
    await q.query(`DROP INDEX \`IDX_2db0e6d896965792bbe8055568\` ON \`batch\``);
    await q.query(`DROP TABLE \`batch\``);
    await q.query(`DROP INDEX \`IDX_90d620bbcaa6e718c0fc9b9b28\` ON \`bin\``);
    await q.query(`DROP TABLE \`bin\``);
    await q.query(`DROP INDEX \`IDX_09367d6bbf77e64ce96462fa2c\` ON \`zone\``);
    await q.query(`DROP TABLE \`zone\``);
    await q.query(`DROP TABLE \`idempotency_record\``);
    await q.query(`DROP TABLE \`doc_sequence\``);
    await q.query(`DROP TABLE \`stock_cost\``);
    await q.query(`DROP INDEX \`IDX_49e9008b7bc7355f1de6eee79b\` ON \`stock_balance\``);
    await q.query(`DROP INDEX \`IDX_d3557884f796fe4cb5353eb34f\` ON \`stock_balance\``);
    await q.query(`DROP TABLE \`stock_balance\``);
    await q.query(`DROP INDEX \`IDX_c1eed21511bffe258dff9f8a50\` ON \`stock_ledger\``);
    await q.query(`DROP INDEX \`IDX_2050be590a0323bb29af0af0f4\` ON \`stock_ledger\``);
    await q.query(`DROP INDEX \`IDX_45fa413a3916488fcb7fcbf938\` ON \`stock_ledger\``);
    await q.query(`DROP TABLE \`stock_ledger\``);
    await q.query(`DROP INDEX \`IDX_e9086a60058c5f1e668875103e\` ON \`sku_barcode\``);
    await q.query(`DROP INDEX \`IDX_772373f04eccf42c78ef0968f5\` ON \`sku_barcode\``);
    await q.query(`DROP TABLE \`sku_barcode\``);
    await q.query(`DROP INDEX \`IDX_19ec6e4f8253df824722c3b8ab\` ON \`sku\``);
    await q.query(`DROP INDEX \`IDX_d260c995b672b14cbab20899ba\` ON \`sku\``);
    await q.query(`DROP INDEX \`IDX_4cf2c705528af77558dd98227d\` ON \`sku\``);
    await q.query(`DROP TABLE \`sku\``);
    await q.query(`DROP INDEX \`IDX_692d98e9b78f3aebff02f1943e\` ON \`product_unit\``);
    await q.query(`DROP TABLE \`product_unit\``);
    await q.query(`DROP INDEX \`IDX_99c39b067cfa73c783f0fc49a6\` ON \`product\``);
    await q.query(`DROP INDEX \`IDX_0dce9bc93c2d2c399982d04bef\` ON \`product\``);
    await q.query(`DROP INDEX \`IDX_22cc43e9a74d7498546e9a63e7\` ON \`product\``);
    await q.query(`DROP TABLE \`product\``);
    await q.query(`DROP INDEX \`IDX_5f468ae5696f07da025138e38f\` ON \`brand\``);
    await q.query(`DROP TABLE \`brand\``);
    await q.query(`DROP INDEX \`IDX_652a15c02538138f021f1320de\` ON \`category\``);
    await q.query(`DROP INDEX \`IDX_2e11906aa3a7fd5f41ad9139e3\` ON \`category\``);
    await q.query(`DROP TABLE \`category\``);
  }
}
