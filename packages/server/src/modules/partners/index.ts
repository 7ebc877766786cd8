/**
 * The partners module's face: what other modules may use. Anything not exported here is internal.
 */
export { Supplier, SupplierStatus } from './supplier.entity';
export type { SupplierService, ValidPrice } from './supplier.service';
export { lapsingQualifications, type LapsingQualification } from './qualification-lapse';
