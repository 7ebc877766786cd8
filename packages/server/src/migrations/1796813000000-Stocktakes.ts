import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stocktakes (counts, lines, blind counts), ABC classes, their settings; stock documents name their source. */
export class Stocktakes1796813000000 implements MigrationInterface {
  name = 'Stocktakes1796813000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`stocktake\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NOT NULL, \`kind\` varchar(10) NOT NULL, \`status\` varchar(12) NOT NULL DEFAULT 'counting', \`warehouse_id\` int NOT NULL, \`zone_id\` int NULL, \`abc_class\` varchar(1) NULL, \`category_id\` int NULL, \`sku_listed\` tinyint NOT NULL DEFAULT 0, \`freeze_postings\` tinyint NOT NULL DEFAULT 0, \`tolerance_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`tolerance_pct\` decimal(9,4) NOT NULL DEFAULT '0.0000', \`business_date\` varchar(10) NOT NULL, \`memo\` varchar(500) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`finished_at\` datetime(3) NULL, \`approved_by\` int NULL, \`approved_at\` datetime(3) NULL, \`approved_on\` varchar(10) NULL, \`cancelled_at\` datetime(3) NULL, \`adjustment_id\` int NULL, \`adjustment_number\` varchar(40) NULL, \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_1fdd5947c7e56d9fc2cd863b9e\` (\`warehouse_id\`, \`status\`), UNIQUE INDEX \`IDX_dbc3c6af0ba2ba1d2ac9a30a09\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stocktake_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`stocktake_id\` int NOT NULL, \`line_no\` int NOT NULL, \`bin_id\` int NOT NULL DEFAULT '0', \`sku_id\` int NOT NULL, \`batch_id\` int NOT NULL DEFAULT '0', \`batch_no\` varchar(60) NOT NULL DEFAULT '', \`found\` tinyint NOT NULL DEFAULT 0, \`book_qty\` decimal(18,6) NOT NULL, \`status\` varchar(10) NOT NULL DEFAULT 'pending', \`recount_cause\` varchar(20) NULL, \`final_qty\` decimal(18,6) NULL, \`moved_qty\` decimal(18,6) NULL, \`difference_qty\` decimal(18,6) NULL, \`reason\` varchar(20) NULL, \`note\` varchar(200) NOT NULL DEFAULT '', \`adjustment_line_id\` int NULL, \`posted_value\` decimal(18,2) NULL, INDEX \`IDX_5c42c0756a9b217986261c559f\` (\`sku_id\`), INDEX \`IDX_8e9119e1ab110d4f2a38dbda11\` (\`stocktake_id\`, \`line_no\`), UNIQUE INDEX \`IDX_8565172f1539d4ecfb2c6dc78f\` (\`stocktake_id\`, \`bin_id\`, \`sku_id\`, \`batch_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stocktake_count\` (\`id\` int NOT NULL AUTO_INCREMENT, \`stocktake_id\` int NOT NULL, \`line_id\` int NOT NULL, \`round\` int NOT NULL, \`counted_by\` int NOT NULL, \`qty\` decimal(18,6) NOT NULL, \`counted_at\` datetime(3) NOT NULL, INDEX \`IDX_2204c590d208d08e5e0ceefcac\` (\`stocktake_id\`, \`counted_by\`), UNIQUE INDEX \`IDX_0e37c09a0072fab768d8c47a15\` (\`line_id\`, \`round\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stocktake_sku\` (\`stocktake_id\` int NOT NULL, \`sku_id\` int NOT NULL, PRIMARY KEY (\`stocktake_id\`, \`sku_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`abc_class\` (\`id\` int NOT NULL AUTO_INCREMENT, \`warehouse_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`computed_class\` varchar(1) NULL, \`manual_class\` varchar(1) NULL, \`issued_value\` decimal(18,2) NOT NULL DEFAULT '0.00', \`share\` decimal(9,4) NOT NULL DEFAULT '0.0000', \`cumulative\` decimal(9,4) NOT NULL DEFAULT '0.0000', \`rank\` int NOT NULL DEFAULT '0', \`period_from\` varchar(10) NULL, \`period_to\` varchar(10) NULL, \`computed_at\` datetime(3) NULL, \`last_counted_on\` varchar(10) NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_add0857522b6c607439a5fa42b\` (\`warehouse_id\`, \`sku_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`stocktake_setting\` (\`id\` int NOT NULL, \`abc_cutoff_a\` decimal(7,4) NOT NULL DEFAULT '80.0000', \`abc_cutoff_b\` decimal(7,4) NOT NULL DEFAULT '95.0000', \`abc_period_months\` int NOT NULL DEFAULT '12', \`review_days_a\` int NOT NULL DEFAULT '7', \`review_days_b\` int NOT NULL DEFAULT '14', \`review_days_c\` int NOT NULL DEFAULT '30', \`freeze_full_counts\` tinyint NOT NULL DEFAULT 1, \`tolerance_qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', \`tolerance_pct\` decimal(9,4) NOT NULL DEFAULT '0.0000', \`version\` int NOT NULL DEFAULT '1', PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(`ALTER TABLE \`stock_document\` ADD \`source_type\` varchar(20) NULL`);
    await q.query(`ALTER TABLE \`stock_document\` ADD \`source_id\` int NULL`);
    await q.query(`ALTER TABLE \`stock_document\` ADD \`source_number\` varchar(40) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`stock_document\` DROP COLUMN \`source_number\``);
    await q.query(`ALTER TABLE \`stock_document\` DROP COLUMN \`source_id\``);
    await q.query(`ALTER TABLE \`stock_document\` DROP COLUMN \`source_type\``);
    await q.query(`DROP TABLE \`stocktake_setting\``);
    await q.query(`DROP INDEX \`IDX_add0857522b6c607439a5fa42b\` ON \`abc_class\``);
    await q.query(`DROP TABLE \`abc_class\``);
    await q.query(`DROP TABLE \`stocktake_sku\``);
    await q.query(`DROP INDEX \`IDX_0e37c09a0072fab768d8c47a15\` ON \`stocktake_count\``);
    await q.query(`DROP INDEX \`IDX_2204c590d208d08e5e0ceefcac\` ON \`stocktake_count\``);
    await q.query(`DROP TABLE \`stocktake_count\``);
    await q.query(`DROP INDEX \`IDX_8565172f1539d4ecfb2c6dc78f\` ON \`stocktake_line\``);
    await q.query(`DROP INDEX \`IDX_8e9119e1ab110d4f2a38dbda11\` ON \`stocktake_line\``);
    await q.query(`DROP INDEX \`IDX_5c42c0756a9b217986261c559f\` ON \`stocktake_line\``);
    await q.query(`DROP TABLE \`stocktake_line\``);
    await q.query(`DROP INDEX \`IDX_dbc3c6af0ba2ba1d2ac9a30a09\` ON \`stocktake\``);
    await q.query(`DROP INDEX \`IDX_1fdd5947c7e56d9fc2cd863b9e\` ON \`stocktake\``);
    await q.query(`DROP TABLE \`stocktake\``);
  }
}
