import { describe, expect, it } from 'vitest';
import { applyMovingAverage, emptyAverageState } from './moving-average';
import { replay } from './replay';
import { sumsMatch } from './check';
import { fixed, issue, receipt } from './test-helpers';
import { CostingError, type Move } from './types';

const run = (moves: Move[]) =>
  replay(
    'moving_average',
    moves.map((m, i) => ({ ...m, seq: i + 1 })),
  );
const rows = (moves: Move[]) => run(moves).map((c) => [c.move.id, c.unitCost, c.value, c.balanceQty, c.balanceValue]);

describe('moving average: worked examples', () => {
  it('averages two receipts and issues at the average', () => {
    expect(
      rows([
        receipt('R1', 1, '10', '10.00'),
        receipt('R2', 1, '10', '12.00'),
        issue('I1', 2, '5'),
        receipt('R3', 3, '3', '13.333333'), // 3 × 13.333333 = 39.999999 → 40.00
      ]),
    ).toEqual([
      ['R1', '10.000000', '100.00', '10.000000', '100.00'],
      ['R2', '12.000000', '120.00', '20.000000', '220.00'],
      ['I1', '11.000000', '-55.00', '15.000000', '165.00'],
      ['R3', '13.333333', '40.00', '18.000000', '205.00'],
    ]);
  });

  it('issues 3 units worth 10.00 one by one without losing a cent', () => {
    // the average is re-derived from the balance each time: 10/3 → 3.33, then 6.67/2 = 3.335 → 3.34,
    // then the last unit takes what is left, 3.33; Σ = 10.00 and the balance ends at exactly 0.00
    const c = run([fixed('R', 1, '3', '10.00'), issue('I1', 2, '1'), issue('I2', 2, '1'), issue('I3', 2, '1')]);
    expect(c.map((x) => x.value)).toEqual(['10.00', '-3.33', '-3.34', '-3.33']);
    expect(c.map((x) => x.balanceValue)).toEqual(['10.00', '6.67', '3.33', '0.00']);
    expect(c[3].balanceQty).toBe('0.000000');
  });

  it('lets the last issue take the remainder (7 units for 10.00)', () => {
    const moves: Move[] = [fixed('R', 1, '7', '10.00')];
    for (let k = 1; k <= 7; k++) moves.push(issue(`I${k}`, 2, '1'));
    const c = run(moves);
    // 10/7 = 1.428…; 2.85/2 = 1.425 rounds half-up to 1.43; the seventh takes the 1.42 left over
    expect(c.slice(1).map((x) => x.value)).toEqual(['-1.43', '-1.43', '-1.43', '-1.43', '-1.43', '-1.43', '-1.42']);
    expect(c[7].balanceValue).toBe('0.00');
    expect(sumsMatch(c)).toBe(true);
  });

  it('handles fractional quantities (kg)', () => {
    expect(rows([receipt('R1', 1, '1.5', '8.80'), receipt('R2', 1, '2.25', '9.60'), issue('I1', 2, '0.333')])).toEqual([
      ['R1', '8.800000', '13.20', '1.500000', '13.20'],
      ['R2', '9.600000', '21.60', '3.750000', '34.80'],
      // 34.80 / 3.75 = 9.28; 0.333 × 9.28 = 3.09024 → 3.09
      ['I1', '9.280000', '-3.09', '3.417000', '31.71'],
    ]);
  });

  it('restores qty and value exactly when an issue is cancelled at its own value', () => {
    const stock = [receipt('R1', 1, '3', '3.333333'), receipt('R2', 1, '4', '2.99')]; // 10.00 + 11.96
    const before = run(stock);
    const c = run([...stock, issue('I1', 2, '2'), fixed('X1', 3, '2', '6.27', 0, 'I1')]);
    expect(c[2].value).toBe('-6.27'); // 2 × 21.96 / 7 = 6.2742… → 6.27
    expect(c[3].value).toBe('6.27'); // the cancellation brings back exactly what the issue took
    expect(c[3].variance).toBeUndefined();
    expect(c[3].state).toEqual(before[1].state); // qty, value and average as if it never happened
    expect(c[3].balanceValue).toBe('21.96');
  });

  it('cancels a receipt at its own value while stock remains, and reports a variance when it cannot', () => {
    const r = [receipt('R1', 1, '10', '10'), receipt('R2', 1, '10', '20')];
    const kept = run([...r, fixed('X2', 2, '-10', '-200.00', 0, 'R2')]);
    expect(kept[2]).toMatchObject({ value: '-200.00', balanceQty: '10.000000', balanceValue: '100.00' });
    expect(kept[2].variance).toBeUndefined();

    // the received goods were already issued at the average 15: nothing is left to carry the
    // other 50.00, so the cancellation takes the 150.00 on hand and reports −50.00
    const emptied = run([...r, issue('I1', 2, '10'), fixed('X2', 3, '-10', '-200.00', 0, 'R2')]);
    expect(emptied[3]).toMatchObject({
      value: '-150.00',
      balanceQty: '0.000000',
      balanceValue: '0.00',
      variance: '-50.00',
    });
  });
});

describe('moving average: negative stock (when the warehouse allows it)', () => {
  it('issues beyond the stock at the current average and values the shortage with it', () => {
    const c = run([receipt('R1', 1, '2', '10'), issue('I1', 2, '5'), issue('I2', 2, '1')]);
    expect(c[1]).toMatchObject({
      unitCost: '10.000000',
      value: '-50.00',
      balanceQty: '-3.000000',
      balanceValue: '-30.00',
    });
    expect(c[2]).toMatchObject({
      unitCost: '10.000000',
      value: '-10.00',
      balanceQty: '-4.000000',
      balanceValue: '-40.00',
    });
  });

  it('fills the shortage at its issue cost; the rest comes in at its own price; the difference is a variance', () => {
    const base = [receipt('R1', 1, '2', '10'), issue('I1', 2, '6')]; // balance −4 / −40.00
    const over = run([...base, receipt('R2', 3, '10', '12')]);
    // 4 units settle the shortage at 40.00, 6 units come in at 72.00; 120.00 − 112.00 = 8.00
    expect(over[2]).toMatchObject({
      value: '112.00',
      unitCost: '11.200000',
      variance: '8.00',
      balanceQty: '6.000000',
      balanceValue: '72.00',
    });

    const exact = run([...base, receipt('R2', 3, '4', '12')]);
    expect(exact[2]).toMatchObject({ value: '40.00', variance: '8.00', balanceQty: '0.000000', balanceValue: '0.00' });

    const partial = run([...base, receipt('R2', 3, '1', '12')]);
    expect(partial[2]).toMatchObject({
      value: '10.00',
      variance: '2.00',
      balanceQty: '-3.000000',
      balanceValue: '-30.00',
    });
  });

  it('issues from an empty balance at the last average, or at 0 if there never was stock', () => {
    const c = run([receipt('R1', 1, '2', '10.5'), issue('I1', 2, '2'), issue('I2', 3, '1')]);
    expect(c[2]).toMatchObject({ unitCost: '10.500000', value: '-10.50', balanceValue: '-10.50' });
    const never = run([issue('I1', 1, '1'), receipt('R1', 2, '1', '5')]);
    expect(never[0]).toMatchObject({ value: '0.00', balanceQty: '-1.000000', balanceValue: '0.00' });
    expect(never[1]).toMatchObject({ value: '0.00', variance: '5.00', balanceQty: '0.000000', balanceValue: '0.00' });
  });
});

describe('moving average: refused moves', () => {
  const s = emptyAverageState();
  it.each<[string, Move]>([
    ['an outbound with a unit cost', { id: 'x', seq: 1, date: '2026-03-01', qty: '-1', unitCost: '5' }],
    ['an inbound with neither unit cost nor value', { id: 'x', seq: 1, date: '2026-03-01', qty: '1' }],
    ['an inbound with both', { id: 'x', seq: 1, date: '2026-03-01', qty: '1', unitCost: '5', value: '5.00' }],
    ['a zero quantity', { id: 'x', seq: 1, date: '2026-03-01', qty: '0', unitCost: '5' }],
    ['seven decimals of quantity', { id: 'x', seq: 1, date: '2026-03-01', qty: '1.0000001', unitCost: '5' }],
    ['three decimals of value', { id: 'x', seq: 1, date: '2026-03-01', qty: '1', value: '5.001' }],
    ['a value of the wrong sign', { id: 'x', seq: 1, date: '2026-03-01', qty: '-1', value: '5.00' }],
    ['a negative price', { id: 'x', seq: 1, date: '2026-03-01', qty: '1', unitCost: '-5' }],
    ['a number that is not a decimal string', { id: 'x', seq: 1, date: '2026-03-01', qty: '1e3', unitCost: '5' }],
  ])('refuses %s', (_, move) => {
    expect(() => applyMovingAverage(s, move)).toThrow(CostingError);
  });
});
