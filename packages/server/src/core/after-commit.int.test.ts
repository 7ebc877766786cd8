import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDbKind, type TestApp } from '../test/harness';
import { afterCommit, inTransaction } from './db';

describe(`what runs after a commit (${testDbKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('runs once the transaction has committed, after its work', async () => {
    const calls: string[] = [];
    await inTransaction(t.ds, async (tx) => {
      afterCommit(tx, () => calls.push('hook'));
      await tx.query('SELECT 1');
      calls.push('work done');
    });
    expect(calls).toEqual(['work done', 'hook']);
  });

  it('never runs for a transaction that rolled back', async () => {
    const calls: string[] = [];
    await expect(
      inTransaction(t.ds, async (tx) => {
        afterCommit(tx, () => calls.push('hook'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(calls).toEqual([]);
  });

  it("a retried deadlock: only the committed attempt's hooks run (SQLite has no retry: none run)", async () => {
    const calls: string[] = [];
    let attempt = 0;
    const run = inTransaction(t.ds, async (tx) => {
      const n = ++attempt;
      afterCommit(tx, () => calls.push(`attempt ${n}`));
      if (n === 1) throw Object.assign(new Error('Deadlock found when trying to get lock'), { errno: 1213 });
    });
    if (testDbKind === 'sqlite') {
      await expect(run).rejects.toThrow('Deadlock');
      expect(calls).toEqual([]);
    } else {
      await run;
      expect(calls).toEqual(['attempt 2']);
    }
  });

  it('outside a transaction of inTransaction it runs at once', () => {
    const calls: string[] = [];
    afterCommit(t.ds.manager, () => calls.push('now'));
    expect(calls).toEqual(['now']);
  });
});
