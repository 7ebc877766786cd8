import { describe, expect, it } from 'vitest';
import { countByDay } from '../../core/dates';
import { redact } from './audit.service';

describe('audit helpers', () => {
  it('never writes secrets into the trail, however deep', () => {
    expect(
      redact({ input: { username: 'x', password: 'p', nested: [{ token: 't', ok: 1 }] }, passwordHash: 'h' }),
    ).toEqual({
      input: { username: 'x', password: '[redacted]', nested: [{ token: '[redacted]', ok: 1 }] },
      passwordHash: '[redacted]',
    });
  });

  it('counts per business day (Beijing time) with zeros for quiet days, oldest first', () => {
    const now = new Date('2026-11-25T10:00:00Z'); // 18:00 on the 25th in Shanghai
    const r = countByDay(
      [
        new Date('2026-11-25T01:00:00Z'),
        new Date('2026-11-23T23:59:59Z'),
        new Date('2026-11-23T00:00:00Z'),
        new Date('2026-11-22T16:00:00Z'),
        new Date('2026-11-22T15:59:59Z'),
      ],
      3,
      now,
    );
    // 23T23:59 UTC is the 24th in Shanghai; 22T16:00 UTC is the 23rd; 22T15:59 UTC is the 22nd (outside)
    expect(r).toEqual([
      { day: '2026-11-23', count: 2 },
      { day: '2026-11-24', count: 1 },
      { day: '2026-11-25', count: 1 },
    ]);
  });
});
