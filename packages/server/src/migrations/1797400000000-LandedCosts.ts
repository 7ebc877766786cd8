import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 到岸成本: landed costs (freight, duty, handling …) of purchase receipts and their cost lines. The
 * amounts they give the receipts' entries live in the ledger (recost rows with cost source
 * `fixed`), so no ledger column changes.
 */
export class LandedCosts1797400000000 implements MigrationInterface {
  name = 'LandedCosts1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`landed_cost\` (\`id\` int NOT NULL AUTO_INCREMENT, \`number\` varchar(40) NOT NULL, \`receipt_id\` int NOT NULL, \`warehouse_id\` int NOT NULL, \`business_date\` varchar(10) NOT NULL, \`status\` varchar(10) NOT NULL, \`total\` decimal(18,2) NOT NULL, \`memo\` varchar(500) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`posted_at\` datetime(3) NULL, \`cancelled_at\` datetime(3) NULL, INDEX \`IDX_73f1d3a99c244ef5f9c9cf7d80\` (\`receipt_id\`), UNIQUE INDEX \`IDX_56eb708a7e05b3e0ed8d18fdb0\` (\`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`landed_cost_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`landed_cost_id\` int NOT NULL, \`line_no\` int NOT NULL, \`kind\` varchar(10) NOT NULL, \`basis\` varchar(10) NOT NULL, \`amount\` decimal(18,2) NOT NULL, \`supplier_id\` int NULL, \`memo\` varchar(200) NOT NULL DEFAULT '', UNIQUE INDEX \`IDX_ea17f31656e0768f6c38bb2563\` (\`landed_cost_id\`, \`line_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `landed_cost_line`');
    await q.query('DROP TABLE `landed_cost`');
  }
}
