import { describe, expect, it } from 'vitest';
import { perRequestBatch, type Context } from './context';

describe('perRequestBatch', () => {
  it('loads the ids asked for together in one call, each id once per request, and passes errors on', async () => {
    const ctx = {} as Context;
    const calls: number[][] = [];
    const load = async (ids: number[]) => {
      calls.push(ids);
      return new Map(ids.map((id) => [id, `#${id}`]));
    };
    const first = await Promise.all([1, 2, 2, 3].map((id) => perRequestBatch(ctx, 'k', id, load)));
    expect(first).toEqual(['#1', '#2', '#2', '#3']);
    expect(calls).toEqual([[1, 2, 3]]);
    expect(await Promise.all([3, 4].map((id) => perRequestBatch(ctx, 'k', id, load)))).toEqual(['#3', '#4']);
    expect(calls).toEqual([[1, 2, 3], [4]]);
    // another request loads again; a failed load rejects every waiting id
    expect(await perRequestBatch({} as Context, 'k', 1, load)).toBe('#1');
    const failing = () => Promise.reject(new Error('down'));
    await expect(
      Promise.all([perRequestBatch(ctx, 'f', 1, failing), perRequestBatch(ctx, 'f', 2, failing)]),
    ).rejects.toThrow('down');
  });
});
