import { getNamedType, isInputObjectType, type GraphQLInputField, type GraphQLArgument } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecimalScalar } from './core/decimal';
import { createSchema } from './schema';
import { codeOf, testApp, testDbKind, type TestApp } from './test/harness';
import { seedCatalog } from './test/fixtures';

const CREATE = 'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id lines { qty value } } }';
const POST = 'mutation($id:ID!){ postStockDocument(id:$id){ status } }';
const SETTINGS = 'mutation($i:UpdateSettingsInput!){ updateCompanySettings(input:$i){ defaultCreditLimit } }';

describe(`numbers out of a column's range (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  const docs = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM stock_document'))[0].n);
  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    c = await seedCatalog(t.ds);
  });
  afterAll(() => t.close());

  it('every Decimal input field and argument in the schema names the column it is checked against', async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    const visit = (where: string, f: GraphQLInputField | GraphQLArgument) => {
      if (getNamedType(f.type) === DecimalScalar && !f.extensions?.decimalDigits) missing.push(where);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) visit(`${type.name}.${f.name}`, f);
      if ('getFields' in type && !isInputObjectType(type) && !type.name.startsWith('__'))
        for (const f of Object.values((type as any).getFields() as Record<string, { args?: GraphQLArgument[] }>))
          for (const a of f.args ?? []) visit(`${type.name}.${(f as any).name}(${a.name})`, a);
    }
    expect(missing).toEqual([]);
  });

  it('an 18-digit quantity is BAD_USER_INPUT naming lines[1].qty, and nothing is written', async () => {
    const before = await docs();
    const r = await t.gql(
      CREATE,
      {
        i: {
          type: 'OTHER_IN',
          warehouseId: String(c.warehouses[0].id),
          lines: [
            { skuId: String(c.tea.id), qty: '1', unitCost: '1.00' },
            { skuId: String(c.tea.id), qty: '123456789012345678', unitCost: '1234567890123' },
          ],
        },
      },
      admin,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.details.fields).toEqual([
      { field: 'lines[1].qty', message: 'Too large: at most 12 digits before the decimal point.' },
      { field: 'lines[1].unitCost', message: 'Too large: at most 12 digits before the decimal point.' },
    ]);
    expect(r.errors![0].message).toBe('A number is too large for its field: lines[1].qty, lines[1].unitCost.');
    expect(await docs()).toBe(before);
    // the largest that fits is taken
    const ok = await t.gql(
      CREATE,
      {
        i: {
          type: 'OTHER_IN',
          warehouseId: String(c.warehouses[0].id),
          lines: [{ skuId: String(c.tea.id), qty: '999999999999', unitCost: '0.01' }],
        },
      },
      admin,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.createStockDocument.lines[0].qty).toBe('999999999999');
  });

  it('an amount computed from inputs that fit (quantity × cost) but not its column is BAD_USER_INPUT too', async () => {
    const before = await docs();
    const r = await t.gql(
      CREATE,
      {
        i: {
          type: 'OTHER_IN',
          warehouseId: String(c.warehouses[0].id),
          lines: [{ skuId: String(c.tea.id), qty: '999999999999', unitCost: '999999' }],
        },
      },
      admin,
    );
    // the line fits (its value is computed at posting); the posting refuses, naming the value, and writes nothing
    expect(r.errors).toBeUndefined();
    const ledger = async () => Number((await t.ds.query('SELECT COUNT(*) AS n FROM stock_ledger'))[0].n);
    const rows = await ledger();
    const posted = await t.gql(POST, { id: r.data.createStockDocument.id }, admin);
    expect(codeOf(posted)).toBe('BAD_USER_INPUT');
    expect(posted.errors![0].extensions!.details.fields).toEqual([
      { field: 'value', message: 'Too large: at most 16 digits before the decimal point.' },
    ]);
    expect(posted.errors![0].message).toMatch(/^The value of .+ line \d+ is too large/);
    expect(await ledger()).toBe(rows);
    expect(await docs()).toBe(before + 1);
    await t.gql('mutation($id:ID!){ deleteStockDocument(id:$id) }', { id: r.data.createStockDocument.id }, admin);
  });

  it('money: a 17-digit credit limit is BAD_USER_INPUT naming defaultCreditLimit', async () => {
    const r = await t.gql(SETTINGS, { i: { defaultCreditLimit: '12345678901234567', version: 1 } }, admin);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.details.fields).toEqual([
      { field: 'defaultCreditLimit', message: 'Too large: at most 16 digits before the decimal point.' },
    ]);
  });
});
