import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordQueries, testApp, type TestApp } from '../test/harness';
import { inTransaction } from './db';
import { WriteBatch, type WriteResult } from './write-batch';

// MariaDB only: a guarded write in the last packet is counted by the database before COMMIT
describe('WriteBatch.commit with counted writes (mariadb)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await t.ds.query('CREATE TABLE wb_probe (id INT PRIMARY KEY, n INT NOT NULL)');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.ds.query('DELETE FROM wb_probe');
    await t.ds.query('INSERT INTO wb_probe VALUES (1, 0), (2, 0)');
  });

  const rows = async () => (await t.ds.query('SELECT id, n FROM wb_probe ORDER BY id')).map((r: any) => [r.id, r.n]);
  const refusal = (name: string) => () => new Error(`${name} refused`);

  /** Queues an insert, two counted updates and another insert, and commits them in one packet. */
  const run = (first: number | 'some', second: number | 'some', seen: WriteResult[] = []) =>
    inTransaction(
      t.ds,
      async (tx) => {
        const w = new WriteBatch(tx);
        await w.add('INSERT INTO wb_probe VALUES (3, 0)', []);
        await w.add('UPDATE wb_probe SET n = n + 1 WHERE id IN (1, 2)', [], undefined, {
          rows: first,
          refuse: refusal('first'),
        });
        await w.add('UPDATE wb_probe SET n = n + 1 WHERE id = ?', [1], (r) => seen.push(r), {
          rows: second,
          refuse: refusal('second'),
        });
        await w.add('INSERT INTO wb_probe VALUES (4, 0)', []);
        return w.commit();
      },
      { packets: true },
    );

  it('counts that hold: one packet with COMMIT, the results handed on after it', async () => {
    const seen: WriteResult[] = [];
    const rec = recordQueries(t.ds);
    await run(2, 'some', seen);
    const queries = rec.stop().filter((q) => !q.includes('job_lease') && !q.startsWith('SET SESSION'));
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(
      /^START TRANSACTION; INSERT INTO wb_probe .*jxc_rows_check; INSERT INTO wb_probe .*; COMMIT$/,
    );
    expect(seen.map((r) => r.affectedRows)).toEqual([1]);
    expect(await rows()).toEqual([
      [1, 2],
      [2, 1],
      [3, 0],
      [4, 0],
    ]);
  });

  it('a count that does not hold stops the packet before COMMIT: its own refusal, nothing kept, no result handed on', async () => {
    for (const [first, second, refused] of [
      [2, 2, 'second refused'], // the second changed 1 row
      [3, 'some', 'first refused'], // the first changed 2
      [1, 'some', 'first refused'],
    ] as const) {
      const seen: WriteResult[] = [];
      await expect(run(first, second, seen)).rejects.toThrow(refused);
      expect(seen).toEqual([]);
      expect(await rows()).toEqual([
        [1, 0],
        [2, 0],
      ]);
    }
  });

  it('off the posting pool the count is checked as each write returns', async () => {
    await expect(
      inTransaction(t.ds, async (tx) => {
        const w = new WriteBatch(tx);
        await w.add('UPDATE wb_probe SET n = n + 1 WHERE id = 9', [], undefined, {
          rows: 'some',
          refuse: refusal('unpacked'),
        });
        return w.commit();
      }),
    ).rejects.toThrow('unpacked refused');
  });
});
