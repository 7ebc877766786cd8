import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setNow } from '../../core/dates';
import { TEST_NOW } from '../../test/clock';
import { codeOf, testApp, testDbKind, type GqlResult, type TestApp } from '../../test/harness';

const SETTINGS = `mutation($i:BirthdayOfferSettingsInput!){ saveBirthdayOfferSettings(input:$i){ enabled couponBatchId couponBatchName message version } }`;
const RUN = 'mutation{ runBirthdayOffers { issued already skipped } }';
const OFFERS = `query($y:Int){ birthdayOffers(year:$y, page:{limit:200}){ total items { customerId customerCode customerName year code channel message } } }`;

describe(`birthday offers: a coupon once per customer and year, the message recorded (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = <T = any>(r: GqlResult<T>): T => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as T;
  };
  const mine = async (year: number) =>
    ok(await t.gql(OFFERS, { y: year }, tok.manager)).birthdayOffers.items.filter((o: any) =>
      [id.b1, id.b2, id.b3, id.b4].includes(o.customerId),
    );

  beforeAll(async () => {
    t = await testApp();
    for (const u of ['manager', 'sales']) tok[u] = await t.login(u);
    id.batch = ok(
      await t.gql(
        'mutation($i:CreateCouponBatchInput!){ createCouponBatch(input:$i){ id } }',
        {
          i: {
            code: 'BDAY',
            name: '生日券',
            kind: 'AMOUNT_OFF',
            value: '30',
            validFrom: '2026-01-01T00:00',
            validTo: '2028-01-01T00:00',
            usesPerCode: 1,
            printed: 0,
          },
        },
        tok.manager,
      ),
    ).createCouponBatch.id;
    const customer = async (code: string, extra: string) =>
      ok(
        await t.gql(
          `mutation{ createCustomer(input:{code:"${code}", name:"${code}客", ${extra}}){ id } }`,
          {},
          tok.sales,
        ),
      ).createCustomer.id as string;
    // the test clock is 2026-11-25: three born in November (two forms of the date), one in December
    // preferred channels: BD-1 e-mail (has both), BD-2 a call but has no phone (falls back to its e-mail),
    // BD-3 WeChat (no phone or e-mail: the salesperson's WeChat)
    id.b1 = await customer(
      'BD-1',
      'birthday:"1990-11-03", phone:"13900000011", email:"a@example.com", preferredChannel: EMAIL',
    );
    id.b2 = await customer('BD-2', 'birthday:"11-30", email:"b@example.com", preferredChannel: PHONE');
    id.b3 = await customer('BD-3', 'birthday:"1985-11-25", preferredChannel: WECHAT');
    id.b4 = await customer('BD-4', 'birthday:"1990-12-01", phone:"13900000014"');
  });
  afterAll(async () => {
    setNow(TEST_NOW);
    await t.close();
  });

  it('switched on without a batch is refused; switched off, the job issues nothing', async () => {
    const s = ok(
      await t.gql('{ birthdayOfferSettings { enabled version message } }', {}, tok.manager),
    ).birthdayOfferSettings;
    expect(s.enabled).toBe(false);
    const bad = await t.gql(SETTINGS, { i: { enabled: true, message: s.message, version: s.version } }, tok.manager);
    expect(codeOf(bad)).toBe('BIRTHDAY_NO_BATCH');
    expect(ok(await t.gql(RUN, {}, tok.manager)).runBirthdayOffers).toEqual({
      issued: 0,
      already: 0,
      skipped: 'DISABLED',
    });
    expect(await mine(2026)).toEqual([]);
    expect(codeOf(await t.gql(RUN, {}, tok.sales))).toBe('FORBIDDEN');
  });

  it('on: each customer born this month gets one code and a message for their channel; a second run changes nothing', async () => {
    const s = ok(
      await t.gql(
        SETTINGS,
        { i: { enabled: true, couponBatchId: id.batch, message: '{name}生日快乐，{batch} {code}', version: 1 } },
        tok.manager,
      ),
    ).saveBirthdayOfferSettings;
    expect(s).toMatchObject({ enabled: true, couponBatchId: id.batch, couponBatchName: '生日券', version: 2 });
    // two runs at once (two schedulers that both thought it was their turn), then one more
    const runs = await Promise.all([t.gql(RUN, {}, tok.manager), t.gql(RUN, {}, tok.manager)]);
    const issued = runs.map((r) => ok(r).runBirthdayOffers.issued as number);
    const offers = await mine(2026);
    expect(issued.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    expect(offers.map((o: any) => [o.customerId, o.channel]).sort()).toEqual(
      [
        [id.b1, 'EMAIL'],
        [id.b2, 'EMAIL'],
        [id.b3, 'WECHAT'],
      ].sort(),
    );
    for (const o of offers) {
      expect(o.code).toMatch(/^BDAY-[A-Z0-9]{8}$/);
      expect(o.message).toBe(
        `${o.customerId === id.b1 ? 'BD-1' : o.customerId === id.b2 ? 'BD-2' : 'BD-3'}客生日快乐，生日券 ${o.code}`,
      );
    }
    const again = ok(await t.gql(RUN, {}, tok.manager)).runBirthdayOffers;
    expect(again.issued).toBe(0);
    expect(again.already).toBeGreaterThanOrEqual(3);
    // exactly one code of the batch per customer, issued to them
    const codes = ok(
      await t.gql(
        'query($b:ID!){ couponCodes(batchId:$b, page:{limit:200}){ items { code customerId customerCode customerName } } }',
        { b: id.batch },
        tok.manager,
      ),
    ).couponCodes.items.filter((c: any) => [id.b1, id.b2, id.b3, id.b4].includes(c.customerId));
    expect(codes.map((c: any) => [c.customerId, c.code]).sort()).toEqual(
      offers.map((o: any) => [o.customerId, o.code]).sort(),
    );
    // each code names its customer as users read it (code and name), as the offers do
    const named = (cid: string) => ({ [id.b1]: 'BD-1', [id.b2]: 'BD-2', [id.b3]: 'BD-3' })[cid];
    for (const c of codes)
      expect([c.customerCode, c.customerName]).toEqual([named(c.customerId), `${named(c.customerId)}客`]);
    for (const o of offers)
      expect([o.customerCode, o.customerName]).toEqual([named(o.customerId), `${named(o.customerId)}客`]);
  });

  it('the preferred channel is on the customer, changed and cleared by an update (then the rule: a phone → SMS)', async () => {
    const Q = 'query($id:ID!){ customer(id:$id){ preferredChannel version } }';
    const c = ok(await t.gql(Q, { id: id.b1 }, tok.manager)).customer;
    expect(c.preferredChannel).toBe('EMAIL');
    const U = 'mutation($i:UpdateCustomerInput!){ updateCustomer(input:$i){ preferredChannel version } }';
    const u1 = ok(await t.gql(U, { i: { id: id.b1, version: c.version, preferredChannel: 'SMS' } }, tok.manager));
    expect(u1.updateCustomer.preferredChannel).toBe('SMS');
    const u2 = ok(
      await t.gql(
        U,
        { i: { id: id.b1, version: u1.updateCustomer.version, clearPreferredChannel: true } },
        tok.manager,
      ),
    );
    expect(u2.updateCustomer.preferredChannel).toBeNull();
    // not one of the four: refused before anything runs
    expect(codeOf(await t.gql(U, { i: { id: id.b1, version: 99, preferredChannel: 'FAX' } }, tok.manager))).toBe(
      'BAD_USER_INPUT',
    );
    expect(ok(await t.gql(Q, { id: id.b1 }, tok.manager)).customer.preferredChannel).toBeNull();
  });

  it('the next month brings the December customer; the next year each one again, once', async () => {
    // what the scheduler calls; signed in again since the sessions of November have lapsed
    const job = t.app.services.birthdays;
    setNow('2026-12-02T09:00:00+08:00');
    tok.manager = await t.login('manager');
    expect(await job.run()).toEqual({ issued: 1, already: 0, skipped: '' });
    expect((await mine(2026)).map((o: any) => o.customerId).sort()).toEqual([id.b1, id.b2, id.b3, id.b4].sort());
    setNow('2027-11-01T09:00:00+08:00');
    tok.manager = await t.login('manager');
    expect((await job.run()).issued).toBeGreaterThanOrEqual(3);
    expect((await job.run()).issued).toBe(0);
    expect((await mine(2027)).map((o: any) => o.customerId).sort()).toEqual([id.b1, id.b2, id.b3].sort());
    expect((await mine(2026)).length).toBe(4);
  });
});
