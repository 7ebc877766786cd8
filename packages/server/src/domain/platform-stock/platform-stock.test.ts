import { describe, expect, it } from 'vitest';
import { stockToPush } from '.';

describe('stock pushed to an online store', () => {
  it('is the available stock less the buffer, in whole units, never below zero', () => {
    expect(stockToPush('10', '0', 100)).toBe('10');
    expect(stockToPush('10', '2', 100)).toBe('8');
    expect(stockToPush('7.5', '0', 100)).toBe('7');
    expect(stockToPush('2', '2', 100)).toBe('0');
    expect(stockToPush('1', '3', 100)).toBe('0');
    expect(stockToPush('-4', '0', 100)).toBe('0');
  });

  it("splits between stores by each one's share, rounding down (the stores never oversell together)", () => {
    expect(stockToPush('10', '1', 60)).toBe('5'); // 9 × 60 % = 5.4
    expect(stockToPush('10', '1', 40)).toBe('3'); // 9 × 40 % = 3.6
    expect(stockToPush('10', '0', 0)).toBe('0');
    expect(stockToPush('10', '0', 150)).toBe('10');
  });
});
