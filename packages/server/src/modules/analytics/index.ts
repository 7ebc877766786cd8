/**
 * The analytics module's face. It owns no tables: it reads posted documents and the ledger of
 * sales, stock, catalog, purchasing and partners in one file (analytics-sql.ts, listed in the lint
 * rule's `reads`), and offers the analysis to the composition root.
 */
export type { AnalyticsService } from './analytics.service';
export type { WorkbenchService } from './workbench.service';
