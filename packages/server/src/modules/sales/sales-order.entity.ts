import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export enum SalesOrderStatus {
  DRAFT = 'draft',
  CONFIRMED = 'confirmed',
  PARTLY_SHIPPED = 'partly_shipped',
  SHIPPED = 'shipped',
  INVOICED = 'invoiced',
  PAID = 'paid',
  CANCELLED = 'cancelled',
}
registerEnumType(SalesOrderStatus, { name: 'SalesOrderStatus' });

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
  description: '销售订单. Prices and amounts need catalog.price.sale.read; cost and margin sales.margin.read.',
})
@Entity('sales_order')
@Index(['status'])
@Index(['customerId'])
@Index(['ownerId'])
@Index(['orderDate'])
export class SalesOrder {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field({ description: 'Gap-free per day, given when the draft is saved.' })
  @Column({ type: 'varchar', length: 40, unique: true })
  number: string;
  @Field(() => SalesOrderStatus)
  @Column({ type: 'varchar', length: 16, default: SalesOrderStatus.DRAFT })
  status: SalesOrderStatus;
  @Field(() => ID) @Column({ name: 'customer_id', type: 'int' }) customerId: number;
  @Field(() => ID, { description: "The customer's salesperson when the order was taken." })
  @Column({ name: 'owner_id', type: 'int' })
  ownerId: number;
  @Field(() => ID) @Column({ name: 'channel_id', type: 'int' }) channelId: number;
  @Field(() => ID, { nullable: true }) @Column({ name: 'store_id', type: 'int', nullable: true }) storeId:
    number | null;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field({ description: 'YYYY-MM-DD; prices are taken as of this day.' })
  @Column({ name: 'order_date', type: 'varchar', length: 10 })
  orderDate: string;
  @Field({ description: 'Delivery address (what the delivery note shows).' })
  @Column({ name: 'ship_to', type: 'varchar', length: 500, default: '' })
  shipTo: string;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @SensitiveField('SalesOrder', () => DecimalScalar, P.CatalogSalePriceRead, 'Σ line amounts.')
  @DecimalColumn(18, 2, { default: '0.00' })
  total: string | null;
  @SensitiveField(
    'SalesOrder',
    () => DecimalScalar,
    P.SalesMarginRead,
    'Cost of goods sold of what was shipped and not returned to stock, from the costing method.',
  )
  @DecimalColumn(18, 2, { default: '0.00' })
  cogs: string | null;
  @SensitiveField('SalesOrder', () => DecimalScalar, P.SalesMarginRead, 'Revenue shipped (net of returns) − COGS.')
  @DecimalColumn(18, 2, { default: '0.00' })
  margin: string | null;
  @Field(() => ID, { nullable: true, description: 'The return this order replaces goods for (exchange).' })
  @Column({ name: 'exchange_of_return_id', type: 'int', nullable: true })
  exchangeOfReturnId: number | null;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true })
  confirmedAt: Date | null;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

@ObjectType()
@Entity('sales_order_line')
@Index(['orderId', 'lineNo'], { unique: true })
@Index(['skuId'])
export class SalesOrderLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => DecimalScalar, { description: 'Ordered, in the base unit.' }) @QuantityColumn() qty: string;
  @SensitiveField(
    'SalesOrderLine',
    () => DecimalScalar,
    P.CatalogSalePriceRead,
    'The price the pricing gave (before a change by hand).',
  )
  @DecimalColumn(18, 6, { name: 'quoted_price' })
  quotedPrice: string | null;
  @SensitiveField('SalesOrderLine', () => DecimalScalar, P.CatalogSalePriceRead, 'Per base unit.')
  @DecimalColumn(18, 6, { name: 'unit_price' })
  unitPrice: string | null;
  @Field(() => ID, { nullable: true, description: 'The price list that applied; null: the reference sale price.' })
  @Column({ name: 'price_list_id', type: 'int', nullable: true })
  priceListId: number | null;
  @Field({ description: 'FIXED, COST_PLUS, DISCOUNT_OFF_LIST or LIST_PRICE.' })
  @Column({ name: 'price_rule', type: 'varchar', length: 20 })
  priceRule: string;
  @SensitiveField(
    'SalesOrderLine',
    () => [String],
    P.CatalogSalePriceRead,
    'How the price came about, step by step (promotions will add their steps here).',
  )
  @Column({ name: 'price_steps', type: 'simple-json' })
  priceSteps: string[] | null;
  @Field({ description: 'The salesperson changed the quoted price.' })
  @Column({ name: 'price_changed', type: 'boolean', default: false })
  priceChanged: boolean;
  @SensitiveField(
    'SalesOrderLine',
    () => Boolean,
    P.SalesMarginRead,
    'The price was below the unit cost when the order was priced (needs sales.price.below_cost).',
  )
  @Column({ name: 'below_cost', type: 'boolean', default: false })
  belowCost: boolean | null;
  @SensitiveField('SalesOrderLine', () => DecimalScalar, P.CatalogSalePriceRead, 'round2(qty × unit price)')
  @DecimalColumn(18, 2)
  amount: string | null;
  @Field(() => DecimalScalar, { description: 'Held for this line now (on hand − reserved is what others may sell).' })
  @QuantityColumn({ name: 'reserved_qty', default: '0.000000' })
  reservedQty: string;
  @Field(() => DecimalScalar) @QuantityColumn({ name: 'shipped_qty', default: '0.000000' }) shippedQty: string;
  @Field(() => DecimalScalar) @QuantityColumn({ name: 'returned_qty', default: '0.000000' }) returnedQty: string;
  @Field(() => DecimalScalar) @QuantityColumn({ name: 'invoiced_qty', default: '0.000000' }) invoicedQty: string;
  /** revenue of the shipped units so far (the last units take the rest of the amount) */
  @DecimalColumn(18, 2, { name: 'shipped_amount', default: '0.00' }) shippedAmount: string;
  /** credit given for returned units so far */
  @DecimalColumn(18, 2, { name: 'returned_amount', default: '0.00' }) returnedAmount: string;
  @SensitiveField(
    'SalesOrderLine',
    () => DecimalScalar,
    P.SalesMarginRead,
    "Cost of goods sold: shipped at the costing method's cost, less what returns took back into stock.",
  )
  @DecimalColumn(18, 2, { default: '0.00' })
  cogs: string | null;
  @SensitiveField('SalesOrderLine', () => DecimalScalar, P.SalesMarginRead, 'Net revenue (shipped − credited) − COGS.')
  @DecimalColumn(18, 2, { default: '0.00' })
  margin: string | null;
}

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
  @SensitiveField('SalesReturnLine', () => DecimalScalar, P.CatalogSalePriceRead, 'Credit for these units.')
  @DecimalColumn(18, 2)
  amount: string | null;
  @SensitiveField(
    'SalesReturnLine',
    () => DecimalScalar,
    P.SalesMarginRead,
    'Value taken back into stock (0 when scrapped).',
  )
  @DecimalColumn(18, 2, { name: 'restocked_cost' })
  restockedCost: string | null;
}

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
