import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/decimal';
import { DecimalInput } from '../../core/decimal-input';
import { Paginated } from '../../core/paging';
import {
  CouponBatch,
  CouponCode,
  CouponKind,
  CouponRedemption,
  EligibilityData,
  Promotion,
  PromotionKind,
  PromotionRuleData,
  PromotionStatus,
} from './promotion.entity';

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

@InputType()
export class SavePromotionInput {
  @Field(() => ID, { nullable: true, description: 'Omitted: a new draft.' }) id?: string;
  @Field(() => Int, { nullable: true, description: 'The version read (when editing).' }) version?: number;
  @Field() @Length(1, 40) @Matches(/^[A-Za-z0-9_-]+$/) code: string;
  @Field() @Length(1, 120) name: string;
  @Field(() => PromotionKind) kind: PromotionKind;
  @Field(() => Int, { defaultValue: 100 }) priority: number;
  @Field({ defaultValue: false }) exclusive: boolean;
  @Field(() => PromotionRuleData) rule: PromotionRuleData;
  @Field(() => EligibilityData, { nullable: true }) eligibility?: EligibilityData | null;
  @Field({ description: 'YYYY-MM-DDTHH:mm' }) @Matches(AT) startsAt: string;
  @Field({ description: 'YYYY-MM-DDTHH:mm' }) @Matches(AT) endsAt: string;
  @Field(() => Int, { nullable: true }) perCustomer?: number | null;
  @Field(() => Int, { nullable: true }) totalLimit?: number | null;
  @DecimalInput(18, 2, { nullable: true }) budget?: string | null;
}

@InputType()
export class PromotionFilter {
  @Field(() => PromotionStatus, { nullable: true }) status?: PromotionStatus;
  @Field({ nullable: true }) @IsOptional() @Length(0, 60) search?: string;
}

export const PromotionPage = Paginated(Promotion, 'PromotionPage');

@InputType()
export class CreateCouponBatchInput {
  @Field() @Length(1, 20) @Matches(/^[A-Za-z0-9_-]+$/) code: string;
  @Field() @Length(1, 120) name: string;
  @Field(() => CouponKind) kind: CouponKind;
  @DecimalInput(18, 4) value: string;
  @DecimalInput(18, 2, { nullable: true }) maxOff?: string | null;
  @DecimalInput(18, 2, { nullable: true }) minSpend?: string | null;
  @Field({ description: 'YYYY-MM-DDTHH:mm' }) @Matches(AT) validFrom: string;
  @Field({ description: 'YYYY-MM-DDTHH:mm' }) @Matches(AT) validTo: string;
  @Field(() => Int, { defaultValue: 1, description: 'Uses of one code (1: single use).' }) usesPerCode: number;
  @Field(() => Int, { nullable: true }) perCustomer?: number | null;
  @Field(() => EligibilityData, { nullable: true, description: 'SKU / category / brand sets (empty: all).' })
  lines?: EligibilityData | null;
  @Field(() => Int, { defaultValue: 0, description: 'Printed codes to make (anyone holding one may use it).' })
  printed: number;
  @Field(() => [ID], { nullable: true, description: 'One code issued to each of these customers.' })
  customerIds?: string[] | null;
}

@InputType()
export class IssueCouponsInput {
  @Field(() => ID) batchId: string;
  @Field(() => Int, { defaultValue: 0 }) printed: number;
  @Field(() => [ID], { nullable: true }) customerIds?: string[] | null;
}

export const CouponBatchPage = Paginated(CouponBatch, 'CouponBatchPage');
export const CouponCodePage = Paginated(CouponCode, 'CouponCodePage');
export const CouponRedemptionPage = Paginated(CouponRedemption, 'CouponRedemptionPage');

// ---- the simulator and quotes ----

@InputType()
export class QuoteLineInput {
  @Field(() => ID) skuId: string;
  @DecimalInput(18, 6) qty: string;
}

@InputType({ description: 'Try a cart: a customer (or none), a channel and SKUs.' })
export class QuoteCartInput {
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID) channelId: string;
  @Field(() => ID, { nullable: true }) storeId?: string | null;
  @Field(() => ID) warehouseId: string;
  @Field({ nullable: true, description: 'YYYY-MM-DDTHH:mm; now when omitted.' })
  @IsOptional()
  @Matches(AT)
  at?: string;
  @Field(() => [QuoteLineInput]) lines: QuoteLineInput[];
  @Field(() => [String], { nullable: true }) couponCodes?: string[] | null;
}

@ObjectType()
export class PriceStep {
  @Field({ description: 'LIST, LINE_PROMOTION, ORDER_PROMOTION, COUPON, ROUNDING, GIFT' }) kind: string;
  @Field({ nullable: true }) promotionCode?: string;
  @Field({ nullable: true }) couponCode?: string;
  @Field(() => DecimalScalar) discount: string;
  @Field(() => DecimalScalar) amount: string;
  @Field() text: string;
}

@ObjectType()
export class QuotedLine {
  @Field(() => ID) skuId: string;
  @Field(() => DecimalScalar) qty: string;
  @Field() gift: boolean;
  @Field({ nullable: true, description: 'A gift line: the promotion that gave it.' }) promotionCode?: string;
  @Field(() => DecimalScalar) listPrice: string;
  @Field(() => DecimalScalar) listAmount: string;
  @Field(() => DecimalScalar) discount: string;
  @Field(() => DecimalScalar) amount: string;
  @Field(() => DecimalScalar) unitPrice: string;
  @Field(() => [PriceStep]) steps: PriceStep[];
}

@ObjectType({ description: 'A promotion that applied and what it gave.' })
export class AppliedPromotion {
  @Field(() => ID, { nullable: true }) promotionId?: string | null;
  @Field() code: string;
  @Field() name: string;
  @Field(() => PromotionKind) kind: PromotionKind;
  @Field(() => DecimalScalar) discount: string;
  @Field(() => DecimalScalar, { nullable: true }) giftQty?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'List value of the gifts.' }) giftValue?: string | null;
  @Field() text: string;
}

@ObjectType({ description: 'A promotion that did not apply, and why.' })
export class SkippedPromotion {
  @Field() code: string;
  @Field() name: string;
  @Field({ description: 'NOT_ELIGIBLE, NO_BENEFIT, BEATEN_BY_EXCLUSIVE, NOT_BEST, BUDGET_SPENT, LIMIT_REACHED' })
  reason: string;
  @Field({ description: 'CHANNEL, STORE, TIER, TIME, HOURS, WEEKDAY, NO_LINES, MIN_QTY, MIN_AMOUNT, …' })
  detail: string;
  @Field() text: string;
}

@ObjectType()
export class AppliedCoupon {
  @Field() code: string;
  @Field() batch: string;
  @Field(() => DecimalScalar) discount: string;
}

export const QuotedLinePage = Paginated(QuotedLine, 'QuotedLinePage');

@ObjectType({ description: 'A priced cart and its explanation.' })
export class CartQuote {
  @Field(() => [QuotedLine], {
    description: 'Every priced line with its steps (gifts included). linePage gives a window of them.',
  })
  lines: QuotedLine[];
  @Field({
    description:
      'The minute the cart was priced at (YYYY-MM-DDTHH:mm): pass it as input.at to page through the same quote.',
  })
  at: string;
  @Field(() => DecimalScalar) listTotal: string;
  @Field(() => DecimalScalar) discountTotal: string;
  @Field(() => DecimalScalar) total: string;
  @Field(() => DecimalScalar) giftValue: string;
  @Field(() => [AppliedPromotion]) applied: AppliedPromotion[];
  @Field(() => [SkippedPromotion]) notApplied: SkippedPromotion[];
  @Field(() => [AppliedCoupon]) coupons: AppliedCoupon[];
  /** the lines [offset, offset + limit) mapped for the answer (linePage), without mapping the others */
  lineWindow: (offset: number, limit: number) => QuotedLine[];
  lineCount: number;
}
