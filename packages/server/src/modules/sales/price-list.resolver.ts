import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { CustomerTier, SalesChannel } from './customer.entity';
import { PriceList, PriceListItem } from './price-list.entity';
import { PriceListInput, PriceListItemInput, PriceQuote, PriceQuoteInput } from './price-list.types';

@Resolver(() => PriceList)
export class PriceListResolver {
  @Query(() => [PriceList])
  @Allow(P.SalesCustomerRead)
  priceLists(@Ctx() ctx: Context) {
    return ctx.services.priceLists.lists();
  }

  @Query(() => [PriceListItem], {
    description: 'Items of a list, newest period first; with skuId the price history of that SKU.',
  })
  @Allow(P.SalesCustomerRead)
  priceListItems(
    @Arg('priceListId', () => ID) priceListId: string,
    @Ctx() ctx: Context,
    @Arg('skuId', () => ID, { nullable: true }) skuId?: string,
    @Arg('current', () => Boolean, {
      nullable: true,
      description: 'Only the current and upcoming periods (those not ended before today).',
    })
    current?: boolean,
  ) {
    return ctx.services.priceLists.items(
      Number(priceListId) || -1,
      skuId ? Number(skuId) || -1 : undefined,
      current ?? false,
    );
  }

  @Query(() => PriceQuote, {
    description: 'The price an order line would get for this customer, channel, warehouse and SKU, and why.',
  })
  @Allow(P.SalesCustomerRead)
  priceQuote(@Arg('input') input: PriceQuoteInput, @Ctx() ctx: Context) {
    return ctx.services.priceLists.quote(ctx, input);
  }

  @Mutation(() => PriceList)
  @Allow(P.SalesSetupManage)
  savePriceList(@Arg('input') input: PriceListInput, @Ctx() ctx: Context) {
    return ctx.services.priceLists.saveList(ctx, input);
  }

  @Mutation(() => PriceListItem, {
    description: 'A new price from a date; the current one ends the day before (history kept).',
  })
  @Allow(P.SalesSetupManage)
  setPriceListItem(@Arg('input') input: PriceListItemInput, @Ctx() ctx: Context) {
    return ctx.services.priceLists.setItem(ctx, input);
  }

  @FieldResolver(() => CustomerTier, { nullable: true })
  async tier(@Root() l: PriceList, @Ctx() ctx: Context) {
    return l.tierId ? ((await ctx.services.customers.tiers()).find((t) => t.id === l.tierId) ?? null) : null;
  }

  @FieldResolver(() => SalesChannel, { nullable: true })
  async channel(@Root() l: PriceList, @Ctx() ctx: Context) {
    return l.channelId ? ((await ctx.services.customers.channels()).find((c) => c.id === l.channelId) ?? null) : null;
  }
}
