import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/harness';
import { repoRoot } from './config';
import { ErrorCode } from './errors';

/**
 * A few thousand malformed requests, the same ones on every run (a seeded generator): none may get a
 * 5xx, none may show a stack frame, SQL or a file path, and every error must carry a code the README
 * documents.
 */
const COUNT = Number(process.env.JXC_FUZZ_COUNT || 2000);

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS: Array<[string, Record<string, unknown>]> = [
  ['{ me { user { id username roles { code } } } }', {}],
  ['query($p: PageInput) { users(page: $p) { total items { id username active } } }', { p: { limit: 5, offset: 0 } }],
  ['query($p: PageInput) { skus(page: $p) { total items { id code } } }', { p: { limit: 3 } }],
  ['query($p: PageInput) { stockLevels(page: $p) { items { qty } } }', { p: { limit: 3 } }],
  // (sign-in is left out: each one hashes a password on purpose slowly; auth.int.test.ts covers it)
  ['query($id: ID!) { customer(id: $id) { id name contacts { name } } }', { id: '1' }],
  [
    'mutation($i: CreateStockDocumentInput!) { createStockDocument(input: $i) { id number } }',
    { i: { type: 'OTHER_IN', warehouseId: '1', lines: [{ skuId: '1', qty: '1', unitCost: '2.50' }] } },
  ],
  [
    'mutation($i: CustomerContactInput!) { saveCustomerContact(input: $i) { id name } }',
    { i: { customerId: '1', name: 'A' } },
  ],
  ['mutation($id: ID!) { deleteCustomerContact(id: $id) }', { id: '1' }],
  ['mutation($i: UpdateSettingsInput!) { updateCompanySettings(input: $i) { version } }', { i: { version: 1 } }],
  ['subscription { auditLogged { action } }', {}],
];

const NASTY: unknown[] = [
  '',
  ' ',
  '-1',
  '1e309',
  '99999999999999999999999999999999.99',
  '-0.000000000000000000001',
  "'; DROP TABLE app_user; --",
  '"',
  '\\',
  '\u0000',
  '\ud800',
  '😀'.repeat(50),
  'x'.repeat(5000),
  0,
  -1,
  2 ** 31,
  2 ** 53,
  -(2 ** 63),
  1.5,
  Number.MAX_VALUE,
  true,
  null,
  [],
  {},
  [[[[[]]]]],
  { __proto__: { admin: true } },
  { constructor: { prototype: { x: 1 } } },
  '2026-02-30',
  '../../../etc/passwd',
  '=cmd|" /C calc"!A0',
];

function mutateText(r: () => number, s: string): string {
  const chars = '{}()[]:$!@#"\\.,=|&...\n\t 0123456789abcXYZ_-+*/\u0000\u2028é中';
  let out = s;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (out.length + 1));
    const op = r();
    if (op < 0.33) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(r() * 5));
    else if (op < 0.66) out = out.slice(0, at) + chars[Math.floor(r() * chars.length)] + out.slice(at);
    else out = out.slice(0, at) + out.slice(at).split('').reverse().join('');
  }
  return out;
}

function mutateValue(r: () => number, v: unknown, depth = 0): unknown {
  if (r() < 0.3 || depth > 3) return NASTY[Math.floor(r() * NASTY.length)];
  if (Array.isArray(v)) return v.map((x) => mutateValue(r, x, depth + 1));
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (r() > 0.1) o[r() < 0.05 ? k + 'x' : k] = mutateValue(r, x, depth + 1);
    return o;
  }
  return r() < 0.5 ? v : NASTY[Math.floor(r() * NASTY.length)];
}

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

function generate(r: () => number, token: string): Req {
  const [query, vars] = SEEDS[Math.floor(r() * SEEDS.length)];
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (r() < 0.5) headers.authorization = `Bearer ${token}`;
  const kind = Math.floor(r() * 10);
  let body: string | Buffer = JSON.stringify({ query, variables: vars });
  let method = 'POST';
  let p = '/graphql';
  switch (kind) {
    case 0:
    case 1:
      body = JSON.stringify({ query: mutateText(r, query), variables: vars });
      break;
    case 2:
    case 3:
      body = JSON.stringify({ query, variables: mutateValue(r, vars) });
      break;
    case 4:
      body = mutateText(r, body);
      break;
    case 5: {
      const cts = [
        'application/json; charset=latin1',
        'application/json; charset=utf-16le',
        'application/json; charset=x-unknown',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/graphql',
        '',
        'application/json; charset="utf-8"; x=y',
      ];
      headers['content-type'] = cts[Math.floor(r() * cts.length)];
      break;
    }
    case 6: {
      const z = gzipSync(body);
      headers['content-encoding'] = ['gzip', 'deflate', 'br', 'identity, gzip'][Math.floor(r() * 4)];
      body = r() < 0.5 ? Buffer.concat([z.subarray(0, Math.floor(r() * z.length)), Buffer.from([0xff, 0x00])]) : z;
      break;
    }
    case 7: {
      method = ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'][Math.floor(r() * 5)];
      const qs = new URLSearchParams({ query: r() < 0.5 ? query : mutateText(r, query) });
      if (r() < 0.5) qs.set('variables', mutateText(r, JSON.stringify(vars)));
      p = `/graphql?${qs}`;
      if (method === 'GET') body = undefined as unknown as string;
      if (r() < 0.5) headers['apollo-require-preflight'] = '1';
      break;
    }
    case 8:
      body = JSON.stringify(mutateValue(r, { query, variables: vars, operationName: 'X', extensions: {} }));
      break;
    default: {
      // structural nasties: deep nesting, many aliases, fragments
      const n = 1 + Math.floor(r() * 40);
      const shapes = [
        `{ ${'me { user { roles { code } } } '.repeat(n)} }`,
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { roles }`).join(' ')} }`,
        `{ me ${'{ user '.repeat(n)}${'}'.repeat(n)} }`,
        `query Q${'($v: Int)'.repeat(Math.min(n, 3))} { me { roles } }`,
        `fragment A on Query { ...A } { ...A }`,
        `{ ...${'F'.repeat(n)} }`,
        `{ users(page: { limit: ${-n} offset: ${2 ** 40} }) { total } }`,
      ];
      body = JSON.stringify({ query: shapes[Math.floor(r() * shapes.length)] });
    }
  }
  return { method, path: p, headers, body: method === 'GET' ? undefined : body };
}

const LEAKS = [
  // stack frames and file paths
  /\bat [\w$.<> ]+\(.*:\d+:\d+\)|\.(ts|js|mjs):\d+|node_modules|\/work\/|\/home\/|\/tmp\//,
  // SQL and driver errors (upper case: GraphQL's own words "select" and "field" stay allowed)
  /\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|\bUPDATE `|\bDELETE FROM\b|SQLITE_|\bER_[A-Z_]+|Out of range value|for column|QueryFailedError|TypeORM|\bsqlite\b/,
];

describe('security fuzz: malformed requests', () => {
  let t: TestApp;
  let token: string;
  let documented: Set<string>;
  beforeAll(async () => {
    t = await testApp();
    token = await t.login('admin');
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    documented = new Set([...readme.matchAll(/`([A-Z][A-Z0-9_]+[A-Z0-9])`/g)].map((m) => m[1]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents every error code in the README', () => {
    expect(Object.values(ErrorCode).filter((c) => !documented.has(c))).toEqual([]);
  });

  it(`answers ${COUNT} malformed requests with 4xx or a coded error, never 5xx or internals`, async () => {
    const r = rng(20261125);
    const reqs = Array.from({ length: COUNT }, () => generate(r, token));
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < reqs.length) {
        const i = next++;
        const q = reqs[i];
        const res = await fetch(`${t.url}${q.path}`, { method: q.method, headers: q.headers, body: q.body });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const show = () =>
          `#${i} ${q.method} ${String(q.body ?? q.path).slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
        if (res.status >= 500) problems.push(`5xx: ${show()}`);
        if (LEAKS.some((l) => l.test(text))) problems.push(`leak: ${show()}`);
        if (res.status === 204 || (q.method === 'OPTIONS' && res.status < 300)) continue;
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          problems.push(`not JSON: ${show()}`);
          continue;
        }
        for (const e of json.errors ?? []) {
          const code = e?.extensions?.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (!code || !documented.has(code)) problems.push(`undocumented code ${code}: ${show()}`);
          if (code === 'INTERNAL_SERVER_ERROR') problems.push(`internal error: ${show()}`);
        }
        if (!json.errors && !json.data) problems.push(`neither data nor errors: ${show()}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(problems.slice(0, 20)).toEqual([]);
    // the run did exercise refusals of every kind
    expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThan(2);
    expect(codes.size).toBeGreaterThan(5);
  }, 300_000);
});
