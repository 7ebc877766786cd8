import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

@ObjectType({ description: '销售发票: bills what was shipped and not yet invoiced on an order.' })
@Entity('sales_invoice')
@Index(['customerId'])
@Index(['orderId'])
export class SalesInvoice {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 40, unique: true }) number: string;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => ID) @Column({ name: 'customer_id', type: 'int' }) customerId: number;
  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'invoice_date', type: 'varchar', length: 10 })
  invoiceDate: string;
  @Field({ description: "YYYY-MM-DD: invoice date + the customer's payment terms." })
  @Column({ name: 'due_date', type: 'varchar', length: 10 })
  dueDate: string;
  @SensitiveField('SalesInvoice', () => DecimalScalar, P.CatalogSalePriceRead)
  @DecimalColumn(18, 2)
  total: string | null;
  @SensitiveField(
    'SalesInvoice',
    () => DecimalScalar,
    P.CatalogSalePriceRead,
    'Settled by payments and credits (oldest invoice first).',
  )
  @DecimalColumn(18, 2, { default: '0.00' })
  settled: string | null;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

@ObjectType()
@Entity('sales_invoice_line')
@Index(['invoiceId', 'lineNo'], { unique: true })
export class SalesInvoiceLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'invoice_id', type: 'int' }) invoiceId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID) @Column({ name: 'order_line_id', type: 'int' }) orderLineId: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => DecimalScalar) @QuantityColumn() qty: string;
  @SensitiveField('SalesInvoiceLine', () => DecimalScalar, P.CatalogSalePriceRead)
  @DecimalColumn(18, 2)
  amount: string | null;
}

@ObjectType({ description: '收款: a customer payment; settles the oldest open invoices first.' })
@Entity('customer_payment')
@Index(['customerId'])
export class CustomerPayment {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'customer_id', type: 'int' }) customerId: number;
  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'received_on', type: 'varchar', length: 10 })
  receivedOn: string;
  @SensitiveField('CustomerPayment', () => DecimalScalar, P.SalesReceivableRead)
  @DecimalColumn(18, 2)
  amount: string | null;
  @Field() @Column({ type: 'varchar', length: 100, default: '' }) reference: string;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
