import { IsOptional, Length } from 'class-validator';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../core/context';
import { DecimalInput } from '../../core/decimal-input';
import { P } from '../../core/permissions/catalogue';
import { Allow, SignedIn } from '../../core/permissions/guard';
import {
  PlatformConnection,
  PlatformOrder,
  PlatformRefund,
  PlatformShipmentPush,
  PlatformSkuMap,
} from './platform.entity';

@InputType()
export class ConnectPlatformInput {
  @Field({ description: 'simshop or pagemall' }) kind: string;
  @Field(() => ID) storeId: string;
  @Field(() => ID, { description: 'The customer the orders are booked to.' }) customerId: string;
  @Field(() => ID) warehouseId: string;
  @Field() @Length(1, 300) baseUrl: string;
  @Field() @Length(1, 100) appKey: string;
  @Field() @Length(1, 200) appSecret: string;
}

@InputType({ description: 'A store connection edited: the platform kind stays; the secret is write-only.' })
export class EditPlatformInput {
  @Field(() => ID) id: string;
  @Field(() => ID) storeId: string;
  @Field(() => ID, { description: 'The customer the orders are booked to.' }) customerId: string;
  @Field(() => ID) warehouseId: string;
  @Field() @Length(1, 300) baseUrl: string;
  @Field() @Length(1, 100) appKey: string;
  @Field(() => String, { nullable: true, description: 'Empty or absent: the stored secret is kept.' })
  @IsOptional()
  @Length(0, 200)
  appSecret?: string | null;
  @DecimalInput(18, 6, {
    nullable: true,
    description: 'Units of each SKU kept back from the store, ≥ 0 (absent: unchanged).',
  })
  stockBuffer?: string | null;
  @Field(() => Int, { nullable: true, description: "The store's share (percent, 0–100); absent: unchanged." })
  stockShare?: number | null;
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
  @Field(() => Int, { description: 'Refunds booked as sales returns.' }) returned: number;
  @Field(() => Int, { description: 'Refunds put on the review list (unknown order, not shipped …).' }) review: number;
  @Field({ description: 'More orders wait at the platform: call again (without fromStart).' }) more: boolean;
}

@ObjectType({ description: "A store's sync figures." })
export class PlatformStoreCounts {
  @Field(() => Int) imported: number;
  @Field(() => Int, { description: 'Orders waiting for their SKUs to be mapped.' }) held: number;
  @Field(() => Int) unmappedSkus: number;
  @Field(() => Int) refundsToReview: number;
  @Field(() => Int, { description: 'Tracking numbers not yet taken by the platform.' }) shipmentsWaiting: number;
  @Field(() => Int, { description: 'Of those, how many failed at least once (tried again later).' })
  shipmentErrors: number;
}

@ObjectType({ description: 'The platform order behind a sales order, and the tracking numbers pushed back.' })
export class PlatformOrderInfo {
  @Field() kind: string;
  @Field(() => ID) connectionId: string;
  @Field() platformOrderId: string;
  @Field(() => [PlatformShipmentPush]) shipments: PlatformShipmentPush[];
}

@ObjectType({ description: 'A simulator this server was told about (the demo): where it listens, what it accepts.' })
export class SimulatorAddressType {
  @Field({ description: 'simshop, pagemall or tpl' }) kind: string;
  @Field() baseUrl: string;
  @Field({ description: 'The app key / client id / client key it accepts.' }) key: string;
  @Field({ description: 'The secret it accepts (a demo value).' }) secret: string;
}

@Resolver()
export class PlatformResolver {
  @Query(() => [SimulatorAddressType], {
    description:
      'The simulated platforms and 3PL this server was started with (JXC_SIMULATORS, set by scripts/demo.sh), to fill the connect forms; empty otherwise.',
  })
  @SignedIn()
  integrationSimulators(@Ctx() ctx: Context): SimulatorAddressType[] {
    // whoever may connect or sync a store or a 3PL; nobody else learns the addresses
    const may = [P.SalesPlatformManage, P.IntegrationTplManage, P.SystemIntegrationManage];
    if (!may.some((p) => ctx.user!.permissions.has(p))) return [];
    return ctx.services.config.simulators ?? [];
  }

  @Query(() => [PlatformConnection], {
    description: 'Online stores connected to their platforms, with their sync status.',
  })
  @Allow(P.SalesPlatformManage)
  platformConnections(@Ctx() ctx: Context) {
    return ctx.services.platforms.list();
  }

  @Mutation(() => PlatformConnection, { description: 'Connects a store to its platform.' })
  @Allow(P.SystemIntegrationManage)
  connectPlatformStore(@Ctx() ctx: Context, @Arg('input', () => ConnectPlatformInput) input: ConnectPlatformInput) {
    return ctx.services.platforms.connect(ctx, input);
  }

  @Mutation(() => PlatformConnection, {
    description:
      'Edits a store connection (address, credentials, customer, warehouse, stock rule); a shop another connection has is refused.',
  })
  @Allow(P.SystemIntegrationManage)
  editPlatformStore(@Ctx() ctx: Context, @Arg('input', () => EditPlatformInput) input: EditPlatformInput) {
    return ctx.services.platforms.edit(ctx, input);
  }

  @Mutation(() => PlatformImportResult, {
    description:
      'Pulls the orders since the last pull (fromStart: all again) for a few seconds per call (more: call again), and imports each once.',
  })
  @Allow(P.SalesPlatformManage)
  importPlatformOrders(
    @Ctx() ctx: Context,
    @Arg('connectionId', () => ID) connectionId: string,
    @Arg('fromStart', { defaultValue: false }) fromStart: boolean,
  ) {
    return ctx.services.platforms.importOrders(ctx, connectionId, fromStart);
  }

  @Query(() => [PlatformSkuMap], { description: 'Platform SKU codes without one of ours (orders wait for them).' })
  @Allow(P.SalesPlatformManage)
  platformSkuReview(@Ctx() ctx: Context, @Arg('connectionId', () => ID) connectionId: string) {
    return ctx.services.platforms.reviewList(connectionId);
  }

  @Mutation(() => PlatformSkuMap, {
    description: 'Maps a platform SKU code to one of ours; the next import takes its orders.',
  })
  @Allow(P.SalesPlatformManage)
  mapPlatformSku(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('skuId', () => ID) skuId: string) {
    return ctx.services.platforms.mapSku(ctx, id, skuId);
  }

  @Mutation(() => PlatformOrder, {
    description: "Pushes an imported order's shipment (tracking number) to its platform.",
  })
  @Allow(P.SalesPlatformManage)
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

  @Query(() => [PlatformRefund], {
    description: 'Platform refunds waiting for a person (unknown order, not shipped, more than shipped …).',
  })
  @Allow(P.SalesPlatformManage)
  platformRefundReview(@Ctx() ctx: Context, @Arg('connectionId', () => ID, { nullable: true }) connectionId?: string) {
    return ctx.services.platforms.refundReview(connectionId);
  }

  @Mutation(() => PlatformRefund, { description: 'Puts a refund on the review list aside (handled by hand).' })
  @Allow(P.SalesPlatformManage)
  dismissPlatformRefund(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.platforms.dismissRefund(ctx, id);
  }

  @Query(() => PlatformOrderInfo, {
    nullable: true,
    description: 'The platform order behind a sales order (null: not from an online store) and its tracking numbers.',
  })
  @Allow(P.SalesOrderRead)
  async platformOrderOf(@Ctx() ctx: Context, @Arg('salesOrderId', () => ID) salesOrderId: string) {
    // the order as this user may see it (its scope), or NOT_FOUND
    const o = await ctx.services.salesOrders.get(ctx, salesOrderId);
    const got = await ctx.services.platforms.orderOf(o.id);
    return got
      ? {
          kind: got.connection.kind,
          connectionId: String(got.connection.id),
          platformOrderId: got.order.platformOrderId,
          shipments: got.shipments,
        }
      : null;
  }
}

@Resolver(() => PlatformConnection)
export class PlatformConnectionResolver {
  @FieldResolver(() => PlatformStoreCounts, { description: "The store's sync figures." })
  counts(@Ctx() ctx: Context, @Root() c: PlatformConnection) {
    return ctx.services.platforms.counts(c.id);
  }
}
