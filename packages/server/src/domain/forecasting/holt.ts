import { assertHistory, assertHorizon, assertLength, assertUnit, nans } from './check';
import type { Fit, HoltParams } from './types';

/**
 * Holt's linear trend (二次指数平滑 / Holt):
 *   start at t = 1: level₁ = y₁, trend₁ = y₁ − y₀;
 *   fitted[t] = levelₜ₋₁ + trendₜ₋₁ (t ≥ 2);
 *   levelₜ = α·yₜ + (1 − α)(levelₜ₋₁ + trendₜ₋₁);  trendₜ = β(levelₜ − levelₜ₋₁) + (1 − β)·trendₜ₋₁;
 *   forecast(k) = level + k·trend (k = 1 … h).
 * A perfectly linear series is reproduced exactly for every α, β. Needs at least 2 points.
 */
export function holt(history: number[], { alpha, beta }: HoltParams): Fit {
  assertHistory(history);
  assertUnit('alpha', alpha, { zeroOk: false });
  assertUnit('beta', beta, { zeroOk: true });
  assertLength(history, 2, "Holt's linear trend");
  const n = history.length;
  const fitted = nans(n);
  let level = history[1];
  let trend = history[1] - history[0];
  for (let t = 2; t < n; t++) {
    fitted[t] = level + trend;
    const prev = level;
    level = alpha * history[t] + (1 - alpha) * (level + trend);
    trend = beta * (level - prev) + (1 - beta) * trend;
  }
  return {
    fitted,
    firstFitted: 2,
    forecast: (h) => {
      assertHorizon(h);
      return Array.from({ length: h }, (_, k) => level + (k + 1) * trend);
    },
  };
}
