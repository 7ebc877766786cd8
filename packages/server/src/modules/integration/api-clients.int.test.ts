import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetNow, setNow } from '../../core/dates';
import { TEST_NOW } from '../../test/clock';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

const CREATE = `mutation($i:CreateApiClientInput!){ createApiClient(input:$i){ key client { id name username roleCode warehouseIds customerIds rateLimit keys { prefix expiresAt } } } }`;
const ROTATE = `mutation($id:ID!,$h:Int!){ rotateApiClientKey(id:$id, overlapHours:$h){ key client { keys { prefix expiresAt } } } }`;
const REVOKE = `mutation($id:ID!){ revokeApiClient(id:$id){ revokedAt } }`;
const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number } }`;
const SKUS = `query{ skus(page:{limit:1}){ items { code refPurchasePrice } } }`;
const DOCS = `query{ stockDocuments{ total items { number warehouseId } } }`;

/**
 * API clients: a key shown once (stored as its SHA-256), the role's permissions and field rules
 * plus the client's scope, a request limit with the standard headers, rotation with an overlap,
 * revocation at once, and every call in the audit trail under the client.
 */
describe(`API clients (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let W2: string;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const roleId = async (code: string) => {
    const r = ok(await t.gql('query{ roles { id code } }', {}, admin));
    return r.roles.find((x: { code: string }) => x.code === code).id as string;
  };
  /** an issue of 1 (a client without cost rights cannot receive at a cost) */
  const post = (key: string, warehouseId: string) =>
    t.gql(
      POST,
      { i: { type: 'OTHER_OUT', warehouseId, lines: [{ skuId: String(c.tea.id), qty: '1' }] }, k: crypto.randomUUID() },
      key,
    );

  beforeAll(async () => {
    t = await testApp({ config: { alertsIntervalMs: 0 } });
    admin = await t.login('admin');
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
    W2 = String(c.warehouses[1].id);
    for (const warehouseId of [W1, W2])
      ok(
        await t.gql(
          POST,
          {
            i: { type: 'OTHER_IN', warehouseId, lines: [{ skuId: String(c.tea.id), qty: '10', unitCost: '10.00' }] },
            k: crypto.randomUUID(),
          },
          admin,
        ),
      );
    for (const code of ['C-A', 'C-B'])
      ok(
        await t.gql(
          'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
          { i: { code, name: code } },
          admin,
        ),
      );
  });
  afterAll(async () => {
    resetNow();
    setNow(TEST_NOW);
    await t.close();
  });

  it('a warehouse client: its role, its warehouse, no prices, audited under the client', async () => {
    const made = ok(
      await t.gql(CREATE, { i: { name: '仓储对接', roleId: await roleId('warehouse'), warehouseIds: [W1] } }, admin),
    ).createApiClient;
    const key: string = made.key;
    expect(key).toMatch(/^jxc_[0-9a-f]{8}_[\w-]{43}$/);
    expect(made.client).toMatchObject({
      name: '仓储对接',
      username: `api:${made.client.id}`,
      roleCode: 'warehouse',
      warehouseIds: [W1],
      customerIds: null,
      rateLimit: 600,
      keys: [{ prefix: key.slice(0, 12), expiresAt: null }],
    });
    // only the hash is stored
    const [row] = await t.ds.query('SELECT prefix, hash FROM api_key');
    expect(row.prefix).toBe(key.slice(0, 12));
    expect(row.hash).toBe(crypto.createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(await t.ds.query('SELECT * FROM api_key'))).not.toContain(key.slice(13));

    // field rules of the role: the purchase price is hidden
    const skus = await t.gql(SKUS, {}, key);
    expect(ok(skus).skus.items[0].refPurchasePrice).toBeNull();
    expect(skus.extensions?.hiddenFields).toEqual(['Sku.refPurchasePrice']);
    expect(skus.headers.get('ratelimit-policy')).toBe('600;w=60');
    expect(skus.headers.get('ratelimit')).toMatch(/^limit=600, remaining=599, reset=\d+$/);

    // its warehouse: posts there; the other warehouse does not exist for it, and nothing changes
    const doc = ok(await post(key, W1)).createAndPostStockDocument;
    // another warehouse answers exactly like one that does not exist
    const outside = await post(key, W2);
    const missing = await post(key, '999999');
    expect(codeOf(outside)).toBe('BAD_USER_INPUT');
    expect(outside.errors).toEqual(missing.errors);
    const docs = ok(await t.gql(DOCS, {}, key)).stockDocuments;
    expect(docs.total).toBe(2);
    expect(docs.items.map((d: { warehouseId: string }) => d.warehouseId)).toEqual([W1, W1]);
    expect(docs.items[0].number).toBe(doc.number);
    expect(ok(await t.gql(DOCS, {}, admin)).stockDocuments.total).toBe(3);
    // not an admin: managing clients is refused
    expect(codeOf(await t.gql('query{ apiClients { id } }', {}, key))).toBe('FORBIDDEN');

    // every call is audited under the client's name
    await new Promise((r) => setTimeout(r, 200));
    const audit = ok(
      await t.gql(
        `query($u:String!){ auditLog(filter:{username:$u}, sort:AT_ASC){ total items { action entityType entityId after } } }`,
        { u: `api:${made.client.id}` },
        admin,
      ),
    ).auditLog;
    const calls = audit.items.filter((a: { action: string }) => a.action === 'api.call');
    expect(calls.map((a: { after: string }) => JSON.parse(a.after))).toEqual([
      { operation: 'skus', status: 200 },
      { operation: 'createAndPostStockDocument', status: 200 },
      { operation: 'createAndPostStockDocument', status: 200 },
      { operation: 'createAndPostStockDocument', status: 200 },
      { operation: 'stockDocuments', status: 200 },
      { operation: 'apiClients', status: 200 },
    ]);
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('stockDocument.post');
    // the client is no person: not among the users, and it cannot sign in
    const users = ok(await t.gql('query{ users(page:{limit:200}){ items { username } } }', {}, admin)).users.items;
    expect(users.map((u: { username: string }) => u.username)).not.toContain(`api:${made.client.id}`);
    expect(codeOf(await t.gql('mutation{ login(username:"api:1", password:"!"){ token } }'))).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('a customer scope: the client sees its customers only', async () => {
    const all = ok(await t.gql('query{ customers(page:{limit:200}){ total items { id } } }', {}, admin)).customers;
    expect(all.total).toBeGreaterThan(1);
    const one = all.items[0].id;
    const { key } = ok(
      await t.gql(CREATE, { i: { name: 'ERP', roleId: await roleId('manager'), customerIds: [one] } }, admin),
    ).createApiClient;
    const mine = ok(await t.gql('query{ customers(page:{limit:200}){ total items { id } } }', {}, key)).customers;
    expect(mine).toEqual({ total: 1, items: [{ id: one }] });
    const other = all.items[1].id;
    expect(codeOf(await t.gql(`query{ customer(id:"${other}"){ id } }`, {}, key))).toBe('NOT_FOUND');
  });

  it('the request limit: standard headers, then 429 RATE_LIMITED', async () => {
    const { key } = ok(
      await t.gql(CREATE, { i: { name: 'small', roleId: await roleId('warehouse'), rateLimit: 3 } }, admin),
    ).createApiClient;
    const seen = [];
    for (let i = 0; i < 4; i++) {
      const r = await t.gql('query{ me { roles } }', {}, key);
      seen.push([r.status, r.headers.get('ratelimit')?.replace(/reset=\d+/, 'reset=*'), codeOf(r) ?? null]);
    }
    expect(seen).toEqual([
      [200, 'limit=3, remaining=2, reset=*', null],
      [200, 'limit=3, remaining=1, reset=*', null],
      [200, 'limit=3, remaining=0, reset=*', null],
      [429, 'limit=3, remaining=0, reset=*', 'RATE_LIMITED'],
    ]);
  });

  it('rotation with an overlap, then the old key is refused; revocation at once', async () => {
    const made = ok(
      await t.gql(CREATE, { i: { name: 'rotating', roleId: await roleId('warehouse') } }, admin),
    ).createApiClient;
    const id = made.client.id;
    const old: string = made.key;
    setNow(TEST_NOW);
    const rotated = ok(await t.gql(ROTATE, { id, h: 1 }, admin)).rotateApiClientKey;
    const ends = rotated.client.keys.map((k: { expiresAt: string | null }) => k.expiresAt);
    expect(ends[0]).toBeNull();
    expect(Date.parse(ends[1]) - Date.parse(TEST_NOW)).toBeGreaterThanOrEqual(3600_000);
    expect(Date.parse(ends[1]) - Date.parse(TEST_NOW)).toBeLessThan(3660_000);
    const fresh: string = rotated.key;
    // both work during the overlap
    ok(await t.gql('query{ me { roles } }', {}, old));
    ok(await t.gql('query{ me { roles } }', {}, fresh));
    setNow(new Date(Date.parse(TEST_NOW) + 3661_000));
    const expired = await t.gql('query{ me { roles } }', {}, old);
    expect([expired.status, codeOf(expired)]).toEqual([401, 'API_KEY_EXPIRED']);
    ok(await t.gql('query{ me { roles } }', {}, fresh));
    // an unknown key
    const unknown = await t.gql('query{ me { roles } }', {}, `${fresh.slice(0, 20)}xxxx`);
    expect([unknown.status, codeOf(unknown)]).toEqual([401, 'UNAUTHENTICATED']);
    // revoked: refused at once, and a refused call changes nothing
    ok(await t.gql(REVOKE, { id }, admin));
    const before = (await t.ds.query('SELECT COUNT(*) AS n FROM stock_document'))[0].n;
    const revoked = await post(fresh, W1);
    expect([revoked.status, codeOf(revoked)]).toEqual([401, 'API_KEY_REVOKED']);
    expect((await t.ds.query('SELECT COUNT(*) AS n FROM stock_document'))[0].n).toBe(before);
    expect(codeOf(await t.gql(ROTATE, { id, h: 0 }, admin))).toBe('API_KEY_REVOKED');
  });
});
