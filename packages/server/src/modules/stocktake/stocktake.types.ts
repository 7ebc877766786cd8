import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../core/decimal';
import { DecimalInput } from '../../core/decimal-input';
import { Paginated } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';
import {
  AbcClassCode,
  AbcClassification,
  CountLineStatus,
  CountReason,
  Stocktake,
  StocktakeKind,
  StocktakeLine,
  StocktakeStatus,
} from './stocktake.entity';

@InputType()
export class CreateStocktakeInput {
  @Field(() => StocktakeKind) kind: StocktakeKind;
  @Field(() => ID) warehouseId: string;
  @Field(() => ID, { nullable: true, description: 'Only the bins of this zone.' }) zoneId?: string;
  @Field(() => AbcClassCode, { nullable: true, description: 'Cycle counts: the SKUs of this class.' })
  abcClass?: AbcClassCode;
  @Field(() => ID, { nullable: true, description: 'Cycle counts: the SKUs of this category and below.' })
  categoryId?: string;
  @Field(() => [ID], { nullable: true, description: 'Cycle counts: these SKUs (each needs an ABC class here).' })
  skuIds?: string[];
  @Field({ nullable: true, description: 'Cycle counts: the SKUs due by their class review days (cycleCountPlan).' })
  duePlan?: boolean;
  @Field({
    nullable: true,
    description: 'Full counts: refuse postings in the scope until closed (the setting decides when omitted).',
  })
  freezePostings?: boolean;
  @DecimalInput(18, 6, { nullable: true, description: 'Recount beyond this quantity (the setting when omitted).' })
  toleranceQty?: string;
  @DecimalInput(9, 4, { nullable: true, description: 'Recount beyond this percent of the book.' })
  tolerancePct?: string;
  @Field({ nullable: true }) @IsOptional() @Length(0, 500) memo?: string;
}

@InputType({ description: 'A counter scanned a bin and a SKU (and batch) and typed the quantity.' })
export class RecordCountInput {
  @Field(() => ID) stocktakeId: string;
  @Field(() => ID, { description: '0: stock kept outside bins.' }) binId: string;
  @Field(() => ID) skuId: string;
  @Field({ nullable: true, description: 'Batch-tracked goods: the batch on the label.' })
  @IsOptional()
  @Length(0, 60)
  batchNo?: string;
  @DecimalInput(18, 6, { description: 'In the base unit; never negative.' }) qty: string;
}

@InputType()
export class LineReasonInput {
  @Field(() => ID) lineId: string;
  @Field(() => CountReason) reason: CountReason;
  @Field({ nullable: true }) @IsOptional() @Length(0, 200) note?: string;
}

@InputType()
export class StocktakeFilter {
  @Field(() => ID, { nullable: true }) warehouseId?: string;
  @Field(() => StocktakeStatus, { nullable: true }) status?: StocktakeStatus;
  @Field(() => StocktakeKind, { nullable: true }) kind?: StocktakeKind;
  @Field({ nullable: true, description: 'Open counts only (counting or in review).' }) open?: boolean;
}

@InputType()
export class StocktakeLineFilter {
  @Field(() => ID, { nullable: true, description: '0: outside bins.' }) binId?: string;
  @Field(() => CountLineStatus, { nullable: true }) status?: CountLineStatus;
  @Field(() => ID, { nullable: true }) skuId?: string;
  @Field({ nullable: true, description: 'Lines the caller may count now (not counted by them, not settled).' })
  toCount?: boolean;
  @Field({ nullable: true, description: 'Settled lines whose count differs from the book (needs stock.count.read).' })
  withDifference?: boolean;
}

export const StocktakePage = Paginated(Stocktake, 'StocktakePage');
export const StocktakeLinePage = Paginated(StocktakeLine, 'StocktakeLinePage');
export const AbcClassPage = Paginated(AbcClassification, 'AbcClassPage');

@ObjectType({ description: 'How far the counting is: lines by status.' })
export class StocktakeProgress {
  @Field(() => Int) lines: number;
  @Field(() => Int) pending: number;
  @Field(() => Int) recount: number;
  @Field(() => Int) settled: number;
}

@ObjectType({ description: 'A bin of the count, for the counter: what is left to count there (never quantities).' })
export class StocktakeBin {
  @Field(() => ID, { description: '0: outside bins.' }) binId: number;
  @Field({ description: 'Empty for stock outside bins.' }) code: string;
  @Field(() => Int) lines: number;
  @Field(() => Int, { description: 'Lines the caller may still count here.' }) toCount: number;
  @Field(() => Int) recount: number;
  @Field(() => Int) settled: number;
}

export enum ScanKind {
  BIN = 'bin',
  SKU = 'sku',
  UNKNOWN = 'unknown',
}
registerEnumType(ScanKind, { name: 'ScanKind' });

@ObjectType({ description: 'What a scanned code is in this count.' })
export class StocktakeScan {
  @Field(() => ScanKind) kind: ScanKind;
  @Field(() => ID, { nullable: true }) binId: number | null;
  @Field(() => String, { nullable: true }) binCode: string | null;
  @Field(() => ID, { nullable: true }) skuId: number | null;
  @Field(() => String, { nullable: true }) skuCode: string | null;
  @Field(() => String, { nullable: true }) skuName: string | null;
  @Field(() => String, { nullable: true }) unit: string | null;
  @Field({ description: 'The SKU is batch-tracked: ask for the batch.' }) batchTracked: boolean;
  @Field({ description: 'BIN: inside the count; SKU: counted by this count.' }) inCount: boolean;
}

@ObjectType({ description: 'Accuracy: lines counted, lines right, and the value of the differences.' })
export class StocktakeAccuracy {
  @Field(() => Int) linesCounted: number;
  @Field(() => Int, { description: 'Lines whose count equalled the book.' }) linesRight: number;
  @Field(() => DecimalScalar, { description: 'linesRight ÷ linesCounted, percent.' }) accuracyPct: string;
  @SensitiveField('StocktakeAccuracy', () => DecimalScalar, P.StockCostRead, 'Value of the gains.')
  gainValue: string | null;
  @SensitiveField('StocktakeAccuracy', () => DecimalScalar, P.StockCostRead, 'Value of the losses (positive).')
  lossValue: string | null;
  @SensitiveField('StocktakeAccuracy', () => DecimalScalar, P.StockCostRead, 'Gains − losses.')
  netValue: string | null;
  @Field({ description: 'Values estimated at the current cost: the count is not approved yet.' })
  estimated: boolean;
}

export enum AccuracyGroup {
  WAREHOUSE = 'warehouse',
  COUNTER = 'counter',
  REASON = 'reason',
  MONTH = 'month',
}
registerEnumType(AccuracyGroup, { name: 'AccuracyGroup' });

@InputType()
export class AccuracyFilter {
  @Field(() => ID, { nullable: true }) warehouseId?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD: approved on or after' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date like 2026-11-25' })
  from?: string;
  @Field({ nullable: true, description: 'YYYY-MM-DD: approved on or before' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date like 2026-11-25' })
  to?: string;
}

@ObjectType({ description: 'Accuracy of approved counts over time, by warehouse, counter, reason or month.' })
export class AccuracyRow extends StocktakeAccuracy {
  @Field({ description: 'Warehouse id, user id, reason or YYYY-MM.' }) key: string;
  @Field({ description: 'Warehouse name, counter name, reason or month.' }) label: string;
  @Field(() => Int, { description: 'Approved counts in the group.' }) counts: number;
}

@ObjectType({ description: 'A SKU due for a cycle count by its class review days.' })
export class CycleCountDue {
  @Field(() => ID) skuId: number;
  @Field(() => AbcClassCode) abcClass: AbcClassCode;
  @Field(() => String, { nullable: true }) lastCountedOn: string | null;
  @Field() dueOn: string;
  @Field(() => Int) overdueDays: number;
}

@ObjectType()
export class AbcRecomputeResult {
  @Field(() => Int) skus: number;
  @Field(() => Int) a: number;
  @Field(() => Int) b: number;
  @Field(() => Int) c: number;
  @Field() periodFrom: string;
  @Field() periodTo: string;
}

@InputType()
export class StocktakeSettingsInput {
  @Field(() => Int) version: number;
  @DecimalInput(7, 4, { nullable: true }) abcCutoffA?: string;
  @DecimalInput(7, 4, { nullable: true }) abcCutoffB?: string;
  @Field(() => Int, { nullable: true }) abcPeriodMonths?: number;
  @Field(() => Int, { nullable: true }) reviewDaysA?: number;
  @Field(() => Int, { nullable: true }) reviewDaysB?: number;
  @Field(() => Int, { nullable: true }) reviewDaysC?: number;
  @Field({ nullable: true }) freezeFullCounts?: boolean;
  @DecimalInput(18, 6, { nullable: true }) toleranceQty?: string;
  @DecimalInput(9, 4, { nullable: true }) tolerancePct?: string;
}
