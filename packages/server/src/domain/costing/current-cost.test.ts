import { describe, expect, it } from 'vitest';
import { currentUnitCost } from './current-cost';

describe('the current unit cost a gain comes in at', () => {
  it('moving average: value ÷ quantity, or the last average when nothing is on hand', () => {
    const state = { method: 'moving_average' as const, qty: '3', value: '35.00', lastUnitCost: '11.666667' };
    expect(currentUnitCost(state, { qty: '3', value: '35.00' })).toBe('11.666667');
    expect(currentUnitCost({ ...state, qty: '0', value: '0' }, { qty: '0', value: '0.00' })).toBe('11.666667');
    expect(currentUnitCost(null, { qty: '0', value: '0' })).toBe('0.000000');
  });

  it("FIFO: the newest layer's rate (of the batch when it has layers), else the last unit cost", () => {
    const state = {
      method: 'fifo' as const,
      layers: [
        { id: 'R1', qty: '4.000000', value: '40.00', batch: 7 },
        { id: 'R2', qty: '3.000000', value: '37.50', batch: 8 },
      ],
      lastUnitCost: '10.000000',
    };
    expect(currentUnitCost(state, { qty: '7', value: '77.50' })).toBe('12.500000');
    expect(currentUnitCost(state, { qty: '7', value: '77.50' }, 7)).toBe('10.000000');
    expect(currentUnitCost(state, { qty: '7', value: '77.50' }, 9)).toBe('12.500000');
    expect(currentUnitCost({ ...state, layers: [] }, { qty: '0', value: '0' })).toBe('10.000000');
  });
});
