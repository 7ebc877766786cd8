import { describe, expect, it } from 'vitest';
import { unitCost } from './unit-cost';

describe('unitCost: value ÷ quantity of what is on hand', () => {
  it('divides to 6 places, half-up', () => {
    expect(unitCost('10', '84.00')).toBe('8.400000');
    expect(unitCost('3', '10.00')).toBe('3.333333');
    expect(unitCost('3', '20.00')).toBe('6.666667');
    expect(unitCost('0.5', '0.01')).toBe('0.020000');
    expect(unitCost('7.000000', '0.00')).toBe('0.000000');
  });

  it('has no answer with nothing on hand: zero or negative stock', () => {
    expect(unitCost('0', '0.00')).toBeNull();
    expect(unitCost('0.000000', '12.34')).toBeNull();
    expect(unitCost('-2', '-16.80')).toBeNull();
  });
});
