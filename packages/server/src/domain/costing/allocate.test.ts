import { describe, expect, it } from 'vitest';
import { allocateByWeight } from './allocate';

describe('allocateByWeight (largest remainder, in cents)', () => {
  it('splits by value: 40.00 over values 125.00 and 144.00 → 18.59 + 21.41', () => {
    // exact shares 18.5874… and 21.4126…: 18.58 + 21.41 = 39.99, the cent goes to the larger remainder
    expect(allocateByWeight('40.00', ['125.00', '144.00'])).toEqual(['18.59', '21.41']);
  });

  it('the parts always add up to the amount; ties go to the earlier part', () => {
    expect(allocateByWeight('0.01', ['1', '1', '1'])).toEqual(['0.01', '0.00', '0.00']);
    expect(allocateByWeight('10.00', ['1', '1', '1'])).toEqual(['3.34', '3.33', '3.33']);
    expect(allocateByWeight('100.00', ['1', '3'])).toEqual(['25.00', '75.00']);
    expect(allocateByWeight('5.00', ['0', '2'])).toEqual(['0.00', '5.00']);
  });

  it('refuses what cannot be split', () => {
    expect(() => allocateByWeight('1.00', ['0', '0'])).toThrow(/zero/);
    expect(() => allocateByWeight('-1.00', ['1'])).toThrow();
    expect(() => allocateByWeight('1.00', ['-1', '2'])).toThrow(/negative/);
  });
});
