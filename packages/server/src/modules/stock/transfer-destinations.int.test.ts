import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

const DEST = '{ transferDestinations { id code name } }';

describe(`transfer destinations (${testDbKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('a keeper may send goods to a warehouse outside their scope: they see its name, not the warehouse', async () => {
    const [admin, keeper, sales] = [await t.login('admin'), await t.login('warehouse'), await t.login('sales')];
    const all = (await t.gql('{ warehouses { items { id code name active } } }', {}, admin)).data.warehouses.items as {
      id: string;
      code: string;
      name: string;
      active: boolean;
    }[];
    const mine = (await t.gql('{ warehouses { items { code } } }', {}, keeper)).data.warehouses.items;
    expect(mine.map((w: { code: string }) => w.code)).toEqual(['SH01']);

    const dest = (await t.gql(DEST, {}, keeper)).data.transferDestinations;
    expect(dest).toEqual(all.filter((w) => w.active).map(({ id, code, name }) => ({ id, code, name })));
    const gz = dest.find((w: { code: string }) => w.code === 'GZ01');
    expect(gz).toBeDefined();
    // the warehouse itself stays out of reach
    expect(codeOf(await t.gql('query($id:ID!){ warehouse(id:$id){ code } }', { id: gz.id }, keeper))).toBe('NOT_FOUND');
    // those who cannot write stock documents do not get the list
    expect(codeOf(await t.gql(DEST, {}, sales))).toBe('FORBIDDEN');
  });
});
