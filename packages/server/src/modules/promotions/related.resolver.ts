import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { BirthdayOffer } from './birthday.entity';
import { LuckyDrawEntry } from './draw.entity';
import { codeStateOf } from './coupon.service';
import { CouponCode, CouponCodeState, CouponRedemption } from './promotion.entity';
import { customerLabelOf, orderLabelOf } from './related-labels';

/* The customer and order a coupon, a redemption, a draw entry or a birthday offer names, as users read them. */

const customerCode = async (ctx: Context, id: number | null) => (await customerLabelOf(ctx, id))?.code ?? null;
const customerName = async (ctx: Context, id: number | null) => (await customerLabelOf(ctx, id))?.name ?? null;
const orderNumber = async (ctx: Context, id: number | null) => (await orderLabelOf(ctx, id))?.code || null;

@Resolver(() => CouponCode)
export class CouponCodeLabelResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The customer it was issued to; null: printed.' })
  customerCode(@Root() c: CouponCode, @Ctx() ctx: Context) {
    return customerCode(ctx, c.customerId);
  }
  @FieldResolver(() => String, { nullable: true })
  customerName(@Root() c: CouponCode, @Ctx() ctx: Context) {
    return customerName(ctx, c.customerId);
  }
  @FieldResolver(() => CouponCodeState, { description: 'From its batch (withdrawn, validity) and its uses.' })
  async state(@Root() c: CouponCode, @Ctx() ctx: Context) {
    return codeStateOf(c, await ctx.services.coupons.batchOnce(ctx, c.batchId));
  }
}

@Resolver(() => CouponRedemption)
export class CouponRedemptionLabelResolver {
  @FieldResolver(() => String, { nullable: true })
  customerName(@Root() r: CouponRedemption, @Ctx() ctx: Context) {
    return customerName(ctx, r.customerId);
  }
  @FieldResolver(() => String, { nullable: true, description: 'The order that used the code (its number).' })
  orderNumber(@Root() r: CouponRedemption, @Ctx() ctx: Context) {
    return orderNumber(ctx, r.orderId);
  }
}

@Resolver(() => LuckyDrawEntry)
export class LuckyDrawEntryLabelResolver {
  @FieldResolver(() => String, { nullable: true })
  customerName(@Root() e: LuckyDrawEntry, @Ctx() ctx: Context) {
    return customerName(ctx, e.customerId);
  }
  @FieldResolver(() => String, { nullable: true, description: 'The qualifying order (its number).' })
  orderNumber(@Root() e: LuckyDrawEntry, @Ctx() ctx: Context) {
    return orderNumber(ctx, e.orderId);
  }
}

@Resolver(() => BirthdayOffer)
export class BirthdayOfferLabelResolver {
  @FieldResolver(() => String, { nullable: true })
  customerCode(@Root() o: BirthdayOffer, @Ctx() ctx: Context) {
    return customerCode(ctx, o.customerId);
  }
  @FieldResolver(() => String, { nullable: true })
  customerName(@Root() o: BirthdayOffer, @Ctx() ctx: Context) {
    return customerName(ctx, o.customerId);
  }
}
