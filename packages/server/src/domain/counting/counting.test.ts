import { describe, expect, it } from 'vitest';
import { accuracyOf, coveredByCount, evaluateLine, nextRound, toleranceFor, type CountEntry } from './index';

const c = (round: number, countedBy: number, qty: string): CountEntry => ({ round, countedBy, qty });

describe('blind counting of a line', () => {
  it('two agreeing counts settle the line; the difference is counted − expected', () => {
    expect(evaluateLine('10', [c(1, 5, '10'), c(2, 6, '10')])).toEqual({
      status: 'settled',
      recountCause: null,
      finalQty: '10',
      difference: '0',
    });
    // within a tolerance of 1 unit: settled at 9, a difference of −1 all the same
    expect(evaluateLine('10', [c(1, 5, '9'), c(2, 6, '9')], { qty: '1', pct: '0' })).toMatchObject({
      status: 'settled',
      finalQty: '9',
      difference: '-1',
    });
  });

  it('counters who differ, or agree beyond the tolerance, need a recount, which is final', () => {
    expect(evaluateLine('10', [c(1, 5, '10')])).toMatchObject({ status: 'pending' });
    expect(evaluateLine('10', [c(1, 5, '10'), c(2, 6, '8')])).toEqual({
      status: 'recount',
      recountCause: 'counters_differ',
      finalQty: null,
      difference: null,
    });
    expect(evaluateLine('10', [c(1, 5, '8'), c(2, 6, '8')])).toMatchObject({
      status: 'recount',
      recountCause: 'beyond_tolerance',
    });
    expect(evaluateLine('10', [c(1, 5, '10'), c(2, 6, '8'), c(3, 7, '7.5')])).toEqual({
      status: 'settled',
      recountCause: 'counters_differ',
      finalQty: '7.5',
      difference: '-2.5',
    });
  });

  it('tolerance is the larger of a quantity and a percentage of the expected', () => {
    expect(toleranceFor('200', { qty: '1', pct: '2.5' }).toFixed()).toBe('5');
    expect(toleranceFor('20', { qty: '1', pct: '2.5' }).toFixed()).toBe('1');
    // 2.5 % of 200 is 5: 195 agreed by both is within it, 194 is not
    expect(evaluateLine('200', [c(1, 1, '195'), c(2, 2, '195')], { qty: '0', pct: '2.5' }).status).toBe('settled');
    expect(evaluateLine('200', [c(1, 1, '194'), c(2, 2, '194')], { qty: '0', pct: '2.5' }).status).toBe('recount');
  });

  it('takes the rounds in order and refuses the same person twice, settled lines and negatives', () => {
    expect(nextRound('pending', [], 5, '3')).toEqual({ round: 1 });
    expect(nextRound('pending', [c(1, 5, '3')], 6, '3')).toEqual({ round: 2 });
    expect(nextRound('pending', [c(1, 5, '3')], 5, '4')).toMatchObject({ code: 'SAME_COUNTER' });
    expect(nextRound('recount', [c(1, 5, '3'), c(2, 6, '4')], 6, '4')).toMatchObject({ code: 'SAME_COUNTER' });
    expect(nextRound('recount', [c(1, 5, '3'), c(2, 6, '4')], 7, '4')).toEqual({ round: 3 });
    expect(nextRound('settled', [c(1, 5, '3'), c(2, 6, '3')], 7, '3')).toMatchObject({ code: 'LINE_SETTLED' });
    expect(nextRound('pending', [], 5, '-1')).toMatchObject({ code: 'NEGATIVE_QTY' });
  });
});

describe('accuracy of a count', () => {
  it('counts the lines right and sums gains and losses', () => {
    expect(
      accuracyOf([
        { difference: '0', value: '0' },
        { difference: '2', value: '24.00' },
        { difference: '-1', value: '-11.50' },
        { difference: '0', value: '0.00' },
        { difference: '-3', value: '-4.25' },
        { difference: '0', value: '0' },
      ]),
    ).toEqual({
      linesCounted: 6,
      linesRight: 3,
      accuracyPct: '50.00',
      gainValue: '24.00',
      lossValue: '15.75',
      netValue: '8.25',
    });
    expect(accuracyOf([]).accuracyPct).toBe('100.00');
    expect(
      accuracyOf([
        { difference: '0', value: '0' },
        { difference: '0', value: '0' },
        { difference: '1', value: '1' },
      ]).accuracyPct,
    ).toBe('66.67');
  });
});

describe('what an open blind count covers', () => {
  const scopes = [
    { warehouseId: 1, binIds: [10, 11], skuIds: null },
    { warehouseId: 2, binIds: null, skuIds: [7] },
  ];
  it('a zone count covers its bins and, summed over the warehouse, every SKU there', () => {
    expect(coveredByCount(scopes, 1, 5, 10)).toBe(true);
    expect(coveredByCount(scopes, 1, 5, 12)).toBe(false);
    expect(coveredByCount(scopes, 1, 5, 0)).toBe(false);
    expect(coveredByCount(scopes, 1, 5)).toBe(true);
  });
  it('a SKU list covers only those SKUs, in every bin and outside bins', () => {
    expect(coveredByCount(scopes, 2, 7, 0)).toBe(true);
    expect(coveredByCount(scopes, 2, 7)).toBe(true);
    expect(coveredByCount(scopes, 2, 8)).toBe(false);
    expect(coveredByCount(scopes, 3, 7)).toBe(false);
    expect(coveredByCount([], 1, 5)).toBe(false);
  });
});
