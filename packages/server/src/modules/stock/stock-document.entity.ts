import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export enum StockDocType {
  OTHER_IN = 'other_in',
  OTHER_OUT = 'other_out',
  TRANSFER = 'transfer',
  ADJUSTMENT = 'adjustment',
}
registerEnumType(StockDocType, { name: 'StockDocType' });

export enum StockDocStatus {
  DRAFT = 'draft',
  /** a transfer that left its warehouse and has not arrived */
  IN_TRANSIT = 'in_transit',
  POSTED = 'posted',
  CANCELLED = 'cancelled',
}
registerEnumType(StockDocStatus, { name: 'StockDocStatus' });

@ObjectType({ description: 'Other receipt / issue, transfer or adjustment.' })
@Entity('stock_document')
@Index(['type', 'status'])
// the list's order (newest business day first): the first and the 1,000th page read the index, not a sort of every row
@Index('IDX_stock_document_date', ['businessDate'])
// one warehouse's list (its documents and the transfers into it): the page's ids merged from two
// ordered index-only ranges (`pageNewestFirst`'s `either`), not a walk of the date index
@Index('IDX_stock_document_wh_date', ['warehouseId', 'businessDate'])
@Index('IDX_stock_document_to_wh_date', ['toWarehouseId', 'businessDate'])
export class StockDocument {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => StockDocType) @Column({ type: 'varchar', length: 20 }) type: StockDocType;
  @Field(() => String, { nullable: true, description: 'Given at posting, gap-free per type and day.' })
  @Column({ type: 'varchar', length: 40, nullable: true, unique: true })
  number: string | null;
  @Field(() => StockDocStatus)
  @Column({ type: 'varchar', length: 12, default: StockDocStatus.DRAFT })
  status: StockDocStatus;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field(() => ID, { nullable: true, description: 'Destination of a transfer.' })
  @Column({ name: 'to_warehouse_id', type: 'int', nullable: true })
  toWarehouseId: number | null;
  @Field({ description: 'YYYY-MM-DD: the date the stock moved; costs follow it.' })
  @Column({ name: 'business_date', type: 'varchar', length: 10 })
  businessDate: string;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @Field({
    description:
      'An other issue that is demand (store use, sales outside the system): replenishment forecasts from it.',
  })
  @Column({ name: 'counts_as_demand', type: 'boolean', default: false })
  countsAsDemand: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'What the document was made from, when another workflow made it (stocktake: a count approved).',
  })
  @Column({ name: 'source_type', type: 'varchar', length: 20, nullable: true })
  sourceType: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'source_id', type: 'int', nullable: true }) sourceId:
    number | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'source_number', type: 'varchar', length: 40, nullable: true })
  sourceNumber: string | null;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'posted_at', type: 'datetime', precision: 3, nullable: true })
  postedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a transfer arrived.' })
  @Column({ name: 'received_at', type: 'datetime', precision: 3, nullable: true })
  receivedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

@ObjectType()
@Entity('stock_document_line')
@Index(['documentId', 'lineNo'], { unique: true })
export class StockDocumentLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'document_id', type: 'int' }) documentId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field({ description: 'Unit the quantity was entered in (base unit or a conversion unit).' })
  @Column({ type: 'varchar', length: 20 })
  unit: string;
  @Field(() => DecimalScalar, { description: 'Base units per entered unit.' })
  @QuantityColumn({ name: 'unit_factor' })
  unitFactor: string;
  @Field(() => DecimalScalar, { description: 'Quantity in the entered unit; signed for adjustments.' })
  @QuantityColumn()
  qty: string;
  @Field(() => DecimalScalar, { description: 'Quantity in the base unit.' })
  @QuantityColumn({ name: 'base_qty' })
  baseQty: string;
  @SensitiveField(
    'StockDocumentLine',
    () => DecimalScalar,
    P.StockCostRead,
    'Unit cost per base unit: given for other receipts, computed by the costing method for issues.',
  )
  @DecimalColumn(18, 6, { name: 'unit_cost', nullable: true })
  unitCost: string | null;
  @SensitiveField('StockDocumentLine', () => DecimalScalar, P.StockCostRead, 'Value of the line once posted.')
  @DecimalColumn(18, 2, { nullable: true })
  value: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'bin_id', type: 'int', nullable: true }) binId: number | null;
  @Field(() => ID, { nullable: true, description: 'Destination bin of a transfer.' })
  @Column({ name: 'to_bin_id', type: 'int', nullable: true })
  toBinId: number | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'batch_no', type: 'varchar', length: 60, nullable: true })
  batchNo: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'expiry_date', type: 'varchar', length: 10, nullable: true })
  expiryDate: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why a short-dated or expired batch was received (required within the warning days).',
  })
  @Column({ name: 'expiry_reason', type: 'varchar', length: 200, nullable: true })
  expiryReason: string | null;
}
