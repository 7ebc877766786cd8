import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { IsOptional, Length, Matches } from 'class-validator';
import { DecimalScalar } from '../../core/decimal';
import { KeysetPaginated } from '../../core/paging';
import { StockDocStatus, StockDocType, StockDocument } from './stock-document.entity';

@InputType()
export class StockLineInput {
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6, { description: 'In `unit`; positive, or signed for adjustments.' }) qty: string;
  @Field({ nullable: true, description: 'The base unit when omitted, or a conversion unit such as 箱.' }) unit?: string;
  @DecimalInput(18, 6, {
    nullable: true,
    description:
      "Per base unit; other receipts and adjustment gains only (needs stock.cost.read). An other receipt needs it from a user who may read costs; a user without stock.cost.read (a warehouse keeper) books it without one, and it comes in at the SKU's current unit cost in the warehouse when posted (the moving average, or under FIFO the newest layer), as an adjustment gain without a cost does.",
  })
  unitCost?: string;
  @Field(() => ID, { nullable: true, description: '0: no bin (stock kept outside bins); omitted: issues pick.' })
  binId?: string;
  @Field(() => ID, { nullable: true, description: 'Transfers: the bin at the destination.' }) toBinId?: string;
  @Field({ nullable: true }) batchNo?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, for a new batch' }) expiryDate?: string;
  @Field({
    nullable: true,
    description:
      'Why a batch that has expired or expires within the warning days (settings.expiryWarningDays) is received; required then (EXPIRY_REASON_REQUIRED).',
  })
  @IsOptional()
  @Length(0, 200)
  expiryReason?: string;
}

@InputType()
export class CreateStockDocumentInput {
  @Field(() => StockDocType) type: StockDocType;
  @Field(() => ID) warehouseId: string;
  @Field(() => ID, { nullable: true }) toWarehouseId?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD, today when omitted' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date like 2026-11-25' })
  businessDate?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field({ nullable: true, description: 'Other issues only: this issue is demand (replenishment forecasts from it).' })
  countsAsDemand?: boolean;
  @Field(() => [StockLineInput]) lines: StockLineInput[];
}

@InputType()
export class UpdateStockDocumentInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date like 2026-11-25' })
  businessDate?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
  @Field({ nullable: true, description: 'Other issues only: this issue is demand.' }) countsAsDemand?: boolean;
  @Field(() => ID, { nullable: true }) toWarehouseId?: string;
  @Field(() => [StockLineInput], { nullable: true, description: 'Replaces all lines.' }) lines?: StockLineInput[];
}

@InputType()
export class StockDocumentFilter {
  @Field(() => StockDocType, { nullable: true }) type?: StockDocType;
  @Field(() => StockDocStatus, { nullable: true }) status?: StockDocStatus;
  @Field(() => ID, { nullable: true }) warehouseId?: string;
  @Field({ nullable: true }) from?: string;
  @Field({ nullable: true }) to?: string;
  @Field({ nullable: true, description: 'number contains' }) number?: string;
}

export const StockDocumentPage = KeysetPaginated(StockDocument, 'StockDocumentPage');

@ObjectType()
export class ShortLineInfo {
  @Field(() => Int) index: number;
  @Field(() => ID) skuId: number;
  @Field(() => DecimalScalar) short: string;
}
