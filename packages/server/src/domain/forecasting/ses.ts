import { assertHistory, assertHorizon, assertLength, assertUnit, nans } from './check';
import type { Fit, SesParams } from './types';

/**
 * Simple exponential smoothing (一次指数平滑):
 *   level₀ = y₀;  levelₜ = α·yₜ + (1 − α)·levelₜ₋₁;  fitted[t] = levelₜ₋₁ (t ≥ 1);
 *   forecast(h) = level at the end, flat. Needs at least 1 point.
 */
export function ses(history: number[], { alpha }: SesParams): Fit {
  assertHistory(history);
  assertUnit('alpha', alpha, { zeroOk: false });
  assertLength(history, 1, 'simple exponential smoothing');
  const n = history.length;
  const fitted = nans(n);
  let level = history[0];
  for (let t = 1; t < n; t++) {
    fitted[t] = level;
    level = alpha * history[t] + (1 - alpha) * level;
  }
  return {
    fitted,
    firstFitted: 1,
    forecast: (h) => {
      assertHorizon(h);
      return new Array<number>(h).fill(level);
    },
  };
}
