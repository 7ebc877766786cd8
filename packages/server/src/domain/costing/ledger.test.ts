import { describe, expect, it } from 'vitest';
import { replayLedger, type LedgerMove } from './ledger';
import { replay } from './replay';
import { CostingError } from './types';

let seq = 0;
const d = (n: number) => `2026-04-${String(n).padStart(2, '0')}`;
const mv = (head: string, id: string, day: number, qty: string, rest: Partial<LedgerMove> = {}): LedgerMove => ({
  id,
  head,
  key: `${head}:${id}`,
  seq: ++seq,
  date: d(day),
  qty,
  source: 'method',
  ...rest,
});
const price = (head: string, id: string, day: number, qty: string, unitCost: string) =>
  mv(head, id, day, qty, { source: 'price', unitCost });
const values = (r: ReturnType<typeof replayLedger>, ids: string[]) => ids.map((id) => r.values.get(id)!.value);

describe('replaying the ledger of a SKU over several warehouses', () => {
  it('one warehouse: the same values as the single-head replay', () => {
    const moves = [price('A', 'r1', 1, '10', '10'), price('A', 'r2', 2, '10', '12'), mv('A', 'i1', 3, '-15')];
    for (const method of ['moving_average', 'fifo'] as const) {
      const single = replay(
        method,
        moves.map((m) => ({ id: m.key, seq: m.seq, date: m.date, qty: m.qty, unitCost: m.unitCost })),
      );
      const r = replayLedger(method, moves);
      expect(values(r, ['r1', 'r2', 'i1'])).toEqual(single.map((c) => c.value));
      expect(r.states.get('A')).toEqual(single[2].state);
    }
  });

  it('a cancellation dated the day of what it cancels sits right behind it: as if never posted', () => {
    const moves = [
      price('A', 'r1', 1, '10', '10'),
      price('A', 'r2', 2, '10', '12'),
      mv('A', 'i1', 2, '-5'),
      mv('A', 'x2', 2, '-10', { source: 'reverse', ref: 'r2', cancels: true }),
    ];
    const r = replayLedger('moving_average', moves);
    expect(r.order).toEqual(['r1', 'r2', 'x2', 'i1']);
    expect(values(r, ['x2', 'i1'])).toEqual(['-120.00', '-50.00']);
    // a return of the same day is not a cancellation: it keeps its place
    const ret = replayLedger('moving_average', [...moves.slice(0, 3), { ...moves[3], cancels: false }]);
    expect(ret.order).toEqual(['r1', 'r2', 'i1', 'x2']);
    expect(values(ret, ['i1', 'x2'])).toEqual(['-55.00', '-120.00']);
  });

  it('an arrival takes the value its departure has; downstream issues follow (A → B → C)', () => {
    const chain = [
      price('A', 'ra', 2, '10', '10'),
      mv('A', 'ta', 3, '-6'),
      mv('B', 'tb-in', 4, '6', { source: 'transfer', ref: 'ta' }),
      mv('B', 'ib', 5, '-2'),
      mv('B', 'tb', 5, '-4'),
      mv('C', 'tc-in', 6, '4', { source: 'transfer', ref: 'tb' }),
      mv('C', 'ic', 7, '-3'),
    ];
    const before = replayLedger('moving_average', chain);
    expect(values(before, ['ta', 'tb-in', 'ib', 'tb', 'tc-in', 'ic'])).toEqual([
      '-60.00',
      '60.00',
      '-20.00',
      '-40.00',
      '40.00',
      '-30.00',
    ]);
    // a receipt of 10 @ 7.00 dated before the transfer in A, posted last
    const after = replayLedger('moving_average', [...chain, price('A', 'r0', 1, '10', '7')]);
    // A: 170.00 / 20 → 6 × 8.50 = 51.00; B: 51.00 → 2 = 17.00, 4 = 34.00; C: 34.00 → 3 = 25.50
    expect(values(after, ['ta', 'tb-in', 'ib', 'tb', 'tc-in', 'ic'])).toEqual([
      '-51.00',
      '51.00',
      '-17.00',
      '-34.00',
      '34.00',
      '-25.50',
    ]);
    const fifo = replayLedger('fifo', [...chain, price('A', 'r0', 1, '10', '7')]);
    // FIFO: the 6 that leave A are the 7.00 ones
    expect(values(fifo, ['ta', 'ib', 'tb', 'ic'])).toEqual(['-42.00', '-14.00', '-28.00', '-21.00']);
  });

  it('goods that go A → B → A are costed once each, in time order', () => {
    const moves = [
      price('A', 'r1', 1, '10', '10'),
      mv('A', 'ab', 2, '-10'),
      mv('B', 'ab-in', 2, '10', { source: 'transfer', ref: 'ab' }),
      mv('B', 'ba', 3, '-10'),
      mv('A', 'ba-in', 3, '10', { source: 'transfer', ref: 'ba' }),
      mv('A', 'i', 4, '-4'),
      price('A', 'r0', 1, '10', '13'), // back-dated, posted last
    ];
    const r = replayLedger('moving_average', moves);
    // A on day 1: 20 units, 230.00; 10 leave at 115.00, come back at 115.00; 4 out of 20 at 230.00
    expect(values(r, ['ab', 'ab-in', 'ba', 'ba-in', 'i'])).toEqual([
      '-115.00',
      '115.00',
      '-115.00',
      '115.00',
      '-46.00',
    ]);
    expect(r.firstNegative.size).toBe(0);
  });

  it('an arrival whose departure is not replayed takes the value it has now; an unknown one is refused', () => {
    const settled = new Map([['dep', { key: 'X:dep', qty: '-5.000000', value: '-52.50' }]]);
    const r = replayLedger('moving_average', [mv('B', 'in', 1, '5', { source: 'transfer', ref: 'dep' })], settled);
    expect(values(r, ['in'])).toEqual(['52.50']);
    expect(() => replayLedger('fifo', [mv('B', 'in2', 1, '5', { source: 'transfer', ref: 'nope' })])).toThrow(
      CostingError,
    );
  });

  it('says where a head first went below zero', () => {
    const r = replayLedger('fifo', [price('A', 'r', 2, '3', '1'), mv('A', 'i', 1, '-2'), mv('A', 'j', 3, '-1')]);
    expect(r.firstNegative.get('A')).toEqual({ date: d(1), qty: '-2.000000' });
  });

  it('a value given to a receipt afterwards (a landed cost) comes in with it: later issues and reversals take their share', () => {
    const moves = (extra?: string) => [
      price('A', 'r1', 1, '10', '12.50'),
      { ...price('A', 'r2', 2, '10', '14'), ...(extra ? { extra } : {}) },
      mv('A', 'i1', 3, '-12'),
      mv('A', 'back', 4, '-1', { source: 'reverse', ref: 'r2' }),
    ];
    // moving average: 125 + 140 + 20 = 285 over 20 → 12 × 14.25 = 171.00; the return takes 1/10 of r2's 160.00
    const ma = replayLedger('moving_average', moves('20.00'));
    expect(values(ma, ['r1', 'r2', 'i1', 'back'])).toEqual(['125.00', '160.00', '-171.00', '-16.00']);
    expect(values(replayLedger('moving_average', moves()), ['i1', 'back'])).toEqual(['-159.00', '-14.00']);
    // FIFO: r1's 125.00 and 2 units of r2's layer of 160.00
    const fifo = replayLedger('fifo', moves('20.00'));
    expect(values(fifo, ['r2', 'i1'])).toEqual(['160.00', '-157.00']);
    // given and taken out again: as if never given
    expect(values(replayLedger('fifo', moves('0.00')), ['r2', 'i1'])).toEqual(['140.00', '-153.00']);
  });
});
