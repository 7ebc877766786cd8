import { assertHistory, assertHorizon, assertInt, assertLength, nans } from './check';
import type { Fit, MovingAverageParams } from './types';

/**
 * Simple moving average (移动平均): the forecast is the mean of the last `window` points, flat
 * for every horizon. fitted[t] = mean(history[t−window .. t−1]) from t = window.
 * Needs at least `window` points.
 */
export function movingAverage(history: number[], { window }: MovingAverageParams): Fit {
  assertHistory(history);
  assertInt('window', window, 1);
  assertLength(history, window, `moving average (window ${window})`);
  const n = history.length;
  const fitted = nans(n);
  let sum = 0;
  for (let t = 0; t < window; t++) sum += history[t];
  for (let t = window; t < n; t++) {
    fitted[t] = sum / window;
    sum += history[t] - history[t - window];
  }
  // recompute the last window exactly rather than from a long running sum
  const last = history.slice(n - window).reduce((a, b) => a + b, 0) / window;
  return {
    fitted,
    firstFitted: window,
    forecast: (h) => {
      assertHorizon(h);
      return new Array<number>(h).fill(last);
    },
  };
}
