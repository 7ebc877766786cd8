import { describe, expect, it } from 'vitest';
import { aisleOf, inWalkingOrder } from './index';

describe('walking order', () => {
  it('the aisle is the first segment of the bin code', () => {
    expect(aisleOf('A-03-2')).toBe('A');
    expect(aisleOf('B12.4')).toBe('B12');
    expect(aisleOf('COLD')).toBe('COLD');
  });

  it('zone, then aisle, then bin, naturally; unzoned bins after, stock outside bins last', () => {
    const stops = [
      { id: 1, zoneCode: null, binCode: null },
      { id: 2, zoneCode: 'Z2', binCode: 'A-01' },
      { id: 3, zoneCode: 'Z1', binCode: 'B-01' },
      { id: 4, zoneCode: 'Z1', binCode: 'A-10' },
      { id: 5, zoneCode: 'Z1', binCode: 'A-2' },
      { id: 6, zoneCode: null, binCode: 'C-01' },
    ];
    expect(inWalkingOrder(stops).map((s) => s.id)).toEqual([5, 4, 3, 2, 6, 1]);
  });

  it('keeps the order of stops at the same bin (the batches FEFO chose)', () => {
    const stops = [
      { id: 'late', zoneCode: 'Z1', binCode: 'A-01' },
      { id: 'other', zoneCode: 'Z1', binCode: 'A-00' },
      { id: 'early', zoneCode: 'Z1', binCode: 'A-01' },
    ];
    expect(inWalkingOrder(stops).map((s) => s.id)).toEqual(['other', 'late', 'early']);
  });
});
