import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { LandedCost, LandedCostAllocation, LandedCostLine } from './landed-cost.entity';
import { LandedCostInput } from './landed-cost.types';

/** 到岸成本: landed costs of purchase receipts. Amounts need `stock.cost.read` (null without it). */
@Resolver(() => LandedCost)
export class LandedCostResolver {
  @Query(() => [LandedCost], { description: 'The landed costs of a purchase receipt, oldest first.' })
  @Allow(P.PurchasingOrderRead)
  landedCosts(@Arg('receiptId', () => ID) receiptId: string, @Ctx() ctx: Context) {
    return ctx.services.landedCosts.list(ctx, receiptId);
  }

  @Query(() => LandedCost)
  @Allow(P.PurchasingOrderRead)
  landedCost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.landedCosts.get(ctx, id);
  }

  @Query(() => [LandedCostAllocation], {
    description: 'What posting these cost lines would add to each line of the receipt; nothing is saved.',
  })
  @Allow(P.PurchasingLandedCostManage)
  landedCostPreview(@Arg('input') input: LandedCostInput, @Ctx() ctx: Context) {
    return ctx.services.landedCosts.preview(ctx, input);
  }

  @FieldResolver(() => [LandedCostLine])
  lines(@Root() lc: LandedCost, @Ctx() ctx: Context) {
    return ctx.services.landedCosts.lines([lc.id]);
  }

  @FieldResolver(() => [LandedCostAllocation], { description: "The allocation over the receipt's lines." })
  allocations(@Root() lc: LandedCost, @Ctx() ctx: Context) {
    return ctx.services.landedCosts.allocations(lc);
  }

  @Mutation(() => LandedCost, {
    description:
      'Saves a landed cost of a posted receipt as a draft, or posts it at once (post: true): its amounts go into the receipt lines’ value at the receipt’s date and later issues are re-costed.',
  })
  @Allow(P.PurchasingLandedCostManage)
  createLandedCost(
    @Arg('input') input: LandedCostInput,
    @Ctx() ctx: Context,
    @Arg('post', () => Boolean, { nullable: true, defaultValue: false }) post?: boolean,
  ) {
    return ctx.services.landedCosts.create(ctx, input, !!post);
  }

  @Mutation(() => LandedCost, { description: 'Posts a draft landed cost.' })
  @Allow(P.PurchasingLandedCostManage)
  postLandedCost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.landedCosts.post(ctx, id);
  }

  @Mutation(() => LandedCost, {
    description: 'Cancels a landed cost: a posted one takes out exactly what it added, re-costing the same way.',
  })
  @Allow(P.PurchasingLandedCostManage)
  cancelLandedCost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.landedCosts.cancel(ctx, id);
  }
}
