import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordQueries, testApp, type TestApp } from '../test/harness';
import { inTransaction } from './db';
import { ask, sendAhead } from './read-ahead';

// MariaDB only: on the posting pool statements sent ahead go in one packet, each answer to whoever asks for it
describe('sendAhead / ask (mariadb)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  const one = (v: unknown) => ({ sql: 'SELECT ? AS v', params: [v] });

  it('one round trip for the statements sent ahead; each answer once, to the statement with the same text and values', async () => {
    const rec = recordQueries(t.ds);
    const got = await inTransaction(
      t.ds,
      async (tx) => {
        await sendAhead(tx, [one(1), one(2), { sql: 'SELECT COUNT(*) AS n FROM app_user', params: [] }]);
        const two = await ask<Array<{ v: unknown }>>(tx, one(2));
        const first = await ask<Array<{ v: unknown }>>(tx, one(1));
        // asked again: nothing kept any more, so it is sent
        const again = await ask<Array<{ v: unknown }>>(tx, one(1));
        const users = await ask<Array<{ n: unknown }>>(tx, { sql: 'SELECT COUNT(*) AS n FROM app_user', params: [] });
        return [two[0].v, first[0].v, again[0].v, Number(users[0].n) > 0].map(String);
      },
      { packets: true },
    );
    // (the app's scheduler may write its job leases meanwhile; a new pooled connection sets its isolation once)
    const queries = rec.stop().filter((q) => !q.includes('job_lease') && !q.startsWith('SET SESSION'));
    expect(got).toEqual(['2', '1', '1', 'true']);
    // START TRANSACTION goes with the packet; the one asked again is a round trip of its own; COMMIT
    expect(queries).toHaveLength(3);
    expect(queries[0]).toMatch(/^START TRANSACTION; SELECT \? AS v; SELECT \? AS v; SELECT COUNT/);
    expect(queries[1]).toBe('SELECT ? AS v');
  });

  it('off the posting pool nothing is sent ahead: each statement goes when asked', async () => {
    const rec = recordQueries(t.ds);
    await inTransaction(t.ds, async (tx) => {
      await sendAhead(tx, [one(1), one(2)]);
      expect(String((await ask<Array<{ v: unknown }>>(tx, one(2)))[0].v)).toBe('2');
    });
    expect(rec.stop().filter((q) => q.startsWith('SELECT ? AS v'))).toEqual(['SELECT ? AS v']);
  });
});
