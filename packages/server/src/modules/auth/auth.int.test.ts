import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from './session.entity';
import { codeOf, testApp, type TestApp } from '../../test/harness';
import { now } from '../../core/dates';

const LOGIN = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ token expiresAt user { username } } }';
const ME = '{ me { user { username } permissions roles } }';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in with a session cookie that is HttpOnly and SameSite=Strict, and the token works as a bearer', async () => {
    const r = await t.gql(LOGIN, { u: 'accountant', p: 'demo1234' });
    expect(r.errors).toBeUndefined();
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jxc_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const viaCookie = await t.gql(ME, {}, undefined, { cookie: cookie.split(';')[0] });
    expect(viaCookie.data.me.user.username).toBe('accountant');
    const viaBearer = await t.gql(ME, {}, r.data.login.token);
    expect(viaBearer.data.me.roles).toEqual(['accountant']);
    expect(viaBearer.data.me.permissions).toContain('stock.cost.read');
  });

  it('gives the same error for an unknown user and a wrong password', async () => {
    const a = await t.gql(LOGIN, { u: 'nobody', p: 'demo1234' });
    const b = await t.gql(LOGIN, { u: 'manager', p: 'wrong-password' });
    expect(codeOf(a)).toBe('INVALID_CREDENTIALS');
    expect(codeOf(b)).toBe('INVALID_CREDENTIALS');
    expect(a.errors![0].message).toBe(b.errors![0].message);
  });

  it('locks a username for one address after 10 failed sign-ins within 15 minutes, aliased ones included, even for the right password', async () => {
    // five attempts in one request through aliases still count five times
    const aliased = await t.gql(
      `mutation { ${[1, 2, 3, 4, 5].map((i) => `a${i}: login(username:"purchaser", password:"bad${i}") { token }`).join(' ')} }`,
    );
    // a failed non-null mutation stops the rest of the request, so aliases cannot buy extra tries
    expect(aliased.errors!.map((e) => e.extensions?.code)).toEqual(['INVALID_CREDENTIALS']);
    for (let i = 0; i < 9; i++)
      expect(codeOf(await t.gql(LOGIN, { u: 'purchaser', p: `bad-again-${i}` }))).toBe('INVALID_CREDENTIALS');
    const r = await t.gql(LOGIN, { u: 'purchaser', p: 'demo1234' });
    expect(codeOf(r)).toBe('ACCOUNT_LOCKED');
    expect(r.errors![0].extensions!.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(r.data?.login ?? null).toBeNull();
    // another user is not affected, nor the same user from another address
    expect(codeOf(await t.gql(LOGIN, { u: 'warehouse', p: 'demo1234' }))).toBeUndefined();
    const elsewhere = await t.gql(LOGIN, { u: 'purchaser', p: 'demo1234' }, undefined, {
      'x-forwarded-for': '10.9.8.7',
    });
    expect(codeOf(elsewhere)).toBeUndefined();
  });

  it('refuses an expired session with SESSION_EXPIRED and an absent one with UNAUTHENTICATED', async () => {
    const token = await t.login('manager');
    await t.ds
      .createQueryBuilder()
      .update(Session)
      .set({ lastSeenAt: new Date(now().getTime() - 24 * 3600_000) })
      .where('1 = 1')
      .execute();
    const r = await t.gql('{ users { total } }', {}, token);
    expect(codeOf(r)).toBe('SESSION_EXPIRED');
    expect(codeOf(await t.gql('{ users { total } }'))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, token)).data.me).toBeNull();
  });

  it('logs out and the token stops working', async () => {
    const token = await t.login('sales');
    expect((await t.gql(ME, {}, token)).data.me.user.username).toBe('sales');
    const out = await t.gql('mutation { logout }', {}, token);
    expect(out.data.logout).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/jxc_session=;/);
    expect((await t.gql(ME, {}, token)).data.me).toBeNull();
  });

  it('changes the own password: checks the current one and the policy, ends other sessions', async () => {
    const s1 = await t.login('warehouse');
    const s2 = await t.login('warehouse');
    const CH = 'mutation($c:String!,$n:String!){ changePassword(currentPassword:$c, newPassword:$n) }';
    expect(codeOf(await t.gql(CH, { c: 'nope', n: 'new-password-1' }, s1))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await t.gql(CH, { c: 'demo1234', n: 'short' }, s1))).toBe('WEAK_PASSWORD');
    expect((await t.gql(CH, { c: 'demo1234', n: 'new-password-1' }, s1)).data.changePassword).toBe(true);
    expect((await t.gql(ME, {}, s1)).data.me.user.username).toBe('warehouse');
    expect((await t.gql(ME, {}, s2)).data.me).toBeNull();
    expect(codeOf(await t.gql(LOGIN, { u: 'warehouse', p: 'demo1234' }))).toBe('INVALID_CREDENTIALS');
    expect((await t.gql(LOGIN, { u: 'warehouse', p: 'new-password-1' })).data.login.user.username).toBe('warehouse');
  });

  it('a disabled user is out on the next request and cannot sign in', async () => {
    const admin = await t.login('admin');
    const victim = await t.login('accountant');
    const u = (await t.gql('{ users(filter:{search:"accountant"}) { items { id version } } }', {}, admin)).data.users
      .items[0];
    const r = await t.gql(
      'mutation($i:UpdateUserInput!){ updateUser(input:$i){ active version } }',
      { i: { id: u.id, version: u.version, active: false } },
      admin,
    );
    expect(r.data.updateUser).toEqual({ active: false, version: u.version + 1 });
    // disabling ends the user's sessions at once
    expect(codeOf(await t.gql('{ users { total } }', {}, victim))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(LOGIN, { u: 'accountant', p: 'demo1234' }))).toBe('ACCOUNT_DISABLED');
  });
});
