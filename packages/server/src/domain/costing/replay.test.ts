import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { recostFrom, replay } from './replay';
import { sumsMatch } from './check';
import { issue, prng, receipt } from './test-helpers';
import { CostingError, type CostingMethod, type CostedMove, type Move } from './types';

const METHODS: CostingMethod[] = ['moving_average', 'fifo'];

// R1 10@10 (day 1), I1 −5 (day 3), R2 10@14 (day 4), I2 −8 (day 5); posted in that order
const history: Move[] = [
  receipt('R1', 1, '10', '10', 1),
  issue('I1', 3, '5', 2),
  receipt('R2', 4, '10', '14', 3),
  issue('I2', 5, '8', 4),
];
const values = (c: CostedMove[]) => c.map((x) => [x.move.id, x.value, x.balanceQty, x.balanceValue]);

describe('back-dated receipt', () => {
  it('moving average: R0 10@7 on day 2 re-costs I1 and I2', () => {
    const old = replay('moving_average', history);
    expect(values(old)).toEqual([
      ['R1', '100.00', '10.000000', '100.00'],
      ['I1', '-50.00', '5.000000', '50.00'],
      ['R2', '140.00', '15.000000', '190.00'],
      ['I2', '-101.33', '7.000000', '88.67'], // 8 × 190 / 15 = 101.333…
    ]);
    const r0 = receipt('R0', 2, '10', '7', 5); // posted last, dated day 2
    const { costed, changed } = recostFrom('moving_average', old, r0);
    expect(values(costed)).toEqual([
      ['R1', '100.00', '10.000000', '100.00'],
      ['R0', '70.00', '20.000000', '170.00'],
      ['I1', '-42.50', '15.000000', '127.50'], // average 8.50
      ['R2', '140.00', '25.000000', '267.50'],
      ['I2', '-85.60', '17.000000', '181.90'], // average 10.70
    ]);
    expect(changed).toEqual([
      { id: 'I1', oldValue: '-50.00', newValue: '-42.50' },
      { id: 'I2', oldValue: '-101.33', newValue: '-85.60' },
    ]);
    expect(costed).toEqual(replay('moving_average', [...history, r0]));
  });

  it('FIFO: R0 on day 2 is younger than R1, so only I2 changes', () => {
    const old = replay('fifo', history);
    expect(values(old).map((r) => r[1])).toEqual(['100.00', '-50.00', '140.00', '-92.00']); // I2: 5 × 10 + 3 × 14
    const r0 = receipt('R0', 2, '10', '7', 5);
    const { costed, changed } = recostFrom('fifo', old, r0);
    // I1 still takes 5 of R1 (50.00); I2 takes R1's last 5 (50.00) and 3 of R0 (21.00)
    expect(values(costed)).toEqual([
      ['R1', '100.00', '10.000000', '100.00'],
      ['R0', '70.00', '20.000000', '170.00'],
      ['I1', '-50.00', '15.000000', '120.00'],
      ['R2', '140.00', '25.000000', '260.00'],
      ['I2', '-71.00', '17.000000', '189.00'],
    ]);
    expect(changed).toEqual([{ id: 'I2', oldValue: '-92.00', newValue: '-71.00' }]);
    expect(costed).toEqual(replay('fifo', [...history, r0]));
  });

  it('FIFO: the same receipt dated before R1 re-costs I1 and I2', () => {
    const r0: Move = { ...receipt('R0', 1, '10', '7', 5), date: '2026-02-28T09:00:00Z' };
    const { costed, changed } = recostFrom('fifo', replay('fifo', history), r0);
    expect(changed).toEqual([
      { id: 'I1', oldValue: '-50.00', newValue: '-35.00' }, // 5 of R0
      { id: 'I2', oldValue: '-92.00', newValue: '-65.00' }, // 5 of R0 + 3 of R1
    ]);
    expect(costed[0].move.id).toBe('R0');
    expect(costed).toEqual(replay('fifo', [...history, r0]));
  });

  it.each(METHODS)('%s: a move dated after everything changes nothing before it', (method) => {
    const late = issue('I3', 9, '1', 5);
    const { costed, changed } = recostFrom(method, replay(method, history), late);
    expect(changed).toEqual([]);
    expect(costed).toEqual(replay(method, [...history, late]));
  });

  it.each(METHODS)('%s: refuses a duplicate id and a history out of ledger order', (method) => {
    const old = replay(method, history);
    expect(() => recostFrom(method, old, receipt('R1', 2, '1', '1', 9))).toThrow(CostingError);
    expect(() => recostFrom(method, [old[1], old[0]], receipt('R9', 2, '1', '1', 9))).toThrow(CostingError);
    expect(() => replay(method, [...history, history[0]])).toThrow(CostingError);
  });

  it('replay orders by date, then by posting order', () => {
    const c = replay('moving_average', [
      issue('I', 2, '1', 1),
      receipt('B', 1, '1', '2', 3),
      receipt('A', 1, '1', '1', 2),
    ]);
    expect(c.map((x) => x.move.id)).toEqual(['A', 'B', 'I']);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random ledgers. Each case is built from its own seed, so a failure names it.

const pick = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const dec2 = (cents: number) => new Decimal(cents).div(100).toFixed(2);

/**
 * 5–40 moves in ledger order (dates non-decreasing, seq = posting order), then shuffled.
 * Receipts at prices up to 2 decimals (some at a fixed value), quantities up to 2 decimals;
 * issues never exceed the running balance unless `negative` allows it, and often take all of it.
 */
function randomLedger(rnd: () => number, negative: boolean): Move[] {
  const n = pick(rnd, 5, 40);
  const moves: Move[] = [];
  let balance = new Decimal(0);
  let d = 1;
  for (let k = 0; k < n; k++) {
    d += pick(rnd, 0, 2);
    const date = `2026-03-${String(d).padStart(2, '0')}`;
    const wantIssue = rnd() < 0.45 && (negative || balance.gt(0));
    if (wantIssue) {
      const oversell = negative && (balance.lte(0) || rnd() < 0.3);
      let qty = oversell
        ? new Decimal(pick(rnd, 1, 3000)).div(100)
        : balance.times(rnd()).toDecimalPlaces(2, Decimal.ROUND_DOWN);
      if (!oversell && rnd() < 0.25) qty = balance; // empty the stock, often
      if (qty.isZero()) qty = negative ? new Decimal('0.01') : balance;
      moves.push({ id: `m${k}`, seq: k + 1, date, qty: qty.neg().toFixed(), kind: 'issue' });
      balance = balance.minus(qty);
    } else {
      const qty = new Decimal(pick(rnd, 1, 5000)).div(100);
      const m: Move = { id: `m${k}`, seq: k + 1, date, qty: qty.toFixed(), kind: 'receipt' };
      if (rnd() < 0.15) m.value = dec2(pick(rnd, 0, 500_000));
      else m.unitCost = dec2(pick(rnd, 0, 99_999));
      moves.push(m);
      balance = balance.plus(qty);
    }
  }
  for (let k = moves.length - 1; k > 0; k--) {
    const j = pick(rnd, 0, k);
    [moves[k], moves[j]] = [moves[j], moves[k]];
  }
  return moves;
}

/** A back-dated move: a receipt, or an issue small enough that no later balance goes negative. */
function backdatedMove(rnd: () => number, moves: Move[], negative: boolean): Move {
  const date = `2026-03-${String(pick(rnd, 1, 28)).padStart(2, '0')}`;
  const seq = moves.length + 1; // posted after everything, dated in the past
  const bd: Move = { id: 'bd', seq, date, qty: '1' };
  // the balances from the insertion point on, with a 1-unit probe in its place
  const later = replay('moving_average', [...moves, { ...bd, unitCost: '0' }]);
  const at = later.findIndex((c) => c.move.id === 'bd');
  const minAfter = Decimal.min(...later.slice(at).map((c) => new Decimal(c.balanceQty).minus(1)));
  if (rnd() < 0.5 && (negative || minAfter.gt('0.01'))) {
    const room = negative ? new Decimal(10) : minAfter;
    const qty = Decimal.max(room.times(rnd()).toDecimalPlaces(2, Decimal.ROUND_DOWN), '0.01');
    return { ...bd, qty: qty.neg().toFixed(), kind: 'issue' };
  }
  return {
    ...bd,
    qty: new Decimal(pick(rnd, 1, 5000)).div(100).toFixed(),
    unitCost: dec2(pick(rnd, 0, 99_999)),
    kind: 'receipt',
  };
}

function checkLedger(c: CostedMove[], negative: boolean): void {
  expect(sumsMatch(c)).toBe(true);
  const last = c[c.length - 1];
  const sum = c.reduce((s, x) => s.plus(x.value), new Decimal(0));
  expect(sum.toFixed(2)).toBe(last.balanceValue);
  for (const x of c) {
    if (x.balanceQty === '0.000000') expect(x.balanceValue).toBe('0.00');
    if (!negative) {
      expect(new Decimal(x.balanceQty).gte(0)).toBe(true);
      expect(new Decimal(x.balanceValue).gte(0)).toBe(true);
      expect(x.variance).toBeUndefined(); // nothing to absorb without negative stock
    }
  }
}

describe.each(METHODS)('%s properties (300 random ledgers)', (method) => {
  it.each([false, true])(
    'negative stock %s: recostFrom = replay, Σ = balance, 0 qty ⇒ 0.00, reproducible',
    (negative) => {
      let changedSeen = 0;
      for (let seed = 1; seed <= 300; seed++) {
        const rnd = prng(seed * 7919 + (negative ? 1 : 0));
        const moves = randomLedger(rnd, negative);
        const costed = replay(method, moves);
        checkLedger(costed, negative);

        // (c) reproducible: same moves, any input order, same costs
        expect(replay(method, moves)).toEqual(costed);
        expect(replay(method, [...moves].reverse())).toEqual(costed);

        // (a) inserting a back-dated move = replaying everything, row by row
        const bd = backdatedMove(rnd, moves, negative);
        const full = replay(method, [...moves, bd]);
        const { costed: recosted, changed } = recostFrom(method, costed, bd);
        expect(recosted).toEqual(full);
        checkLedger(full, negative);
        const expectedChanges = costed
          .filter((old) => full.find((x) => x.move.id === old.move.id)!.value !== old.value)
          .map((old) => ({
            id: old.move.id,
            oldValue: old.value,
            newValue: full.find((x) => x.move.id === old.move.id)!.value,
          }));
        expect(changed).toEqual(expectedChanges);
        changedSeen += changed.length;
      }
      expect(changedSeen).toBeGreaterThan(100); // the back-dated moves really do re-cost later ones
    },
  );
});
