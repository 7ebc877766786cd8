/**
 * The promotion engine (促销): a pure function from a cart, the active promotions and the coupons
 * offered to a priced cart with each line's steps and an explanation. No database, no clock: the
 * caller supplies usage counts, budgets spent and the sale's business time.
 */
export { priceCart } from './engine';
export { allocate } from './allocate';
export { checkExclusiveOverlap } from './overlap';
export * from './types';
export { thresholdTakeBack, thresholdReduction, type TakeBackThreshold, type TakeBackResult } from './take-back';
