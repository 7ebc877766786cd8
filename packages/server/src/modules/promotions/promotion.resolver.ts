import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { DecimalInput } from '../../core/decimal-input';
import { clampPage, PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { userLabel } from '../auth';
import {
  CouponBatch,
  CouponCode,
  EligibilityData,
  Promotion,
  PromotionRuleData,
  PromotionSettings,
  PromotionStatus,
} from './promotion.entity';
import { statusOf } from './promotion.service';
import {
  CartQuote,
  CouponBatchPage,
  CouponCodePage,
  CouponRedemptionPage,
  CreateCouponBatchInput,
  IssueCouponsInput,
  PromotionFilter,
  PromotionPage,
  QuoteCartInput,
  QuotedLinePage,
  SavePromotionInput,
} from './promotion.types';

/** A window of a quote's lines: the simulator shows a big cart a page at a time. */
@Resolver(() => CartQuote)
export class CartQuoteResolver {
  @FieldResolver(() => QuotedLinePage, {
    description:
      "A page of the priced lines with their steps (gifts included, in the cart's order; at most 200). The totals, " +
      'applied, notApplied and coupons always cover the whole cart; pass `at` back as input.at for the other pages.',
  })
  linePage(@Root() q: CartQuote, @Arg('page', () => PageInput) page: PageInput) {
    const { offset, limit } = clampPage(page);
    return { items: q.lineWindow(offset, limit), total: q.lineCount, offset, limit };
  }
}

@InputType()
class PromotionSettingsInput {
  @DecimalInput(18, 2) approvalBudget: string;
  @Field() returnLosesThreshold: boolean;
  @Field(() => Int) version: number;
}

@Resolver(() => Promotion)
export class PromotionResolver {
  @Query(() => PromotionPage, { description: '促销, newest period first; by status.' })
  @Allow(P.PromotionRead)
  promotions(
    @Ctx() ctx: Context,
    @Arg('filter', () => PromotionFilter, { nullable: true }) filter?: PromotionFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.promotions.list(ctx, filter, page);
  }

  @Query(() => Promotion)
  @Allow(P.PromotionRead)
  promotion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.promotions.get(id);
  }

  @Query(() => PromotionSettings)
  @Allow(P.PromotionRead)
  promotionSettings(@Ctx() ctx: Context) {
    return ctx.services.promotions.settings();
  }

  @Mutation(() => PromotionSettings)
  @Allow(P.PromotionApprove)
  savePromotionSettings(
    @Ctx() ctx: Context,
    @Arg('input', () => PromotionSettingsInput) input: PromotionSettingsInput,
  ) {
    return ctx.services.promotions.saveSettings(ctx, input);
  }

  @Query(() => CartQuote, {
    description: 'The simulator: a cart priced with the active promotions and the coupons, with its explanation.',
  })
  @Allow(P.PromotionRead, P.CatalogSalePriceRead)
  quoteCart(@Ctx() ctx: Context, @Arg('input', () => QuoteCartInput) input: QuoteCartInput) {
    return ctx.services.promotions.quote(ctx, input);
  }

  @Mutation(() => Promotion, { description: 'A new draft, or a draft edited.' })
  @Allow(P.PromotionManage)
  savePromotion(@Ctx() ctx: Context, @Arg('input', () => SavePromotionInput) input: SavePromotionInput) {
    return ctx.services.promotions.save(ctx, input);
  }

  @Mutation(() => Promotion, {
    description: 'Scheduled, or waiting for a manager when its budget is above the setting (or it has none).',
  })
  @Allow(P.PromotionManage)
  submitPromotion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.promotions.submit(ctx, id);
  }

  @Mutation(() => Promotion)
  @Allow(P.PromotionApprove)
  approvePromotion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.promotions.decide(ctx, id, true);
  }

  @Mutation(() => Promotion, { description: 'Back to draft with the note.' })
  @Allow(P.PromotionApprove)
  rejectPromotion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('note') note: string) {
    return ctx.services.promotions.decide(ctx, id, false, note);
  }

  @Mutation(() => Promotion, { description: 'Ends it now; confirmed orders keep what it gave.' })
  @Allow(P.PromotionManage)
  stopPromotion(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.promotions.stop(ctx, id);
  }

  @FieldResolver(() => PromotionStatus)
  status(@Root() p: Promotion) {
    return statusOf(p);
  }

  @FieldResolver(() => PromotionRuleData)
  rule(@Root() p: Promotion) {
    return p.rule ?? {};
  }

  @FieldResolver(() => EligibilityData)
  eligibility(@Root() p: Promotion) {
    return p.eligibility ?? {};
  }

  @FieldResolver(() => String, { nullable: true })
  async createdByName(@Root() p: Promotion, @Ctx() ctx: Context) {
    return (await userLabel(ctx, p.createdBy))?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async submittedByName(@Root() p: Promotion, @Ctx() ctx: Context) {
    return p.submittedBy ? ((await userLabel(ctx, p.submittedBy))?.name ?? null) : null;
  }
}

@Resolver(() => CouponBatch)
export class CouponResolver {
  @Query(() => CouponBatchPage)
  @Allow(P.PromotionRead)
  couponBatches(
    @Ctx() ctx: Context,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.coupons.batches(page, search?.slice(0, 60));
  }

  @Query(() => CouponBatch)
  @Allow(P.PromotionRead)
  couponBatch(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.coupons.batch(id);
  }

  @Query(() => CouponCodePage)
  @Allow(P.PromotionRead)
  couponCodes(
    @Ctx() ctx: Context,
    @Arg('batchId', () => ID) batchId: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.coupons.codes(ctx, batchId, page);
  }

  @Query(() => [CouponCode], { description: "A customer's coupon codes (newest first, at most 100)." })
  @Allow(P.PromotionRead)
  customerCoupons(@Ctx() ctx: Context, @Arg('customerId', () => ID) customerId: string) {
    return ctx.services.coupons.customerCodes(ctx, customerId);
  }

  @Query(() => CouponRedemptionPage)
  @Allow(P.PromotionRead)
  couponRedemptions(
    @Ctx() ctx: Context,
    @Arg('batchId', () => ID) batchId: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.coupons.redemptions(ctx, batchId, page);
  }

  @Mutation(() => CouponBatch, { description: 'A batch with its printed codes and one code per customer named.' })
  @Allow(P.PromotionManage)
  createCouponBatch(@Ctx() ctx: Context, @Arg('input', () => CreateCouponBatchInput) input: CreateCouponBatchInput) {
    return ctx.services.coupons.createBatch(ctx, input);
  }

  @Mutation(() => Int, { description: 'More codes for a batch; answers how many were made.' })
  @Allow(P.PromotionManage)
  issueCoupons(@Ctx() ctx: Context, @Arg('input', () => IssueCouponsInput) input: IssueCouponsInput) {
    return ctx.services.coupons.issue(ctx, input);
  }

  @Mutation(() => CouponBatch, { description: 'Its codes no longer apply.' })
  @Allow(P.PromotionManage)
  withdrawCouponBatch(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.coupons.withdraw(ctx, id);
  }

  @FieldResolver(() => EligibilityData)
  lines(@Root() b: CouponBatch) {
    return b.lineSet ?? {};
  }

  @FieldResolver(() => Int)
  async codeCount(@Root() b: CouponBatch, @Ctx() ctx: Context) {
    return ctx.services.ds.getRepository(CouponCode).countBy({ batchId: b.id });
  }
}
