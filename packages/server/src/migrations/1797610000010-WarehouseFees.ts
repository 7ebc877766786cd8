import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 仓储费: a warehouse's monthly storage and handling fees (a 3PL's), allocated to SKUs in the analysis. */
export class WarehouseFees1797610000010 implements MigrationInterface {
  name = 'WarehouseFees1797610000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`warehouse_fee\` (\`id\` int NOT NULL AUTO_INCREMENT, \`warehouse_id\` int NOT NULL, \`month\` varchar(7) NOT NULL, \`storage\` decimal(18,2) NOT NULL, \`handling\` decimal(18,2) NOT NULL, \`memo\` varchar(200) NOT NULL DEFAULT '', \`updated_by\` int NOT NULL, \`updated_at\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_85438a60c6508fbb6aaba67158\` (\`warehouse_id\`, \`month\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `IDX_85438a60c6508fbb6aaba67158` ON `warehouse_fee`');
    await q.query('DROP TABLE `warehouse_fee`');
  }
}
