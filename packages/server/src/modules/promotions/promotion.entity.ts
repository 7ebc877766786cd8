import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';
import { DecimalInput } from '../../core/decimal-input';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

export enum PromotionKind {
  PERCENT_OFF = 'PERCENT_OFF',
  FIXED_PRICE = 'FIXED_PRICE',
  TIER_PRICE = 'TIER_PRICE',
  BUNDLE_PRICE = 'BUNDLE_PRICE',
  BUY_X_GET_Y = 'BUY_X_GET_Y',
  THRESHOLD_OFF = 'THRESHOLD_OFF',
  ORDER_PERCENT = 'ORDER_PERCENT',
}
registerEnumType(PromotionKind, { name: 'PromotionKind' });

/** What is stored; the status shown is computed from it and the clock (see PromotionStatus). */
export enum PromotionState {
  DRAFT = 'draft',
  PENDING_APPROVAL = 'pending_approval',
  APPROVED = 'approved',
  STOPPED = 'stopped',
}

export enum PromotionStatus {
  DRAFT = 'DRAFT',
  /** submitted with a budget above the approval setting (or none): a manager decides */
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  /** approved, its period has not begun */
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  /** its period is over, or it was stopped */
  ENDED = 'ENDED',
}
registerEnumType(PromotionStatus, { name: 'PromotionStatus', description: 'draft → scheduled → active → ended.' });

export enum CouponKind {
  AMOUNT_OFF = 'AMOUNT_OFF',
  PERCENT_OFF = 'PERCENT_OFF',
}
registerEnumType(CouponKind, { name: 'CouponKind' });

/** A code's state as the coupons page shows it: computed from its batch, its uses and the clock. */
export enum CouponCodeState {
  NOT_STARTED = 'NOT_STARTED',
  AVAILABLE = 'AVAILABLE',
  USED_UP = 'USED_UP',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(CouponCodeState, {
  name: 'CouponCodeState',
  description: 'withdrawn (its batch) → used up → expired → not started → available.',
});

@ObjectType('PromotionTier')
@InputType('PromotionTierInput')
export class PromotionTier {
  @DecimalInput(18, 6) minQty: string;
  @DecimalInput(18, 6, { nullable: true }) percent?: string | null;
  @DecimalInput(18, 6, { nullable: true }) price?: string | null;
}

@ObjectType('BundleItem')
@InputType('BundleItemInput')
export class BundleItem {
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6) qty: string;
}

@ObjectType('PromotionRule', { description: "The rule's figures; which ones apply depends on the kind." })
@InputType('PromotionRuleInput')
export class PromotionRuleData {
  @DecimalInput(18, 6, { nullable: true, description: 'PERCENT_OFF, ORDER_PERCENT: 0 < percent ≤ 100' })
  percent?: string | null;
  @DecimalInput(18, 6, { nullable: true, description: 'FIXED_PRICE: the unit price; BUNDLE_PRICE: the set' })
  price?: string | null;
  @Field(() => [PromotionTier], { nullable: true, description: 'TIER_PRICE: quantity breaks' })
  tiers?: PromotionTier[] | null;
  @Field(() => [BundleItem], { nullable: true, description: 'BUNDLE_PRICE: the set' })
  items?: BundleItem[] | null;
  @DecimalInput(18, 6, { nullable: true, description: 'BUY_X_GET_Y' }) buyQty?: string | null;
  @DecimalInput(18, 6, { nullable: true, description: 'BUY_X_GET_Y' }) getQty?: string | null;
  @Field(() => ID, { nullable: true, description: 'BUY_X_GET_Y: the gift SKU; null: the same SKU' })
  giftSkuId?: string | null;
  @Field(() => Int, { nullable: true, description: 'BUNDLE_PRICE, BUY_X_GET_Y: at most this many times' })
  maxTimes?: number | null;
  @DecimalInput(18, 6, { nullable: true, description: 'THRESHOLD_OFF: 满 …' }) threshold?: string | null;
  @DecimalInput(18, 6, { nullable: true, description: 'THRESHOLD_OFF: 减 …' }) off?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'THRESHOLD_OFF: 每满 (per multiple)' })
  perMultiple?: boolean | null;
  @DecimalInput(18, 6, { nullable: true, description: 'THRESHOLD_OFF per multiple, ORDER_PERCENT: at most' })
  cap?: string | null;
}

@ObjectType('HourWindow')
@InputType('HourWindowInput')
export class HourWindow {
  @Field({ description: 'HH:mm' }) from: string;
  @Field({ description: 'HH:mm (exclusive; may cross midnight)' }) to: string;
}

@ObjectType('PromotionEligibility', { description: 'Empty lists: any. Exclusions win over inclusions.' })
@InputType('PromotionEligibilityInput')
export class EligibilityData {
  @Field(() => [ID], { nullable: true }) channelIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) storeIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) tierIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) skuIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) categoryIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) brandIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) excludeSkuIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) excludeCategoryIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) excludeBrandIds?: string[] | null;
  @Field(() => [HourWindow], { nullable: true, description: 'daily windows (flash sales)' })
  hours?: HourWindow[] | null;
  @Field(() => [Int], { nullable: true, description: 'ISO weekdays 1 (Monday) … 7' }) weekdays?: number[] | null;
  @DecimalInput(18, 6, { nullable: true }) minQty?: string | null;
  @DecimalInput(18, 6, { nullable: true }) minAmount?: string | null;
}

/** 促销: a rule with its eligibility, stacking, limits and budget; approved ones apply in their period. */
@ObjectType({ description: '促销. The budget spent includes gift cost: only with sales.margin.read.' })
@Entity('promotion')
@Index(['state', 'startsAt'])
export class Promotion {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field({ description: 'Unique; the price steps name it.' })
  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;
  @Field() @Column({ type: 'varchar', length: 120 }) name: string;
  @Field(() => PromotionKind) @Column({ type: 'varchar', length: 20 }) kind: PromotionKind;
  @Field(() => Int, { description: 'Smaller runs first; among exclusive ones of equal benefit, smaller wins.' })
  @Column({ type: 'int', default: 100 })
  priority: number;
  @Field({ description: '不与其他优惠同享: used alone (coupons still apply); the best one for the customer wins.' })
  @Column({ type: 'boolean', default: false })
  exclusive: boolean;
  /** the rule and eligibility as the form gives them (ids as strings) */
  @Column({ type: 'simple-json' }) rule: PromotionRuleData;
  @Column({ type: 'simple-json' }) eligibility: EligibilityData;
  @Field({ description: "YYYY-MM-DDTHH:mm, the company's time, inclusive." })
  @Column({ name: 'starts_at', type: 'varchar', length: 16 })
  startsAt: string;
  @Field({ description: 'YYYY-MM-DDTHH:mm, exclusive.' })
  @Column({ name: 'ends_at', type: 'varchar', length: 16 })
  endsAt: string;
  @Field(() => Int, { nullable: true, description: 'Orders per customer, at most.' })
  @Column({ name: 'per_customer', type: 'int', nullable: true })
  perCustomer: number | null;
  @Field(() => Int, { nullable: true, description: 'Orders in total, at most.' })
  @Column({ name: 'total_limit', type: 'int', nullable: true })
  totalLimit: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Discount plus gift cost, at most; null: no limit.' })
  @DecimalColumn(18, 2, { nullable: true })
  budget: string | null;
  @SensitiveField(
    'Promotion',
    () => DecimalScalar,
    P.SalesMarginRead,
    'Discount plus gift cost consumed by confirmed orders (gift cost is a cost).',
  )
  @DecimalColumn(18, 2, { default: '0.00' })
  spent: string | null;
  @Field(() => Int, { description: 'Confirmed orders that used it.' })
  @Column({ name: 'used_count', type: 'int', default: 0 })
  usedCount: number;
  @Column({ type: 'varchar', length: 20, default: PromotionState.DRAFT }) state: PromotionState;
  @Field({ description: 'Why a manager sent it back; empty otherwise.' })
  @Column({ name: 'rejection_note', type: 'varchar', length: 500, default: '' })
  rejectionNote: string;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => ID, { nullable: true }) @Column({ name: 'submitted_by', type: 'int', nullable: true }) submittedBy:
    number | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'approved_by', type: 'int', nullable: true }) approvedBy:
    number | null;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** One confirmed order's use of a promotion (limits per customer, the budget). */
@Entity('promotion_usage')
@Index(['promotionId', 'orderId'], { unique: true })
@Index(['promotionId', 'customerId'])
export class PromotionUsage {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'promotion_id', type: 'int' }) promotionId: number;
  @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Column({ name: 'customer_id', type: 'int', nullable: true }) customerId: number | null;
  @DecimalColumn(18, 2) discount: string;
  @DecimalColumn(18, 2, { name: 'gift_cost', default: '0.00' }) giftCost: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/** The promotions settings (one row, id 1). */
@ObjectType()
@Entity('promotion_setting')
export class PromotionSettings {
  @Column({ type: 'int', primary: true }) id: number;
  @Field(() => DecimalScalar, {
    description: 'A promotion whose budget is above this (or has none) needs a manager (promotions.approve).',
  })
  @DecimalColumn(18, 2, { name: 'approval_budget', default: '5000.00' })
  approvalBudget: string;
  @Field({
    description: 'A return that takes an order below a 满减 threshold loses that reduction from its refund.',
  })
  @Column({ name: 'return_loses_threshold', type: 'boolean', default: true })
  returnLosesThreshold: boolean;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** 优惠券批次: what each code of the batch gives and when. */
@ObjectType()
@Entity('coupon_batch')
export class CouponBatch {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 40, unique: true }) code: string;
  @Field() @Column({ type: 'varchar', length: 120 }) name: string;
  @Field(() => CouponKind) @Column({ type: 'varchar', length: 20 }) kind: CouponKind;
  @Field(() => DecimalScalar, { description: 'The amount off, or the percent off.' })
  @DecimalColumn(18, 4)
  value: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'PERCENT_OFF: at most this much.' })
  @DecimalColumn(18, 2, { name: 'max_off', nullable: true })
  maxOff: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'The covered lines after promotions, at least.' })
  @DecimalColumn(18, 2, { name: 'min_spend', nullable: true })
  minSpend: string | null;
  @Field({ description: 'YYYY-MM-DDTHH:mm, inclusive.' })
  @Column({ name: 'valid_from', type: 'varchar', length: 16 })
  validFrom: string;
  @Field({ description: 'YYYY-MM-DDTHH:mm, exclusive.' })
  @Column({ name: 'valid_to', type: 'varchar', length: 16 })
  validTo: string;
  @Field(() => Int, { description: 'Uses of one code (1: single use).' })
  @Column({ name: 'uses_per_code', type: 'int', default: 1 })
  usesPerCode: number;
  @Field(() => Int, { nullable: true, description: "Uses of this batch's codes by one customer, at most." })
  @Column({ name: 'per_customer', type: 'int', nullable: true })
  perCustomer: number | null;
  /** SKU / category / brand sets the coupon covers (empty: all) */
  @Column({ name: 'line_set', type: 'simple-json' }) lineSet: EligibilityData;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Field(() => ID) @Column({ name: 'created_by', type: 'int' }) createdBy: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** 优惠券: one code, issued to a customer or printed (anyone holding it). */
@ObjectType()
@Entity('coupon_code')
@Index(['batchId'])
@Index(['customerId'])
export class CouponCode {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'batch_id', type: 'int' }) batchId: number;
  @Field() @Column({ type: 'varchar', length: 40, unique: true }) code: string;
  @Field(() => ID, { nullable: true, description: 'Issued to this customer; null: printed.' })
  @Column({ name: 'customer_id', type: 'int', nullable: true })
  customerId: number | null;
  @Field(() => Int) @Column({ name: 'max_uses', type: 'int' }) maxUses: number;
  @Field(() => Int) @Column({ type: 'int', default: 0 }) used: number;
  @Field(() => Date) @Column({ name: 'issued_at', type: 'datetime', precision: 3 }) issuedAt: Date;
}

/** A code used by a confirmed order (reversed when the order is cancelled). */
@ObjectType()
@Entity('coupon_redemption')
@Index(['codeId', 'orderId'], { unique: true })
@Index(['batchId', 'customerId'])
export class CouponRedemption {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'code_id', type: 'int' }) codeId: number;
  @Field(() => ID) @Column({ name: 'batch_id', type: 'int' }) batchId: number;
  @Field(() => ID) @Column({ name: 'order_id', type: 'int' }) orderId: number;
  @Field(() => ID, { nullable: true }) @Column({ name: 'customer_id', type: 'int', nullable: true }) customerId:
    number | null;
  @Field(() => DecimalScalar) @DecimalColumn(18, 2) discount: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'reversed_at', type: 'datetime', precision: 3, nullable: true })
  reversedAt: Date | null;
}
