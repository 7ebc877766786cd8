import { candidates, firstFitted, fitBest, minimumToFit, runModel } from './models';
import type { FixedParams, ForecastMethod } from './types';

export interface ErrorMeasures {
  /** Mean absolute error, in demand units. */
  mae: number;
  /** Root mean squared error, in demand units. */
  rmse: number;
  /**
   * Mean absolute percentage error in percent, over the points whose actual is not 0 (a
   * percentage of 0 is undefined; days without sales are common, so they are skipped rather
   * than switching to sMAPE). Absent when every actual was 0.
   */
  mape?: number;
  /** How many points MAPE was taken over. */
  mapePoints: number;
}

export function errorMeasures(actual: number[], predicted: number[]): ErrorMeasures {
  const n = actual.length;
  if (n === 0 || predicted.length !== n)
    throw new RangeError('errorMeasures needs two series of the same, non-zero length');
  let abs = 0;
  let sq = 0;
  let pct = 0;
  let mapePoints = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i] - predicted[i];
    abs += Math.abs(e);
    sq += e * e;
    if (actual[i] !== 0) {
      pct += Math.abs(e / actual[i]);
      mapePoints++;
    }
  }
  return {
    mae: abs / n,
    rmse: Math.sqrt(sq / n),
    ...(mapePoints > 0 ? { mape: (100 * pct) / mapePoints } : {}),
    mapePoints,
  };
}

/** Back-test window: the last k = min(28, ⌊n/4⌋) points, at least 1 when there are 2 points or more. */
export function backtestLength(n: number, max = 28): number {
  if (n < 2) return 0;
  return Math.max(1, Math.min(max, Math.floor(n / 4)));
}

/**
 * The shortest history on which `method` can be back-tested: the training part before the first
 * origin (n − k points) must allow a grid search (`minimumToFit`). With the default k this is
 * moving average 5, SES 3, Holt 4, Holt-Winters 19 for m = 7 (2·m + 1 = 15 training points
 * plus a back-test of 4).
 */
export function minimumForSelection(
  method: ForecastMethod,
  seasonLength: number,
  max = 28,
  fixed: FixedParams = {},
): number {
  const need = minimumToFit(method, seasonLength, fixed);
  let n = need;
  while (n - backtestLength(n, max) < need) n++;
  return n;
}

export interface Backtest {
  method: ForecastMethod;
  /** The indices of the history that were forecast (the origins). */
  from: number;
  actual: number[];
  predicted: number[];
  error: ErrorMeasures;
}

/**
 * Rolling-origin evaluation: for each of the last k points, refit the method (grid search
 * included) on everything before it and forecast it one step ahead. Forecasts below 0 count as
 * 0, as they are reported. Undefined when the history is too short for this method.
 *
 * Every method's one-step-ahead fitted value at t depends only on the points before t (its start
 * uses the first points only), so each candidate runs once over the history and its squared
 * errors, summed in the same order, give its score on every training part: the grid search at
 * each origin picks what `fitBest` on that part picks, with the same floating-point sums, and only
 * the winner is run again on the part for its forecast. The same answer as refitting the grid at
 * every origin (`backtestByRefit`, kept as the reference), about k times cheaper.
 */
export function backtest(
  method: ForecastMethod,
  history: number[],
  seasonLength: number,
  max = 28,
  fixed: FixedParams = {},
): Backtest | undefined {
  const n = history.length;
  const k = backtestLength(n, max);
  if (k === 0 || n - k < minimumToFit(method, seasonLength, fixed)) return undefined;
  const specs = candidates(method, seasonLength, fixed);
  const bestIndex = new Array<number>(k).fill(-1);
  const bestMse = new Array<number>(k).fill(0);
  for (let c = 0; c < specs.length; c++) {
    const from = firstFitted(specs[c]);
    if (n - 1 <= from) continue; // not scored on any training part
    const fitted = runModel(specs[c], history).fitted;
    let sq = 0;
    let t = from;
    for (let o = 0; o < k; o++) {
      const origin = n - k + o;
      if (origin <= from) continue;
      for (; t < origin; t++) sq += (history[t] - fitted[t]) ** 2;
      const mse = sq / (origin - from);
      if (bestIndex[o] < 0 || mse < bestMse[o]) {
        bestIndex[o] = c;
        bestMse[o] = mse;
      }
    }
  }
  const actual: number[] = [];
  const predicted: number[] = [];
  for (let o = 0; o < k; o++) {
    const origin = n - k + o;
    if (bestIndex[o] < 0) return undefined; // cannot happen after the length check; kept as a guard
    actual.push(history[origin]);
    predicted.push(Math.max(0, runModel(specs[bestIndex[o]], history.slice(0, origin)).forecast(1)[0]));
  }
  return { method, from: n - k, actual, predicted, error: errorMeasures(actual, predicted) };
}

/** The back-test as its definition says it: the grid search refitted at every origin (the reference `backtest` equals). */
export function backtestByRefit(
  method: ForecastMethod,
  history: number[],
  seasonLength: number,
  max = 28,
  fixed: FixedParams = {},
): Backtest | undefined {
  const n = history.length;
  const k = backtestLength(n, max);
  if (k === 0 || n - k < minimumToFit(method, seasonLength, fixed)) return undefined;
  const actual: number[] = [];
  const predicted: number[] = [];
  for (let origin = n - k; origin < n; origin++) {
    const best = fitBest(method, history.slice(0, origin), seasonLength, fixed);
    if (!best) return undefined; // cannot happen after the length check; kept as a guard
    actual.push(history[origin]);
    predicted.push(Math.max(0, best.fit.forecast(1)[0]));
  }
  return { method, from: n - k, actual, predicted, error: errorMeasures(actual, predicted) };
}
