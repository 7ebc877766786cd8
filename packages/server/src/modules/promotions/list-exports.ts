import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { codeStateOf } from './coupon.service';
import {
  CouponCodeState,
  PromotionKind,
  PromotionStatus,
  type CouponCode,
  type CouponRedemption,
  type Promotion,
} from './promotion.entity';
import { statusOf } from './promotion.service';
import { customerLabelOf, orderLabelOf } from './related-labels';
import type { PromotionFilter } from './promotion.types';

/** 促销 as the console's list shows it (the page's status; the budget spent with sales.margin.read). */
export const promotionListExports: ListExport[] = [
  {
    name: 'promotions',
    permissions: [P.PromotionRead],
    typeName: 'Promotion',
    filterType: 'PromotionFilter',
    page: (ctx, filter: PromotionFilter | undefined, page) => ctx.services.promotions.list(ctx, filter, page),
    columns: {
      code: { get: (_ctx, p: Promotion) => p.code, text: true },
      name: { get: (_ctx, p: Promotion) => p.name },
      kind: { get: (_ctx, p: Promotion) => p.kind, enum: PromotionKind },
      period: { get: (_ctx, p: Promotion) => `${p.startsAt.replace('T', ' ')} – ${p.endsAt.replace('T', ' ')}` },
      priority: { get: (_ctx, p: Promotion) => p.priority },
      exclusive: { get: (_ctx, p: Promotion) => p.exclusive },
      budget: { get: (_ctx, p: Promotion) => p.budget },
      spent: { get: (_ctx, p: Promotion) => p.spent },
      usedCount: { get: (_ctx, p: Promotion) => p.usedCount },
      status: { get: (_ctx, p: Promotion) => statusOf(p), enum: PromotionStatus },
    },
  },
  {
    // 券码 of one batch as the coupons page shows them (the customer by code and name, uses, state, validity)
    name: 'couponCodes',
    fileName: 'coupon-codes',
    permissions: [P.PromotionRead],
    typeName: 'CouponCode',
    filterArgsOf: 'couponCodes',
    page: (ctx, f: { batchId: string }, page) => ctx.services.coupons.codes(ctx, f.batchId, page),
    columns: {
      code: { get: (_ctx, c: CouponCode) => c.code, text: true },
      batch: {
        get: async (ctx, c: CouponCode) => (await ctx.services.coupons.batchOnce(ctx, c.batchId)).code,
        text: true,
      },
      customerCode: {
        get: async (ctx, c: CouponCode) => (await customerLabelOf(ctx, c.customerId))?.code ?? '',
        text: true,
      },
      customerName: { get: async (ctx, c: CouponCode) => (await customerLabelOf(ctx, c.customerId))?.name ?? '' },
      used: { get: (_ctx, c: CouponCode) => c.used },
      maxUses: { get: (_ctx, c: CouponCode) => c.maxUses },
      state: {
        get: async (ctx, c: CouponCode) => codeStateOf(c, await ctx.services.coupons.batchOnce(ctx, c.batchId)),
        enum: CouponCodeState,
      },
      validity: {
        get: async (ctx, c: CouponCode) => {
          const b = await ctx.services.coupons.batchOnce(ctx, c.batchId);
          return `${b.validFrom.replace('T', ' ')} – ${b.validTo.replace('T', ' ')}`;
        },
      },
      issuedAt: { get: (_ctx, c: CouponCode) => c.issuedAt },
    },
  },
  {
    // 券 redemptions of one batch as the coupons page shows them (the order by its number, the customer by name)
    name: 'couponRedemptions',
    fileName: 'coupon-redemptions',
    permissions: [P.PromotionRead],
    typeName: 'CouponRedemption',
    filterArgsOf: 'couponRedemptions',
    page: (ctx, f: { batchId: string }, page) => ctx.services.coupons.redemptions(ctx, f.batchId, page),
    columns: {
      order: { get: async (ctx, r: CouponRedemption) => (await orderLabelOf(ctx, r.orderId))?.code ?? '', text: true },
      customer: { get: async (ctx, r: CouponRedemption) => (await customerLabelOf(ctx, r.customerId))?.name ?? '' },
      discount: { get: (_ctx, r: CouponRedemption) => r.discount },
      createdAt: { get: (_ctx, r: CouponRedemption) => r.createdAt },
      reversedAt: { get: (_ctx, r: CouponRedemption) => r.reversedAt },
    },
  },
];
