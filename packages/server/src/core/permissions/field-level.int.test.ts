import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../test/fixtures';
import { codeOf, testApp, type TestApp } from '../../test/harness';

/** The field rule on every path: lists, nested objects, filters, sorts, aggregates, exports, subscriptions. */
describe('field-level permissions', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp();
    for (const r of ['admin', 'manager', 'accountant', 'purchaser', 'sales', 'warehouse']) tokens[r] = await t.login(r);
  });
  afterAll(async () => {
    await t.close();
  });

  it('says in the schema which permission a hidden field needs, and makes it nullable', () => {
    const user = t.app.schema.getType('User') as any;
    const email = user.getFields().email;
    expect(String(email.type)).toBe('String');
    expect(email.description).toMatch(/system\.user\.contact\.read/);
    expect((t.app.schema.getType('AuditEntry') as any).getFields().address.description).toMatch(
      /system\.audit\.address\.read/,
    );
  });

  it('nulls contact details in lists for positions without the permission, not the rest of the row, and says so once', async () => {
    const q = '{ users(page:{limit:50}) { total items { username displayName email phone } } }';
    for (const role of ['accountant', 'purchaser', 'sales', 'warehouse']) {
      const r = await t.gql(q, {}, tokens[role]);
      expect(r.errors, role).toBeUndefined();
      expect(r.data.users.total).toBe(6);
      for (const u of r.data.users.items) {
        expect(u.username).toBeTruthy();
        expect(u.displayName).toBeTruthy();
        expect(u.email).toBeNull();
        expect(u.phone).toBeNull();
      }
      expect(r.extensions?.hiddenFields).toEqual(['User.email', 'User.phone']);
    }
    for (const role of ['admin', 'manager']) {
      const r = await t.gql(q, {}, tokens[role]);
      expect(r.data.users.items.find((u: any) => u.username === 'sales').email).toBe('qian@demo.jxc');
      expect(r.extensions?.hiddenFields).toBeUndefined();
    }
  });

  it('hides them on nested paths too', async () => {
    const r = await t.gql('{ me { user { email } } user(id: "1") { roles { code } email phone } }', {}, tokens.sales);
    expect(r.data.me.user.email).toBeNull();
    expect(r.data.user.email).toBeNull();
    expect(r.data.user.roles).toEqual([{ code: 'admin' }]);
    expect(r.extensions!.hiddenFields).toEqual(['User.email', 'User.phone']);
    const viaLogin = await t.gql('mutation { login(username:"warehouse", password:"demo1234") { user { email } } }');
    expect(viaLogin.data.login.user.email).toBeNull();
  });

  it('refuses filtering and sorting by a hidden field with FORBIDDEN', async () => {
    const f = await t.gql('{ users(filter:{email:"qian@demo.jxc"}) { total } }', {}, tokens.sales);
    expect(codeOf(f)).toBe('FORBIDDEN');
    expect(f.errors![0].extensions!.details.fields).toEqual(['User.email']);
    expect(codeOf(await t.gql('{ users(sort: EMAIL) { total } }', {}, tokens.purchaser))).toBe('FORBIDDEN');
    const ok = await t.gql(
      '{ users(filter:{email:"qian@demo.jxc"}, sort: EMAIL) { total items { username } } }',
      {},
      tokens.manager,
    );
    expect(ok.data.users).toEqual({ total: 1, items: [{ username: 'sales' }] });
  });

  it('exports only the columns the user may see', async () => {
    const sales = await t.gql('{ exportUsers { columns content } }', {}, tokens.sales);
    expect(sales.data.exportUsers.columns).not.toContain('email');
    expect(sales.data.exportUsers.content).not.toContain('qian@demo.jxc');
    expect(sales.extensions!.hiddenFields).toEqual(['User.email', 'User.phone']);
    const admin = (await t.gql('{ exportUsers { columns content } }', {}, tokens.admin)).data.exportUsers;
    expect(admin.columns).toContain('email');
    expect(admin.content).toContain('qian@demo.jxc');
  });

  it('audit log: admin and manager read it, only admin sees addresses; grouping or filtering by address is refused', async () => {
    for (const role of ['accountant', 'purchaser', 'sales', 'warehouse']) {
      expect(codeOf(await t.gql('{ auditLog { total } }', {}, tokens[role])), role).toBe('FORBIDDEN');
    }
    const m = await t.gql(
      '{ auditLog(page:{limit:5}) { total items { action username address } } }',
      {},
      tokens.manager,
    );
    expect(m.data.auditLog.total).toBeGreaterThan(5);
    expect(m.data.auditLog.items.every((e: any) => e.address === null && e.action)).toBe(true);
    expect(m.extensions!.hiddenFields).toEqual(['AuditEntry.address']);
    const a = await t.gql('{ auditLog(page:{limit:5}) { items { address } } }', {}, tokens.admin);
    expect(a.data.auditLog.items.some((e: any) => /\d/.test(e.address))).toBe(true);
    expect(codeOf(await t.gql('{ auditStats(groupBy: ADDRESS) { key count } }', {}, tokens.manager))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('{ auditLog(filter:{address:"127.0.0.1"}) { total } }', {}, tokens.manager))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await t.gql('{ auditLog(sort: ADDRESS) { total } }', {}, tokens.manager))).toBe('FORBIDDEN');
    const byAction = (await t.gql('{ auditStats(groupBy: ACTION) { key count } }', {}, tokens.manager)).data.auditStats;
    expect(byAction.find((g: any) => g.key === 'auth.login').count).toBeGreaterThan(0);
    // days are the company's (Asia/Shanghai): 17:30 UTC on the 24th is already the 25th there
    await t.ds.getRepository(AuditEntry).insert([
      {
        at: new Date('2026-11-24T17:30:00Z'),
        userId: null,
        username: 'tz-test',
        roles: [],
        action: 'tz.test',
        entityType: '',
        entityId: '',
        before: null,
        after: null,
        address: '',
        requestId: '',
      } as any,
      {
        at: new Date('2026-11-24T15:30:00Z'),
        userId: null,
        username: 'tz-test',
        roles: [],
        action: 'tz.test',
        entityType: '',
        entityId: '',
        before: null,
        after: null,
        address: '',
        requestId: '',
      } as any,
    ]);
    const byDay = (
      await t.gql('{ auditStats(groupBy: DAY, filter: { action: "tz.test" }) { key count } }', {}, tokens.manager)
    ).data.auditStats;
    expect(byDay).toEqual([
      { key: '2026-11-25', count: 1 },
      { key: '2026-11-24', count: 1 },
    ]);
    const exp = await t.gql('{ exportAuditLog(filter:{action:"auth."}) { columns content } }', {}, tokens.manager);
    expect(exp.data.exportAuditLog.columns).not.toContain('address');
    expect(exp.data.exportAuditLog.content).not.toMatch(/10\.0\.0\.\d+/);
  });

  it('the audit trail cannot be changed through the API', () => {
    const mutations = Object.keys((t.app.schema.getMutationType() as any).getFields());
    expect(mutations.filter((m) => /audit/i.test(m))).toEqual([]);
  });

  it('overview figures follow the same rule', async () => {
    const q = '{ overview { activeUsers activeSessions changesByDay { day count } warehouses } }';
    const w = await t.gql(q, {}, tokens.warehouse);
    expect(w.data.overview.activeUsers).toBe(6);
    expect(w.data.overview.activeSessions).toBeNull();
    expect(w.data.overview.changesByDay).toBeNull();
    expect(w.extensions!.hiddenFields).toEqual(['Overview.activeSessions', 'Overview.changesByDay']);
    const a = await t.gql(q, {}, tokens.admin);
    expect(a.data.overview.activeSessions).toBeGreaterThanOrEqual(6);
    expect(a.data.overview.changesByDay).toHaveLength(14);
    expect(a.data.overview.warehouses).toBe(3);
  });

  it('subscriptions are masked the same way', async () => {
    const wsUrl = t.url.replace('http', 'ws') + '/graphql';
    const listen = (token: string) => {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
      });
      const got = new Promise<any>((resolve, reject) => {
        client.subscribe(
          { query: 'subscription { auditLogged { action username address } }' },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      return { client, got };
    };
    const manager = listen(tokens.manager);
    const admin = listen(tokens.admin);
    await new Promise((r) => setTimeout(r, 300));
    const wh = (await t.gql('{ warehouses { items { id version } } }', {}, tokens.admin)).data.warehouses.items[2];
    await t.gql(
      'mutation($i:UpdateWarehouseInput!){ updateWarehouse(input:$i){ id } }',
      { i: { id: wh.id, version: wh.version, name: '第三方仓 B' } },
      tokens.admin,
    );
    const m = await manager.got;
    const a = await admin.got;
    expect(m.data.auditLogged).toMatchObject({ action: 'warehouse.update', username: 'admin', address: null });
    expect(a.data.auditLogged.address).toMatch(/127\.0\.0\.1|::1/);
    await manager.client.dispose();
    await admin.client.dispose();
    // without the permission the subscription itself is refused
    const sales = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens.sales}` },
    });
    const err = await new Promise<any>((resolve) => {
      sales.subscribe(
        { query: 'subscription { auditLogged { action } }' },
        { next: resolve, error: resolve, complete: () => undefined },
      );
    });
    expect(JSON.stringify(err)).toMatch(/FORBIDDEN/);
    await sales.dispose();
  });
});
