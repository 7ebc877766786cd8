import { Decimal } from 'decimal.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar, QuantityColumn } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';
import { businessDay } from '../../core/dates';

export enum PurchaseOrderStatus {
  DRAFT = 'draft',
  SUBMITTED = 'submitted',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  PARTLY_RECEIVED = 'partly_received',
  RECEIVED = 'received',
  CLOSED = 'closed',
  CANCELLED = 'cancelled',
}
registerEnumType(PurchaseOrderStatus, { name: 'PurchaseOrderStatus' });

export enum ApprovalDecision {
  APPROVE = 'approve',
  REJECT = 'reject',
}
registerEnumType(ApprovalDecision, { name: 'ApprovalDecision' });

/** One level of the approval rules, frozen onto an order when it is submitted. */
export interface ApprovalPlanStep {
  level: number;
  minAmount: string;
  roleCodes: string[];
}

@ObjectType({ description: '采购订单. Numbered at submit; total and prices need catalog.price.purchase.read.' })
@Entity('purchase_order')
@Index(['status'])
// the list's order (newest order date first), as the sales orders' order_date index
@Index('IDX_purchase_order_date', ['orderDate'])
// one warehouse's list: the page's ids from the index alone
@Index('IDX_purchase_order_wh_date', ['warehouseId', 'orderDate'])
@Index(['supplierId'])
export class PurchaseOrder {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => String, { nullable: true, description: 'Given at submit, gap-free per day.' })
  @Column({ type: 'varchar', length: 40, nullable: true, unique: true })
  number: string | null;
  @Field(() => PurchaseOrderStatus)
  @Column({ type: 'varchar', length: 16, default: PurchaseOrderStatus.DRAFT })
  status: PurchaseOrderStatus;
  @Field(() => ID) @Column({ name: 'supplier_id', type: 'int' }) supplierId: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field({ description: 'YYYY-MM-DD; agreed prices are taken as of this day.' })
  @Column({ name: 'order_date', type: 'varchar', length: 10 })
  orderDate: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'expected_date', type: 'varchar', length: 10, nullable: true })
  expectedDate: string | null;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) memo: string;
  @SensitiveField(
    'PurchaseOrder',
    () => DecimalScalar,
    P.CatalogPurchasePriceRead,
    'Σ line amounts; decides which approval levels apply.',
  )
  @DecimalColumn(18, 2, { default: '0.00' })
  total: string | null;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;
  /** the approval levels this order needs, frozen at submit (JSON of ApprovalPlanStep[]) */
  @Column({ name: 'approval_plan', type: 'text', nullable: true }) approvalPlan: string | null;
  /** increases at each submit, so decisions of an earlier round (before a rejection) do not count */
  @Column({ name: 'approval_round', type: 'int', default: 0 }) approvalRound: number;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

@ObjectType()
@Entity('purchase_order_line')
@Index(['orderId', 'lineNo'], { unique: true })
@Index(['skuId'])
export class PurchaseOrderLine {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => Int) @Column({ name: 'line_no', type: 'int' }) lineNo: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field(() => DecimalScalar, { description: 'Ordered, in the base unit.' }) @QuantityColumn() qty: string;
  @SensitiveField(
    'PurchaseOrderLine',
    () => DecimalScalar,
    P.CatalogPurchasePriceRead,
    'Price per base unit; receipts post at it.',
  )
  @DecimalColumn(18, 6)
  price: string | null;
  @SensitiveField(
    'PurchaseOrderLine',
    () => DecimalScalar,
    P.PurchasingSupplierPriceRead,
    "The supplier's agreed price on the order date; null when there is none.",
  )
  @DecimalColumn(18, 6, { name: 'agreed_price', nullable: true })
  agreedPrice: string | null;
  @Field({
    description:
      'The price differs from the agreement valid on the order date; false without an agreement (agreedPrice null: 无协议价).',
  })
  @Column({ name: 'price_deviates', type: 'boolean', default: false })
  priceDeviates: boolean;
  @SensitiveField('PurchaseOrderLine', () => DecimalScalar, P.CatalogPurchasePriceRead, 'round2(qty × price)')
  @DecimalColumn(18, 2)
  amount: string | null;
  @Field(() => DecimalScalar, { description: 'Accepted into stock so far (rejected goods not counted).' })
  @QuantityColumn({ name: 'received_qty', default: '0.000000' })
  receivedQty: string;
  @Field(() => DecimalScalar, { description: 'Rejected at inspection so far.' })
  @QuantityColumn({ name: 'rejected_qty', default: '0.000000' })
  rejectedQty: string;
  @Field(() => DecimalScalar, {
    description: 'Of the rejected units, those the supplier is to replace (they stay on order).',
  })
  @QuantityColumn({ name: 'replacement_qty', default: '0.000000' })
  replacementQty: string;
  @Field(() => DecimalScalar, { description: 'Returned to the supplier after acceptance.' })
  @QuantityColumn({ name: 'returned_qty', default: '0.000000' })
  returnedQty: string;
  @Field(() => DecimalScalar, { description: 'Matched by supplier invoices.' })
  @QuantityColumn({ name: 'invoiced_qty', default: '0.000000' })
  invoicedQty: string;
  @Field(() => DecimalScalar, {
    description:
      'Still to come (在途): ordered − accepted − rejected units without a replacement, never below 0. What the receive form offers and replenishment counts as on order.',
  })
  get openQty(): string {
    return openQty(this);
  }
}

@ObjectType({
  description:
    'One level of the approval rules: an order of total T needs every step with minAmount ≤ T, in level order.',
})
@Entity('purchase_approval_step')
export class PurchaseApprovalStep {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => Int) @Column({ type: 'int', unique: true }) level: number;
  @Field(() => DecimalScalar, { description: 'The step applies to orders of at least this total.' })
  @DecimalColumn(18, 2, { name: 'min_amount' })
  minAmount: string;
  @Field(() => [String], { description: 'Role codes whose holders may decide this step.' })
  @Column({ name: 'role_codes', type: 'simple-json' })
  roleCodes: string[];
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

@ObjectType({ description: 'A decision on an order: who, in which role, when, at which level, and why.' })
@Entity('purchase_order_approval')
@Index(['orderId'])
export class PurchaseOrderApproval {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => Int) @Column({ type: 'int' }) round: number;
  @Field(() => Int) @Column({ type: 'int' }) level: number;
  @Field(() => ApprovalDecision) @Column({ type: 'varchar', length: 8 }) decision: ApprovalDecision;
  @Field(() => ID) @Column({ name: 'user_id', type: 'int' }) userId: number;
  @Field() @Column({ name: 'user_name', type: 'varchar', length: 100 }) userName: string;
  @Field({ description: 'The role the decision was taken in.' })
  @Column({ name: 'role_code', type: 'varchar', length: 50 })
  roleCode: string;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) comment: string;
  @Field(() => Date) @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Field(() => String, { description: 'The business day of the decision in the company time zone (YYYY-MM-DD).' })
  get day(): string {
    return businessDay(this.at);
  }
}

/** Still to come on an order line: ordered − accepted − (rejected − to be replaced), never below 0. */
export function openQty(l: Pick<PurchaseOrderLine, 'qty' | 'receivedQty' | 'rejectedQty' | 'replacementQty'>): string {
  const writtenOff = new Decimal(l.rejectedQty ?? 0).minus(l.replacementQty ?? 0);
  return Decimal.max(0, new Decimal(l.qty).minus(l.receivedQty ?? 0).minus(writtenOff)).toFixed();
}
