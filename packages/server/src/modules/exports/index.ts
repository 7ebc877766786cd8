/** Exports of list pages (the resolver over core/list-export's registry); owns no tables yet. */
export { ListExportResolver } from './list-export.resolver';
