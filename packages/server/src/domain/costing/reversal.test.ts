import { describe, expect, it } from 'vitest';
import { Dec } from './decimal';
import { nothingReversed, plusReversed, reversalValue } from './reversal';

describe('reversal value', () => {
  it('a whole reversal takes the whole value, whatever its rounding', () => {
    expect(reversalValue('-10.00', '-3', '3')).toBe('10.00');
    expect(reversalValue('100.01', '7', '-7')).toBe('-100.01');
  });

  it('parts take their rounded share and the last part takes the rest, to the cent', () => {
    // an issue of 3 at 10.00: 1 unit back = 3.33, then 1 = 3.33, then the last = 3.34
    let prior = nothingReversed();
    const parts: string[] = [];
    for (const q of ['1', '1', '1']) {
      const v = reversalValue('-10.00', '-3', q, prior);
      parts.push(v);
      prior = plusReversed(prior, q, v);
    }
    expect(parts).toEqual(['3.33', '3.33', '3.34']);
    expect(prior.value.toFixed(2)).toBe('10.00');
  });

  it('half-up on the share: 2 of 3 units of 0.05 is 0.03', () => {
    expect(reversalValue('0.05', '3', '-2')).toBe('-0.03');
    expect(reversalValue('-0.05', '-3', '2')).toBe('0.03');
    expect(plusReversed(nothingReversed(), new Dec('2'), '0.03').qty.toFixed()).toBe('2');
  });
});
