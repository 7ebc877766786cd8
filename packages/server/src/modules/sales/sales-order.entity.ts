import { Field, ID, Int, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';
import { COST_PLUS_HIDDEN, hideCostPlus } from './cost-rule';

/** A promotion (or coupon) on an order: what it took off, or gave. */
@ObjectType()
export class OrderPromotion {
  @Field(() => ID, { nullable: true }) promotionId: string | null;
  @Field({ description: 'The promotion code, or the coupon code.' }) code: string;
  @Field() name: string;
  @Field({ description: 'PERCENT_OFF, …, THRESHOLD_OFF, ORDER_PERCENT, or COUPON' }) kind: string;
  @Field(() => DecimalScalar) discount: string;
  @Field(() => DecimalScalar, { nullable: true }) giftQty: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'List value of the gifts.' }) giftValue: string | null;
}

/** What one promotion or coupon took off one line. */
@ObjectType()
export class LineAllocation {
  @Field() code: string;
  @Field({ description: 'PROMOTION or COUPON' }) source: string;
  @Field(() => DecimalScalar) amount: string;
}

export enum SalesOrderStatus {
  DRAFT = 'draft',
  /** 待审批: a line is priced below cost and the salesperson may not sell below cost; a price approver decides */
  PENDING_PRICE_APPROVAL = 'pending_price_approval',
  CONFIRMED = 'confirmed',
  PARTLY_SHIPPED = 'partly_shipped',
  SHIPPED = 'shipped',
  INVOICED = 'invoiced',
  PAID = 'paid',
  CANCELLED = 'cancelled',
}
registerEnumType(SalesOrderStatus, { name: 'SalesOrderStatus' });

@ObjectType({
  description: '销售订单. Prices and amounts need catalog.price.sale.read; cost and margin sales.margin.read.',
})
@Entity('sales_order')
@Index(['status'])
@Index(['customerId'])
@Index(['ownerId'])
@Index(['orderDate'])
// one warehouse's list, newest first: the page's ids from the index alone
@Index('IDX_sales_order_wh_date', ['warehouseId', 'orderDate'])
export class SalesOrder {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field({ description: 'Gap-free per day, given when the draft is saved.' })
  @Column({ type: 'varchar', length: 40, unique: true })
  number: string;
  @Field(() => SalesOrderStatus)
  @Column({ type: 'varchar', length: 24, default: SalesOrderStatus.DRAFT })
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
  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: promised to ship by (the order date when none was given); from then the salesperson is alerted.',
  })
  @Column({ name: 'promised_date', type: 'varchar', length: 10, nullable: true })
  promisedDate: string | null;
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
  @SensitiveField(
    'SalesOrder',
    () => DecimalScalar,
    P.SalesMarginRead,
    'Cost of the gifts shipped (promotion expense; not in COGS).',
  )
  @DecimalColumn(18, 2, { name: 'gift_cost', default: '0.00' })
  giftCost: string | null;
  @SensitiveField('SalesOrder', () => DecimalScalar, P.CatalogSalePriceRead, 'Taken off by promotions and coupons.')
  @DecimalColumn(18, 2, { name: 'discount_total', default: '0.00' })
  discountTotal: string | null;
  /** the coupon codes the order uses (redeemed when it is confirmed) */
  @Column({ name: 'coupon_codes', type: 'simple-json', nullable: true })
  couponCodes: string[];
  /** the promotions that applied, as priced (the confirmed pricing is the one kept) */
  @Column({ name: 'promotions_applied', type: 'simple-json', nullable: true })
  promotionsApplied: OrderPromotion[] | null;
  @Field(() => ID, { nullable: true, description: 'The return this order replaces goods for (exchange).' })
  @Column({ name: 'exchange_of_return_id', type: 'int', nullable: true })
  exchangeOfReturnId: number | null;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true })
  confirmedAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the order waits in PENDING_PRICE_APPROVAL: PRICE_BELOW_COST (a price below cost; which line and by how much only for those who may read cost); null otherwise.',
  })
  @Column({ name: 'approval_reason', type: 'varchar', length: 32, nullable: true })
  approvalReason: string | null;
  @Field({ description: "The salesperson's note to the price approver (given when confirming)." })
  @Column({ name: 'approval_note', type: 'varchar', length: 500, default: '' })
  approvalNote: string;
  @Field(() => ID, { nullable: true, description: 'Who sent the order for price approval.' })
  @Column({ name: 'approval_requested_by', type: 'int', nullable: true })
  approvalRequestedBy: number | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'approval_requested_at', type: 'datetime', precision: 3, nullable: true })
  approvalRequestedAt: Date | null;
  @Field({
    description: "The approver's reason for sending the prices back (the order is a draft again); '' otherwise.",
  })
  @Column({ name: 'rejection_note', type: 'varchar', length: 500, default: '' })
  rejectionNote: string;
  @Field(() => ID, { nullable: true, description: 'Who last approved or rejected the prices.' })
  @Column({ name: 'price_decided_by', type: 'int', nullable: true })
  priceDecidedBy: number | null;
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
  @Field(() => String, {
    nullable: true,
    description: `FIXED, COST_PLUS, DISCOUNT_OFF_LIST or LIST_PRICE. ${COST_PLUS_HIDDEN}`,
  })
  @UseMiddleware(hideCostPlus((_, rule) => rule))
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
  /** the price needs no approval below cost: an exchange's replacement at the original price */
  @Column({ name: 'price_exempt', type: 'boolean', default: false })
  priceExempt: boolean;
  @SensitiveField('SalesOrderLine', () => DecimalScalar, P.CatalogSalePriceRead, 'round2(qty × unit price)')
  @DecimalColumn(18, 2)
  amount: string | null;
  @SensitiveField(
    'SalesOrderLine',
    () => DecimalScalar,
    P.CatalogSalePriceRead,
    'The unit price before promotions (price list, or typed by hand).',
  )
  @DecimalColumn(18, 6, { name: 'base_price', nullable: true })
  basePrice: string | null;
  @SensitiveField('SalesOrderLine', () => DecimalScalar, P.CatalogSalePriceRead, 'Taken off by promotions and coupons.')
  @DecimalColumn(18, 2, { default: '0.00' })
  discount: string | null;
  @Field({ description: 'A gift of a promotion: price 0, its cost is promotion expense.' })
  @Column({ type: 'boolean', default: false })
  gift: boolean;
  /** what each promotion and coupon took off this line (returns refund the net amount) */
  @Column({ name: 'allocations', type: 'simple-json', nullable: true })
  allocations: LineAllocation[] | null;
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
