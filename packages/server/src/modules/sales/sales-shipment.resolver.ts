import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { perRequest, perRequestBatch, type Context } from '../../core/context';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow, SensitiveFieldResolver } from '../../core/permissions/guard';
import { skuLabel } from '../catalog';
import { CostChange } from '../stock';
import { shipmentLineCostChanges } from './sales-costs';
import { SalesShipment, SalesShipmentLine } from './sales-shipment.entity';
import { SalesShipmentPage, ShipmentPick } from './sales.types';

@Resolver(() => SalesShipment)
export class SalesShipmentResolver {
  @Query(() => SalesShipmentPage)
  @Allow(P.SalesOrderRead)
  salesShipments(
    @Ctx() ctx: Context,
    @Arg('orderId', () => ID, { nullable: true }) orderId?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.salesFulfilment.shipments(ctx, orderId, page);
  }

  @Query(() => SalesShipment)
  @Allow(P.SalesOrderRead)
  salesShipment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.salesFulfilment.shipment(ctx, id);
  }

  @FieldResolver(() => [SalesShipmentLine])
  lines(@Root() s: SalesShipment, @Ctx() ctx: Context) {
    return ctx.services.salesFulfilment.shipmentLines([s.id]);
  }
}

@Resolver(() => SalesShipmentLine)
export class SalesShipmentLineResolver {
  @SensitiveFieldResolver(
    'SalesShipmentLine',
    () => [CostChange],
    P.SalesMarginRead,
    'Documents that re-costed these units after they shipped (delta in COGS).',
  )
  async costChanges(@Root() l: SalesShipmentLine, @Ctx() ctx: Context) {
    return (
      (await perRequestBatch(ctx, 'costChanges:shipmentLine', l.id, (ids) =>
        shipmentLineCostChanges(ctx.services.ds, ids),
      )) ?? []
    );
  }

  @FieldResolver(() => String)
  async skuCode(@Root() l: SalesShipmentLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).code;
  }

  @FieldResolver(() => String)
  async skuName(@Root() l: SalesShipmentLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).name;
  }

  @FieldResolver(() => [ShipmentPick], {
    description: 'Bins and batches the engine picked (FEFO by expiry, then FIFO by receipt).',
  })
  async picks(@Root() l: SalesShipmentLine, @Ctx() ctx: Context) {
    return (
      (await perRequest(ctx, `picks:${l.shipmentId}`, () => ctx.services.salesFulfilment.picks([l.shipmentId]))).get(
        l.id,
      ) ?? []
    );
  }
}
