import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export enum StocktakeKind {
  /** a whole warehouse or zone, every SKU; freezes postings in its scope by default */
  FULL = 'full',
  /** some SKUs (by ABC class, zone, category, a list or the class plan); postings go on */
  CYCLE = 'cycle',
}
registerEnumType(StocktakeKind, { name: 'StocktakeKind' });

export enum StocktakeStatus {
  /** counters count; recounts */
  COUNTING = 'counting',
  /** counting finished: differences get their reasons, a manager approves */
  REVIEW = 'review',
  /** approved: the adjustment is posted */
  APPROVED = 'approved',
  CANCELLED = 'cancelled',
}
registerEnumType(StocktakeStatus, { name: 'StocktakeStatus' });

export enum CountLineStatus {
  /** fewer than two blind counts */
  PENDING = 'pending',
  /** the two counts differ, or agree beyond the tolerance: a third person recounts */
  RECOUNT = 'recount',
  /** the quantity is known (two agreeing counts, or the recount) */
  SETTLED = 'settled',
}
registerEnumType(CountLineStatus, { name: 'CountLineStatus' });

export enum RecountCause {
  COUNTERS_DIFFER = 'counters_differ',
  BEYOND_TOLERANCE = 'beyond_tolerance',
}
registerEnumType(RecountCause, { name: 'RecountCause' });

export enum CountReason {
  RECEIVING_ERROR = 'receiving_error',
  SHIPPING_ERROR = 'shipping_error',
  DAMAGE = 'damage',
  THEFT_LOSS = 'theft_loss',
  EXPIRY = 'expiry',
  UNIT_ERROR = 'unit_error',
  UNKNOWN = 'unknown',
}
registerEnumType(CountReason, { name: 'CountReason', description: 'Why the shelf differs from the book.' });

export enum AbcClassCode {
  A = 'A',
  B = 'B',
  C = 'C',
}
registerEnumType(AbcClassCode, { name: 'AbcClass' });

/** 盘点: a count of a warehouse (or a zone, or some SKUs) against the book. */
@ObjectType()
@Entity('stocktake')
@Index(['warehouseId', 'status'])
export class Stocktake {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 40, unique: true }) number: string;
  @Field(() => StocktakeKind) @Column({ type: 'varchar', length: 10 }) kind: StocktakeKind;
  @Field(() => StocktakeStatus)
  @Column({ type: 'varchar', length: 12, default: StocktakeStatus.COUNTING })
  status: StocktakeStatus;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field(() => ID, { nullable: true, description: 'Only the bins of this zone.' })
  @Column({ name: 'zone_id', type: 'int', nullable: true })
  zoneId: number | null;
  @Field(() => AbcClassCode, { nullable: true, description: 'Cycle counts: the SKUs of this class.' })
  @Column({ name: 'abc_class', type: 'varchar', length: 1, nullable: true })
  abcClass: AbcClassCode | null;
  @Field(() => ID, { nullable: true, description: 'Cycle counts: the SKUs of this category and below.' })
  @Column({ name: 'category_id', type: 'int', nullable: true })
  categoryId: number | null;
  @Field({ description: 'Cycle counts: the SKUs were listed (by hand or from the class plan).' })
  @Column({ name: 'sku_listed', type: 'boolean', default: false })
  skuListed: boolean;
  @Field({ description: 'Postings in the scope are refused (COUNT_IN_PROGRESS) until the count is closed.' })
  @Column({ name: 'freeze_postings', type: 'boolean', default: false })
  freezePostings: boolean;
  @Field(() => DecimalScalar, { description: 'A recount is needed when the agreed count is further from the book.' })
  @QuantityColumn({ name: 'tolerance_qty', default: '0.000000' })
  toleranceQty: string;
  @Field(() => DecimalScalar, { description: 'Percent of the book quantity; the larger of the two applies.' })
  @DecimalColumn(9, 4, { name: 'tolerance_pct', default: '0.0000' })
  tolerancePct: string;
  @Field({ description: 'YYYY-MM-DD: the day the book was snapshotted.' })
  @Column({ name: 'business_date', type: 'varchar', length: 10 })
  businessDate: string;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'approved_by', type: 'int', nullable: true }) approvedBy:
    number | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the business day of the approval.' })
  @Column({ name: 'approved_on', type: 'varchar', length: 10, nullable: true })
  approvedOn: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The adjustment document its approval posted.' })
  @Column({ name: 'adjustment_id', type: 'int', nullable: true })
  adjustmentId: number | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'adjustment_number', type: 'varchar', length: 40, nullable: true })
  adjustmentNumber: string | null;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** One place to count: bin (0 = no bin) × SKU × batch, with the book quantity of the snapshot. */
@ObjectType({ description: 'What to count and where. Counters never see the book quantity (blind count).' })
@Entity('stocktake_line')
@Index(['stocktakeId', 'binId', 'skuId', 'batchNo'], { unique: true })
@Index(['stocktakeId', 'lineNo'])
@Index(['skuId'])
export class StocktakeLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'stocktake_id', type: 'int' }) stocktakeId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID, { description: '0: stock kept outside bins.' })
  @Column({ name: 'bin_id', type: 'int', default: 0 })
  binId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Column({ name: 'batch_id', type: 'int', default: 0 }) batchId: number;
  @Field({ description: 'Empty: no batch.' })
  @Column({ name: 'batch_no', type: 'varchar', length: 60, default: '' })
  batchNo: string;
  @Field({ description: 'Not in the snapshot: a counter found it.' })
  @Column({ type: 'boolean', default: false })
  found: boolean;
  @SensitiveField('StocktakeLine', () => DecimalScalar, P.StockCountRead, 'The book quantity when the count began.')
  @QuantityColumn({ name: 'book_qty' })
  bookQty: string;
  @Field(() => CountLineStatus)
  @Column({ type: 'varchar', length: 10, default: CountLineStatus.PENDING })
  status: CountLineStatus;
  @Field(() => RecountCause, { nullable: true })
  @Column({ name: 'recount_cause', type: 'varchar', length: 20, nullable: true })
  recountCause: RecountCause | null;
  @SensitiveField('StocktakeLine', () => DecimalScalar, P.StockCountRead, 'The quantity counted (settled lines).')
  @QuantityColumn({ name: 'final_qty', nullable: true })
  finalQty: string | null;
  @SensitiveField(
    'StocktakeLine',
    () => DecimalScalar,
    P.StockCountRead,
    'Postings in the scope since the snapshot (counts that do not freeze); known at approval.',
  )
  @QuantityColumn({ name: 'moved_qty', nullable: true })
  movedQty: string | null;
  @SensitiveField(
    'StocktakeLine',
    () => DecimalScalar,
    P.StockCountRead,
    'Counted − expected (book + moved): positive a gain, negative a loss.',
  )
  @QuantityColumn({ name: 'difference_qty', nullable: true })
  differenceQty: string | null;
  @Field(() => CountReason, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  reason: CountReason | null;
  @Field() @Column({ type: 'varchar', length: 200, default: '' }) note: string;
  @Field(() => ID, { nullable: true, description: 'The adjustment line that booked the difference.' })
  @Column({ name: 'adjustment_line_id', type: 'int', nullable: true })
  adjustmentLineId: number | null;
  /** the posted value of the difference (set at approval) */
  @DecimalColumn(18, 2, { name: 'posted_value', nullable: true })
  postedValue: string | null;

  /** the counts, attached by the service when it loads lines */
  counts?: StocktakeCount[];
}

/** One count of a line: round 1 and 2 are the blind counts, 3 the recount. */
@ObjectType()
@Entity('stocktake_count')
@Index(['lineId', 'round'], { unique: true })
@Index(['stocktakeId', 'countedBy'])
export class StocktakeCount {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'stocktake_id', type: 'int' }) stocktakeId: number;
  @Field(() => ID) @Column({ name: 'line_id', type: 'int' }) lineId: number;
  @Field(() => Int, { description: '1 and 2: the blind counts; 3: the recount.' })
  @Column({ type: 'int' })
  round: number;
  @Field(() => ID) @Column({ name: 'counted_by', type: 'int' }) countedBy: number;
  @SensitiveField('StocktakeCount', () => DecimalScalar, P.StockCountRead, 'What this counter counted.')
  @QuantityColumn()
  qty: string;
  @Field(() => Date) @Column({ name: 'counted_at', type: 'datetime', precision: 3 }) countedAt: Date;
}

/** The SKUs a cycle count covers (a found SKU outside them is refused). */
@Entity('stocktake_sku')
export class StocktakeSku {
  @PrimaryColumn({ name: 'stocktake_id', type: 'int' }) stocktakeId: number;
  @PrimaryColumn({ name: 'sku_id', type: 'int' }) skuId: number;
}

/** ABC 分类 of a SKU in a warehouse: computed from the value issued, or fixed by hand. */
@ObjectType()
@Entity('abc_class')
@Index(['warehouseId', 'skuId'], { unique: true })
export class AbcClassification {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => AbcClassCode, { nullable: true, description: 'From the last computation.' })
  @Column({ name: 'computed_class', type: 'varchar', length: 1, nullable: true })
  computedClass: AbcClassCode | null;
  @Field(() => AbcClassCode, { nullable: true, description: 'Fixed by hand; wins over the computed class.' })
  @Column({ name: 'manual_class', type: 'varchar', length: 1, nullable: true })
  manualClass: AbcClassCode | null;
  @SensitiveField('AbcClassification', () => DecimalScalar, P.StockCostRead, 'Value issued over the period.')
  @DecimalColumn(18, 2, { name: 'issued_value', default: '0.00' })
  issuedValue: string;
  @Field(() => DecimalScalar, { description: 'Share of the value issued, percent.' })
  @DecimalColumn(9, 4, { default: '0.0000' })
  share: string;
  @Field(() => DecimalScalar, { description: 'Cumulative share down to this SKU, percent.' })
  @DecimalColumn(9, 4, { default: '0.0000' })
  cumulative: string;
  @Field(() => Int) @Column({ type: 'int', default: 0 }) rank: number;
  @Field(() => String, { nullable: true })
  @Column({ name: 'period_from', type: 'varchar', length: 10, nullable: true })
  periodFrom: string | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'period_to', type: 'varchar', length: 10, nullable: true })
  periodTo: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'computed_at', type: 'datetime', precision: 3, nullable: true })
  computedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD of the last approved count of the SKU here.' })
  @Column({ name: 'last_counted_on', type: 'varchar', length: 10, nullable: true })
  lastCountedOn: string | null;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** Stocktake and ABC settings (one row). */
@ObjectType()
@Entity('stocktake_setting')
export class StocktakeSettings {
  @PrimaryColumn({ type: 'int' }) id: number;
  @Field(() => DecimalScalar, { description: 'Cumulative percent of value up to which SKUs are A (80).' })
  @DecimalColumn(7, 4, { name: 'abc_cutoff_a', default: '80.0000' })
  abcCutoffA: string;
  @Field(() => DecimalScalar, { description: 'Cumulative percent up to which SKUs are B (95).' })
  @DecimalColumn(7, 4, { name: 'abc_cutoff_b', default: '95.0000' })
  abcCutoffB: string;
  @Field(() => Int, { description: 'Months of issues the classes are computed from (12).' })
  @Column({ name: 'abc_period_months', type: 'int', default: 12 })
  abcPeriodMonths: number;
  @Field(() => Int, { description: 'Days between counts of an A SKU (7).' })
  @Column({ name: 'review_days_a', type: 'int', default: 7 })
  reviewDaysA: number;
  @Field(() => Int) @Column({ name: 'review_days_b', type: 'int', default: 14 }) reviewDaysB: number;
  @Field(() => Int) @Column({ name: 'review_days_c', type: 'int', default: 30 }) reviewDaysC: number;
  @Field({
    description: 'Full counts freeze postings in their scope (else moves are counted as moved during the count).',
  })
  @Column({ name: 'freeze_full_counts', type: 'boolean', default: true })
  freezeFullCounts: boolean;
  @Field(() => DecimalScalar, { description: 'Default tolerance of new counts (quantity).' })
  @QuantityColumn({ name: 'tolerance_qty', default: '0.000000' })
  toleranceQty: string;
  @Field(() => DecimalScalar, { description: 'Default tolerance of new counts (percent of the book).' })
  @DecimalColumn(9, 4, { name: 'tolerance_pct', default: '0.0000' })
  tolerancePct: string;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}
