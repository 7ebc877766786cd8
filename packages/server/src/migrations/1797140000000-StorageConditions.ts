import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Storage conditions become structured: a zone states what it assures (temperature and humidity
 * ranges, dark, the hazard class it is licensed for, food-grade), a product what it needs; the free
 * text stays as a note. Products whose note says so get their needs from it (冷藏 / 2–8 °C, 冷冻,
 * 阴凉, 避光, 干燥). The settings say whether a bin that does not fit warns or refuses.
 */
export class StorageConditions1797140000000 implements MigrationInterface {
  name = 'StorageConditions1797140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`zone\` ADD \`temp_min\` int NULL`);
    await q.query(`ALTER TABLE \`zone\` ADD \`temp_max\` int NULL`);
    await q.query(`ALTER TABLE \`zone\` ADD \`humidity_min\` int NULL`);
    await q.query(`ALTER TABLE \`zone\` ADD \`humidity_max\` int NULL`);
    await q.query(`ALTER TABLE \`zone\` ADD \`dark\` tinyint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE \`zone\` ADD \`hazard_class\` varchar(10) NULL`);
    await q.query(`ALTER TABLE \`zone\` ADD \`food_grade\` tinyint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE \`product\` ADD \`storage_temp_min\` int NULL`);
    await q.query(`ALTER TABLE \`product\` ADD \`storage_temp_max\` int NULL`);
    await q.query(`ALTER TABLE \`product\` ADD \`storage_humidity_min\` int NULL`);
    await q.query(`ALTER TABLE \`product\` ADD \`storage_humidity_max\` int NULL`);
    await q.query(`ALTER TABLE \`product\` ADD \`storage_dark\` tinyint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE \`product\` ADD \`hazard_class\` varchar(10) NULL`);
    await q.query(`ALTER TABLE \`product\` ADD \`storage_food_grade\` tinyint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE \`company_settings\` ADD \`storage_rule\` varchar(8) NOT NULL DEFAULT 'warn'`);
    // the needs the free text states
    await q.query(
      `UPDATE \`product\` SET \`storage_temp_min\` = 2, \`storage_temp_max\` = 8 WHERE \`storage_condition\` LIKE '%冷藏%' OR \`storage_condition\` LIKE '%2-8%' OR \`storage_condition\` LIKE '%2–8%' OR \`storage_condition\` LIKE '%2~8%'`,
    );
    await q.query(
      `UPDATE \`product\` SET \`storage_temp_max\` = -18 WHERE \`storage_condition\` LIKE '%冷冻%' OR \`storage_condition\` LIKE '%-18%'`,
    );
    await q.query(
      `UPDATE \`product\` SET \`storage_temp_max\` = 20 WHERE \`storage_temp_max\` IS NULL AND \`storage_condition\` LIKE '%阴凉%'`,
    );
    await q.query(`UPDATE \`product\` SET \`storage_dark\` = 1 WHERE \`storage_condition\` LIKE '%避光%'`);
    await q.query(`UPDATE \`product\` SET \`storage_humidity_max\` = 60 WHERE \`storage_condition\` LIKE '%干燥%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE \`company_settings\` DROP COLUMN \`storage_rule\``);
    await q.query(`ALTER TABLE \`product\` DROP COLUMN \`storage_food_grade\``);
    await q.query(`ALTER TABLE \`product\` DROP COLUMN \`hazard_class\``);
    await q.query(`ALTER TABLE \`product\` DROP COLUMN \`storage_dark\``);
    await q.query(`ALTER TABLE \`product\` DROP COLUMN \`storage_humidity_max\``);
    await q.query(`ALTER TABLE \`product\` DROP COLUMN \`storage_humidity_min\``);
    await q.query(`ALTER TABLE \`product\` DROP COLUMN \`storage_temp_max\``);
    await q.query(`ALTER TABLE \`product\` DROP COLUMN \`storage_temp_min\``);
    await q.query(`ALTER TABLE \`zone\` DROP COLUMN \`food_grade\``);
    await q.query(`ALTER TABLE \`zone\` DROP COLUMN \`hazard_class\``);
    await q.query(`ALTER TABLE \`zone\` DROP COLUMN \`dark\``);
    await q.query(`ALTER TABLE \`zone\` DROP COLUMN \`humidity_max\``);
    await q.query(`ALTER TABLE \`zone\` DROP COLUMN \`humidity_min\``);
    await q.query(`ALTER TABLE \`zone\` DROP COLUMN \`temp_max\``);
    await q.query(`ALTER TABLE \`zone\` DROP COLUMN \`temp_min\``);
  }
}
