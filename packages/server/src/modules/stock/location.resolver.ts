import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { Bin, Zone } from './location.entity';
import {
  BinPage,
  CreateBinInput,
  CreateZoneInput,
  PutAwayLineInput,
  PutAwaySuggestionResult,
  StorageFitResult,
  UpdateBinInput,
  UpdateZoneInput,
} from './location.types';

@Resolver()
export class LocationResolver {
  @Query(() => [Zone], { description: 'Zones (货区) of a warehouse in your scope.' })
  @Allow(P.StockWarehouseRead)
  zones(@Arg('warehouseId', () => ID) warehouseId: string, @Ctx() ctx: Context) {
    return ctx.services.locations.zones(ctx, warehouseId);
  }

  @Query(() => [StorageFitResult], {
    description:
      'Whether a bin suits these SKUs (its zone against their storage needs): receiving and transfer forms warn with it.',
  })
  @Allow(P.StockWarehouseRead)
  storageFit(@Arg('binId', () => ID) binId: string, @Arg('skuIds', () => [ID]) skuIds: string[], @Ctx() ctx: Context) {
    return ctx.services.locations.storageFit(ctx, binId, skuIds.slice(0, 200));
  }

  @Query(() => [PutAwaySuggestionResult], {
    description:
      'Put-away suggestions for goods received into a warehouse: the bin holding the batch, else the SKU, else a fitting empty bin.',
  })
  @Allow(P.StockWarehouseRead)
  putAwaySuggestions(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('lines', () => [PutAwayLineInput]) lines: PutAwayLineInput[],
    @Ctx() ctx: Context,
  ) {
    return ctx.services.locations.putAway(ctx, warehouseId, lines.slice(0, 500));
  }

  @Query(() => BinPage, { description: 'Bins (货位) of a warehouse in your scope, optionally of one zone.' })
  @Allow(P.StockWarehouseRead)
  bins(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Ctx() ctx: Context,
    @Arg('zoneId', () => ID, { nullable: true }) zoneId?: string,
    @Arg('search', () => String, { nullable: true, description: 'code contains' }) search?: string,
    @Arg('active', () => Boolean, { nullable: true }) active?: boolean,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.locations.bins(ctx, warehouseId, zoneId, search, active, page);
  }

  @Mutation(() => Zone)
  @Allow(P.StockWarehouseManage)
  createZone(@Arg('input') input: CreateZoneInput, @Ctx() ctx: Context) {
    return ctx.services.locations.createZone(ctx, input);
  }

  @Mutation(() => Zone)
  @Allow(P.StockWarehouseManage)
  updateZone(@Arg('input') input: UpdateZoneInput, @Ctx() ctx: Context) {
    return ctx.services.locations.updateZone(ctx, input);
  }

  @Mutation(() => Bin)
  @Allow(P.StockWarehouseManage)
  createBin(@Arg('input') input: CreateBinInput, @Ctx() ctx: Context) {
    return ctx.services.locations.createBin(ctx, input);
  }

  @Mutation(() => Bin)
  @Allow(P.StockWarehouseManage)
  updateBin(@Arg('input') input: UpdateBinInput, @Ctx() ctx: Context) {
    return ctx.services.locations.updateBin(ctx, input);
  }
}
