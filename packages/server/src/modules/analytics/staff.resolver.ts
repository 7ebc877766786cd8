import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { P } from '../../core/permissions/catalogue';
import { Allow, SignedIn } from '../../core/permissions/guard';
import { SalesTarget } from './sales-target.entity';
import { PurchasePriceLine, SalesTargetInput, StaffDocument, StaffFigure, StaffPerformance } from './staff.types';

@Resolver()
export class StaffResolver {
  @Query(() => StaffPerformance, {
    description: "人员绩效 in a period: everyone's with report.staff.read, otherwise one's own rows only.",
  })
  @SignedIn()
  staffPerformance(@Arg('from') from: string, @Arg('to') to: string, @Ctx() ctx: Context) {
    return ctx.services.staff.performance(ctx, from, to);
  }

  @Query(() => [StaffDocument], { description: 'The documents behind one figure of one person.' })
  @SignedIn()
  staffDocuments(
    @Arg('userId', () => ID) userId: string,
    @Arg('figure', () => StaffFigure) figure: StaffFigure,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.staff.documents(ctx, userId, figure, from, to);
  }

  @Query(() => [PurchasePriceLine], {
    description:
      "A purchaser's order lines in a period against the agreed price and the last price paid (the drill-down of overAgreed / overLast); one's own only without report.staff.read.",
  })
  @SignedIn()
  purchasePriceLines(
    @Arg('userId', () => ID) userId: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.staff.purchasePriceLines(ctx, userId, from, to);
  }

  @Query(() => [SalesTarget], { description: "The salespeople's targets for a month (YYYY-MM)." })
  @Allow(P.ReportStaffRead)
  salesTargets(@Arg('month') month: string, @Ctx() ctx: Context) {
    return ctx.services.staff.targets(month);
  }

  @Mutation(() => SalesTarget, { description: "Sets a salesperson's revenue target for a month (a manager's)." })
  @Allow(P.ReportTargetManage)
  setSalesTarget(
    @Arg('input') input: SalesTargetInput,
    @Ctx() ctx: Context,
    @Arg('version', () => Int, { nullable: true, description: 'the current version when replacing' }) version?: number,
  ) {
    return ctx.services.staff.setTarget(ctx, input, version);
  }
}
