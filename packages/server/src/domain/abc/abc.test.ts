import { describe, expect, it } from 'vitest';
import { AbcError, classify, dueForCount } from './index';

describe('ABC classes by value issued', () => {
  it('classifies a worked example at 80 / 95 %', () => {
    // total 10,000.00: 5,000 (50 %) 2,500 (25 %) 1,000 (10 %) 800 (8 %) 400 (4 %) 200 (2 %) 100 (1 %) 0
    const rows = classify([
      { skuId: 7, value: '100.00' },
      { skuId: 1, value: '5000.00' },
      { skuId: 3, value: '1000.00' },
      { skuId: 2, value: '2500.00' },
      { skuId: 8, value: '0' },
      { skuId: 4, value: '800.00' },
      { skuId: 6, value: '200.00' },
      { skuId: 5, value: '400.00' },
    ]);
    expect(rows.map((r) => [r.skuId, r.share, r.cumulative, r.abcClass])).toEqual([
      [1, '50.0000', '50.0000', 'A'],
      [2, '25.0000', '75.0000', 'A'],
      // 75 % before it: still A although it takes the cumulative share to 85 %
      [3, '10.0000', '85.0000', 'A'],
      [4, '8.0000', '93.0000', 'B'],
      [5, '4.0000', '97.0000', 'B'],
      [6, '2.0000', '99.0000', 'C'],
      [7, '1.0000', '100.0000', 'C'],
      [8, '0.0000', '100.0000', 'C'],
    ]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('one SKU with 90 % of the value is A; ties rank by SKU id; configurable cut-offs', () => {
    expect(
      classify([
        { skuId: 2, value: '90' },
        { skuId: 1, value: '10' },
      ]).map((r) => r.abcClass),
    ).toEqual(['A', 'B']);
    const tie = classify(
      [
        { skuId: 9, value: '30' },
        { skuId: 3, value: '30' },
        { skuId: 5, value: '40' },
      ],
      { a: '40', b: '70' },
    );
    // 5: 0 % before → A; 3: 40 % before (not below 40) → B; 9: 70 % before → C
    expect(tie.map((r) => [r.skuId, r.abcClass])).toEqual([
      [5, 'A'],
      [3, 'B'],
      [9, 'C'],
    ]);
  });

  it('shares to 4 places from exact thirds; nothing issued is all C; bad cut-offs are refused', () => {
    const thirds = classify(
      [
        { skuId: 1, value: '1.00' },
        { skuId: 2, value: '1.00' },
        { skuId: 3, value: '1.00' },
      ],
      { a: '50', b: '90' },
    );
    expect(thirds.map((r) => [r.share, r.cumulative, r.abcClass])).toEqual([
      ['33.3333', '33.3333', 'A'],
      ['33.3333', '66.6667', 'A'],
      ['33.3333', '100.0000', 'B'],
    ]);
    expect(classify([{ skuId: 1, value: '0.00' }]).map((r) => r.abcClass)).toEqual(['C']);
    expect(() => classify([], { a: '0', b: '95' })).toThrow(AbcError);
    expect(() => classify([], { a: '90', b: '80' })).toThrow(AbcError);
    expect(() => classify([], { a: '80', b: '100.5' })).toThrow(AbcError);
  });
});

describe('cycle-count plan from the classes', () => {
  it('lists what is due by class review days, most overdue first', () => {
    const due = dueForCount(
      [
        { skuId: 1, abcClass: 'A', lastCountedOn: '2026-11-18' }, // due 11-25: today
        { skuId: 2, abcClass: 'A', lastCountedOn: '2026-11-19' }, // due 11-26: not yet
        { skuId: 3, abcClass: 'B', lastCountedOn: '2026-11-01' }, // due 11-15: 10 days over
        { skuId: 4, abcClass: 'C', lastCountedOn: '2026-10-30' }, // due 11-29: not yet
        { skuId: 5, abcClass: 'C', lastCountedOn: null }, // never counted: due today
        { skuId: 6, abcClass: 'C', lastCountedOn: '2026-10-20' }, // due 11-19: 6 over
      ],
      '2026-11-25',
    );
    expect(due.map((d) => [d.skuId, d.dueOn, d.overdueDays])).toEqual([
      [3, '2026-11-15', 10],
      [6, '2026-11-19', 6],
      [1, '2026-11-25', 0],
      [5, '2026-11-25', 0],
    ]);
    // other review days: A every 3 days
    expect(
      dueForCount([{ skuId: 2, abcClass: 'A', lastCountedOn: '2026-11-19' }], '2026-11-25', { A: 3, B: 14, C: 30 }),
    ).toEqual([{ skuId: 2, abcClass: 'A', lastCountedOn: '2026-11-19', dueOn: '2026-11-22', overdueDays: 3 }]);
  });
});
