import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

@ObjectType({
  description: '采购入库: goods received against an order, inspected; only accepted quantities post to stock.',
})
@Entity('purchase_receipt')
@Index(['orderId'])
@Index(['supplierId'])
export class PurchaseReceipt {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => String, { description: 'Gap-free per day; allocated at the end of the posting.' })
  @Column({ type: 'varchar', length: 40, nullable: true, unique: true })
  number: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'int' }) supplierId: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'business_date', type: 'varchar', length: 10 })
  businessDate: string;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'posted_at', type: 'datetime', precision: 3 }) postedAt: Date;
}

@ObjectType()
@Entity('purchase_receipt_line')
@Index(['receiptId', 'lineNo'], { unique: true })
@Index(['orderLineId'])
export class PurchaseReceiptLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'receipt_id', type: 'int' }) receiptId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID) @Column({ name: 'order_line_id', type: 'int' }) orderLineId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => DecimalScalar, { description: 'Accepted at inspection: posted to stock.' })
  @QuantityColumn({ name: 'accepted_qty' })
  acceptedQty: string;
  @Field(() => DecimalScalar, { description: 'Rejected at inspection: not posted.' })
  @QuantityColumn({ name: 'rejected_qty', default: '0.000000' })
  rejectedQty: string;
  @Field() @Column({ name: 'reject_reason', type: 'varchar', length: 200, default: '' }) rejectReason: string;
  @Field({
    description:
      'The supplier will replace the rejected units: they stay on order (在途). Otherwise they are written off the order.',
  })
  @Column({ name: 'replacement_expected', type: 'boolean', default: false })
  replacementExpected: boolean;
  @SensitiveField(
    'PurchaseReceiptLine',
    () => DecimalScalar,
    P.CatalogPurchasePriceRead,
    'The order price the accepted units came in at.',
  )
  @DecimalColumn(18, 6, { name: 'unit_cost' })
  unitCost: string | null;
  @SensitiveField(
    'PurchaseReceiptLine',
    () => DecimalScalar,
    P.CatalogPurchasePriceRead,
    'Value posted to stock: round2(accepted × unit cost).',
  )
  @DecimalColumn(18, 2)
  value: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'bin_id', type: 'int', nullable: true }) binId: number | null;
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
  /** the stock batch the units went into (0: none) */
  @Column({ name: 'batch_id', type: 'int', default: 0 }) batchId: number;
  @Field(() => DecimalScalar, { description: 'Returned to the supplier so far.' })
  @QuantityColumn({ name: 'returned_qty', default: '0.000000' })
  returnedQty: string;
  /** value removed by the returns so far (so the last return takes exactly the rest) */
  @DecimalColumn(18, 2, { name: 'returned_value', default: '0.00' }) returnedValue: string;
  @Field(() => DecimalScalar, { description: 'Matched by supplier invoices so far.' })
  @QuantityColumn({ name: 'invoiced_qty', default: '0.000000' })
  invoicedQty: string;
}

@ObjectType({ description: '采购退货: accepted goods sent back to the supplier, at the value they came in at.' })
@Entity('purchase_return')
@Index(['receiptId'])
export class PurchaseReturn {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => String, { description: 'Gap-free per day; allocated at the end of the posting.' })
  @Column({ type: 'varchar', length: 40, nullable: true, unique: true })
  number: string;
  @Field(() => ID) @Column({ name: 'receipt_id', type: 'int' }) receiptId: number;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'int' }) supplierId: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'business_date', type: 'varchar', length: 10 })
  businessDate: string;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) reason: string;
  @SensitiveField(
    'PurchaseReturn',
    () => DecimalScalar,
    P.CatalogPurchasePriceRead,
    'What the supplier owes back (扣款) for returned units it had invoiced already, at their price: it reduces the payable. 0.00 when every returned unit was still to be invoiced (the invoice then bills less).',
  )
  @DecimalColumn(18, 2, { default: '0.00' })
  credit: string | null;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'posted_at', type: 'datetime', precision: 3 }) postedAt: Date;
}

@ObjectType()
@Entity('purchase_return_line')
@Index(['returnId', 'lineNo'], { unique: true })
@Index(['receiptLineId'])
export class PurchaseReturnLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'return_id', type: 'int' }) returnId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID) @Column({ name: 'receipt_line_id', type: 'int' }) receiptLineId: number;
  @Field(() => ID) @Column({ name: 'order_line_id', type: 'int' }) orderLineId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => DecimalScalar) @QuantityColumn() qty: string;
  @SensitiveField(
    'PurchaseReturnLine',
    () => DecimalScalar,
    P.CatalogPurchasePriceRead,
    'Value removed from stock (negative).',
  )
  @DecimalColumn(18, 2)
  value: string | null;
}
