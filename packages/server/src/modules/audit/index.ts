/**
 * The audit module's face: what other modules may use. Anything not exported here is internal.
 */
export type { AuditService } from './audit.service';
