/**
 * The instant the e2e server starts at (JXC_NOW): a morning in Shanghai far from the real date, so no spec
 * depends on the day it runs. Override with E2E_NOW to try another date.
 */
export const E2E_NOW = process.env.E2E_NOW || '2027-05-19T10:00:00+08:00';
