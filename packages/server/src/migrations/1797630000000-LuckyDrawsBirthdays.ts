import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 抽奖 and 生日礼: lucky draws (the draw with its sealed seed and published hash, its prizes with
 * what is left, the entries earned by confirmed orders with their results) and birthday offers (the
 * settings, one row per customer and year).
 */
export class LuckyDrawsBirthdays1797630000000 implements MigrationInterface {
  name = 'LuckyDrawsBirthdays1797630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`lucky_draw\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(40) NOT NULL, \`name\` varchar(120) NOT NULL, \`state\` varchar(10) NOT NULL DEFAULT 'DRAFT', \`starts_at\` varchar(16) NOT NULL, \`ends_at\` varchar(16) NOT NULL, \`eligibility\` text NOT NULL, \`budget\` decimal(18,2) NULL, \`seed_hash\` varchar(64) NULL, \`seed\` varchar(64) NULL, \`entry_count\` int NOT NULL DEFAULT '0', \`drawn_count\` int NOT NULL DEFAULT '0', \`drawn_through\` int NOT NULL DEFAULT '0', \`opened_at\` datetime(3) NULL, \`drawn_at\` datetime(3) NULL, \`revealed_at\` datetime(3) NULL, \`created_by\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_85cdd6545cbf978c143aede91d\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`lucky_draw_prize\` (\`id\` int NOT NULL AUTO_INCREMENT, \`draw_id\` int NOT NULL, \`position\` int NOT NULL, \`name\` varchar(120) NOT NULL, \`kind\` varchar(10) NOT NULL, \`sku_id\` int NULL, \`coupon_batch_id\` int NULL, \`odds\` decimal(9,4) NOT NULL, \`quantity\` int NULL, \`remaining\` int NULL, \`unit_cost\` decimal(18,2) NOT NULL DEFAULT '0.00', UNIQUE INDEX \`IDX_b0a8fbbf023115c855ea4f292b\` (\`draw_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`lucky_draw_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`draw_id\` int NOT NULL, \`order_id\` int NOT NULL, \`customer_id\` int NULL, \`channel_id\` int NOT NULL, \`store_id\` int NULL, \`warehouse_id\` int NOT NULL, \`order_total\` decimal(18,2) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`roll\` int NULL, \`picked_prize_id\` int NULL, \`prize_id\` int NULL, \`exhausted\` tinyint NOT NULL DEFAULT 0, \`coupon_code_id\` int NULL, \`prize_order_id\` int NULL, \`drawn_at\` datetime(3) NULL, INDEX \`IDX_668d009439afc849fc5f975558\` (\`order_id\`), UNIQUE INDEX \`IDX_ccac8fbda0ccdefac6ceb3aed3\` (\`draw_id\`, \`order_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`birthday_offer_setting\` (\`id\` int NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 0, \`coupon_batch_id\` int NULL, \`message\` varchar(300) NOT NULL, \`version\` int NOT NULL DEFAULT '1', PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`birthday_offer\` (\`id\` int NOT NULL AUTO_INCREMENT, \`customer_id\` int NOT NULL, \`year\` int NOT NULL, \`coupon_code_id\` int NULL, \`code\` varchar(40) NOT NULL DEFAULT '', \`channel\` varchar(10) NOT NULL, \`message\` varchar(500) NOT NULL, \`created_at\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_f8049ae39810bd3b233f89a9c7\` (\`customer_id\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `birthday_offer`');
    await q.query('DROP TABLE `birthday_offer_setting`');
    await q.query('DROP TABLE `lucky_draw_entry`');
    await q.query('DROP TABLE `lucky_draw_prize`');
    await q.query('DROP TABLE `lucky_draw`');
  }
}
