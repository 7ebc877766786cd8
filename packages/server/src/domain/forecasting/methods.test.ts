import { describe, expect, it } from 'vitest';
import { holt } from './holt';
import { holtWinters } from './holt-winters';
import { movingAverage } from './moving-average';
import { ses } from './ses';
import { ForecastError } from './types';

const PATTERN = [10, 12, 14, 30, 16, 8, 5]; // one week, Monday first
const repeat = (p: number[], times: number) => Array.from({ length: p.length * times }, (_, t) => p[t % p.length]);

describe('simple moving average', () => {
  it('[10, 12, 14] with window 3 forecasts 12', () => {
    const f = movingAverage([10, 12, 14], { window: 3 });
    expect(f.forecast(2)).toEqual([12, 12]); // (10 + 12 + 14) / 3
    expect(f.firstFitted).toBe(3);
    expect(f.fitted.every(Number.isNaN)).toBe(true);
  });

  it('fits one step ahead and slides the window', () => {
    const f = movingAverage([10, 12, 14, 20], { window: 3 });
    expect(f.fitted[3]).toBe(12); // forecast of 20 from 10, 12, 14
    expect(f.forecast(1)).toEqual([(12 + 14 + 20) / 3]);
  });

  it('needs `window` points', () => {
    expect(() => movingAverage([1, 2], { window: 3 })).toThrow(ForecastError);
    expect(() => movingAverage([1, 2], { window: 0 })).toThrow(ForecastError);
  });
});

describe('simple exponential smoothing', () => {
  it('alpha 0.5 on [10, 20, 10, 30], step by step', () => {
    // level₀ = 10
    // t=1: fitted 10,   level = 0.5·20 + 0.5·10   = 15
    // t=2: fitted 15,   level = 0.5·10 + 0.5·15   = 12.5
    // t=3: fitted 12.5, level = 0.5·30 + 0.5·12.5 = 21.25
    const f = ses([10, 20, 10, 30], { alpha: 0.5 });
    expect(f.fitted).toEqual([NaN, 10, 15, 12.5]);
    expect(f.forecast(3)).toEqual([21.25, 21.25, 21.25]);
  });

  it('alpha 1 is the naive forecast; alpha outside (0, 1] is refused', () => {
    expect(ses([3, 8, 5], { alpha: 1 }).forecast(1)).toEqual([5]);
    expect(() => ses([3], { alpha: 0 })).toThrow(ForecastError);
    expect(() => ses([3], { alpha: 1.1 })).toThrow(ForecastError);
    expect(() => ses([], { alpha: 0.5 })).toThrow(ForecastError);
  });
});

describe("Holt's linear trend", () => {
  it('hand-worked: [10, 12, 15] with alpha 0.5, beta 0.5', () => {
    // level₁ = 12, trend₁ = 2; t=2: fitted 14, level = 0.5·15 + 0.5·14 = 14.5,
    // trend = 0.5·(14.5 − 12) + 0.5·2 = 2.25; forecast 14.5 + 2.25k → 16.75, 19
    const f = holt([10, 12, 15], { alpha: 0.5, beta: 0.5 });
    expect(f.fitted).toEqual([NaN, NaN, 14]);
    expect(f.forecast(2)).toEqual([16.75, 19]);
  });

  it.each([
    [0.1, 0.01],
    [0.5, 0.2],
    [0.9, 0.3],
  ])('forecasts a perfectly linear series exactly (alpha %s, beta %s)', (alpha, beta) => {
    const line = Array.from({ length: 12 }, (_, t) => 5 + 3 * t); // 5, 8, …, 38
    const f = holt(line, { alpha, beta });
    f.forecast(3).forEach((x, k) => expect(x).toBeCloseTo(41 + 3 * k, 9)); // 41, 44, 47
    for (let t = 2; t < line.length; t++) expect(f.fitted[t]).toBeCloseTo(line[t], 9);
  });

  it('a falling line forecasts below zero (selection clamps, the method does not)', () => {
    expect(holt([10, 6, 2], { alpha: 0.5, beta: 0.5 }).forecast(1)[0]).toBeCloseTo(-2, 9);
  });
});

describe('Holt-Winters (additive)', () => {
  it.each([2, 3])('reproduces a perfectly seasonal series (period 7, %s seasons)', (seasons) => {
    const f = holtWinters(repeat(PATTERN, seasons), { alpha: 0.3, beta: 0.1, gamma: 0.2, seasonLength: 7 });
    // the next day is a Monday again; 10 days wrap around into the following week
    f.forecast(10).forEach((x, k) => expect(x).toBeCloseTo(PATTERN[k % 7], 9));
    expect(f.firstFitted).toBe(14);
    for (let t = 14; t < 7 * seasons; t++) expect(f.fitted[t]).toBeCloseTo(PATTERN[t % 7], 9);
  });

  it('reproduces a line plus a season', () => {
    const y = Array.from({ length: 21 }, (_, t) => 50 + 2 * t + PATTERN[t % 7]);
    const f = holtWinters(y, { alpha: 0.7, beta: 0.2, gamma: 0.4, seasonLength: 7 });
    f.forecast(7).forEach((x, k) => expect(x).toBeCloseTo(50 + 2 * (21 + k) + PATTERN[k], 9));
  });

  it('hand-worked initial state, season 2', () => {
    // y = [1, 3, 3, 5], m = 2: A₁ = 2, A₂ = 4, trend = (4 − 2)/2 = 1, level at t=1 = 2 + 1·½ = 2.5
    // s₀ = ((1 − (2 − ½)) + (3 − (4 − ½)))/2 = −0.5, s₁ = +0.5
    // t=2: level = ½(3 + 0.5) + ½(2.5 + 1) = 3.5, trend = ½·1 + ½·1 = 1, s₀ = ½(3 − 3.5) + ½(−0.5) = −0.5
    // t=3: level = ½(5 − 0.5) + ½(3.5 + 1) = 4.5, trend = 1, s₁ = ½(5 − 4.5) + ½·0.5 = 0.5
    // forecast: 4.5 + 1 − 0.5 = 5, 4.5 + 2 + 0.5 = 7
    const f = holtWinters([1, 3, 3, 5], { alpha: 0.5, beta: 0.5, gamma: 0.5, seasonLength: 2 });
    expect(f.forecast(2)).toEqual([5, 7]);
  });

  it('needs two full seasons', () => {
    expect(() =>
      holtWinters(repeat(PATTERN, 2).slice(1), { alpha: 0.5, beta: 0.1, gamma: 0.1, seasonLength: 7 }),
    ).toThrow(/at least 14 points/);
    expect(() => holtWinters([1, 2, 3, 4], { alpha: 0.5, beta: 0.1, gamma: 0.1, seasonLength: 1 })).toThrow(
      ForecastError,
    );
  });
});
