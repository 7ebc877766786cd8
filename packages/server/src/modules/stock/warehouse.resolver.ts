import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { Warehouse } from './warehouse.entity';
import { CreateWarehouseInput, TransferDestination, UpdateWarehouseInput, WarehousePage } from './warehouse.types';

@Resolver()
export class WarehouseResolver {
  @Query(() => WarehousePage, { description: 'Warehouses in your scope.' })
  @Allow(P.StockWarehouseRead)
  warehouses(@Ctx() ctx: Context, @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) {
    return ctx.services.warehouses.list(ctx, page);
  }

  @Query(() => [TransferDestination], {
    description: 'Active warehouses a transfer may be sent to (code and name), also outside your scope.',
  })
  @Allow(P.StockDocumentCreate)
  transferDestinations(@Ctx() ctx: Context) {
    return ctx.services.warehouses.transferDestinations();
  }

  @Query(() => Warehouse)
  @Allow(P.StockWarehouseRead)
  warehouse(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.warehouses.get(ctx, id);
  }

  @Mutation(() => Warehouse)
  @Allow(P.StockWarehouseManage)
  createWarehouse(@Arg('input') input: CreateWarehouseInput, @Ctx() ctx: Context) {
    return ctx.services.warehouses.create(ctx, input);
  }

  @Mutation(() => Warehouse)
  @Allow(P.StockWarehouseManage)
  updateWarehouse(@Arg('input') input: UpdateWarehouseInput, @Ctx() ctx: Context) {
    return ctx.services.warehouses.update(ctx, input);
  }
}
