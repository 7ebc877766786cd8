import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setNow } from '../../core/dates';
import { TEST_NOW } from '../../test/clock';
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

  it("the business clock is the server's, in the company's zone, for anyone (the console dates forms with it)", async () => {
    const CLOCK = '{ businessClock { now today timeZone } }';
    try {
      setNow('2027-02-28T16:30:00Z'); // 00:30 on 1 March in Shanghai: still February in UTC
      const c = (await t.gql(CLOCK)).data.businessClock;
      expect(c.today).toBe('2027-03-01');
      expect(c.timeZone).toBe('Asia/Shanghai');
      expect(Date.parse(c.now) - Date.parse('2027-02-28T16:30:00Z')).toBeGreaterThanOrEqual(0);
      expect(Date.parse(c.now) - Date.parse('2027-02-28T16:30:00Z')).toBeLessThan(60_000);
    } finally {
      setNow(process.env.JXC_TEST_NOW || TEST_NOW);
    }
  });
});
