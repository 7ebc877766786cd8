/**
 * The purchasing module's face: what other modules may use. Anything not exported here is internal.
 */
export { fixedSafetyStocks } from './safety-levels';
export { checkDemand, rebuildDemand as rebuildDemandTables } from './demand';
