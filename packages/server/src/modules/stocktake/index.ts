/**
 * The stocktake module's face: what other modules may use. Anything not exported here is internal.
 * Stocktakes (counts against the book) and ABC classes; it reaches stock only through stock's face.
 */
export { AbcClassCode, Stocktake, StocktakeStatus } from './stocktake.entity';
export type { AbcService } from './abc.service';
export type { StocktakeService } from './stocktake.service';
