import { describe, expect, it } from 'vitest';
import {
  DrawError,
  entryRoll,
  prizeForRoll,
  qualifies,
  seedHash,
  settleEntries,
  validatePrizes,
  type DrawPrize,
} from './draw';

// rolls worked out with openssl and python, not with this code:
//   echo -n 3 | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED → 1660ab3daf39… → 0x1660ab3daf39·10⁶ >> 48 = 87412
const SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const ROLLS: Record<number, number> = {
  1: 466334,
  2: 503383,
  3: 87412,
  4: 187397,
  5: 915442,
  6: 889267,
  7: 264777,
  8: 67919,
  9: 454790,
  10: 270867,
  11: 166354,
  17: 280485,
  18: 79027,
  19: 225337,
};

const prizes: DrawPrize[] = [
  { id: 'A', name: '茶具', kind: 'SKU', odds: '10', quantity: 2, unitCost: '80.00' },
  { id: 'B', name: '20元券', kind: 'COUPON', odds: '20', quantity: 3, unitCost: '20' },
  { id: 'N', name: '谢谢参与', kind: 'NONE', odds: '30', quantity: null, unitCost: '0' },
];

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DrawError).code;
  }
  return null;
};

describe('lucky draw: results from the seed', () => {
  it('the commitment is SHA-256 of the seed bytes', () => {
    expect(seedHash(SEED)).toBe('630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd');
  });

  it('each roll is the HMAC of the entry id mapped onto parts per million', () => {
    for (const [id, roll] of Object.entries(ROLLS)) expect(entryRoll(SEED, id)).toBe(roll);
  });

  it('a roll falls in the first cumulative band that holds it: A [0, 100000), B [100000, 300000), N [300000, 600000)', () => {
    expect(prizeForRoll(0, prizes)?.id).toBe('A');
    expect(prizeForRoll(99_999, prizes)?.id).toBe('A');
    expect(prizeForRoll(100_000, prizes)?.id).toBe('B');
    expect(prizeForRoll(599_999, prizes)?.id).toBe('N');
    expect(prizeForRoll(600_000, prizes)).toBeNull();
  });

  it('entries settle in id order; a prize given out falls through to nothing and says so', () => {
    const ids = Array.from({ length: 20 }, (_, i) => 20 - i); // given in any order
    const { results, remaining } = settleEntries(SEED, ids, prizes);
    const by = Object.fromEntries(results.map((r) => [r.entryId, r]));
    expect(results.map((r) => r.entryId).slice(0, 3)).toEqual(['1', '2', '3']);
    expect(results.filter((r) => r.prize === 'A').map((r) => r.entryId)).toEqual(['3', '8']);
    expect(results.filter((r) => r.prize === 'B').map((r) => r.entryId)).toEqual(['4', '7', '10']);
    expect(results.filter((r) => r.exhausted).map((r) => [r.entryId, r.picked])).toEqual([
      ['11', 'B'],
      ['17', 'B'],
      ['18', 'A'],
      ['19', 'B'],
    ]);
    const none = { budgetSpent: false, cost: null };
    expect(by['1']).toEqual({ entryId: '1', roll: 466334, picked: 'N', prize: 'N', exhausted: false, ...none });
    expect(by['5']).toEqual({ entryId: '5', roll: 915442, picked: null, prize: null, exhausted: false, ...none });
    expect(remaining).toEqual({ A: 0, B: 0 });
  });

  it('the budget stops prizes once their cost would pass it: 80 + 20 + 20 of 130, then 85 and 20 do not fit', () => {
    // entry 8's 茶具 costs 85 where it is issued (the stock's cost), the rest their prize's unit cost
    const cost = (id: string, p: DrawPrize) => (id === '8' ? '85' : p.unitCost);
    const ids = Array.from({ length: 20 }, (_, i) => i + 1);
    const { results, remaining, budgetLeft } = settleEntries(SEED, ids, prizes, {}, { left: '130', cost });
    expect(results.filter((r) => r.prize && r.prize !== 'N').map((r) => [r.entryId, r.prize, r.cost])).toEqual([
      ['3', 'A', '80.00'],
      ['4', 'B', '20.00'],
      ['7', 'B', '20.00'],
    ]);
    expect(results.filter((r) => r.budgetSpent).map((r) => [r.entryId, r.picked, r.cost])).toEqual([
      ['8', 'A', '85.00'],
      ['10', 'B', '20.00'],
      ['11', 'B', '20.00'],
      ['17', 'B', '20.00'],
      ['18', 'A', '80.00'],
      ['19', 'B', '20.00'],
    ]);
    expect(results.filter((r) => r.exhausted)).toEqual([]);
    expect(remaining).toEqual({ A: 1, B: 1 });
    expect(budgetLeft).toBe('10.00');
    // in two chunks, the second starting from what the first left, the same
    const first = settleEntries(SEED, ids.slice(0, 7), prizes, {}, { left: '130', cost });
    const second = settleEntries(SEED, ids.slice(7), prizes, first.remaining, { left: first.budgetLeft!, cost });
    expect([...first.results, ...second.results]).toEqual(results);
  });

  it('settling in two chunks with what is left equals settling at once', () => {
    const all = settleEntries(SEED, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], prizes);
    const first = settleEntries(SEED, [1, 2, 3, 4, 5, 6, 7], prizes);
    const second = settleEntries(SEED, [8, 9, 10, 11, 12], prizes, first.remaining);
    expect([...first.results, ...second.results]).toEqual(all.results);
    expect(second.remaining).toEqual(all.remaining);
  });

  it('a seed that is not 32 bytes of hex is refused', () => {
    expect(code(() => entryRoll('abc', 1))).toBe('DRAW_INVALID_SEED');
    expect(code(() => seedHash(SEED.toUpperCase()))).toBe('DRAW_INVALID_SEED');
  });
});

describe('lucky draw: prizes checked', () => {
  it('odds and cost within limits: the cost of the prizes is 2 × 80 + 3 × 20', () => {
    expect(validatePrizes(prizes, '220')).toEqual({ totalPpm: 600_000, cost: '220.00' });
    expect(validatePrizes(prizes, null).cost).toBe('220.00');
  });

  it('odds above 100 % together, zero, negative or finer than 0.0001 % are refused', () => {
    const more = [
      ...prizes,
      { id: 'C', name: 'C', kind: 'COUPON', odds: '40.0001', quantity: 1, unitCost: '1' } as DrawPrize,
    ];
    expect(code(() => validatePrizes(more, null))).toBe('DRAW_ODDS_OVER_100');
    const exactly = [
      ...prizes,
      { id: 'C', name: 'C', kind: 'COUPON', odds: '40', quantity: 1, unitCost: '1' } as DrawPrize,
    ];
    expect(validatePrizes(exactly, null).totalPpm).toBe(1_000_000);
    for (const odds of ['0', '-5', '0.00001', 'x'])
      expect(code(() => validatePrizes([{ ...prizes[0], odds }], null))).toBe('DRAW_INVALID_ODDS');
  });

  it('prizes costing more than the budget are refused with the figures', () => {
    try {
      validatePrizes(prizes, '219.99');
      expect.unreachable();
    } catch (e) {
      expect((e as DrawError).code).toBe('DRAW_OVER_BUDGET');
      expect((e as DrawError).params).toEqual({ cost: '220.00', budget: '219.99' });
    }
  });

  it('a SKU or coupon prize needs a quantity of at least 1 and a cost of at least 0', () => {
    expect(code(() => validatePrizes([{ ...prizes[0], quantity: 0 }], null))).toBe('DRAW_INVALID_PRIZE');
    expect(code(() => validatePrizes([{ ...prizes[1], quantity: null }], null))).toBe('DRAW_INVALID_PRIZE');
    expect(code(() => validatePrizes([{ ...prizes[0], unitCost: '-1' }], null))).toBe('DRAW_INVALID_PRIZE');
  });
});

describe('lucky draw: which orders earn an entry', () => {
  const order = { channel: '1', store: '5', tier: '2', at: '2026-12-06T10:00', total: '300.00' };
  it('the cart-level rules of promotions and a minimum amount', () => {
    expect(qualifies({}, order)).toBe(true);
    expect(qualifies({ minAmount: '300' }, order)).toBe(true);
    expect(qualifies({ minAmount: '300.01' }, order)).toBe(false);
    expect(qualifies({ channels: ['2'] }, order)).toBe(false);
    expect(qualifies({ stores: ['5'], tiers: ['2'] }, order)).toBe(true);
    expect(qualifies({ tiers: ['3'] }, order)).toBe(false);
    expect(qualifies({ from: '2026-12-06T10:01', to: '2026-12-31T00:00' }, order)).toBe(false);
    expect(qualifies({ from: '2026-12-01T00:00', to: '2026-12-06T10:00' }, order)).toBe(false);
    expect(qualifies({ hours: [{ from: '09:00', to: '12:00' }] }, order)).toBe(true);
  });
});
