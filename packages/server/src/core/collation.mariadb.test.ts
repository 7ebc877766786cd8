import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../database';
import { createTestDb, testApp, type TestApp, type TestDb } from '../test/harness';
import { DatabaseUnusableError, mysqlProblems } from './db-check';

// the README's database, before the explicit collation: the server's default (utf8mb4_general_ci on MariaDB)
const plainUtf8mb4 = (name: string) => `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`;
const me = '{ me { user { username } roles warehouseIds } }';

describe('a MariaDB database created with the server default collation', () => {
  const dbs: TestDb[] = [];
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
    for (const db of dbs) await db.drop();
  });

  it('is the server default (utf8mb4_general_ci), and the migrations make every table and column explicit', async () => {
    const db = await createTestDb('mariadb', { createSql: plainUtf8mb4 });
    const conn = await mysql.createConnection(db.url.replace(/^mariadb:/, 'mysql:'));
    const [[before]] = (await conn.query('SELECT @@collation_database AS c')) as any;
    await conn.end();
    expect(before.c).toBe('utf8mb4_general_ci');
    t = await testApp({ db });
    expect(await mysqlProblems(t.ds)).toEqual([]);
    const [{ c }] = await t.ds.query('SELECT @@collation_database AS c');
    expect(c).toBe('utf8mb4_unicode_ci');
    // a signed-in request: the session's roles ∪ warehouses query used to fail here
    const token = await t.login('warehouse');
    const r = await t.gql(me, {}, token);
    expect(r.errors).toBeUndefined();
    expect(r.data.me).toEqual({ user: { username: 'warehouse' }, roles: ['warehouse'], warehouseIds: ['1'] });
  });

  it('an install from before the fix: the start refuses with a clear message until migrated; migrating converts it', async () => {
    const db = await createTestDb('mariadb', { createSql: plainUtf8mb4 });
    dbs.push(db);
    const name = db.url.split('/').pop()!;
    // build the old state: every table in the database default, the collation migration not run
    const ds = await openAppDatabase(db.url);
    await ds.query(`ALTER DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
    const tables: Array<{ t: string }> = await ds.query(
      "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
    );
    await ds.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const { t: table } of tables)
      await ds.query(`ALTER TABLE \`${table}\` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
    await ds.query('SET FOREIGN_KEY_CHECKS = 1');
    await ds.query("DELETE FROM migrations WHERE name = 'Collation1796527199917'");
    // the failure users saw on every signed-in request
    await expect(
      ds.query(
        "SELECT 'r' AS k, r.code AS a FROM role r UNION ALL SELECT 'w' AS k, CAST(w.id AS CHAR) AS a FROM warehouse w",
      ),
    ).rejects.toThrow(/Illegal mix of collations/);
    await ds.destroy();

    const refused = await openAppDatabase(db.url, { migrate: false }).catch((e) => e);
    expect(refused).toBeInstanceOf(DatabaseUnusableError);
    expect(refused.message).toContain(`The database "${name}" cannot be used by jxc`);
    expect(refused.message).toContain('table app_user has the collation utf8mb4_general_ci, not utf8mb4_unicode_ci');
    expect(refused.message).toContain("the database's default is utf8mb4/utf8mb4_general_ci");
    expect(refused.message).toContain(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`);

    const migrated = await openAppDatabase(db.url);
    expect(await mysqlProblems(migrated)).toEqual([]);
    await migrated.destroy();
  });

  it('refuses a server without strict mode, saying so', async () => {
    const db = await createTestDb('mariadb');
    dbs.push(db);
    const ds = await openAppDatabase(db.url);
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.query("SET SESSION sql_mode = ''");
    expect(await mysqlProblems(ds, { runner })).toEqual([
      "sql_mode (empty) lacks STRICT_TRANS_TABLES: out-of-range amounts would be cut silently. Add it to the server's sql_mode.",
    ]);
    await runner.release();
    await ds.destroy();
  });
});
