/**
 * The system module's face: what other modules may use. Anything not exported here is internal.
 */
export { CompanySettings, StorageRule } from './settings.entity';
export { assertPeriodOpen, companySettings, patternFor } from './settings.service';
