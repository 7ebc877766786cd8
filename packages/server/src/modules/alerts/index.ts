/**
 * The alerts module's face: producers write alerts in their own transaction (AlertService.write);
 * the notification centre and its subscription live here. Anything not exported here is internal.
 */
export { AlertKind } from './alert.entity';
export type { AlertAudience, AlertService, NewAlert } from './alert.service';
