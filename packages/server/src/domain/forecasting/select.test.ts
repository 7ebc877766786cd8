import { describe, expect, it } from 'vitest';
import { prng } from '../costing/test-helpers';
import { backtest, backtestByRefit, backtestLength, errorMeasures, minimumForSelection } from './backtest';
import { fitBest, minimumToFit } from './models';
import { selectMethod, toQtyStrings } from './select';
import { ForecastError, METHODS } from './types';

const PATTERN = [10, 12, 14, 30, 16, 8, 5];
const seasonal = (days: number, trend = 0) => Array.from({ length: days }, (_, t) => PATTERN[t % 7] + trend * t);

describe('error measures', () => {
  it('MAE, RMSE and MAPE (zeros skipped), hand-worked', () => {
    // errors −2, −1, 5 → MAE 8/3, RMSE √((4 + 1 + 25)/3) = √10; MAPE over actuals 10 and 20: (2/10 + 5/20)/2 = 22.5 %
    const e = errorMeasures([10, 0, 20], [12, 1, 15]);
    expect(e.mae).toBeCloseTo(8 / 3, 12);
    expect(e.rmse).toBeCloseTo(Math.sqrt(10), 12);
    expect(e.mape).toBeCloseTo(22.5, 12);
    expect(e.mapePoints).toBe(2);
  });

  it('MAPE is absent when every actual is 0', () => {
    const e = errorMeasures([0, 0], [1, 3]);
    expect(e).toEqual({ mae: 2, rmse: Math.sqrt(5), mapePoints: 0 });
    expect('mape' in e).toBe(false);
  });

  it('back-test window k = min(28, ⌊n/4⌋), at least 1 from 2 points', () => {
    expect([0, 1, 2, 7, 10, 100, 112, 116, 400].map((n) => backtestLength(n))).toEqual([0, 0, 1, 1, 2, 25, 28, 28, 28]);
  });

  it('minimum lengths: grid search and selection', () => {
    expect([
      minimumToFit('moving_average', 7),
      minimumToFit('ses', 7),
      minimumToFit('holt', 7),
      minimumToFit('holt_winters', 7),
    ]).toEqual([4, 2, 3, 15]);
    // n − k(n) must reach the grid minimum: 5 − 1, 3 − 1, 4 − 1, 19 − 4
    expect([
      minimumForSelection('moving_average', 7),
      minimumForSelection('ses', 7),
      minimumForSelection('holt', 7),
      minimumForSelection('holt_winters', 7),
    ]).toEqual([5, 3, 4, 19]);
    expect(backtest('holt_winters', seasonal(18), 7)).toBeUndefined();
    expect(backtest('holt_winters', seasonal(19), 7)?.from).toBe(15);
  });
});

describe('grid search', () => {
  it('picks the window that fits a step change best, by one-step squared error', () => {
    // the level moves from 10 to 20 at t = 10: the shortest window (3) follows it fastest
    const y = [...Array(10).fill(10), ...Array(20).fill(20)];
    expect(fitBest('moving_average', y, 7)?.spec).toEqual({ method: 'moving_average', params: { window: 3 } });
    expect(fitBest('ses', y, 7)?.spec.params).toEqual({ alpha: 1 });
  });

  it('skips candidates the history is too short for', () => {
    expect(fitBest('moving_average', [1, 2, 3, 4, 5], 7)?.spec.params).toEqual({ window: 3 });
    expect(fitBest('moving_average', [1, 2, 3], 7)).toBeUndefined();
  });
});

describe('rolling-origin back-test', () => {
  it('refits on the data before each origin and forecasts one step', () => {
    // n = 8 → k = 2: origins 6 and 7.
    // Origin 6, training [1, 1, 1, 1, 1, 8]: every alpha forecasts t=5 as 1 (error 7), a tie, so
    // the first of the grid (0.1) is kept: level = 0.1·8 + 0.9·1 = 1.7 → forecast of t=6 is 1.7.
    // Origin 7, training [1, 1, 1, 1, 1, 8, 8]: errors 7 and 7(1 − α), least at α = 1 → forecast 8.
    const y = [1, 1, 1, 1, 1, 8, 8, 8];
    const b = backtest('ses', y, 7)!;
    expect(b.from).toBe(6);
    expect(b.actual).toEqual([8, 8]);
    expect(b.predicted[0]).toBeCloseTo(1.7, 12);
    expect(b.predicted[1]).toBe(8);
    expect(b.error.mae).toBeCloseTo((6.3 + 0) / 2, 12);
    expect(b.error.rmse).toBeCloseTo(Math.sqrt(6.3 ** 2 / 2), 12);
  });
});

describe('selectMethod', () => {
  it('no history: empty or all zeros, never a made-up forecast', () => {
    expect(selectMethod([])).toEqual({ ok: false, reason: 'NO_HISTORY' });
    expect(selectMethod([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ ok: false, reason: 'NO_HISTORY' });
  });

  it('too little history for any method says how much each needs', () => {
    expect(selectMethod([5, 6])).toEqual({
      ok: false,
      reason: 'TOO_LITTLE_HISTORY',
      length: 2,
      minimum: { moving_average: 5, ses: 3, holt: 4, holt_winters: 19 },
    });
    // SES is eligible from 3 points, but a fixed Holt-Winters is not
    const short = selectMethod([5, 6, 7], { horizon: 2 });
    expect(short.ok && [short.method, short.candidates.map((c) => c.method)]).toEqual(['ses', ['ses']]);
    expect(selectMethod(seasonal(14), { fixed: 'holt_winters' })).toMatchObject({
      ok: false,
      reason: 'TOO_LITTLE_HISTORY',
    });
  });

  it('picks Holt for a straight line (Holt-Winters fits it too; the simpler method wins the tie)', () => {
    const line = Array.from({ length: 40 }, (_, t) => 20 + 2 * t);
    const s = selectMethod(line, { horizon: 3 });
    if (!s.ok) throw new Error('expected a forecast');
    expect(s.method).toBe('holt');
    expect(s.error.mae).toBeLessThan(1e-9);
    s.forecast.forEach((x, k) => expect(x).toBeCloseTo(100 + 2 * k, 9)); // 100, 102, 104
    expect(s.candidates.map((c) => c.method)).toEqual(['moving_average', 'ses', 'holt', 'holt_winters']);
    expect(s.candidates.find((c) => c.method === 'ses')!.error.mae).toBeGreaterThan(1); // SES lags a trend
  });

  it('picks Holt for a noisy trend of two weeks', () => {
    const r = prng(3);
    const y = Array.from({ length: 14 }, (_, t) => 20 + 3 * t + Math.round((r() - 0.5) * 4));
    const s = selectMethod(y);
    expect(s.ok && s.method).toBe('holt');
  });

  it.each([21, 28])('picks Holt-Winters for a weekly season (%s days) and reproduces it', (days) => {
    const s = selectMethod(seasonal(days), { horizon: 10 });
    if (!s.ok) throw new Error('expected a forecast');
    expect(s.method).toBe('holt_winters');
    expect(s.params).toMatchObject({ seasonLength: 7 });
    expect(s.error.mae).toBeLessThan(1e-9);
    // the history ends after a full week, so the forecast starts again at the pattern's first day
    s.forecast.forEach((x, k) => expect(x).toBeCloseTo(PATTERN[k % 7], 9));
    for (const c of s.candidates.filter((c) => c.method !== 'holt_winters')) expect(c.error.mae).toBeGreaterThan(3);
  });

  it('picks Holt-Winters for a noisy, trending season', () => {
    const r = prng(11);
    const y = seasonal(56, 0.5).map((x) => x + (r() - 0.5) * 3);
    const s = selectMethod(y);
    expect(s.ok && s.method).toBe('holt_winters');
  });

  it('a constant series: every method is exact, the simplest (moving average) is chosen', () => {
    const s = selectMethod(Array(12).fill(5), { horizon: 2 });
    expect(s).toMatchObject({ ok: true, method: 'moving_average', params: { window: 3 }, forecast: [5, 5] });
  });

  it('a fixed method is used even when another back-tests better', () => {
    const s = selectMethod(seasonal(28), { fixed: 'ses', horizon: 1 });
    expect(s).toMatchObject({ ok: true, method: 'ses' });
    expect(s.ok && s.candidates.map((c) => c.method)).toEqual(['ses']);
  });

  it('parameters a user fixed replace their grid; the others are still searched', () => {
    const y = [...Array(10).fill(10), ...Array(20).fill(20)];
    // the grid would take window 3 (it follows the step fastest); a chosen 7 is kept
    const ma = selectMethod(y, { fixed: 'moving_average', params: { window: 7 }, horizon: 1 });
    expect(ma).toMatchObject({ ok: true, method: 'moving_average', params: { window: 7 }, forecast: [20] });
    const ses = selectMethod(y, { fixed: 'ses', params: { alpha: 0.5 }, horizon: 1 });
    expect(ses).toMatchObject({ ok: true, params: { alpha: 0.5 } });
    const holt = selectMethod(y, { fixed: 'holt', params: { beta: 0.3 } });
    expect(holt.ok && (holt.params as { beta: number }).beta).toBe(0.3);
    // a window longer than the history leaves nothing to back-test
    expect(selectMethod(y, { fixed: 'moving_average', params: { window: 28 } })).toMatchObject({
      ok: false,
      reason: 'TOO_LITTLE_HISTORY',
    });
    expect(() => selectMethod(y, { params: { window: 7 } })).toThrow(ForecastError);
  });
  it('ranks by RMSE when asked', () => {
    const r = prng(5);
    const y = Array.from({ length: 40 }, () => 10 + Math.round((r() - 0.5) * 8));
    const s = selectMethod(y, { criterion: 'rmse' });
    if (!s.ok) throw new Error('expected a forecast');
    const rmses = s.candidates.map((c) => c.error.rmse);
    expect(s.error.rmse).toBe(Math.min(...rmses));
  });

  it('reports negative forecasts as 0', () => {
    const falling = Array.from({ length: 20 }, (_, t) => 40 - 2 * t); // 40 … 2
    const s = selectMethod(falling, { horizon: 4 });
    expect(s.ok && s.method).toBe('holt');
    expect(s.ok && s.forecast.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 0, 0, 0]); // raw: 0, −2, −4, −6
  });

  it('refuses non-numbers', () => {
    expect(() => selectMethod([1, NaN, 2])).toThrow(ForecastError);
    expect(() => selectMethod([1, 2, 3], { seasonLength: 1 })).toThrow(ForecastError);
  });
});

describe('rounding at the API boundary', () => {
  it('rounds half-up at the unit scale, ignoring float noise below 1e-6', () => {
    expect(toQtyStrings([20 / 7, 0.5, 1.005, 2.4999, 2.4999999999, -0.0000001], 0)).toEqual([
      '3',
      '1',
      '1',
      '2',
      '3',
      '0',
    ]);
    expect(toQtyStrings([1.005, 0.125, 10], 2)).toEqual(['1.01', '0.13', '10.00']);
  });
});

describe('the back-test runs each candidate once', () => {
  it('equals refitting the grid at every origin, to the last bit, on random, sparse, seasonal and short series', () => {
    const rnd = prng(20261206);
    const series: number[][] = [
      seasonal(91),
      seasonal(60, 0.4),
      Array.from({ length: 91 }, () => (rnd() < 0.33 ? 1 + Math.floor(rnd() * 40) : 0)),
      Array.from({ length: 45 }, (_, t) => 3 + t * 0.5 + rnd() * 4),
      Array.from({ length: 19 }, () => Math.floor(rnd() * 9)),
      [0, 0, 5, 0, 0, 7, 0, 1, 0, 0],
      Array.from({ length: 91 }, () => rnd() * 1e6),
    ];
    for (const h of series)
      for (const m of METHODS) {
        for (const fixed of [{}, { alpha: 0.3 }, { window: 7 }, { beta: 0.05, gamma: 0.2 }]) {
          const usable = Object.keys(fixed).every((p) =>
            ({
              window: ['moving_average'],
              alpha: ['ses', 'holt', 'holt_winters'],
              beta: ['holt', 'holt_winters'],
              gamma: ['holt_winters'],
            })[p]!.includes(m),
          );
          if (!usable) continue;
          expect(backtest(m, h, 7, 28, fixed)).toEqual(backtestByRefit(m, h, 7, 28, fixed));
        }
      }
  });
});
