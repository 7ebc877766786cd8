/**
 * Output: exports of list pages (the resolver over core/list-export's registry) and print templates
 * (owns print_template).
 */
export { ListExportResolver } from './list-export.resolver';
export { PrintTemplateResolver } from './print-template.resolver';
export { PrintTemplateService } from './print-template.service';
export { PrintTemplate, PrintDocType } from './print-template.entity';
