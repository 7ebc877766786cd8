import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795577995052 implements MigrationInterface {
  name = 'Init1795577995052';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`audit_entry\` (\`id\` int NOT NULL AUTO_INCREMENT, \`at\` datetime(3) NOT NULL, \`user_id\` int NULL, \`username\` varchar(100) NOT NULL DEFAULT '', \`roles\` text NOT NULL, \`address\` varchar(64) NOT NULL DEFAULT '', \`request_id\` varchar(64) NOT NULL DEFAULT '', \`action\` varchar(100) NOT NULL, \`entity_type\` varchar(50) NOT NULL DEFAULT '', \`entity_id\` varchar(64) NULL, \`before\` text NULL, \`after\` text NULL, INDEX \`IDX_b68dcc794cea3a97d59a0b8771\` (\`action\`), INDEX \`IDX_cfbd3da3d6664af0dab55783b5\` (\`entity_type\`, \`entity_id\`), INDEX \`IDX_9d18bd4a32fc0cd8ff82b12037\` (\`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`login_attempt\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(100) NOT NULL, \`ip\` varchar(64) NOT NULL DEFAULT '', \`success\` tinyint NOT NULL, \`at\` datetime(3) NOT NULL, INDEX \`IDX_ecac73c5082cb7cba2de6bf70c\` (\`username\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`role\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(50) NOT NULL, \`name\` varchar(100) NOT NULL, \`name_zh\` varchar(100) NOT NULL DEFAULT '', \`permissions\` text NOT NULL, \`built_in\` tinyint NOT NULL DEFAULT 0, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_ee999bb389d7ac0fd967172c41\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`session\` (\`id\` varchar(64) NOT NULL, \`user_id\` int NOT NULL, \`created_at\` datetime(3) NOT NULL, \`last_seen_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`ip\` varchar(64) NOT NULL DEFAULT '', \`user_agent\` varchar(255) NOT NULL DEFAULT '', INDEX \`IDX_30e98e8746699fb9af235410af\` (\`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`warehouse\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(30) NOT NULL, \`name\` varchar(100) NOT NULL, \`kind\` varchar(20) NOT NULL DEFAULT 'own', \`allow_negative\` tinyint NOT NULL DEFAULT 0, \`active\` tinyint NOT NULL DEFAULT 1, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_dcbf22551ec3827f234e532a08\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`app_user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(50) NOT NULL, \`display_name\` varchar(100) NOT NULL, \`email\` varchar(200) NULL, \`phone\` varchar(50) NULL, \`password_hash\` varchar(255) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`must_change_password\` tinyint NOT NULL DEFAULT 0, \`last_login_at\` datetime(3) NULL, \`created_at\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`IDX_c480e576dd71729addbc2d51b6\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`company_settings\` (\`id\` int NOT NULL, \`company_name\` varchar(200) NOT NULL DEFAULT '', \`currency\` varchar(3) NOT NULL DEFAULT 'CNY', \`costing_method\` varchar(20) NOT NULL DEFAULT 'moving_average', \`default_tax_rate\` decimal(9,6) NOT NULL DEFAULT '0.130000', \`default_credit_limit\` decimal(18,2) NOT NULL DEFAULT '0.00', \`version\` int NOT NULL DEFAULT '1', PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`user_role\` (\`user_id\` int NOT NULL, \`role_id\` int NOT NULL, INDEX \`IDX_d0e5815877f7395a198a4cb0a4\` (\`user_id\`), INDEX \`IDX_32a6fc2fcb019d8e3a8ace0f55\` (\`role_id\`), PRIMARY KEY (\`user_id\`, \`role_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE \`user_warehouse\` (\`user_id\` int NOT NULL, \`warehouse_id\` int NOT NULL, INDEX \`IDX_a9257cc635bedd9b91a3de7259\` (\`user_id\`), INDEX \`IDX_a0b196d78733ad05a3ac19041c\` (\`warehouse_id\`), PRIMARY KEY (\`user_id\`, \`warehouse_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `ALTER TABLE \`user_role\` ADD CONSTRAINT \`FK_d0e5815877f7395a198a4cb0a46\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE \`user_role\` ADD CONSTRAINT \`FK_32a6fc2fcb019d8e3a8ace0f55f\` FOREIGN KEY (\`role_id\`) REFERENCES \`role\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE \`user_warehouse\` ADD CONSTRAINT \`FK_a9257cc635bedd9b91a3de72595\` FOREIGN KEY (\`user_id\`) REFERENCES \`app_user\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE \`user_warehouse\` ADD CONSTRAINT \`FK_a0b196d78733ad05a3ac19041c4\` FOREIGN KEY (\`warehouse_id\`) REFERENCES \`warehouse\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`user_warehouse\` DROP FOREIGN KEY \`FK_a0b196d78733ad05a3ac19041c4\``);
    await q.query(`ALTER TABLE \`user_warehouse\` DROP FOREIGN KEY \`FK_a9257cc635bedd9b91a3de72595\``);
    await q.query(`ALTER TABLE \`user_role\` DROP FOREIGN KEY \`FK_32a6fc2fcb019d8e3a8ace0f55f\``);
    await q.query(`ALTER TABLE \`user_role\` DROP FOREIGN KEY \`FK_d0e5815877f7395a198a4cb0a46\``);
    await q.query(`DROP INDEX \`IDX_a0b196d78733ad05a3ac19041c\` ON \`user_warehouse\``);
    await q.query(`DROP INDEX \`IDX_a9257cc635bedd9b91a3de7259\` ON \`user_warehouse\``);
    await q.query(`DROP TABLE \`user_warehouse\``);
    await q.query(`DROP INDEX \`IDX_32a6fc2fcb019d8e3a8ace0f55\` ON \`user_role\``);
    await q.query(`DROP INDEX \`IDX_d0e5815877f7395a198a4cb0a4\` ON \`user_role\``);
    await q.query(`DROP TABLE \`user_role\``);
    await q.query(`DROP TABLE \`company_settings\``);
    await q.query(`DROP INDEX \`IDX_c480e576dd71729addbc2d51b6\` ON \`app_user\``);
    await q.query(`DROP TABLE \`app_user\``);
    await q.query(`DROP INDEX \`IDX_dcbf22551ec3827f234e532a08\` ON \`warehouse\``);
    await q.query(`DROP TABLE \`warehouse\``);
    await q.query(`DROP INDEX \`IDX_30e98e8746699fb9af235410af\` ON \`session\``);
    await q.query(`DROP TABLE \`session\``);
    await q.query(`DROP INDEX \`IDX_ee999bb389d7ac0fd967172c41\` ON \`role\``);
    await q.query(`DROP TABLE \`role\``);
    await q.query(`DROP INDEX \`IDX_ecac73c5082cb7cba2de6bf70c\` ON \`login_attempt\``);
    await q.query(`DROP TABLE \`login_attempt\``);
    await q.query(`DROP INDEX \`IDX_9d18bd4a32fc0cd8ff82b12037\` ON \`audit_entry\``);
    await q.query(`DROP INDEX \`IDX_cfbd3da3d6664af0dab55783b5\` ON \`audit_entry\``);
    await q.query(`DROP INDEX \`IDX_b68dcc794cea3a97d59a0b8771\` ON \`audit_entry\``);
    await q.query(`DROP TABLE \`audit_entry\``);
  }
}
