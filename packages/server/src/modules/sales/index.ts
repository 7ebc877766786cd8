/**
 * The sales module's face: what other modules may use. Anything not exported here is internal (it
 * registers with the stock module for its postings).
 */
export { ordersDueToShip, type DueOrder } from './due-orders';
