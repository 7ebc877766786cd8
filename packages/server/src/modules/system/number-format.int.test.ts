import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

const FORMAT = '{ numberFormat { currency unitCostPlaces } }';
const SET = 'mutation($i:UpdateSettingsInput!){ updateCompanySettings(input:$i){ unitCostPlaces version } }';

describe(`number format (${testDbKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('every signed-in user reads how numbers are shown; an admin sets unit-cost places from 2 to 6', async () => {
    const [admin, keeper] = [await t.login('admin'), await t.login('warehouse')];
    expect((await t.gql(FORMAT, {}, keeper)).data.numberFormat).toEqual({ currency: 'CNY', unitCostPlaces: 4 });
    expect(codeOf(await t.gql(FORMAT))).toBe('UNAUTHENTICATED');

    const { version } = (await t.gql('{ companySettings { version } }', {}, admin)).data.companySettings;
    const bad = await t.gql(SET, { i: { version, unitCostPlaces: 7 } }, admin);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('unitCostPlaces');
    expect((await t.gql(FORMAT, {}, keeper)).data.numberFormat.unitCostPlaces).toBe(4);

    const ok = await t.gql(SET, { i: { version, unitCostPlaces: 2 } }, admin);
    expect(ok.data.updateCompanySettings).toEqual({ unitCostPlaces: 2, version: version + 1 });
    expect((await t.gql(FORMAT, {}, keeper)).data.numberFormat.unitCostPlaces).toBe(2);
  });
});
