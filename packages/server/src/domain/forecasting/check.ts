import { ForecastError } from './types';

export function assertHistory(history: number[]): void {
  if (!Array.isArray(history)) throw new ForecastError('INVALID_HISTORY', 'history is not an array');
  history.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new ForecastError('INVALID_HISTORY', `history[${i}] is not a finite number`);
  });
}

export function assertUnit(name: string, x: number, { zeroOk }: { zeroOk: boolean }): void {
  if (!Number.isFinite(x) || x > 1 || x < 0 || (!zeroOk && x === 0)) {
    throw new ForecastError('INVALID_PARAMS', `${name} must be in ${zeroOk ? '[0, 1]' : '(0, 1]'}, got ${x}`);
  }
}

export function assertInt(name: string, x: number, min: number): void {
  if (!Number.isInteger(x) || x < min)
    throw new ForecastError('INVALID_PARAMS', `${name} must be an integer ≥ ${min}, got ${x}`);
}

export function assertLength(history: number[], min: number, what: string): void {
  if (history.length < min) {
    throw new ForecastError('NOT_ENOUGH_HISTORY', `${what} needs at least ${min} points, got ${history.length}`);
  }
}

export function assertHorizon(h: number): void {
  assertInt('h', h, 0);
}

export const nans = (n: number): number[] => new Array<number>(n).fill(NaN);
