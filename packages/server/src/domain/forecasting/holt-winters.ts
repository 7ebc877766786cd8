import { assertHistory, assertHorizon, assertInt, assertLength, assertUnit, nans } from './check';
import type { Fit, HoltWintersParams } from './types';

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Holt-Winters with additive seasonality (三次指数平滑, 加法季节).
 *
 * Initialisation from the first two full seasons (so at least 2·m points are needed):
 *   A₁, A₂ = means of season 1 and season 2;  trend = (A₂ − A₁) / m;
 *   level at t = m − 1 (end of season 1) = A₁ + trend·(m − 1)/2 (A₁ sits at the middle of the season);
 *   seasonal sᵢ (i = 0 … m−1) = average over both seasons j of yᵢ₊ⱼₘ − (Aⱼ₊₁ + trend·(i − (m − 1)/2)).
 * These seasonals sum to 0, and a series "line + repeating pattern" is reproduced exactly.
 *
 * Then for t ≥ m:
 *   fitted[t] = levelₜ₋₁ + trendₜ₋₁ + sₜ₋ₘ;
 *   levelₜ = α(yₜ − sₜ₋ₘ) + (1 − α)(levelₜ₋₁ + trendₜ₋₁);
 *   trendₜ = β(levelₜ − levelₜ₋₁) + (1 − β)·trendₜ₋₁;
 *   sₜ = γ(yₜ − levelₜ) + (1 − γ)·sₜ₋ₘ;
 *   forecast(k) = level + k·trend + s of the same season position (k = 1 … h).
 *
 * `firstFitted` is 2·m, not m: the values of season 2 went into the initial state, so the
 * fitted values there are not honest one-step-ahead forecasts and are reported as NaN.
 */
export function holtWinters(history: number[], { alpha, beta, gamma, seasonLength: m }: HoltWintersParams): Fit {
  assertHistory(history);
  assertUnit('alpha', alpha, { zeroOk: false });
  assertUnit('beta', beta, { zeroOk: true });
  assertUnit('gamma', gamma, { zeroOk: true });
  assertInt('seasonLength', m, 2);
  assertLength(history, 2 * m, `Holt-Winters (season ${m}, two full seasons)`);
  const n = history.length;
  const a1 = mean(history.slice(0, m));
  const a2 = mean(history.slice(m, 2 * m));
  let trend = (a2 - a1) / m;
  let level = a1 + (trend * (m - 1)) / 2;
  // season[t % m] always holds the latest seasonal for that position
  const season = Array.from({ length: m }, (_, i) => {
    const centre = i - (m - 1) / 2;
    return (history[i] - (a1 + trend * centre) + (history[i + m] - (a2 + trend * centre))) / 2;
  });

  const fitted = nans(n);
  for (let t = m; t < n; t++) {
    const s = season[t % m];
    if (t >= 2 * m) fitted[t] = level + trend + s;
    const prev = level;
    level = alpha * (history[t] - s) + (1 - alpha) * (level + trend);
    trend = beta * (level - prev) + (1 - beta) * trend;
    season[t % m] = gamma * (history[t] - level) + (1 - gamma) * s;
  }
  return {
    fitted,
    firstFitted: 2 * m,
    forecast: (h) => {
      assertHorizon(h);
      return Array.from({ length: h }, (_, k) => level + (k + 1) * trend + season[(n + k) % m]);
    },
  };
}
