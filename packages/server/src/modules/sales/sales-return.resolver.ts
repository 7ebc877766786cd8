import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { perRequestBatch, type Context } from '../../core/context';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow, SensitiveFieldResolver } from '../../core/permissions/guard';
import { skuLabel } from '../catalog';
import { CostChange } from '../stock';
import { names } from './related-names';
import { returnLineCostChanges } from './sales-costs';
import { SalesReturn, SalesReturnLine } from './sales-return.entity';
import { SalesReturnInput, SalesReturnPage } from './sales.types';

const KEY = { nullable: true, description: 'A retry with the same key returns the first result.' } as const;

@Resolver(() => SalesReturn)
export class SalesReturnResolver {
  @Query(() => SalesReturnPage)
  @Allow(P.SalesOrderRead)
  salesReturns(
    @Ctx() ctx: Context,
    @Arg('orderId', () => ID, { nullable: true }) orderId?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.salesFulfilment.returns(ctx, orderId, page);
  }

  @Mutation(() => SalesReturn, {
    description:
      '售后: restock (at the cost the goods left with) or scrap; refund or exchange; at most shipped − returned.',
  })
  @Allow(P.SalesReturnPost)
  returnSalesGoods(
    @Arg('input') input: SalesReturnInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string,
  ) {
    return ctx.services.salesFulfilment.returnGoods(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => [SalesReturnLine])
  lines(@Root() r: SalesReturn, @Ctx() ctx: Context) {
    return ctx.services.salesFulfilment.returnLines([r.id]);
  }

  @FieldResolver(() => String)
  customerName(@Root() r: SalesReturn, @Ctx() ctx: Context) {
    return names(ctx, 'customer', r.customerId).then((n) => n ?? '');
  }
}

@Resolver(() => SalesReturnLine)
export class SalesReturnLineResolver {
  @SensitiveFieldResolver(
    'SalesReturnLine',
    () => [CostChange],
    P.SalesMarginRead,
    'Documents that re-costed the restocked units after the return (delta in restocked cost).',
  )
  async costChanges(@Root() l: SalesReturnLine, @Ctx() ctx: Context) {
    return (
      (await perRequestBatch(ctx, 'costChanges:returnLine', l.id, (ids) =>
        returnLineCostChanges(ctx.services.ds, ids),
      )) ?? []
    );
  }

  @FieldResolver(() => String)
  async skuCode(@Root() l: SalesReturnLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).code;
  }

  @FieldResolver(() => String)
  async skuName(@Root() l: SalesReturnLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).name;
  }
}
