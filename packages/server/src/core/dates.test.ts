import { afterEach, describe, expect, it } from 'vitest';
import { addDays, businessDay, daysBetween, setBusinessTimeZone, startOfBusinessDay, today } from './dates';

describe('business days', () => {
  afterEach(() => setBusinessTimeZone('Asia/Shanghai'));

  it('takes the day in Beijing time, not UTC', () => {
    // 2026-11-24 17:30 UTC is 01:30 on the 25th in Shanghai
    expect(businessDay(new Date('2026-11-24T17:30:00Z'))).toBe('2026-11-25');
    expect(businessDay(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(today(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('follows another configured zone', () => {
    setBusinessTimeZone('UTC');
    expect(businessDay(new Date('2026-11-24T17:30:00Z'))).toBe('2026-11-24');
    setBusinessTimeZone('America/New_York');
    expect(businessDay(new Date('2026-11-25T03:00:00Z'))).toBe('2026-11-24');
    expect(() => setBusinessTimeZone('Mars/Base')).toThrow();
  });

  it('adds and counts whole days across months and years', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
    expect(daysBetween('2026-12-01', '2026-11-01')).toBe(-30);
  });

  it('finds the first moment of a business day', () => {
    expect(startOfBusinessDay('2026-11-25').toISOString()).toBe('2026-11-24T16:00:00.000Z');
    setBusinessTimeZone('UTC');
    expect(startOfBusinessDay('2026-11-25').toISOString()).toBe('2026-11-25T00:00:00.000Z');
    setBusinessTimeZone('America/New_York');
    expect(startOfBusinessDay('2026-07-04').toISOString()).toBe('2026-07-04T04:00:00.000Z');
  });
});
