import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export enum ReturnReason {
  DEFECTIVE = 'defective',
  DAMAGED_IN_TRANSIT = 'damaged_in_transit',
  WRONG_ITEM = 'wrong_item',
  NOT_AS_DESCRIBED = 'not_as_described',
  CHANGED_MIND = 'changed_mind',
  OTHER = 'other',
}
registerEnumType(ReturnReason, { name: 'ReturnReason', description: '退货原因 reason codes.' });

export enum ReturnDisposition {
  RESTOCK = 'restock',
  SCRAP = 'scrap',
}
registerEnumType(ReturnDisposition, {
  name: 'ReturnDisposition',
  description:
    'RESTOCK: back into stock at the cost it left with; SCRAP: not taken back into stock (its cost stays in COGS as a loss).',
});

export enum ReturnResolution {
  REFUND = 'refund',
  EXCHANGE = 'exchange',
}
registerEnumType(ReturnResolution, {
  name: 'ReturnResolution',
  description:
    'REFUND: the credit is owed back; EXCHANGE: the credit pays for a replacement order (a draft at the same prices).',
});

@ObjectType({
  description:
    '销售退货 (售后): against a shipment; restocked at the cost the goods left with, or scrapped; refund or exchange.',
})
@Entity('sales_return')
@Index(['shipmentId'])
@Index(['orderId'])
export class SalesReturn {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 40, nullable: true, unique: true }) number: string;
  @Field(() => ID) @Column({ name: 'shipment_id', type: 'int' }) shipmentId: number;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => ID) @Column({ name: 'customer_id', type: 'int' }) customerId: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'business_date', type: 'varchar', length: 10 })
  businessDate: string;
  @Field(() => ReturnReason) @Column({ type: 'varchar', length: 24 }) reason: ReturnReason;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) note: string;
  @Field(() => ReturnResolution) @Column({ type: 'varchar', length: 12 }) resolution: ReturnResolution;
  @SensitiveField(
    'SalesReturn',
    () => DecimalScalar,
    P.CatalogSalePriceRead,
    'Credited to the customer (reduces the receivable).',
  )
  @DecimalColumn(18, 2)
  credit: string | null;
  @SensitiveField(
    'SalesReturn',
    () => DecimalScalar,
    P.CatalogSalePriceRead,
    '满减 taken back: the kept goods fell below a 满减 (or to a smaller multiple), so the reduction they carried is kept from the refund (negative: an earlier take-back given back). Already out of the credit.',
  )
  @DecimalColumn(18, 2, { name: 'threshold_taken_back', default: '0.00' })
  thresholdTakenBack: string | null;
  /** per 满减: what this return took back (negative: gave back) */
  @Column({ name: 'take_backs', type: 'simple-json', nullable: true })
  takeBacks: Array<{ promotionId: number; code: string; amount: string }> | null;
  @Field(() => [String], { description: 'The codes of the 满减 this return took back (or gave back).' })
  takenBackFrom(): string[] {
    return (this.takeBacks ?? []).filter((t) => t.amount !== '0.00').map((t) => t.code);
  }
  @Field(() => ID, { nullable: true, description: 'EXCHANGE: the replacement order (a draft).' })
  @Column({ name: 'replacement_order_id', type: 'int', nullable: true })
  replacementOrderId: number | null;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'posted_at', type: 'datetime', precision: 3 }) postedAt: Date;
}

@ObjectType()
@Entity('sales_return_line')
@Index(['returnId', 'lineNo'], { unique: true })
export class SalesReturnLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'return_id', type: 'int' }) returnId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID) @Column({ name: 'shipment_line_id', type: 'int' }) shipmentLineId: number;
  @Field(() => ID) @Column({ name: 'order_line_id', type: 'int' }) orderLineId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => DecimalScalar) @QuantityColumn() qty: string;
  @Field(() => ReturnDisposition) @Column({ type: 'varchar', length: 8 }) disposition: ReturnDisposition;
  @SensitiveField(
    'SalesReturnLine',
    () => DecimalScalar,
    P.CatalogSalePriceRead,
    'Credit for these units (their net amount less any 满减 taken back).',
  )
  @DecimalColumn(18, 2)
  amount: string | null;
  @SensitiveField(
    'SalesReturnLine',
    () => DecimalScalar,
    P.CatalogSalePriceRead,
    "This line's part of the 满减 taken back (already out of its amount).",
  )
  @DecimalColumn(18, 2, { name: 'taken_back', default: '0.00' })
  takenBack: string | null;
  @SensitiveField(
    'SalesReturnLine',
    () => DecimalScalar,
    P.SalesMarginRead,
    'Value taken back into stock (0 when scrapped).',
  )
  @DecimalColumn(18, 2, { name: 'restocked_cost' })
  restockedCost: string | null;
}
