import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../database';
import { createTestDb, type TestDb } from '../../test/harness';
import { ensureAdmin, seedBase } from '../../seed';
import { verifyPassword } from './password';
import { User } from './user.entity';

describe('first start outside demo mode', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('creates admin with a generated password shown once, who must change it; never twice', async () => {
    const db = await createTestDb();
    dbs.push(db);
    const ds = await openAppDatabase(db.url);
    await seedBase(ds);
    const first = await ensureAdmin(ds);
    expect(first.created).toBe(true);
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const admin = await ds
      .getRepository(User)
      .findOneOrFail({ where: { username: 'admin' }, relations: { roles: true } });
    expect(admin.roles.map((r) => r.code)).toEqual(['admin']);
    expect(admin.mustChangePassword).toBe(true);
    expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(admin.passwordHash, first.password!)).toBe(true);
    expect(await ensureAdmin(ds)).toEqual({ created: false });
    await ds.destroy();
  });

  it('takes the password from the environment when given, and does not print it', async () => {
    const db = await createTestDb();
    dbs.push(db);
    const ds = await openAppDatabase(db.url);
    await seedBase(ds);
    const r = await ensureAdmin(ds, 'from-the-env-1');
    expect(r).toEqual({ created: true, password: undefined });
    const admin = await ds.getRepository(User).findOneByOrFail({ username: 'admin' });
    expect(await verifyPassword(admin.passwordHash, 'from-the-env-1')).toBe(true);
    expect(admin.mustChangePassword).toBe(false);
    await ds.destroy();
  });
});
