export * from './types';
export { dailySeries, weeklySeries, isoWeek, type DailySeries, type DemandPoint, type WeekBucket } from './series';
export { movingAverage } from './moving-average';
export { ses } from './ses';
export { holt } from './holt';
export { holtWinters } from './holt-winters';
export { GRID, fitBest, minimumToFit, runModel, type BestFit } from './models';
export {
  backtest,
  backtestByRefit,
  backtestLength,
  errorMeasures,
  minimumForSelection,
  type Backtest,
  type ErrorMeasures,
} from './backtest';
export { forecastWith, selectMethod, toQtyStrings, type Candidate, type Selection, type SelectOptions } from './select';
export { adjustPromotedDays, type PromotedAdjustment, type PromotedDaysRule } from './promoted';
export { DEMAND_PLACES, exactHistory, scaledOf, scaledText, type ExactHistory, type ExactPoint } from './exact-history';
