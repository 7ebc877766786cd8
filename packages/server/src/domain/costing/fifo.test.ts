import { describe, expect, it } from 'vitest';
import { replay } from './replay';
import { sumsMatch } from './check';
import { fixed, issue, receipt } from './test-helpers';
import type { Move } from './types';

const run = (moves: Move[]) =>
  replay(
    'fifo',
    moves.map((m, i) => ({ ...m, seq: i + 1 })),
  );

describe('FIFO: worked examples', () => {
  it('issues from the oldest layer first and lists the layers consumed', () => {
    const c = run([receipt('R1', 1, '10', '10'), receipt('R2', 2, '10', '12'), issue('I1', 3, '15')]);
    expect(c[2]).toMatchObject({
      value: '-160.00', // 10 × 10 + 5 × 12
      unitCost: '10.666667',
      balanceQty: '5.000000',
      balanceValue: '60.00',
      layers: [
        { layerId: 'R1', qty: '10.000000', value: '100.00' },
        { layerId: 'R2', qty: '5.000000', value: '60.00' },
      ],
    });
    expect(c[2].state).toEqual({
      method: 'fifo',
      layers: [{ id: 'R2', qty: '5.000000', value: '60.00' }],
      lastUnitCost: '12.000000',
    });
    expect(c[1].layers).toEqual([{ layerId: 'R2', qty: '10.000000', value: '120.00' }]);
  });

  it('rounds partial takes of a layer and lets the last take carry the remainder', () => {
    const c = run([fixed('R', 1, '3', '10.00'), issue('I1', 2, '1'), issue('I2', 2, '1'), issue('I3', 2, '1')]);
    // 10.00/3 → 3.33; 6.67/2 = 3.335 → 3.34; the whole rest of the layer → 3.33
    expect(c.map((x) => x.value)).toEqual(['10.00', '-3.33', '-3.34', '-3.33']);
    expect(c[3]).toMatchObject({ balanceQty: '0.000000', balanceValue: '0.00' });
    expect(c[3].state).toMatchObject({ layers: [] });
  });

  it('takes a whole layer at its value and a part of the next at its rate', () => {
    const c = run([
      receipt('A', 1, '3', '3.333333'),
      receipt('B', 1, '2', '0.555'),
      issue('I1', 2, '4'),
      issue('I2', 3, '1'),
    ]);
    expect(c[1].value).toBe('1.11'); // 2 × 0.555 = 1.11
    expect(c[2]).toMatchObject({
      value: '-10.56',
      layers: [
        { layerId: 'A', qty: '3.000000', value: '10.00' },
        { layerId: 'B', qty: '1.000000', value: '0.56' }, // 1.11 / 2 = 0.555 → 0.56
      ],
    });
    expect(c[3]).toMatchObject({ value: '-0.55', balanceValue: '0.00' });
  });

  it('handles fractional quantities (kg)', () => {
    const c = run([receipt('R1', 1, '1.5', '8.80'), receipt('R2', 1, '2.25', '9.60'), issue('I1', 2, '1.75')]);
    // 1.5 kg of R1 = 13.20, 0.25 kg of R2 = 0.25 × 21.60 / 2.25 = 2.40
    expect(c[2]).toMatchObject({ value: '-15.60', balanceQty: '2.000000', balanceValue: '19.20' });
  });

  it('restores qty and value when an issue is cancelled at its own value (as a new layer)', () => {
    const c = run([
      receipt('R1', 1, '3', '3.333333'),
      receipt('R2', 2, '4', '2.99'),
      issue('I1', 3, '4'),
      fixed('X1', 4, '4', '12.99', 0, 'I1'),
    ]);
    expect(c[2].value).toBe('-12.99'); // 10.00 + 2.99
    expect(c[3]).toMatchObject({ value: '12.99', balanceQty: '7.000000', balanceValue: '21.96' });
    expect(c[3].variance).toBeUndefined();
    expect(c[3].state).toMatchObject({ layers: [{ id: 'R2' }, { id: 'X1', qty: '4.000000', value: '12.99' }] });
  });

  it('cancels a receipt from its own layer when `reverses` names it', () => {
    const r = [receipt('R1', 1, '10', '10'), receipt('R2', 2, '10', '12')];
    const own = run([...r, fixed('X2', 3, '-10', '-120.00', 0, 'R2')]);
    expect(own[2]).toMatchObject({ value: '-120.00', layers: [{ layerId: 'R2', qty: '10.000000', value: '120.00' }] });
    expect(own[2].variance).toBeUndefined();
    expect(own[2].state).toMatchObject({ layers: [{ id: 'R1', qty: '10.000000', value: '100.00' }] });

    // without it the oldest goods go, valued from their layer; the asked value differs by 20.00
    const oldest = run([...r, fixed('X2', 3, '-10', '-120.00')]);
    expect(oldest[2]).toMatchObject({ value: '-100.00', variance: '-20.00' });
    expect(sumsMatch(oldest)).toBe(true);
  });
});

describe('FIFO: negative stock (when the warehouse allows it)', () => {
  it('opens a shortage layer at the last cost and fills it from the next receipt', () => {
    const c = run([receipt('R1', 1, '2', '10'), issue('I1', 2, '5'), receipt('R2', 3, '10', '12')]);
    expect(c[1]).toMatchObject({
      value: '-50.00',
      balanceQty: '-3.000000',
      balanceValue: '-30.00',
      layers: [
        { layerId: 'R1', qty: '2.000000', value: '20.00' },
        { layerId: 'I1', qty: '3.000000', value: '30.00' },
      ],
    });
    // 3 units settle the shortage at 30.00; 7 come in at 120.00 − 36.00 = 84.00; variance 6.00
    expect(c[2]).toMatchObject({
      value: '114.00',
      variance: '6.00',
      balanceQty: '7.000000',
      balanceValue: '84.00',
      layers: [
        { layerId: 'I1', qty: '3.000000', value: '30.00' },
        { layerId: 'R2', qty: '7.000000', value: '84.00' },
      ],
    });
  });

  it('fills shortage layers oldest first and reaches 0.00 with qty 0', () => {
    const c = run([
      receipt('R1', 1, '1', '7'),
      issue('I1', 2, '3'),
      issue('I2', 3, '2'),
      receipt('R2', 4, '3', '8'),
      receipt('R3', 5, '1', '9'),
    ]);
    expect(c[2]).toMatchObject({ balanceQty: '-4.000000', balanceValue: '-28.00' });
    expect(c[3]).toMatchObject({
      value: '21.00',
      variance: '3.00',
      layers: [
        { layerId: 'I1', qty: '2.000000', value: '14.00' },
        { layerId: 'I2', qty: '1.000000', value: '7.00' },
      ],
    });
    expect(c[4]).toMatchObject({ value: '7.00', variance: '2.00', balanceQty: '0.000000', balanceValue: '0.00' });
    expect(sumsMatch(c)).toBe(true);
  });
});
