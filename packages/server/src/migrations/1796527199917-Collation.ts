import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every table and column in utf8mb4_unicode_ci, and the database's default with them. A database
 * created as `CHARACTER SET utf8mb4` alone takes the server's default collation (utf8mb4_general_ci
 * on MariaDB, utf8mb4_0900_ai_ci on MySQL 8); tables created by the earlier migrations inherited
 * it, while the connection speaks utf8mb4_unicode_ci, and any query mixing a column with a literal
 * (the session's UNION of roles and warehouses) failed with "Illegal mix of collations".
 * CONVERT TO sets the table's default and every character column explicitly.
 */
export class Collation1796527199917 implements MigrationInterface {
  name = 'Collation1796527199917';

  async up(q: QueryRunner): Promise<void> {
    const [{ db }] = await q.query('SELECT DATABASE() AS db');
    await q.query(`ALTER DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const tables: Array<{ t: string }> = await q.query(
      `SELECT t.TABLE_NAME AS t FROM information_schema.TABLES t
        WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
          AND (t.TABLE_COLLATION <> 'utf8mb4_unicode_ci' OR EXISTS (
            SELECT 1 FROM information_schema.COLUMNS c
             WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
               AND c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> 'utf8mb4_unicode_ci'))
        ORDER BY t.TABLE_NAME`,
    );
    if (!tables.length) return;
    // a column a foreign key points at may only change with the checks off (same charset: no data changes)
    await q.query('SET FOREIGN_KEY_CHECKS = 0');
    try {
      for (const { t } of tables)
        await q.query(`ALTER TABLE \`${t}\` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await q.query('SET FOREIGN_KEY_CHECKS = 1');
    }
  }

  async down(): Promise<void> {
    // the server's default collation is no state to return to: nothing to undo
  }
}
