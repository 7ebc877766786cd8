import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SalesCustomers1795595342418 implements MigrationInterface {
  name = 'SalesCustomers1795595342418';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`sales_channel\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(30) NOT NULL, \`name\` varchar(100) NOT NULL, \`kind\` varchar(16) NOT NULL, \`platform\` varchar(30) NOT NULL DEFAULT '', \`active\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_8b1b43da314b23bac29cc8a754\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`sales_store\` (\`id\` int NOT NULL AUTO_INCREMENT, \`channel_id\` int NOT NULL, \`code\` varchar(30) NOT NULL, \`name\` varchar(100) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_7ab6722209132e5aca9a3b7e4a\` (\`channel_id\`), UNIQUE INDEX \`IDX_06037534973477ec93ace97e11\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`customer_tier\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(20) NOT NULL, \`name\` varchar(50) NOT NULL, \`rank\` int NOT NULL, \`min_amount\` decimal(18,2) NOT NULL DEFAULT '0.00', \`min_orders\` int NOT NULL DEFAULT '0', \`max_recency_days\` int NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_8bb7d76498d2a2b0e80da15f57\` (\`code\`), UNIQUE INDEX \`IDX_2c5d6da34fa4bc4249306a7652\` (\`rank\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`customer\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(30) NOT NULL, \`name\` varchar(200) NOT NULL, \`phone\` varchar(40) NOT NULL DEFAULT '', \`email\` varchar(200) NOT NULL DEFAULT '', \`address\` varchar(500) NOT NULL DEFAULT '', \`birthday\` varchar(10) NULL, \`preferences\` varchar(500) NOT NULL DEFAULT '', \`owner_id\` int NULL, \`channel_id\` int NULL, \`tier_id\` int NULL, \`tier_fixed\` tinyint NOT NULL DEFAULT 0, \`tier_reason\` varchar(300) NULL, \`credit_limit\` decimal(18,2) NULL, \`memo\` varchar(500) NOT NULL DEFAULT '', \`created_at\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_ac1455877a69957f7466d5dc78\` (\`name\`), INDEX \`IDX_5fe6fc4b74a90db7f6b74c05db\` (\`owner_id\`), UNIQUE INDEX \`IDX_68db634015cb7defd6b98f910f\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`customer_service_record\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customer_id\` int NOT NULL, \`kind\` varchar(12) NOT NULL, \`content\` varchar(1000) NOT NULL, \`resolved\` tinyint NOT NULL DEFAULT 0, \`user_id\` int NOT NULL, \`user_name\` varchar(100) NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`IDX_c7e8f565919613c70a640611fe\` (\`customer_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_c7e8f565919613c70a640611fe\` ON \`customer_service_record\``);
    await q.query(`DROP TABLE \`customer_service_record\``);
    await q.query(`DROP INDEX \`IDX_68db634015cb7defd6b98f910f\` ON \`customer\``);
    await q.query(`DROP INDEX \`IDX_5fe6fc4b74a90db7f6b74c05db\` ON \`customer\``);
    await q.query(`DROP INDEX \`IDX_ac1455877a69957f7466d5dc78\` ON \`customer\``);
    await q.query(`DROP TABLE \`customer\``);
    await q.query(`DROP INDEX \`IDX_2c5d6da34fa4bc4249306a7652\` ON \`customer_tier\``);
    await q.query(`DROP INDEX \`IDX_8bb7d76498d2a2b0e80da15f57\` ON \`customer_tier\``);
    await q.query(`DROP TABLE \`customer_tier\``);
    await q.query(`DROP INDEX \`IDX_06037534973477ec93ace97e11\` ON \`sales_store\``);
    await q.query(`DROP INDEX \`IDX_7ab6722209132e5aca9a3b7e4a\` ON \`sales_store\``);
    await q.query(`DROP TABLE \`sales_store\``);
    await q.query(`DROP INDEX \`IDX_8b1b43da314b23bac29cc8a754\` ON \`sales_channel\``);
    await q.query(`DROP TABLE \`sales_channel\``);
  }
}
