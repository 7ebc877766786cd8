import { Decimal } from 'decimal.js';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DocumentAction } from '../../core/actions';
import { perRequestBatch, type Context } from '../../core/context';
import { DecimalScalar } from '../../core/decimal';
import { ExportFile } from '../../core/export';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow, SensitiveFieldResolver } from '../../core/permissions/guard';
import { skuLabel } from '../catalog';
import { CostChange, PickList } from '../stock';
import { SalesInvoice } from './receivable.entity';
import { customerCode, names } from './related-names';
import { orderCostChanges, orderLineCostChanges } from './sales-costs';
import { LineAllocation, OrderPromotion, SalesOrder, SalesOrderLine } from './sales-order.entity';
import { exportSalesOrders } from './sales-order-export';
import { PromotionEffect, promotionEffect } from './promotion-effect';
import { SalesReturn } from './sales-return.entity';
import { SalesShipment } from './sales-shipment.entity';
import {
  CreateSalesOrderInput,
  SalesOrderPreview,
  CustomerSalesMonth,
  SalesOrderFilter,
  SalesOrderPage,
  SalesOrderSort,
  SalesOverview,
  ShipSalesOrderInput,
  SkuAvailability,
  UpdateSalesOrderInput,
} from './sales.types';

const KEY = { nullable: true, description: 'A retry with the same key returns the first result.' } as const;

@Resolver(() => SalesOrder)
export class SalesOrderResolver {
  @FieldResolver(() => [DocumentAction], {
    description: 'What the signed-in user can do to this document now (its state, their permissions and role).',
  })
  availableActions(@Root() doc: SalesOrder, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.availableActions(ctx, doc);
  }

  @Query(() => SalesOrderPage, {
    description: "Sales orders; a salesperson without sales.customer.all sees only their own customers' orders.",
  })
  @Allow(P.SalesOrderRead)
  salesOrders(
    @Ctx() ctx: Context,
    @Arg('filter', () => SalesOrderFilter, { nullable: true }) filter?: SalesOrderFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    @Arg('sort', () => SalesOrderSort, { nullable: true }) sort?: SalesOrderSort,
  ) {
    return ctx.services.salesOrders.list(ctx, filter, page, sort);
  }

  @Query(() => SalesOrder, { description: "Another salesperson's order is NOT_FOUND." })
  @Allow(P.SalesOrderRead)
  salesOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.get(ctx, id);
  }

  @Query(() => ExportFile, {
    description:
      'Orders in your scope as CSV, or xlsx (base64); amount, COGS and margin columns only for those who may see them.',
  })
  @Allow(P.SalesOrderRead)
  exportSalesOrders(
    @Ctx() ctx: Context,
    @Arg('filter', () => SalesOrderFilter, { nullable: true }) filter?: SalesOrderFilter,
    @Arg('xlsx', { nullable: true }) xlsx?: boolean,
  ) {
    return exportSalesOrders(ctx, filter, xlsx);
  }

  @Query(() => [SkuAvailability], {
    description: 'On hand − reserved − expired − quarantined: what an order line may still take.',
  })
  @Allow(P.StockBalanceRead)
  async skuAvailability(
    @Ctx() ctx: Context,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('skuIds', () => [ID]) skuIds: string[],
  ) {
    const scope = ctx.user?.warehouseIds;
    const wid = Number(warehouseId) || -1;
    if (scope && !scope.includes(wid)) return [];
    const rows = await ctx.services.salesOrders.availability(
      wid,
      skuIds.slice(0, 500).map((s) => Number(s) || -1),
    );
    const blind = await ctx.services.blindCounts.view(ctx, [wid]);
    return rows.map((r) => {
      const h = blind.hides(wid, r.skuId);
      return {
        ...r,
        onHand: blind.withhold('SkuAvailability', 'onHand', h, r.onHand),
        expired: blind.withhold('SkuAvailability', 'expired', h, r.expired),
        quarantined: blind.withhold('SkuAvailability', 'quarantined', h, r.quarantined),
        available: blind.withhold('SkuAvailability', 'available', h, r.available),
      };
    });
  }

  @Query(() => [CustomerSalesMonth], {
    description: "A customer's purchases per month (orders taken), for the profile chart.",
  })
  @Allow(P.SalesCustomerRead)
  customerSalesHistory(
    @Ctx() ctx: Context,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('months', () => Int, { nullable: true }) months?: number,
  ) {
    return ctx.services.salesOrders.history(ctx, customerId, Math.min(Math.max(months ?? 12, 1), 36));
  }

  @Query(() => [PromotionEffect], {
    description:
      '促销效果: per promotion used by orders taken in the period, its orders, revenue and discount; gift cost and margin need sales.margin.read; uplift of the revenue of its eligible items (of the whole store when it applies to everything) against the same weekdays before it started. Salespeople see their own customers only.',
  })
  @Allow(P.PromotionRead, P.SalesOrderRead)
  promotionEffect(@Ctx() ctx: Context, @Arg('from') from: string, @Arg('to') to: string) {
    return promotionEffect(ctx, ctx.services.salesOrders, ctx.services.ds.manager, from, to);
  }

  @Query(() => SalesOverview, {
    description:
      'Per channel and store: orders, revenue; COGS and margin with sales.margin.read. Salespeople see their own customers only.',
  })
  @Allow(P.SalesOrderRead)
  salesOverview(@Ctx() ctx: Context, @Arg('from') from: string, @Arg('to') to: string) {
    return ctx.services.receivables.overview(ctx, from, to);
  }

  @Query(() => SalesOrderPreview, {
    description:
      'Prices an order as createSalesOrder would (price lists, hand prices, promotions, coupons) without saving it; a coupon that cannot be used gets its error.',
  })
  @Allow(P.SalesOrderCreate)
  previewSalesOrder(@Arg('input') input: CreateSalesOrderInput, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.preview(ctx, input);
  }

  @Mutation(() => SalesOrder, {
    description:
      'A draft; every line is priced by the price lists (the steps are kept), a price typed by hand is recorded as such.',
  })
  @Allow(P.SalesOrderCreate)
  createSalesOrder(@Arg('input') input: CreateSalesOrderInput, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.create(ctx, input);
  }

  @Mutation(() => SalesOrder, { description: 'Drafts only; a stale version gets CONFLICT.' })
  @Allow(P.SalesOrderCreate)
  updateSalesOrder(@Arg('input') input: UpdateSalesOrderInput, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.update(ctx, input);
  }

  @Mutation(() => SalesOrder, {
    description:
      'Credit limit checked, stock reserved (CREDIT_LIMIT_EXCEEDED, INSUFFICIENT_AVAILABLE); all or nothing. A price below cost from someone without sales.price.below_cost does not fail: the order waits in PENDING_PRICE_APPROVAL (approvalReason PRICE_BELOW_COST) for a price approver.',
  })
  @Allow(P.SalesOrderCreate)
  confirmSalesOrder(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, {
      nullable: true,
      description: 'For the price approver, should the order need one (at most 500 characters).',
    })
    note?: string,
  ) {
    return ctx.services.salesOrders.confirm(ctx, id, note);
  }

  @Mutation(() => SalesOrder, {
    description:
      '价格审批通过: an order waiting for price approval is confirmed as a confirmation would be (credit and stock checked again, stock reserved). Never by whoever created it or asked (SELF_APPROVAL).',
  })
  @Allow(P.SalesPriceApprove)
  approveSalesOrderPrices(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.approvePrices(ctx, id);
  }

  @Mutation(() => SalesOrder, {
    description:
      '价格审批驳回: back to draft with the note, which the salesperson sees (rejectionNote). Never by whoever created it or asked.',
  })
  @Allow(P.SalesPriceApprove)
  rejectSalesOrderPrices(@Arg('id', () => ID) id: string, @Arg('note') note: string, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.rejectPrices(ctx, id, note);
  }

  @Mutation(() => SalesOrder, {
    description: 'A draft or confirmed order with nothing shipped; reservations are released.',
  })
  @Allow(P.SalesOrderCreate)
  cancelSalesOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.cancel(ctx, id);
  }

  @Mutation(() => SalesOrder, {
    description: '结案: a partly shipped order ships no more; the rest of its reservation is released.',
  })
  @Allow(P.SalesOrderCreate)
  closeSalesOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.close(ctx, id, (tx, customerId) => ctx.services.receivables.settle(tx, customerId));
  }

  @Query(() => PickList, {
    description:
      '拣货单: where to pick what is left to ship of an order — the bins and batches the shipment would take now (FEFO/FIFO), in walking order.',
  })
  @Allow(P.SalesOrderRead)
  salesOrderPickList(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: Context) {
    return ctx.services.salesFulfilment.pickList(ctx, orderId);
  }

  @Mutation(() => SalesShipment, {
    description:
      'Ships through the posting engine (FEFO/FIFO picking); releases the reservation in the same transaction.',
  })
  @Allow(P.SalesShipmentPost)
  shipSalesOrder(
    @Arg('input') input: ShipSalesOrderInput,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey?: string,
  ) {
    return ctx.services.salesFulfilment.ship(ctx, input, idempotencyKey);
  }

  @FieldResolver(() => [String], { description: 'The coupon codes the order uses (redeemed when it is confirmed).' })
  couponCodes(@Root() o: SalesOrder): string[] {
    return o.couponCodes ?? [];
  }

  @SensitiveFieldResolver(
    'SalesOrder',
    () => [OrderPromotion],
    P.CatalogSalePriceRead,
    'The promotions and coupons that applied and what each took off (or gave), as priced; kept as confirmed.',
  )
  promotions(@Root() o: SalesOrder): OrderPromotion[] {
    return o.promotionsApplied ?? [];
  }

  @SensitiveFieldResolver(
    'SalesOrder',
    () => [CostChange],
    P.SalesMarginRead,
    'Documents that re-costed this order’s COGS after it shipped, per document (delta in COGS).',
  )
  async costChanges(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return (
      (await perRequestBatch(ctx, 'costChanges:order', o.id, (ids) => orderCostChanges(ctx.services.ds, ids))) ?? []
    );
  }

  @FieldResolver(() => [SalesOrderLine])
  lines(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.lines([o.id]);
  }

  @FieldResolver(() => String)
  customerName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'customer', o.customerId).then((n) => n ?? '');
  }

  @FieldResolver(() => String)
  customerCode(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return customerCode(ctx, o.customerId);
  }

  @FieldResolver(() => String)
  channelName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'channel', o.channelId).then((n) => n ?? '');
  }

  @FieldResolver(() => String, { nullable: true })
  storeName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'store', o.storeId);
  }

  @FieldResolver(() => String)
  warehouseName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'warehouse', o.warehouseId).then((n) => n ?? '');
  }

  @FieldResolver(() => String, { description: 'The salesperson.' })
  ownerName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'user', o.ownerId).then((n) => n ?? '');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who sent the order for price approval.' })
  approvalRequestedByName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'user', o.approvalRequestedBy);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who last approved or rejected the prices.' })
  priceDecidedByName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'user', o.priceDecidedBy);
  }

  @FieldResolver(() => [SalesShipment])
  async shipments(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return (await ctx.services.salesFulfilment.shipments(ctx, String(o.id), { offset: 0, limit: 200 })).items;
  }

  @FieldResolver(() => [SalesReturn])
  async returns(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return (await ctx.services.salesFulfilment.returns(ctx, String(o.id), { offset: 0, limit: 200 })).items;
  }

  @FieldResolver(() => [SalesInvoice])
  async invoices(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return (await ctx.services.receivables.invoices(ctx, { orderId: String(o.id) }, { offset: 0, limit: 200 })).items;
  }
}

@Resolver(() => SalesOrderLine)
export class SalesOrderLineResolver {
  @SensitiveFieldResolver(
    'SalesOrderLine',
    () => [LineAllocation],
    P.CatalogSalePriceRead,
    'What each promotion and coupon took off this line (a return refunds the net amount).',
  )
  allocations(@Root() l: SalesOrderLine): LineAllocation[] {
    return l.allocations ?? [];
  }

  @SensitiveFieldResolver(
    'SalesOrderLine',
    () => [CostChange],
    P.SalesMarginRead,
    'Documents that re-costed this line’s COGS after it shipped (delta in COGS; margin moves the other way).',
  )
  async costChanges(@Root() l: SalesOrderLine, @Ctx() ctx: Context) {
    return (
      (await perRequestBatch(ctx, 'costChanges:orderLine', l.id, (ids) =>
        orderLineCostChanges(ctx.services.ds, ids),
      )) ?? []
    );
  }

  @SensitiveFieldResolver(
    'SalesOrderLine',
    () => DecimalScalar,
    P.StockCostRead,
    "The current unit cost of the order's warehouse × SKU: what the below-cost check compares the price with (the price approver's view); null without stock.",
  )
  async unitCost(@Root() l: SalesOrderLine, @Ctx() ctx: Context) {
    return (
      (await perRequestBatch(ctx, 'unitCost:orderLine', l.id, (ids) =>
        ctx.services.salesOrders.currentUnitCosts(ids),
      )) ?? null
    );
  }

  @SensitiveFieldResolver(
    'SalesOrderLine',
    () => DecimalScalar,
    P.SalesMarginRead,
    'round2((unit price − current unit cost) × qty): the margin the line would make at today’s cost; null without a cost.',
  )
  async expectedMargin(@Root() l: SalesOrderLine, @Ctx() ctx: Context) {
    const cost = await perRequestBatch(ctx, 'unitCost:orderLine', l.id, (ids) =>
      ctx.services.salesOrders.currentUnitCosts(ids),
    );
    if (cost == null || l.unitPrice == null) return null;
    return new Decimal(l.unitPrice).minus(cost).times(l.qty).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  }

  @FieldResolver(() => String)
  async skuCode(@Root() l: SalesOrderLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).code;
  }

  @FieldResolver(() => String)
  async skuName(@Root() l: SalesOrderLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).name;
  }
}
