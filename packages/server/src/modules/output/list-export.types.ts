import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ExportFile } from '../../core/export';
import { ExportJob } from './export-job.entity';

@InputType({ description: 'An enum value of a column and the text the file shows for it.' })
export class ExportValueLabelInput {
  @Field() value: string;
  @Field() label: string;
}

@InputType({ description: 'A column the list page shows: its key and its header in the user’s language.' })
export class ExportColumnInput {
  @Field() key: string;
  @Field() header: string;
  @Field(() => [ExportValueLabelInput], { nullable: true, description: 'Labels for enum values (statuses, kinds).' })
  values?: ExportValueLabelInput[] | null;
}

@InputType()
export class ListExportInput {
  @Field({
    description:
      'The list (purchaseOrders, suppliers, supplierScorecards, payables, stockDocuments, stockLevels, warehouses, bins, stocktakes, stocktakeAccuracy, customers, priceListItems, slowStock, nearExpiryStock, warehouseFees, warehouseFeeAllocation, users, roles, auditLog).',
  })
  list: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The list’s filter as JSON, read as the list query’s own filter input (or, for a list whose query takes its filter as arguments, an object of those arguments but `page`).',
  })
  filter?: string | null;
  @Field(() => [ExportColumnInput], {
    description: 'The columns in page order; those the user may not see are left out (extensions.hiddenFields).',
  })
  columns: ExportColumnInput[];
}

@ObjectType({ description: 'An export: the file at once, or (a big one) the background job that writes it.' })
export class ListExportResult {
  @Field(() => ExportFile, { nullable: true }) file: ExportFile | null;
  @Field(() => Int, { description: 'Rows in the file (a background job: rows the list has).' }) rows: number;
  @Field(() => ExportJob, {
    nullable: true,
    description: 'Set when the export runs in the background (over the threshold): follow it in myExports.',
  })
  job: ExportJob | null;
}
