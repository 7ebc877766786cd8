/**
 * Output: exports of list pages (the resolver over core/list-export's registry) and print templates
 * (owns print_template), and big exports in the background (owns export_job, export_job_chunk).
 */
export { ListExportResolver } from './list-export.resolver';
export { ExportJobService } from './export-job.service';
export { ExportJob, ExportJobChunk } from './export-job.entity';
export { PrintTemplateResolver } from './print-template.resolver';
export { PrintTemplateService } from './print-template.service';
export { PrintTemplate, PrintDocType } from './print-template.entity';
