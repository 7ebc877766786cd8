import { backtest, minimumForSelection, type Backtest, type ErrorMeasures } from './backtest';
import { assertHistory, assertInt } from './check';
import { fitBest, runModel } from './models';
import { ForecastError, METHODS, type FixedParams, type ForecastMethod, type ModelSpec } from './types';

export interface SelectOptions {
  /** Use this method instead of the best one (it is still back-tested, for its error). */
  fixed?: ForecastMethod;
  /** Season length for Holt-Winters; 7 (a week) for daily data, which is the default. */
  seasonLength?: number;
  /**
   * Parameters fixed by a user (only with `fixed`): the grid search keeps only these values;
   * the back-test still runs, for the error.
   */
  params?: FixedParams;
  /** Which back-test error picks the method; MAE by default. */
  criterion?: 'mae' | 'rmse';
  /** How many points to forecast after the history; 28 by default. */
  horizon?: number;
  /** The largest back-test window; 28 by default (k = min(this, ⌊n/4⌋)). */
  maxBacktest?: number;
}

export interface Candidate {
  method: ForecastMethod;
  error: ErrorMeasures;
}

export type Selection =
  | {
      ok: true;
      method: ForecastMethod;
      /** The parameters the grid search chose on the whole history. */
      params: ModelSpec['params'];
      /** Back-test error of the method (rolling origin, one step ahead). */
      error: ErrorMeasures;
      /** The next `horizon` points; negative values are reported as 0. Unrounded. */
      forecast: number[];
      /** Every eligible method's back-test error, in METHODS order (not sorted). */
      candidates: Candidate[];
      backtest: Backtest;
    }
  /** Empty history, or no non-zero value in it: nothing to forecast from. */
  | { ok: false; reason: 'NO_HISTORY' }
  /** The history is too short to back-test any method (or the fixed one); `minimum` says how long each needs to be. */
  | { ok: false; reason: 'TOO_LITTLE_HISTORY'; length: number; minimum: Record<ForecastMethod, number> };

/**
 * Picks the forecasting method with the lowest back-test error (see `backtest`) and forecasts
 * with it. A method the history is too short for is simply not eligible. On errors equal within
 * 1e-9 (relative to the mean demand) the simpler method wins, in the order moving average, SES,
 * Holt, Holt-Winters: e.g. Holt-Winters also fits a straight line exactly, but Holt is chosen.
 * Never invents a forecast: without history it says so.
 */
export function selectMethod(history: number[], options: SelectOptions = {}): Selection {
  assertHistory(history);
  const { fixed, seasonLength = 7, criterion = 'mae', horizon = 28, maxBacktest = 28, params = {} } = options;
  if (!fixed && Object.values(params).some((x) => x !== undefined))
    throw new ForecastError('INVALID_PARAMS', 'parameters can only be fixed together with a method');
  assertInt('seasonLength', seasonLength, 2);
  assertInt('horizon', horizon, 0);
  assertInt('maxBacktest', maxBacktest, 1);
  if (history.every((x) => x === 0)) return { ok: false, reason: 'NO_HISTORY' };

  const minimum = Object.fromEntries(
    METHODS.map((m) => [m, minimumForSelection(m, seasonLength, maxBacktest, m === fixed ? params : {})]),
  ) as Record<ForecastMethod, number>;
  const tested = (fixed ? [fixed] : METHODS)
    .map((m) => backtest(m, history, seasonLength, maxBacktest, params))
    .filter((b): b is Backtest => b !== undefined);
  if (tested.length === 0) return { ok: false, reason: 'TOO_LITTLE_HISTORY', length: history.length, minimum };

  const scale = Math.max(1, history.reduce((a, x) => a + Math.abs(x), 0) / history.length);
  const tolerance = 1e-9 * scale;
  let best = tested[0];
  for (const b of tested.slice(1)) {
    if (b.error[criterion] < best.error[criterion] - tolerance) best = b;
  }
  const final = fitBest(best.method, history, seasonLength, params)!; // the whole history is longer than any training part
  return {
    ok: true,
    method: best.method,
    params: final.spec.params,
    error: best.error,
    forecast: final.fit.forecast(horizon).map((x) => Math.max(0, x)),
    candidates: tested.map((b) => ({ method: b.method, error: b.error })),
    backtest: best,
  };
}

/**
 * The forecast of a model chosen before (by `selectMethod` on this same history): the next
 * `horizon` points of that method with those parameters, negative values as 0 — exactly the
 * `forecast` `selectMethod` gives, without the back-test and the grid search.
 */
export function forecastWith(method: ForecastMethod, params: ModelSpec['params'], history: number[], horizon: number) {
  assertHistory(history);
  assertInt('horizon', horizon, 0);
  return runModel({ method, params } as ModelSpec, history)
    .forecast(horizon)
    .map((x) => Math.max(0, x));
}

/**
 * Rounds forecasts for the API: decimal strings at the unit's scale, half-up. Values are first
 * taken to 6 decimals, so float noise (2.4999999999 for 2.5) does not decide the rounding.
 */
export function toQtyStrings(values: number[], scale: number): string[] {
  assertInt('scale', scale, 0);
  return values.map((v) => {
    const f = 10 ** scale;
    const r = Math.round(Number((Math.abs(v) * f).toFixed(6))) / f;
    return (v < 0 && r !== 0 ? -r : r).toFixed(scale);
  });
}
