import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanySettings, LoginAttempt } from '../test/fixtures';
import { codeOf, testApp, type TestApp } from '../test/harness';
import { neutraliseFormula } from './export';
import { analyseDocument, LIMITS } from './limits';

/**
 * The security run of issue 11, as a client would try it: over HTTP and WebSocket against a real
 * server, each attempt must be refused with its documented code, and refusing must not cost work
 * that grows with the attack.
 */

// n levels of fragments, each spreading the previous one twice: ~1 KB, 2^n fields once expanded
const bomb = (n: number) => {
  const frags = ['fragment F0 on User { id username }'];
  for (let i = 1; i <= n; i++) frags.push(`fragment F${i} on User { ...F${i - 1} roles { id } ...F${i - 1} }`);
  return `{ users { items { ...F${n} } } } ${frags.join(' ')}`;
};

const post = (t: TestApp, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('security: one request cannot stop the server', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a fragment bomb, signed in or not, with work linear in its size', async () => {
    for (const n of [20, 30, 60]) {
      const q = bomb(n);
      expect(q.length).toBeLessThan(LIMITS.characters);
      const started = performance.now();
      const r = await t.gql(q);
      const anon = performance.now() - started;
      expect(r.data).toBeUndefined();
      expect(r.errors!.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(codeOf(await t.gql(q, {}, admin))).toBe('QUERY_TOO_COMPLEX');
      // the work counted: four selections per level, whatever 2^n the expansion would hold
      expect(analyseDocument(parse(q)).get(undefined)!.visits).toBe(4 * n + 5);
      // a generous bound against a return of the exponential walk (30 levels held a core for minutes)
      expect(anon).toBeLessThan(5_000);
    }
  });

  it('refuses a query above 15,000 characters before parsing it, and above 2,000 tokens', async () => {
    const long = `{ me { roles } } # ${'x'.repeat(LIMITS.characters)}`;
    const r = await t.gql(long);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('QUERY_TOO_LARGE');
    const tokens = `{ ${Array.from({ length: 1100 }, () => 'me { roles }').join(' ')} }`;
    expect(tokens.length).toBeLessThan(LIMITS.characters);
    const rt = await t.gql(tokens, {}, admin);
    expect(codeOf(rt)).toBe('QUERY_TOO_LARGE');
    expect(rt.errors![0].message).toMatch(/2000 tokens/);
  });

  it('refuses more than 10 directives and a cost above 5,000', async () => {
    const dirs = Array.from({ length: 11 }, () => 'roles @include(if: true)').join(' ');
    const rd = await t.gql(`{ me { ${dirs} } }`, {}, admin);
    expect(rd.errors!.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(rd.errors![0].message).toMatch(/11 directives; the limit is 10/);
    // 200 rows × 26 fields
    const fields = Array.from({ length: 26 }, () => 'id').join(' ');
    const r = await t.gql(`{ users(page: { limit: 200 }) { items { ${fields} } } }`, {}, admin);
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors![0].message).toMatch(/limit is 5000/);
  });

  it('stops a response above the node limit (rows of nested lists count) with no partial data', async () => {
    const limits = t.config.limits;
    const saved = limits.responseNodes;
    try {
      const q = '{ users { items { id roles { id } warehouses { id } } } }';
      expect((await t.gql(q, {}, admin)).errors).toBeUndefined();
      limits.responseNodes = 8; // the demo users and their roles are more than 8 objects
      const r = await t.gql(q, {}, admin);
      expect(codeOf(r)).toBe('RESPONSE_TOO_LARGE');
      expect(r.errors).toHaveLength(1);
      expect(r.data).toBeUndefined();
    } finally {
      limits.responseNodes = saved;
    }
    expect(LIMITS.responseNodes).toBe(10_000);
  });

  it('cancels an operation past the execution limit with EXECUTION_TIMEOUT, and a mutation saves nothing', async () => {
    const limits = t.config.limits;
    const saved = limits.executionMs;
    const before = await t.ds.getRepository(CompanySettings).findOneByOrFail({ id: 1 });
    try {
      limits.executionMs = 1e-6; // every operation is past it by its first resolver
      const q = await t.gql('{ users { items { id } } }', {}, admin);
      expect(codeOf(q)).toBe('EXECUTION_TIMEOUT');
      expect(q.data).toBeUndefined();
      const m = await t.gql(
        'mutation($i:UpdateSettingsInput!){ updateCompanySettings(input:$i){ version } }',
        { i: { version: before.version, defaultCreditLimit: '777.00' } },
        admin,
      );
      expect(codeOf(m)).toBe('EXECUTION_TIMEOUT');
    } finally {
      limits.executionMs = saved;
    }
    expect(await t.ds.getRepository(CompanySettings).findOneByOrFail({ id: 1 })).toEqual(before);
    expect(LIMITS.executionMs).toBe(10_000);
  });

  it('answers bodies it cannot read with 4xx and a code, never 5xx', async () => {
    const q = JSON.stringify({ query: '{ me { roles } }' });
    const cases: Array<[string, Promise<Response>, number, string]> = [
      ['latin1', post(t, q, { 'content-type': 'application/json; charset=latin1' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [
        'corrupt gzip',
        post(t, Buffer.concat([gzipSync(q).subarray(0, 12), Buffer.from('garbage')]), { 'content-encoding': 'gzip' }),
        400,
        'BAD_REQUEST',
      ],
      ['gzip of not json', post(t, gzipSync('{"query":'), { 'content-encoding': 'gzip' }), 400, 'BAD_REQUEST'],
      ['unknown encoding', post(t, q, { 'content-encoding': 'br2' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['invalid JSON', post(t, '{"query": '), 400, 'BAD_REQUEST'],
      ['no query', post(t, '{}'), 400, 'BAD_REQUEST'],
      ['query not a string', post(t, '{"query": 5}'), 400, 'BAD_REQUEST'],
      ['null body', post(t, 'null'), 400, 'BAD_REQUEST'],
      ['variables not an object', post(t, '{"query":"{ me { roles } }","variables":"x"}'), 400, 'BAD_REQUEST'],
    ];
    for (const [name, pending, status, code] of cases) {
      const res = await pending;
      const body = (await res.json()) as any;
      expect([name, res.status]).toEqual([name, status]);
      expect([name, body.errors?.[0]?.extensions?.code]).toEqual([name, code]);
    }
  });

  it('refuses a cookie-carrying request from a foreign Origin; allows its own and configured origins', async () => {
    const cookie = `jxc_session=${admin}`;
    const me = JSON.stringify({ query: '{ me { user { username } } }' });
    const foreign = await post(t, me, { cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as any).errors[0].extensions.code).toBe('ORIGIN_NOT_ALLOWED');
    const own = await post(t, me, { cookie, origin: t.url });
    expect(((await own.json()) as any).data.me.user.username).toBe('admin');
    const none = await post(t, me, { cookie });
    expect(((await none.json()) as any).data.me.user.username).toBe('admin');
    t.config.corsOrigins.push('https://console.example');
    try {
      const configured = await post(t, me, { cookie, origin: 'https://console.example' });
      expect(configured.headers.get('access-control-allow-origin')).toBe('https://console.example');
      expect(((await configured.json()) as any).data.me.user.username).toBe('admin');
    } finally {
      t.config.corsOrigins.pop();
    }
  });
});

describe('security: WebSocket obeys the HTTP rules', () => {
  let t: TestApp;
  let admin: string;
  let wsUrl: string;
  const clients: Client[] = [];
  const client = (token?: string, extra: Record<string, unknown> = {}) => {
    const c = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
      lazy: false,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      ...extra,
    });
    clients.push(c);
    return c;
  };
  /** The first answer to one operation: its data, or its errors' codes. */
  const first = (c: Client, query: string) =>
    new Promise<{ data?: any; codes?: string[]; messages?: string[]; closed?: number }>((resolve) => {
      c.subscribe(
        { query },
        {
          next: (r) =>
            resolve(
              r.errors
                ? { codes: r.errors.map((e) => String(e.extensions?.code)), messages: r.errors.map((e) => e.message) }
                : { data: r.data },
            ),
          error: (e: any) =>
            resolve(
              Array.isArray(e)
                ? { codes: e.map((x) => String(x.extensions?.code)), messages: e.map((x) => x.message) }
                : { closed: e?.code },
            ),
          complete: () => undefined,
        },
      );
    });

  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    wsUrl = t.url.replace('http', 'ws') + '/graphql';
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t.close();
  });

  it('refuses an anonymous connection and a foreign Origin', async () => {
    expect((await first(client(), 'subscription { auditLogged { action } }')).closed).toBe(4403);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(wsUrl, 'graphql-transport-ws', { headers: { origin: 'https://evil.example' } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(403);
  });

  it('accepts only subscriptions: queries, mutations and introspection are refused with codes', async () => {
    const c = client(admin);
    expect((await first(c, '{ me { roles } }')).codes).toEqual(['OPERATION_NOT_ALLOWED']);
    expect((await first(c, 'mutation { logout }')).codes).toEqual(['OPERATION_NOT_ALLOWED']);
    const intro = await first(c, 'subscription { __schema { types { name } } }');
    expect(new Set(intro.codes)).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(intro.messages!.join(' ')).toMatch(/introspection/);
    const typo = await first(c, 'subscription { auditLoged { action } }');
    expect(new Set(typo.codes)).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(typo.messages!.join(' ')).not.toMatch(/Did you mean/);
  });

  it('applies the same limits as HTTP', async () => {
    const c = client(admin);
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: action`).join(' ');
    expect((await first(c, `subscription { auditLogged { ${aliases} } }`)).codes).toEqual(['TOO_MANY_ALIASES']);
    const dirs = Array.from({ length: 11 }, () => 'action @include(if: true)').join(' ');
    expect((await first(c, `subscription { auditLogged { ${dirs} } }`)).codes).toEqual(['QUERY_TOO_COMPLEX']);
    const tokens = `subscription { auditLogged { ${Array.from({ length: 2100 }, () => 'action').join(' ')} } }`;
    expect((await first(c, tokens)).codes).toEqual(['QUERY_TOO_LARGE']);
    expect((await first(c, `subscription { auditLogged { action } } # ${'x'.repeat(15_001)}`)).codes).toEqual([
      'QUERY_TOO_LARGE',
    ]);
    // refused by its size before the schema validation looks at it (which would also find the unknown field)
    expect((await first(c, bomb(30).replace(/^\{ users \{ items/, 'subscription { auditLogged { a'))).codes).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
  });

  it('masks errors with codes like HTTP (a role without the permission gets FORBIDDEN)', async () => {
    const sales = await t.login('sales');
    const r = await first(client(sales), 'subscription { auditLogged { action } }');
    expect(r.codes).toEqual(['FORBIDDEN']);
  });

  it('closes the sockets of a session that ends, a user disabled or whose roles change', async () => {
    const closed = (c: Client) =>
      new Promise<number>((resolve) => {
        c.on('closed', (e: any) => resolve(e?.code));
      });
    // sign-out
    const token = await t.login('admin');
    const c1 = client(token);
    const gone1 = closed(c1);
    void first(c1, 'subscription { auditLogged { action } }');
    await new Promise<void>((r) => c1.on('connected', () => r()));
    await t.gql('mutation { logout }', {}, token);
    expect(await gone1).toBe(4403);
    // a disabled user, a changed role
    const mgr = await t.login('manager');
    const c2 = client(mgr);
    const gone2 = closed(c2);
    void first(c2, 'subscription { auditLogged { action } }');
    await new Promise<void>((r) => c2.on('connected', () => r()));
    const users = await t.gql(
      '{ users(page:{limit:50}) { items { id username version roles { id code } } } }',
      {},
      admin,
    );
    const m = users.data.users.items.find((u: any) => u.username === 'manager');
    const admins = users.data.users.items.find((u: any) => u.username === 'admin');
    const upd = await t.gql(
      'mutation($i:UpdateUserInput!){ updateUser(input:$i){ version } }',
      { i: { id: m.id, version: m.version, roleIds: admins.roles.map((r: any) => r.id) } },
      admin,
    );
    expect(upd.errors).toBeUndefined();
    expect(await gone2).toBe(4403);
  });
});

describe('security: accounts', () => {
  let t: TestApp;
  const LOGIN = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ token } }';
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('checks at most 10 passwords of 30 parallel wrong attempts, and locks the pair, not the account', async () => {
    const from = { 'x-forwarded-for': '10.1.1.1' };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.gql(LOGIN, { u: 'accountant', p: `wrong-${i}` }, undefined, from)),
    );
    const codes = results.map(codeOf);
    const checked = codes.filter((c) => c === 'INVALID_CREDENTIALS').length;
    expect(checked).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(20);
    expect(codes.every((c) => c === 'INVALID_CREDENTIALS' || c === 'ACCOUNT_LOCKED')).toBe(true);
    // attempts refused while others were still being checked count nothing: the rest of the 10 come one by one
    for (let i = checked; i < 10; i++)
      expect(codeOf(await t.gql(LOGIN, { u: 'accountant', p: `more-${i}` }, undefined, from))).toBe(
        'INVALID_CREDENTIALS',
      );
    const locked = await t.gql(LOGIN, { u: 'accountant', p: 'demo1234' }, undefined, from);
    expect(codeOf(locked)).toBe('ACCOUNT_LOCKED');
    expect(locked.errors![0].extensions!.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // the owner, from their own address, still signs in
    const owner = await t.gql(LOGIN, { u: 'accountant', p: 'demo1234' }, undefined, { 'x-forwarded-for': '10.2.2.2' });
    expect(owner.data.login.token).toBeTruthy();
  });

  it('stops an address after 100 failures over any usernames with TOO_MANY_ATTEMPTS and the time to wait', async () => {
    // 99 earlier failures of this address, spread over usernames (inserting them saves 99 slow hashes)
    const at = new Date(Date.parse('2026-11-25T01:55:00Z'));
    await t.ds
      .getRepository(LoginAttempt)
      .insert(Array.from({ length: 99 }, (_, i) => ({ username: `guess${i}`, ip: '10.3.3.3', success: false, at })));
    const from = { 'x-forwarded-for': '10.3.3.3' };
    expect(codeOf(await t.gql(LOGIN, { u: 'guess-last', p: 'x' }, undefined, from))).toBe('INVALID_CREDENTIALS');
    const r = await t.gql(LOGIN, { u: 'warehouse', p: 'demo1234' }, undefined, from);
    expect(codeOf(r)).toBe('TOO_MANY_ATTEMPTS');
    expect(r.errors![0].extensions!.details.retryAfterSeconds).toBeGreaterThan(0);
    // another address is not affected
    expect(
      codeOf(await t.gql(LOGIN, { u: 'warehouse', p: 'demo1234' }, undefined, { 'x-forwarded-for': '10.4.4.4' })),
    ).toBeUndefined();
  });

  it('allows nothing but changing a generated or reset password, over HTTP and WebSocket', async () => {
    const admin = await t.login('admin');
    const users = await t.gql('{ users(page:{limit:50}) { items { id username version } } }', {}, admin);
    const m = users.data.users.items.find((u: any) => u.username === 'manager');
    const reset = await t.gql(
      'mutation($id:ID!,$v:Int!,$p:String!){ resetUserPassword(id:$id, version:$v, password:$p){ mustChangePassword } }',
      { id: m.id, v: m.version, p: 'Temp-pass-2026' },
      admin,
    );
    expect(reset.data.resetUserPassword.mustChangePassword).toBe(true);
    const token = await t.login('manager', 'Temp-pass-2026');
    expect(codeOf(await t.gql('{ users { total } }', {}, token))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(codeOf(await t.gql('mutation { recomputeCustomerTiers { changed } }', {}, token))).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect(codeOf(await t.gql('{ ...F } fragment F on Query { users { total } }', {}, token))).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    const ws = createClient({
      url: t.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const wsCodes = await new Promise<string[]>((resolve) => {
      ws.subscribe(
        { query: 'subscription { auditLogged { action } }' },
        {
          next: (r) => resolve((r.errors ?? []).map((e) => String(e.extensions?.code))),
          error: (e: any) => resolve(Array.isArray(e) ? e.map((x) => String(x.extensions?.code)) : [String(e?.code)]),
          complete: () => undefined,
        },
      );
    });
    await ws.dispose();
    expect(wsCodes).toEqual(['PASSWORD_CHANGE_REQUIRED']);
    const me = await t.gql('{ me { user { username mustChangePassword } } }', {}, token);
    expect(me.data.me.user).toEqual({ username: 'manager', mustChangePassword: true });
    const changed = await t.gql(
      'mutation { changePassword(currentPassword: "Temp-pass-2026", newPassword: "Manager-own-2026") }',
      {},
      token,
    );
    expect(changed.data.changePassword).toBe(true);
    expect((await t.gql('{ users { total } }', {}, token)).errors).toBeUndefined();
  });
});

describe('security: no inference leaks', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('neutralises formula injection in CSV and xlsx exports; negative numbers stay numbers', async () => {
    const evil = ["-2+3+cmd|' /C calc'!A0", '=HYPERLINK("http://x")', '+1+1', '@SUM(A1)'];
    for (const [i, name] of evil.entries()) {
      const r = await t.gql(
        'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
        {
          i: { code: `EVIL-${i}`, name },
        },
        admin,
      );
      expect(r.errors, name).toBeUndefined();
    }
    const csv = await t.gql('{ exportCustomers(filter: { search: "EVIL" }) { content } }', {}, admin);
    const lines: string[] = csv.data.exportCustomers.content.split('\r\n');
    for (const [i, name] of evil.entries()) {
      const line = lines.find((l) => l.startsWith(`EVIL-${i},`))!;
      expect(line, name).toBeDefined();
      // every cell that starts with a formula character is quoted away: no cell starts with one unprefixed
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      for (const c of cells) expect(/^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c), `${name}: ${c}`).toBe(false);
      expect(line).toContain(`'${name.slice(0, 4)}`);
    }
    const xlsx = await t.gql('{ exportCustomers(filter: { search: "EVIL" }, xlsx: true) { content } }', {}, admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data.exportCustomers.content, 'base64') as any);
    const values: unknown[] = [];
    wb.worksheets[0].eachRow((row, n) => {
      if (n > 1) row.eachCell((c) => values.push(c.value));
    });
    for (const v of values) {
      if (typeof v === 'string') expect(/^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v), v).toBe(false);
      expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
    }
    expect(values).toContain("'-2+3+cmd|' /C calc'!A0");
    // numbers, negative ones and decimal strings included, are left alone
    expect(['-12.50', '-3', '0.5', '=1', '-1+1', '-', "'x", '\tx', '\rx'].map(neutraliseFormula)).toEqual([
      '-12.50',
      '-3',
      '0.5',
      "'=1",
      "'-1+1",
      "'-",
      "'x",
      "'\tx",
      "'\rx",
    ]);
  });
});
