import { Length } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { DecimalInput } from '../../core/decimal-input';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { PlatformConnection, PlatformOrder, PlatformSkuMap } from './platform.entity';

@InputType()
export class ConnectPlatformInput {
  @Field({ description: 'simshop' }) kind: string;
  @Field(() => ID) storeId: string;
  @Field(() => ID, { description: 'The customer the orders are booked to.' }) customerId: string;
  @Field(() => ID) warehouseId: string;
  @Field() @Length(1, 300) baseUrl: string;
  @Field() @Length(1, 100) appKey: string;
  @Field() @Length(1, 200) appSecret: string;
}

@InputType()
export class PlatformStockRuleInput {
  @Field(() => ID) connectionId: string;
  @DecimalInput(18, 6, { description: 'Units of each SKU kept back from the store, ≥ 0.' }) buffer: string;
  @Field(() => Int, { description: "The store's share (percent, 0–100) of the warehouse's available stock." })
  share: number;
}

@ObjectType()
export class PlatformImportResult {
  @Field(() => Int) imported: number;
  @Field(() => Int, { description: 'Orders seen before (never imported twice).' }) duplicates: number;
  @Field(() => Int, { description: 'Orders waiting for their SKUs to be mapped.' }) held: number;
  @Field({ description: 'More orders wait at the platform: call again (without fromStart).' }) more: boolean;
}

@Resolver()
export class PlatformResolver {
  @Query(() => [PlatformConnection], {
    description: 'Online stores connected to their platforms, with their sync status.',
  })
  @Allow(P.SystemIntegrationManage)
  platformConnections(@Ctx() ctx: Context) {
    return ctx.services.platforms.list();
  }

  @Mutation(() => PlatformConnection, { description: 'Connects a store to its platform.' })
  @Allow(P.SystemIntegrationManage)
  connectPlatformStore(@Ctx() ctx: Context, @Arg('input', () => ConnectPlatformInput) input: ConnectPlatformInput) {
    return ctx.services.platforms.connect(ctx, input);
  }

  @Mutation(() => PlatformImportResult, {
    description:
      'Pulls the orders since the last pull (fromStart: all again) for a few seconds per call (more: call again), and imports each once.',
  })
  @Allow(P.SystemIntegrationManage)
  importPlatformOrders(
    @Ctx() ctx: Context,
    @Arg('connectionId', () => ID) connectionId: string,
    @Arg('fromStart', { defaultValue: false }) fromStart: boolean,
  ) {
    return ctx.services.platforms.importOrders(ctx, connectionId, fromStart);
  }

  @Query(() => [PlatformSkuMap], { description: 'Platform SKU codes without one of ours (orders wait for them).' })
  @Allow(P.SystemIntegrationManage)
  platformSkuReview(@Ctx() ctx: Context, @Arg('connectionId', () => ID) connectionId: string) {
    return ctx.services.platforms.reviewList(connectionId);
  }

  @Mutation(() => PlatformSkuMap, {
    description: 'Maps a platform SKU code to one of ours; the next import takes its orders.',
  })
  @Allow(P.SystemIntegrationManage)
  mapPlatformSku(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('skuId', () => ID) skuId: string) {
    return ctx.services.platforms.mapSku(ctx, id, skuId);
  }

  @Mutation(() => PlatformOrder, {
    description: "Pushes an imported order's shipment (tracking number) to its platform.",
  })
  @Allow(P.SystemIntegrationManage)
  pushPlatformShipment(
    @Ctx() ctx: Context,
    @Arg('salesOrderId', () => ID) salesOrderId: string,
    @Arg('trackingNo') trackingNo: string,
    @Arg('carrier', { defaultValue: '' }) carrier: string,
  ) {
    return ctx.services.platforms.pushShipment(ctx, salesOrderId, trackingNo, carrier);
  }

  @Mutation(() => PlatformConnection, {
    description: "Sets a store's safety buffer and share of the warehouse's available stock (what is pushed to it).",
  })
  @Allow(P.SystemIntegrationManage)
  setPlatformStockRule(@Ctx() ctx: Context, @Arg('input', () => PlatformStockRuleInput) input: PlatformStockRuleInput) {
    return ctx.services.platforms.setStockRule(ctx, input.connectionId, input.buffer, input.share);
  }

  @Mutation(() => Int, {
    description:
      "Pushes the available stock of every SKU in the store's warehouse to its platform (in the background; returns how many SKUs).",
  })
  @Allow(P.SystemIntegrationManage)
  pushPlatformStock(@Ctx() ctx: Context, @Arg('connectionId', () => ID) connectionId: string) {
    return ctx.services.platforms.queueFullStockPush(ctx, connectionId);
  }
}
