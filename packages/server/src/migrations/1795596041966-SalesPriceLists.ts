import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SalesPriceLists1795596041966 implements MigrationInterface {
  name = 'SalesPriceLists1795596041966';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`price_list\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(30) NOT NULL, \`name\` varchar(100) NOT NULL, \`tier_id\` int NULL, \`channel_id\` int NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_a185a5999456c0665e585aef49\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`price_list_item\` (\`id\` int NOT NULL AUTO_INCREMENT, \`price_list_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`rule\` varchar(20) NOT NULL, \`value\` decimal(18,4) NOT NULL, \`valid_from\` varchar(10) NOT NULL, \`valid_to\` varchar(10) NULL, \`created_by\` varchar(100) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_cbb11e6b94b9f7a56dfe30feba\` (\`sku_id\`), INDEX \`IDX_50671d1b31724b2f9ce10fdc03\` (\`price_list_id\`, \`sku_id\`, \`valid_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_50671d1b31724b2f9ce10fdc03\` ON \`price_list_item\``);
    await q.query(`DROP INDEX \`IDX_cbb11e6b94b9f7a56dfe30feba\` ON \`price_list_item\``);
    await q.query(`DROP TABLE \`price_list_item\``);
    await q.query(`DROP INDEX \`IDX_a185a5999456c0665e585aef49\` ON \`price_list\``);
    await q.query(`DROP TABLE \`price_list\``);
  }
}
