import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

@ObjectType({
  description: "A supplier's invoice, matched line by line to receipts (three-way: order, receipt, invoice).",
})
@Entity('supplier_invoice')
@Index(['supplierId', 'invoiceNo'], { unique: true })
export class SupplierInvoice {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'int' }) supplierId: number;
  @Field({ description: "The supplier's own invoice number." })
  @Column({ name: 'invoice_no', type: 'varchar', length: 60 })
  invoiceNo: string;
  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'invoice_date', type: 'varchar', length: 10 })
  invoiceDate: string;
  @Field({ description: "YYYY-MM-DD: invoice date + the supplier's payment terms." })
  @Column({ name: 'due_date', type: 'varchar', length: 10 })
  dueDate: string;
  @SensitiveField('SupplierInvoice', () => DecimalScalar, P.PurchasingPayableRead, 'Σ line amounts.')
  @DecimalColumn(18, 2)
  total: string | null;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

@ObjectType()
@Entity('supplier_invoice_line')
@Index(['invoiceId', 'lineNo'], { unique: true })
@Index(['receiptLineId'])
export class SupplierInvoiceLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'invoice_id', type: 'int' }) invoiceId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID) @Column({ name: 'receipt_line_id', type: 'int' }) receiptLineId: number;
  @Field(() => ID) @Column({ name: 'order_line_id', type: 'int' }) orderLineId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => DecimalScalar) @QuantityColumn() qty: string;
  @SensitiveField('SupplierInvoiceLine', () => DecimalScalar, P.PurchasingPayableRead)
  @DecimalColumn(18, 6, { name: 'unit_price' })
  unitPrice: string | null;
  @SensitiveField('SupplierInvoiceLine', () => DecimalScalar, P.PurchasingPayableRead, 'round2(qty × unit price)')
  @DecimalColumn(18, 2)
  amount: string | null;
}

@ObjectType({ description: 'A payment to a supplier; it reduces the amount payable.' })
@Entity('supplier_payment')
@Index(['supplierId'])
export class SupplierPayment {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'int' }) supplierId: number;
  @Field({ description: 'YYYY-MM-DD' }) @Column({ name: 'paid_on', type: 'varchar', length: 10 }) paidOn: string;
  @SensitiveField('SupplierPayment', () => DecimalScalar, P.PurchasingPayableRead)
  @DecimalColumn(18, 2)
  amount: string | null;
  @Field({ description: 'Bank reference, cheque number …' })
  @Column({ type: 'varchar', length: 100, default: '' })
  reference: string;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
