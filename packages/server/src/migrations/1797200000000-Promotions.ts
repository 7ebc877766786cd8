import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Promotions (issue 14): promotions with their rule, eligibility, limits, budget and state; their use by
 * confirmed orders; the settings row; coupon batches, codes and redemptions.
 */
export class Promotions1797200000000 implements MigrationInterface {
  name = 'Promotions1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`promotion\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(40) NOT NULL, \`name\` varchar(120) NOT NULL, \`kind\` varchar(20) NOT NULL, \`priority\` int NOT NULL DEFAULT '100', \`exclusive\` tinyint NOT NULL DEFAULT 0, \`rule\` text NOT NULL, \`eligibility\` text NOT NULL, \`starts_at\` varchar(16) NOT NULL, \`ends_at\` varchar(16) NOT NULL, \`per_customer\` int NULL, \`total_limit\` int NULL, \`budget\` decimal(18,2) NULL, \`spent\` decimal(18,2) NOT NULL DEFAULT '0.00', \`used_count\` int NOT NULL DEFAULT '0', \`state\` varchar(20) NOT NULL DEFAULT 'draft', \`rejection_note\` varchar(500) NOT NULL DEFAULT '', \`created_by\` int NOT NULL, \`submitted_by\` int NULL, \`approved_by\` int NULL, \`created_at\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', INDEX \`IDX_9cd213eca870d1cc1b4d659764\` (\`state\`, \`starts_at\`), UNIQUE INDEX \`IDX_969359329a22440d2b8f7d491d\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`promotion_usage\` (\`id\` int NOT NULL AUTO_INCREMENT, \`promotion_id\` int NOT NULL, \`order_id\` int NOT NULL, \`customer_id\` int NULL, \`discount\` decimal(18,2) NOT NULL, \`gift_cost\` decimal(18,2) NOT NULL DEFAULT '0.00', \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_88b39a5f6a2ab9ba71543d1508\` (\`promotion_id\`, \`customer_id\`), UNIQUE INDEX \`IDX_15f93d5cfba846ceff0edbb0b6\` (\`promotion_id\`, \`order_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`promotion_setting\` (\`id\` int NOT NULL, \`approval_budget\` decimal(18,2) NOT NULL DEFAULT '5000.00', \`return_loses_threshold\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`coupon_batch\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(40) NOT NULL, \`name\` varchar(120) NOT NULL, \`kind\` varchar(20) NOT NULL, \`value\` decimal(18,4) NOT NULL, \`max_off\` decimal(18,2) NULL, \`min_spend\` decimal(18,2) NULL, \`valid_from\` varchar(16) NOT NULL, \`valid_to\` varchar(16) NOT NULL, \`uses_per_code\` int NOT NULL DEFAULT '1', \`per_customer\` int NULL, \`line_set\` text NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_9ac7566811a7e18a5d764b29b5\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`coupon_code\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batch_id\` int NOT NULL, \`code\` varchar(40) NOT NULL, \`customer_id\` int NULL, \`max_uses\` int NOT NULL, \`used\` int NOT NULL DEFAULT '0', \`issued_at\` datetime(3) NOT NULL, INDEX \`IDX_1bf01805188dff4406867de0b1\` (\`customer_id\`), INDEX \`IDX_04e5c06d24fab4374a39477cb4\` (\`batch_id\`), UNIQUE INDEX \`IDX_cd5b1a1bb662ad988fddd0ec01\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`coupon_redemption\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code_id\` int NOT NULL, \`batch_id\` int NOT NULL, \`order_id\` int NOT NULL, \`customer_id\` int NULL, \`discount\` decimal(18,2) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`reversed_at\` datetime(3) NULL, INDEX \`IDX_8f2f76a0af67d1d7dd5724c74c\` (\`batch_id\`, \`customer_id\`), UNIQUE INDEX \`IDX_dc5af7ff54095421dc1a8f1ee7\` (\`code_id\`, \`order_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_dc5af7ff54095421dc1a8f1ee7\` ON \`coupon_redemption\``);
    await q.query(`DROP INDEX \`IDX_8f2f76a0af67d1d7dd5724c74c\` ON \`coupon_redemption\``);
    await q.query(`DROP TABLE \`coupon_redemption\``);
    await q.query(`DROP INDEX \`IDX_cd5b1a1bb662ad988fddd0ec01\` ON \`coupon_code\``);
    await q.query(`DROP INDEX \`IDX_04e5c06d24fab4374a39477cb4\` ON \`coupon_code\``);
    await q.query(`DROP INDEX \`IDX_1bf01805188dff4406867de0b1\` ON \`coupon_code\``);
    await q.query(`DROP TABLE \`coupon_code\``);
    await q.query(`DROP INDEX \`IDX_9ac7566811a7e18a5d764b29b5\` ON \`coupon_batch\``);
    await q.query(`DROP TABLE \`coupon_batch\``);
    await q.query(`DROP TABLE \`promotion_setting\``);
    await q.query(`DROP INDEX \`IDX_15f93d5cfba846ceff0edbb0b6\` ON \`promotion_usage\``);
    await q.query(`DROP INDEX \`IDX_88b39a5f6a2ab9ba71543d1508\` ON \`promotion_usage\``);
    await q.query(`DROP TABLE \`promotion_usage\``);
    await q.query(`DROP INDEX \`IDX_969359329a22440d2b8f7d491d\` ON \`promotion\``);
    await q.query(`DROP INDEX \`IDX_9cd213eca870d1cc1b4d659764\` ON \`promotion\``);
    await q.query(`DROP TABLE \`promotion\``);
  }
}
