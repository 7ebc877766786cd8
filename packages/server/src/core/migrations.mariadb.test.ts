import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../database';
import { createTestDb, type TestDb } from '../test/harness';

describe('MySQL/MariaDB migrations', () => {
  let db: TestDb;
  afterAll(async () => {
    await db?.drop();
  });

  it('apply to an empty database and leave nothing to generate', async () => {
    db = await createTestDb('mariadb');
    const ds = await openAppDatabase(db.url);
    const tables = (await ds.query('SHOW TABLES')).map((r: Record<string, string>) => Object.values(r)[0]);
    expect(tables).toEqual(
      expect.arrayContaining([
        'app_user',
        'role',
        'session',
        'audit_entry',
        'warehouse',
        'company_settings',
        'migrations',
      ]),
    );
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    const cols = await ds.query(
      "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'company_settings' AND COLUMN_NAME = 'default_credit_limit'",
    );
    expect(cols[0].COLUMN_TYPE).toBe('decimal(18,2)');
    // re-running is a no-op
    expect(await ds.runMigrations()).toEqual([]);
    await ds.destroy();
  });
});
