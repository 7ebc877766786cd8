import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { WarehouseFee } from './warehouse-fee.entity';
import { WarehouseFeeAllocation, WarehouseFeeInput } from './warehouse-fee.types';

@Resolver()
export class WarehouseFeeResolver {
  @Query(() => [WarehouseFee], { description: "仓储费: the warehouses' fees for a month (YYYY-MM)." })
  @Allow(P.StockCostRead)
  warehouseFees(@Arg('month') month: string, @Ctx() ctx: Context) {
    return ctx.services.warehouseFees.list(ctx, month);
  }

  @Query(() => WarehouseFeeAllocation, {
    description:
      "A warehouse's fees for a month allocated to its SKUs: storage by space-days, handling by lines moved.",
  })
  @Allow(P.StockCostRead)
  warehouseFeeAllocation(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('month') month: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.warehouseFees.allocation(ctx, warehouseId, month);
  }

  @Mutation(() => WarehouseFee, {
    description: "Enters (or replaces) a warehouse's storage and handling fees for a month.",
  })
  @Allow(P.ReportWarehouseFeeManage)
  saveWarehouseFee(
    @Arg('input') input: WarehouseFeeInput,
    @Ctx() ctx: Context,
    @Arg('version', () => Int, { nullable: true, description: 'the current version when replacing' }) version?: number,
  ) {
    return ctx.services.warehouseFees.save(ctx, input, version);
  }
}
