import { describe, expect, it } from 'vitest';
import { replay } from './replay';
import { issue, receipt } from './test-helpers';
import type { Move } from './types';

const run = (moves: Move[]) =>
  replay(
    'fifo',
    moves.map((m, i) => ({ ...m, seq: i + 1 })),
  );
const b = (m: Move, batch: number): Move => ({ ...m, batch });

describe('FIFO layers per batch', () => {
  it('an issue of a batch takes that batch’s layers, not the oldest of another batch', () => {
    // P0 10 @ 10.00, P1 10 @ 11.00, P2 10 @ 12.00; the shipment picked 10 of P0 and 5 of P2 (FEFO)
    const c = run([
      b(receipt('P0', 1, '10', '10'), 100),
      b(receipt('P1', 2, '10', '11'), 101),
      b(receipt('P2', 3, '10', '12'), 102),
      b(issue('S-P0', 5, '10'), 100),
      b(issue('S-P2', 5, '5'), 102),
    ]);
    expect(c[3].value).toBe('-100.00');
    expect(c[4]).toMatchObject({ value: '-60.00', layers: [{ layerId: 'P2', qty: '5.000000', value: '60.00' }] });
    // FIFO without batches would have taken P0 and P1: −100.00 and −55.00
    expect(c[4].state).toEqual({
      method: 'fifo',
      layers: [
        { id: 'P1', qty: '10.000000', value: '110.00', batch: 101 },
        { id: 'P2', qty: '5.000000', value: '60.00', batch: 102 },
      ],
      lastUnitCost: '12.000000',
    });
  });

  it('a batch received twice is issued oldest layer first; past its layers the issue takes the oldest of the rest', () => {
    const c = run([
      b(receipt('A1', 1, '5', '10'), 7),
      b(receipt('B1', 2, '5', '20'), 8),
      b(receipt('A2', 3, '5', '12'), 7),
      b(issue('I', 4, '7'), 7),
      b(issue('J', 5, '5'), 7), // only 3 of batch 7 left in layers (negative stock of the batch): 2 from B1
    ]);
    expect(c[3].value).toBe('-74.00'); // 5 × 10 + 2 × 12
    expect(c[4].value).toBe('-76.00'); // 3 × 12 + 2 × 20
  });

  it('without batches nothing changes: oldest layers first', () => {
    const c = run([receipt('R1', 1, '10', '10'), receipt('R2', 2, '10', '12'), issue('I1', 3, '15')]);
    expect(c[2].value).toBe('-160.00');
  });
});
