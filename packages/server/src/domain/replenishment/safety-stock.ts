import { assertScale, ceilTo, Dec, dec, type DecimalInput, fromFloat, qty, show } from './decimal';
import { inverseNormal } from './inverse-normal';
import { ReplenishmentError, type Step } from './types';

export interface SafetyStock {
  /** At the unit's scale, rounded UP: a safety stock is never below what the formula asks. */
  safetyStock: string;
  /** Empty when the caller asked for the figure alone (`explain` false). */
  steps: Step[];
}

export interface SimpleSafetyStockInput {
  averageDailySales: DecimalInput;
  leadTimeDays: DecimalInput;
  /** The notes' 不稳定系数 (e.g. 1.2 for a product whose sales swing). */
  instabilityFactor: DecimalInput;
  /** Decimals of the stock unit (0 for pieces). */
  scale: number;
}

/**
 * The notes' rule: average daily sales × lead-time days × instability factor (10 × 5 × 1.2 = 60).
 * Exact decimal arithmetic; the result is rounded up to the unit's scale.
 */
export function simpleSafetyStock(input: SimpleSafetyStockInput, explain = true): SafetyStock {
  assertScale(input.scale);
  const daily = dec(input.averageDailySales, 'averageDailySales');
  const lead = dec(input.leadTimeDays, 'leadTimeDays');
  const factor = dec(input.instabilityFactor, 'instabilityFactor');
  const raw = daily.times(lead).times(factor);
  const ss = ceilTo(raw, input.scale);
  // `explain` false: the figure alone, by the same arithmetic (a list filtered by "needs ordering")
  if (!explain) return { safetyStock: qty(ss, input.scale), steps: [] };
  // each figure written once (a page computes thousands of these)
  const [sDaily, sLead, sFactor, sRaw] = [show(daily), show(lead), show(factor), show(raw)];
  return {
    safetyStock: qty(ss, input.scale),
    steps: [
      {
        label: 'safetyStockRaw',
        formula: `averageDailySales × leadTimeDays × instabilityFactor = ${sDaily} × ${sLead} × ${sFactor}`,
        value: sRaw,
        key: 'safetyStockRaw',
        args: [sDaily, sLead, sFactor],
      },
      {
        label: 'safetyStock',
        formula: `roundUp(${sRaw}, ${input.scale} decimals)`,
        value: show(ss),
        key: 'roundUp',
        args: [sRaw, String(input.scale)],
      },
    ],
  };
}

export interface StatisticalSafetyStockInput {
  /** Cycle service level, the probability of no stock-out in a lead time: 0 < level < 1 (0.95). */
  serviceLevel: number;
  leadTimeDays: DecimalInput;
  /** Daily demand history to take σ from (sample standard deviation, n − 1; at least 2 days) … */
  dailyDemand?: number[];
  /** … or σ of daily demand directly. Give exactly one of the two. */
  sigma?: number;
  scale: number;
}

/** A service level as a percentage: 0.95 → "95". */
export const percent = (p: number | string): string => new Dec(String(p)).times(100).toFixed();

/** Sample standard deviation (n − 1 in the denominator): an estimate from a sample of days. */
export function sampleStdDev(xs: number[]): number {
  if (xs.length < 2) throw new ReplenishmentError('dailyDemand', 'σ needs at least 2 days of demand');
  if (xs.some((x) => typeof x !== 'number' || !Number.isFinite(x)))
    throw new ReplenishmentError('dailyDemand', 'dailyDemand holds a non-number');
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
}

/**
 * The statistical rule: z(service level) × σ(daily demand) × √(lead-time days), assuming
 * independent, normally distributed daily demand and a fixed lead time. z, σ and √L are
 * statistics (floats), each taken to the 6 decimals shown; their exact product is rounded up to
 * the unit's scale, so the shown steps reproduce the result.
 */
export function statisticalSafetyStock(input: StatisticalSafetyStockInput, explain = true): SafetyStock {
  assertScale(input.scale);
  const { serviceLevel: p } = input;
  if (typeof p !== 'number' || !(p > 0 && p < 1))
    throw new ReplenishmentError('serviceLevel', 'serviceLevel must be in (0, 1)');
  if ((input.dailyDemand === undefined) === (input.sigma === undefined)) {
    throw new ReplenishmentError('sigma', 'give dailyDemand or sigma, exactly one');
  }
  let sigma: number;
  if (input.sigma !== undefined) {
    if (!Number.isFinite(input.sigma) || input.sigma < 0)
      throw new ReplenishmentError('sigma', 'sigma must be a number ≥ 0');
    sigma = input.sigma;
  } else {
    sigma = sampleStdDev(input.dailyDemand!);
  }
  const lead = dec(input.leadTimeDays, 'leadTimeDays');
  const z = inverseNormal(p);
  const rootLead = Math.sqrt(lead.toNumber());
  // z, σ and √L are taken to the 6 decimals shown, and multiplied exactly: the shown steps give the result
  const zD = fromFloat(z, 'z').toDecimalPlaces(6);
  const sigmaD = fromFloat(sigma, 'sigma').toDecimalPlaces(6);
  const rootD = fromFloat(rootLead, 'sqrtLeadTime').toDecimalPlaces(6);
  const raw = zD.times(sigmaD).times(rootD);
  // a service level below 50 % gives z < 0: no safety stock rather than a negative one
  const ss = raw.gt(0) ? ceilTo(raw, input.scale) : new Dec(0);
  if (!explain) return { safetyStock: qty(ss, input.scale), steps: [] };
  return {
    safetyStock: qty(ss, input.scale),
    steps: [
      { label: 'z', formula: `Φ⁻¹(${p})`, value: show(zD), key: 'z', args: [String(p), percent(p)] },
      input.sigma !== undefined
        ? { label: 'sigmaDailyDemand', formula: 'σ (given)', value: show(sigmaD), key: 'sigmaGiven', args: [] }
        : {
            label: 'sigmaDailyDemand',
            formula: `sample standard deviation of ${input.dailyDemand!.length} days`,
            value: show(sigmaD),
            key: 'sigmaDailyDemand',
            args: [String(input.dailyDemand!.length)],
          },
      { label: 'sqrtLeadTime', formula: `√${show(lead)}`, value: show(rootD), key: 'sqrtLeadTime', args: [show(lead)] },
      {
        label: 'safetyStockRaw',
        formula: `z × σ × √leadTimeDays = ${show(zD)} × ${show(sigmaD)} × ${show(rootD)}`,
        value: show(raw),
        key: 'safetyStockRawStatistical',
        args: [show(zD), show(sigmaD), show(rootD)],
      },
      raw.gt(0)
        ? {
            label: 'safetyStock',
            formula: `roundUp(${show(raw)}, ${input.scale} decimals)`,
            value: show(ss),
            key: 'roundUp',
            args: [show(raw), String(input.scale)],
          }
        : {
            label: 'safetyStock',
            formula: `max(${show(raw)}, 0)`,
            value: show(ss),
            key: 'notBelowZero',
            args: [show(raw)],
          },
    ],
  };
}

/** A safety stock a user fixed for the SKU in the warehouse: used as it is, at the unit's scale. */
export function fixedSafetyStock(input: { qty: DecimalInput; scale: number }, explain = true): SafetyStock {
  assertScale(input.scale);
  const q = dec(input.qty, 'qty');
  const ss = ceilTo(q, input.scale);
  if (!explain) return { safetyStock: qty(ss, input.scale), steps: [] };
  return {
    safetyStock: qty(ss, input.scale),
    steps: [
      { label: 'safetyStock', formula: `fixed ${show(q)}`, value: show(ss), key: 'safetyStockFixed', args: [show(q)] },
    ],
  };
}
