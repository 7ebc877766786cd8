import { describe, expect, it } from 'vitest';
import { inverseNormal } from './inverse-normal';

const at4 = (x: number) => x.toFixed(4);

describe('inverse normal CDF (Acklam)', () => {
  it.each([
    [0.9, '1.2816'],
    [0.95, '1.6449'],
    [0.99, '2.3263'], // upper tail region (p > 0.97575)
    [0.975, '1.9600'],
    [0.8, '0.8416'],
    [0.999, '3.0902'],
    [0.5, '0.0000'],
    [0.01, '-2.3263'], // lower tail region
    [0.05, '-1.6449'],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    expect(at4(inverseNormal(p))).toBe(z);
  });

  it('matches more digits of known quantiles and is symmetric', () => {
    expect(inverseNormal(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(inverseNormal(0.99)).toBeCloseTo(2.3263478740408408, 8);
    expect(inverseNormal(0.9)).toBeCloseTo(1.2815515655446004, 8);
    for (const p of [0.6, 0.9, 0.97, 0.98, 0.995]) expect(inverseNormal(1 - p)).toBeCloseTo(-inverseNormal(p), 8);
  });

  it('is increasing across the region boundaries', () => {
    const ps = [0.001, 0.02424, 0.02426, 0.3, 0.5, 0.7, 0.97574, 0.97576, 0.999];
    const zs = ps.map(inverseNormal);
    zs.slice(1).forEach((z, i) => expect(z).toBeGreaterThan(zs[i]));
  });

  it('refuses 0, 1 and non-numbers', () => {
    for (const p of [0, 1, -0.1, 1.5, NaN]) expect(() => inverseNormal(p)).toThrow(RangeError);
  });
});
