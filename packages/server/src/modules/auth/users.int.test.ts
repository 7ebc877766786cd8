import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from './user.entity';
import { AuditEntry } from '../../test/fixtures';
import { codeOf, testApp, type TestApp } from '../../test/harness';

const CREATE =
  'mutation($i:CreateUserInput!){ createUser(input:$i){ id username mustChangePassword version roles { code } warehouses { code } } }';
const UPDATE = 'mutation($i:UpdateUserInput!){ updateUser(input:$i){ id displayName version roles { code } } }';

describe('user and role management', () => {
  let t: TestApp;
  let admin: string;
  let roleIds: Record<string, string>;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    const roles = (await t.gql('{ roles { id code } }', {}, admin)).data.roles as Array<{ id: string; code: string }>;
    roleIds = Object.fromEntries(roles.map((r) => [r.code, r.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds the six roles of the domain', () => {
    expect(Object.keys(roleIds).sort()).toEqual(['accountant', 'admin', 'manager', 'purchaser', 'sales', 'warehouse']);
  });

  it('creates a user with roles and warehouses, audited with its after-image, and the user signs in', async () => {
    const wh = (await t.gql('{ warehouses { items { id code } } }', {}, admin)).data.warehouses.items;
    const r = await t.gql(
      CREATE,
      {
        i: {
          username: 'Keeper2',
          displayName: '新仓管',
          password: 'first-pass-1',
          roleIds: [roleIds.warehouse],
          warehouseIds: [wh[1].id],
        },
      },
      admin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.createUser).toMatchObject({
      username: 'keeper2',
      mustChangePassword: true,
      version: 1,
      roles: [{ code: 'warehouse' }],
      warehouses: [{ code: wh[1].code }],
    });
    const audit = await t.ds
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: 'user.create', entityId: r.data.createUser.id });
    expect(audit.username).toBe('admin');
    expect(JSON.parse(audit.after!)).toMatchObject({ username: 'keeper2', roles: ['warehouse'] });
    expect(audit.after).not.toMatch(/first-pass|argon/);
    const first = await t.login('keeper2', 'first-pass-1');
    // the password an administrator set must be changed before anything but that
    expect(codeOf(await t.gql('{ warehouses { total } }', {}, first))).toBe('PASSWORD_CHANGE_REQUIRED');
    // the console's first query (who am I, what day is it) still answers
    const meFirst = await t.gql('{ businessClock { today } me { user { mustChangePassword } } }', {}, first);
    expect(meFirst.errors).toBeUndefined();
    expect(meFirst.data.me.user.mustChangePassword).toBe(true);
    await t.gql(
      'mutation { changePassword(currentPassword: "first-pass-1", newPassword: "Keeper-own-2026") }',
      {},
      first,
    );
    const token = await t.login('keeper2', 'Keeper-own-2026');
    const me = await t.gql('{ me { roles warehouseIds } warehouses { total items { code } } }', {}, token);
    expect(me.data.me).toEqual({ roles: ['warehouse'], warehouseIds: [wh[1].id] });
    // warehouse scope: only the assigned warehouse is visible, another answers like a missing one
    expect(me.data.warehouses).toEqual({ total: 1, items: [{ code: wh[1].code }] });
    expect(codeOf(await t.gql('query($id:ID!){ warehouse(id:$id){ code } }', { id: wh[0].id }, token))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses an unknown role and changes nothing', async () => {
    const before = await t.ds.getRepository(User).count();
    const r = await t.gql(
      CREATE,
      { i: { username: 'ghost', displayName: 'G', password: 'ghost-pass-1', roleIds: ['9999'] } },
      admin,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.details.fields[0].field).toBe('roleIds');
    expect(await t.ds.getRepository(User).count()).toBe(before);
  });

  it('validates input field by field', async () => {
    const r = await t.gql(
      CREATE,
      {
        i: {
          username: 'bad name!',
          displayName: '',
          email: 'not-an-email',
          password: 'long-enough-1',
          roleIds: [roleIds.sales],
        },
      },
      admin,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const fields = r.errors![0].extensions!.details.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'email']));
  });

  it('rejects a stale version with CONFLICT and leaves the row as it was', async () => {
    const u = (await t.gql('{ users(filter:{search:"purchaser"}) { items { id version displayName } } }', {}, admin))
      .data.users.items[0];
    const first = await t.gql(UPDATE, { i: { id: u.id, version: u.version, displayName: '采购甲' } }, admin);
    expect(first.data.updateUser).toMatchObject({ displayName: '采购甲', version: u.version + 1 });
    const stale = await t.gql(
      UPDATE,
      { i: { id: u.id, version: u.version, displayName: '采购乙', roleIds: [roleIds.admin] } },
      admin,
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.details.currentVersion).toBe(u.version + 1);
    const now = (
      await t.gql('query($id:ID!){ user(id:$id){ displayName version roles { code } } }', { id: u.id }, admin)
    ).data.user;
    expect(now).toEqual({ displayName: '采购甲', version: u.version + 1, roles: [{ code: 'purchaser' }] });
    const audit = await t.ds.getRepository(AuditEntry).find({ where: { action: 'user.update', entityId: u.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].before!).displayName).not.toBe('采购甲');
    expect(JSON.parse(audit[0].after!).displayName).toBe('采购甲');
  });

  it('resets a password: old sessions end, the user must change it', async () => {
    const old = await t.login('sales');
    const u = (await t.gql('{ users(filter:{search:"sales"}) { items { id version } } }', {}, admin)).data.users
      .items[0];
    const r = await t.gql(
      'mutation($id:ID!,$v:Int!){ resetUserPassword(id:$id, version:$v, password:"reset-pass-9"){ mustChangePassword } }',
      { id: u.id, v: u.version },
      admin,
    );
    expect(r.data.resetUserPassword.mustChangePassword).toBe(true);
    expect((await t.gql('{ me { user { id } } }', {}, old)).data.me).toBeNull();
    await t.login('sales', 'reset-pass-9');
  });

  it('manages roles as data from the catalogue, refusing unknown permissions', async () => {
    const bad = await t.gql(
      'mutation{ createRole(input:{code:"auditor", name:"Auditor", permissions:["system.audit.read","no.such.thing"]}){ id } }',
      {},
      admin,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const ok = await t.gql(
      'mutation{ createRole(input:{code:"auditor", name:"Auditor", permissions:["system.audit.read","system.user.read"]}){ id code permissions builtIn } }',
      {},
      admin,
    );
    expect(ok.data.createRole).toMatchObject({
      code: 'auditor',
      permissions: ['system.audit.read', 'system.user.read'],
      builtIn: false,
    });
    expect(codeOf(await t.gql(`mutation{ deleteRole(id:"${roleIds.admin}") }`, {}, admin))).toBe('BAD_USER_INPUT');
    expect((await t.gql(`mutation{ deleteRole(id:"${ok.data.createRole.id}") }`, {}, admin)).data.deleteRole).toBe(
      true,
    );
  });

  it('a retired permission an older role still lists is dropped when the role is saved, not refused', async () => {
    const r = await t.gql(
      'mutation{ createRole(input:{code:"legacy", name:"Legacy", permissions:["sales.order.approve","sales.order.read"]}){ permissions } }',
      {},
      admin,
    );
    expect(r.data.createRole.permissions).toEqual(['sales.order.read']);
    const catalogue = await t.gql('{ permissionCatalogue { code } }', {}, admin);
    expect(catalogue.data.permissionCatalogue.map((p: any) => p.code)).not.toContain('sales.order.approve');
  });

  it('every position can list role names for filters, but not their permissions', async () => {
    const sales = await t.login('warehouse');
    const r = await t.gql('{ roleOptions { code nameZh } }', {}, sales);
    expect(r.data.roleOptions.map((o: any) => o.code)).toEqual(expect.arrayContaining(['admin', 'sales', 'warehouse']));
    expect(codeOf(await t.gql('{ roles { permissions } }', {}, sales))).toBe('FORBIDDEN');
  });

  it('only admins manage users and roles', async () => {
    for (const who of ['manager', 'accountant', 'purchaser', 'warehouse']) {
      const token = await t.login(who);
      const r = await t.gql(
        CREATE,
        { i: { username: `x${who}`, displayName: 'X', password: 'long-enough-1', roleIds: [roleIds.admin] } },
        token,
      );
      expect(codeOf(r), who).toBe('FORBIDDEN');
      expect(
        codeOf(await t.gql('mutation{ createRole(input:{code:"x", name:"X", permissions:[]}){ id } }', {}, token)),
        who,
      ).toBe('FORBIDDEN');
    }
    expect(await t.ds.getRepository(User).count({ where: { username: 'xmanager' } })).toBe(0);
  });
});
