import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

@ObjectType({ description: '销售出库: goods picked FIFO/FEFO by the engine and posted; no prices for keepers.' })
@Entity('sales_shipment')
@Index(['orderId'])
export class SalesShipment {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field({ description: 'Gap-free per day; allocated at the end of the posting.' })
  @Column({ type: 'varchar', length: 40, nullable: true, unique: true })
  number: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => ID) @Column({ name: 'customer_id', type: 'int' }) customerId: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'business_date', type: 'varchar', length: 10 })
  businessDate: string;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @Field({ description: "The carrier's tracking number (运单号; empty: none given)." })
  @Column({ name: 'tracking_no', type: 'varchar', length: 64, default: '' })
  trackingNo: string;
  @Field({ description: 'The carrier (快递公司; empty: none given).' })
  @Column({ type: 'varchar', length: 40, default: '' })
  carrier: string;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'posted_at', type: 'datetime', precision: 3 }) postedAt: Date;
}

@ObjectType()
@Entity('sales_shipment_line')
@Index(['shipmentId', 'lineNo'], { unique: true })
@Index(['orderLineId'])
export class SalesShipmentLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'shipment_id', type: 'int' }) shipmentId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID) @Column({ name: 'order_line_id', type: 'int' }) orderLineId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => DecimalScalar) @QuantityColumn() qty: string;
  @SensitiveField('SalesShipmentLine', () => DecimalScalar, P.CatalogSalePriceRead, 'Revenue of these units.')
  @DecimalColumn(18, 2)
  amount: string | null;
  @SensitiveField(
    'SalesShipmentLine',
    () => DecimalScalar,
    P.SalesMarginRead,
    'Cost of these units from the costing method (the ledger rows).',
  )
  @DecimalColumn(18, 2)
  cogs: string | null;
  @Field(() => DecimalScalar, { description: 'Returned so far.' })
  @QuantityColumn({ name: 'returned_qty', default: '0.000000' })
  returnedQty: string;
}
