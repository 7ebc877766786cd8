/**
 * Demand forecasting works on one SKU's demand series at a time (daily or weekly quantities).
 *
 * Demand quantities here are plain JavaScript numbers: they are statistics (averages, smoothed
 * levels, fractional forecasts), not money or stock, so binary floating point is fine inside
 * this module. They are rounded only where they leave it: `toQtyStrings` (or replenishment,
 * which turns them into exact decimals) at the API boundary.
 */

export type ForecastMethod = 'moving_average' | 'ses' | 'holt' | 'holt_winters';

/** The order in which methods are tried; on an (almost) equal back-test error the earlier, simpler one wins. */
export const METHODS: readonly ForecastMethod[] = ['moving_average', 'ses', 'holt', 'holt_winters'];

export interface MovingAverageParams {
  /** Number of most recent points averaged (≥ 1). */
  window: number;
}
export interface SesParams {
  /** Level smoothing, 0 < alpha ≤ 1. */
  alpha: number;
}
export interface HoltParams {
  alpha: number;
  /** Trend smoothing, 0 ≤ beta ≤ 1. */
  beta: number;
}
export interface HoltWintersParams {
  alpha: number;
  beta: number;
  /** Seasonal smoothing, 0 ≤ gamma ≤ 1. */
  gamma: number;
  /** Season length m in points (7 for a weekly pattern in daily data), ≥ 2. */
  seasonLength: number;
}

/** A method with its parameters. */
export type ModelSpec =
  | { method: 'moving_average'; params: MovingAverageParams }
  | { method: 'ses'; params: SesParams }
  | { method: 'holt'; params: HoltParams }
  | { method: 'holt_winters'; params: HoltWintersParams };

/**
 * Parameters a user fixed instead of leaving them to the grid search: each one given replaces
 * its grid by that single value (a moving-average window, α, β, γ); the others are still searched.
 */
export interface FixedParams {
  window?: number;
  alpha?: number;
  beta?: number;
  gamma?: number;
}

/** What every method returns for a history. */
export interface Fit {
  /**
   * One-step-ahead forecasts aligned with the history: fitted[t] is the forecast of history[t]
   * made from history[0..t−1] only. Positions before `firstFitted` have no such forecast (the
   * method is still initialising from them) and hold NaN.
   */
  fitted: number[];
  /** The first index of `fitted` that is a real one-step-ahead forecast. */
  firstFitted: number;
  /** Forecasts for the h points after the history (raw: may be negative for a falling trend). */
  forecast(h: number): number[];
}

export class ForecastError extends Error {
  constructor(
    readonly code: 'INVALID_HISTORY' | 'INVALID_PARAMS' | 'NOT_ENOUGH_HISTORY' | 'INVALID_DATE',
    message: string,
  ) {
    super(message);
    this.name = 'ForecastError';
  }
}
