/**
 * The system module's face: what other modules may use. Anything not exported here is internal.
 */
export { CompanySettings, StorageRule } from './settings.entity';
export {
  assertPeriodOpen,
  companySettings,
  patternFor,
  POSTING_SETTINGS_SQL,
  postingSettingsOf,
  type PostingSettings,
} from './settings.service';
