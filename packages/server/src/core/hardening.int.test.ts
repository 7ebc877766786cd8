import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanySettings } from '../test/fixtures';
import { codeOf, testApp, type TestApp } from '../test/harness';

describe('API hardening and error codes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('caps the page size at 200 even when asked for 10,000 (also through variables)', async () => {
    const r = await t.gql(
      'query($p:PageInput){ auditLog(page:$p) { limit total items { id } } }',
      { p: { limit: 10000 } },
      admin,
    );
    expect(r.data.auditLog.limit).toBe(200);
    expect(r.data.auditLog.total).toBeGreaterThan(0);
    expect(r.data.auditLog.items.length).toBeLessThanOrEqual(200);
  });

  it('refuses a query that is too deep', async () => {
    const r = await t.gql(
      '{ me { user { roles { id } warehouses { id } } } a: users { items { roles { id } } } }',
      {},
      admin,
    );
    expect(r.errors).toBeUndefined();
    const deep = await t.gql(
      '{ me { user { roles { id } } } users { items { roles { permissions } } } x: __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }',
      {},
      admin,
    );
    expect(deep.errors!.map((e) => e.extensions?.code)).toContain('QUERY_TOO_DEEP');
    expect(deep.data).toBeUndefined();
  });

  it('refuses too many aliases and too costly queries', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { roles }`).join(' ');
    expect(codeOf(await t.gql(`{ ${aliases} }`, {}, admin))).toBe('TOO_MANY_ALIASES');
    const fields = 'id at username roles address requestId action entityType entityId before after';
    const costly = `{ ${['a', 'b', 'c', 'd', 'e'].map((a) => `${a}: auditLog(page:{limit:200}) { items { ${fields} } }`).join(' ')} }`;
    expect(codeOf(await t.gql(costly, {}, admin))).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses batched requests, oversized bodies, and mutations without a JSON POST (CSRF)', async () => {
    const batch = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { roles } }' }, { query: '{ me { roles } }' }]),
    });
    expect(batch.status).toBe(400);
    expect(JSON.stringify(await batch.json())).toMatch(/BATCHING_DISABLED/);
    const big = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { roles } }', variables: { pad: 'x'.repeat(9_000_000) } }),
    });
    expect(big.status).toBe(413);
    expect(JSON.stringify(await big.json())).toMatch(/PAYLOAD_TOO_LARGE/);
    const simple = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(simple.status).toBe(400);
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(get.status).toBe(405);
  });

  it('has introspection off by default and masks internal errors', async () => {
    const r = await t.gql('{ __schema { queryType { name } } }', {}, admin);
    expect(r.errors?.[0].message).toMatch(/introspection/i);
    const bad = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    const text = await bad.text();
    expect(text).not.toMatch(/node_modules|at .*\.ts|SELECT /);
  });

  it('marks every GraphQL answer Cache-Control: no-store (answers and errors alike)', async () => {
    for (const [query, token] of [
      ['{ me { username } }', admin],
      ['{ me { username } }', undefined],
      ['{ nosuchfield }', admin],
    ] as const) {
      const r = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      expect(r.headers.get('cache-control'), query).toBe('no-store');
      await r.text();
    }
  });

  it('refuses a malformed or numeric Decimal with INVALID_DECIMAL and changes nothing', async () => {
    const before = await t.ds.getRepository(CompanySettings).findOneByOrFail({ id: 1 });
    const M = 'mutation($i:UpdateSettingsInput!){ updateCompanySettings(input:$i){ defaultCreditLimit version } }';
    for (const v of ['12,5', '1e5', 'abc', 12.5]) {
      const r = await t.gql(M, { i: { version: before.version, defaultCreditLimit: v } }, admin);
      expect(codeOf(r), String(v)).toBe('INVALID_DECIMAL');
    }
    const lit = await t.gql(
      `mutation { updateCompanySettings(input:{version:${before.version}, defaultTaxRate: 0.13}) { version } }`,
      {},
      admin,
    );
    expect(codeOf(lit)).toBe('INVALID_DECIMAL');
    const after = await t.ds.getRepository(CompanySettings).findOneByOrFail({ id: 1 });
    expect(after).toEqual(before);
  });

  it('keeps decimals exact and checks versions on settings', async () => {
    const read = await t.gql(
      '{ companySettings { version defaultCreditLimit defaultTaxRate closedThrough numberPatterns } }',
      {},
      admin,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.companySettings).toMatchObject({ closedThrough: null, numberPatterns: null });
    const s = read.data.companySettings;
    const M =
      'mutation($i:UpdateSettingsInput!){ updateCompanySettings(input:$i){ defaultCreditLimit defaultTaxRate version } }';
    const r = await t.gql(
      M,
      { i: { version: s.version, defaultCreditLimit: '1234567890123456.78', defaultTaxRate: '0.09' } },
      admin,
    );
    expect(r.data.updateCompanySettings).toEqual({
      defaultCreditLimit: '1234567890123456.78',
      defaultTaxRate: '0.090000',
      version: s.version + 1,
    });
    const raw = await t.ds.getRepository(CompanySettings).findOneByOrFail({ id: 1 });
    expect(raw.defaultCreditLimit).toBe('1234567890123456.78');
    const stale = await t.gql(M, { i: { version: s.version, defaultCreditLimit: '1.00' } }, admin);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await t.ds.getRepository(CompanySettings).findOneByOrFail({ id: 1 })).defaultCreditLimit).toBe(
      '1234567890123456.78',
    );
    expect(codeOf(await t.gql(M, { i: { version: s.version + 1, defaultTaxRate: '1.5' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('records a mutation in the audit trail even when its service wrote nothing itself', async () => {
    const r = await t.gql('mutation { logout }');
    expect(r.data.logout).toBe(true);
    const log = await t.gql('{ auditLog(filter:{action:"api.logout"}) { total items { after } } }', {}, admin);
    expect(log.data.auditLog.total).toBeGreaterThanOrEqual(1);
  });
});
