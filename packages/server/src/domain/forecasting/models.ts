import { holt } from './holt';
import { holtWinters } from './holt-winters';
import { movingAverage } from './moving-average';
import { ses } from './ses';
import type { Fit, FixedParams, ForecastMethod, ModelSpec } from './types';

export function runModel(spec: ModelSpec, history: number[]): Fit {
  switch (spec.method) {
    case 'moving_average':
      return movingAverage(history, spec.params);
    case 'ses':
      return ses(history, spec.params);
    case 'holt':
      return holt(history, spec.params);
    case 'holt_winters':
      return holtWinters(history, spec.params);
  }
}

const tenths = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => (from + i) / 10);

/**
 * The parameter grids searched. Small on purpose: each point of a back-test refits the grid.
 * - moving average: window 3, 7, 14, 28 (half a week to four weeks of daily data);
 * - SES: α = 0.1 … 1.0 (α = 1 is the naive "same as last" forecast);
 * - Holt: α = 0.1 … 0.9 × β ∈ {0.01, 0.05, 0.1, 0.2, 0.3} (45 pairs);
 * - Holt-Winters: α ∈ {0.1, 0.3, 0.5, 0.7, 0.9} × β ∈ {0.01, 0.05, 0.1, 0.2} × γ ∈ {0.05, 0.1, 0.2, 0.4} (80).
 * The season length is not searched: it is a fact about the data (7 for daily data).
 */
export const GRID = {
  movingAverageWindows: [3, 7, 14, 28],
  sesAlphas: tenths(1, 10),
  holtAlphas: tenths(1, 9),
  holtBetas: [0.01, 0.05, 0.1, 0.2, 0.3],
  hwAlphas: [0.1, 0.3, 0.5, 0.7, 0.9],
  hwBetas: [0.01, 0.05, 0.1, 0.2],
  hwGammas: [0.05, 0.1, 0.2, 0.4],
} as const;

export function candidates(method: ForecastMethod, seasonLength: number, fixed: FixedParams = {}): ModelSpec[] {
  const one = (x: number | undefined, grid: readonly number[]) => (x === undefined ? grid : [x]);
  switch (method) {
    case 'moving_average':
      return one(fixed.window, GRID.movingAverageWindows).map((window) => ({ method, params: { window } }));
    case 'ses':
      return one(fixed.alpha, GRID.sesAlphas).map((alpha) => ({ method, params: { alpha } }));
    case 'holt':
      return one(fixed.alpha, GRID.holtAlphas).flatMap((alpha) =>
        one(fixed.beta, GRID.holtBetas).map((beta) => ({ method, params: { alpha, beta } })),
      );
    case 'holt_winters':
      return one(fixed.alpha, GRID.hwAlphas).flatMap((alpha) =>
        one(fixed.beta, GRID.hwBetas).flatMap((beta) =>
          one(fixed.gamma, GRID.hwGammas).map((gamma) => ({ method, params: { alpha, beta, gamma, seasonLength } })),
        ),
      );
  }
}

/** Where a spec's first honest one-step-ahead forecast is (see each method). */
export function firstFitted(spec: ModelSpec): number {
  switch (spec.method) {
    case 'moving_average':
      return spec.params.window;
    case 'ses':
      return 1;
    case 'holt':
      return 2;
    case 'holt_winters':
      return 2 * spec.params.seasonLength;
  }
}

/**
 * The fewest points with which the grid search can score at least one candidate (one
 * one-step-ahead error): moving average 4 (window 3), SES 2, Holt 3, Holt-Winters 2·m + 1.
 */
export function minimumToFit(method: ForecastMethod, seasonLength: number, fixed: FixedParams = {}): number {
  return Math.min(...candidates(method, seasonLength, fixed).map(firstFitted)) + 1;
}

export interface BestFit {
  spec: ModelSpec;
  fit: Fit;
  /** Mean squared one-step-ahead error over the fitted points. */
  mse: number;
  /** How many one-step-ahead errors it was scored on. */
  points: number;
}

/**
 * Grid search: the candidate with the lowest mean squared one-step-ahead error over its fitted
 * points (the usual least-squares fit of exponential smoothing). Candidates that cannot score
 * on this history (too short) are skipped; on an equal error the first in grid order wins.
 * Undefined when no candidate can be scored.
 */
export function fitBest(
  method: ForecastMethod,
  history: number[],
  seasonLength: number,
  fixed: FixedParams = {},
): BestFit | undefined {
  let best: BestFit | undefined;
  for (const spec of candidates(method, seasonLength, fixed)) {
    const from = firstFitted(spec);
    if (history.length <= from) continue;
    const fit = runModel(spec, history);
    let sq = 0;
    for (let t = from; t < history.length; t++) sq += (history[t] - fit.fitted[t]) ** 2;
    const points = history.length - from;
    const mse = sq / points;
    if (!best || mse < best.mse) best = { spec, fit, mse, points };
  }
  return best;
}
