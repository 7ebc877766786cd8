import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { perRequest, perRequestBatch, type Context } from '../../core/context';
import { ExportFile, exportCsv, exportXlsx } from '../../core/export';
import { inLocale, type Locale } from '../../core/locale';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow, SensitiveFieldResolver } from '../../core/permissions/guard';
import { skuLabel } from '../catalog';
import { CostChange } from '../stock';
import { orderCostChanges, orderLineCostChanges, returnLineCostChanges, shipmentLineCostChanges } from './sales-costs';
import {
  CustomerPayment,
  SalesInvoice,
  SalesInvoiceLine,
  SalesOrder,
  SalesOrderLine,
  SalesOrderStatus,
  SalesReturn,
  SalesReturnLine,
  SalesShipment,
  SalesShipmentLine,
} from './sales-order.entity';
import {
  CreateSalesInvoiceInput,
  CreateSalesOrderInput,
  CustomerPaymentPage,
  InvoiceAsOf,
  CustomerReceivable,
  CustomerSalesMonth,
  RecordCustomerPaymentInput,
  SalesInvoicePage,
  SalesOrderFilter,
  SalesOrderPage,
  SalesOrderSort,
  SalesOverview,
  SalesReturnInput,
  SalesReturnPage,
  SalesShipmentPage,
  ShipmentPick,
  ShipSalesOrderInput,
  SkuAvailability,
  UpdateSalesOrderInput,
} from './sales.types';
import { DocumentAction } from '../../core/actions';

const KEY = { nullable: true, description: 'A retry with the same key returns the first result.' } as const;

type Named = 'customer' | 'sales_channel' | 'sales_store' | 'warehouse' | 'app_user';

/** Names (and codes) of the customers, channels, stores, warehouses and users a list refers to: one query per table per request. */
async function row(
  ctx: Context,
  table: Named | 'sales_order',
  id: number | null,
): Promise<{ name: string; code: string } | undefined> {
  if (id === null) return undefined;
  const cols =
    table === 'app_user'
      ? "display_name AS name, '' AS code"
      : table === 'sales_order'
        ? "'' AS name, number AS code"
        : 'name, code';
  return perRequestBatch(
    ctx,
    `row:${table}`,
    id,
    async (ids) =>
      new Map<number, { name: string; code: string }>(
        (
          await ctx.services.ds.query(
            `SELECT id, ${cols} FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`,
            ids,
          )
        ).map((r: any) => [Number(r.id), { name: r.name ?? '', code: r.code ?? '' }]),
      ),
  );
}

const names = async (ctx: Context, table: Named, id: number | null): Promise<string | null> =>
  (await row(ctx, table, id))?.name ?? null;
const customerCode = async (ctx: Context, id: number): Promise<string> => (await row(ctx, 'customer', id))?.code ?? '';

const EXPORT_HEADERS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    number: '单号',
    orderDate: '下单日期',
    status: '状态',
    customer: '客户',
    channel: '渠道',
    store: '门店',
    warehouse: '仓库',
    owner: '业务员',
    total: '金额',
    cogs: '成本',
    margin: '毛利',
  },
  en: {
    number: 'Number',
    orderDate: 'Order date',
    status: 'Status',
    customer: 'Customer',
    channel: 'Channel',
    store: 'Store',
    warehouse: 'Warehouse',
    owner: 'Owner',
    total: 'Total',
    cogs: 'COGS',
    margin: 'Margin',
  },
};
const STATUS_TEXT: Record<Locale, Record<SalesOrderStatus, string>> = {
  'zh-CN': {
    [SalesOrderStatus.DRAFT]: '草稿',
    [SalesOrderStatus.CONFIRMED]: '已确认',
    [SalesOrderStatus.PARTLY_SHIPPED]: '部分发货',
    [SalesOrderStatus.SHIPPED]: '已发货',
    [SalesOrderStatus.INVOICED]: '已开票',
    [SalesOrderStatus.PAID]: '已收款',
    [SalesOrderStatus.CANCELLED]: '已取消',
  },
  en: {
    [SalesOrderStatus.DRAFT]: 'Draft',
    [SalesOrderStatus.CONFIRMED]: 'Confirmed',
    [SalesOrderStatus.PARTLY_SHIPPED]: 'Partly shipped',
    [SalesOrderStatus.SHIPPED]: 'Shipped',
    [SalesOrderStatus.INVOICED]: 'Invoiced',
    [SalesOrderStatus.PAID]: 'Paid',
    [SalesOrderStatus.CANCELLED]: 'Cancelled',
  },
};

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
  async exportSalesOrders(
    @Ctx() ctx: Context,
    @Arg('filter', () => SalesOrderFilter, { nullable: true }) filter?: SalesOrderFilter,
    @Arg('xlsx', { nullable: true }) xlsx?: boolean,
  ) {
    const rows: SalesOrder[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await ctx.services.salesOrders.list(ctx, filter, { offset, limit: 200 });
      rows.push(...page.items);
      if (rows.length >= page.total || !page.items.length || rows.length >= 10_000) break;
    }
    const labels = new Map<number, Record<string, string>>();
    for (const o of rows) {
      labels.set(o.id, {
        customer:
          `${await customerCode(ctx, o.customerId)} ${(await names(ctx, 'customer', o.customerId)) ?? ''}`.trim(),
        channel: (await names(ctx, 'sales_channel', o.channelId)) ?? '',
        store: (await names(ctx, 'sales_store', o.storeId)) ?? '',
        warehouse: (await names(ctx, 'warehouse', o.warehouseId)) ?? '',
        owner: (await names(ctx, 'app_user', o.ownerId)) ?? '',
      });
    }
    const cols = [
      'number',
      'orderDate',
      'status',
      'customer',
      'channel',
      'store',
      'warehouse',
      'owner',
      'total',
      'cogs',
      'margin',
    ] as const;
    // headers and statuses in the requester's language (zh-CN unless the console asked for English)
    const headers = inLocale(ctx, EXPORT_HEADERS);
    const statuses = inLocale(ctx, STATUS_TEXT);
    const get = (r: SalesOrder, c: string) =>
      c === 'status' ? (statuses[r.status] ?? r.status) : (labels.get(r.id)![c] ?? (r as any)[c]);
    return xlsx
      ? exportXlsx(
          ctx,
          'SalesOrder',
          'sales-orders',
          cols.map((key) => ({ key, header: headers[key], text: key === 'number' })),
          rows,
          get,
        )
      : exportCsv(ctx, 'SalesOrder', 'sales-orders', cols, rows, get, headers);
  }

  @Query(() => [SkuAvailability], { description: 'On hand − reserved, what an order line may still take.' })
  @Allow(P.StockBalanceRead)
  skuAvailability(
    @Ctx() ctx: Context,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('skuIds', () => [ID]) skuIds: string[],
  ) {
    const scope = ctx.user?.warehouseIds;
    const wid = Number(warehouseId) || -1;
    if (scope && !scope.includes(wid)) return [];
    return ctx.services.salesOrders.availability(
      wid,
      skuIds.slice(0, 500).map((s) => Number(s) || -1),
    );
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

  @Query(() => SalesOverview, {
    description:
      'Per channel and store: orders, revenue; COGS and margin with sales.margin.read. Salespeople see their own customers only.',
  })
  @Allow(P.SalesOrderRead)
  salesOverview(@Ctx() ctx: Context, @Arg('from') from: string, @Arg('to') to: string) {
    return ctx.services.receivables.overview(ctx, from, to);
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
      'Credit limit checked, stock reserved (CREDIT_LIMIT_EXCEEDED, INSUFFICIENT_AVAILABLE); all or nothing.',
  })
  @Allow(P.SalesOrderCreate)
  confirmSalesOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.salesOrders.confirm(ctx, id);
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
    return names(ctx, 'sales_channel', o.channelId).then((n) => n ?? '');
  }

  @FieldResolver(() => String, { nullable: true })
  storeName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'sales_store', o.storeId);
  }

  @FieldResolver(() => String)
  warehouseName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'warehouse', o.warehouseId).then((n) => n ?? '');
  }

  @FieldResolver(() => String, { description: 'The salesperson.' })
  ownerName(@Root() o: SalesOrder, @Ctx() ctx: Context) {
    return names(ctx, 'app_user', o.ownerId).then((n) => n ?? '');
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

  @FieldResolver(() => String)
  async skuCode(@Root() l: SalesOrderLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).code;
  }

  @FieldResolver(() => String)
  async skuName(@Root() l: SalesOrderLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).name;
  }
}

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

@Resolver(() => SalesInvoice)
export class SalesInvoiceResolver {
  @Query(() => SalesInvoicePage)
  @Allow(P.SalesOrderRead)
  salesInvoices(
    @Ctx() ctx: Context,
    @Arg('orderId', () => ID, { nullable: true }) orderId?: string,
    @Arg('customerId', () => ID, { nullable: true }) customerId?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.receivables.invoices(ctx, { orderId, customerId }, page);
  }

  @Query(() => CustomerPaymentPage)
  @Allow(P.SalesReceivableRead)
  customerPayments(
    @Ctx() ctx: Context,
    @Arg('customerId', () => ID, { nullable: true }) customerId?: string,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.receivables.payments(ctx, customerId, page);
  }

  @Query(() => [CustomerReceivable], {
    description: 'Balances per customer with open invoices by age (0–30, 31–60, 61–90, >90 days) and overdue.',
  })
  @Allow(P.SalesReceivableRead)
  customerReceivables(
    @Ctx() ctx: Context,
    @Arg('customerId', () => ID, { nullable: true }) customerId?: string,
    @Arg('asOf', { nullable: true }) asOf?: string,
  ) {
    return ctx.services.receivables.receivables(ctx, { customerId, asOf });
  }

  @Query(() => [InvoiceAsOf], {
    description: "A customer's invoices as of a day (newest first): what payments and credits up to then had settled.",
  })
  @Allow(P.SalesReceivableRead)
  customerInvoicesAsOf(
    @Ctx() ctx: Context,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('asOf', { nullable: true }) asOf?: string,
  ) {
    return ctx.services.receivables.invoicesAsOf(ctx, customerId, asOf ?? undefined);
  }

  @Mutation(() => SalesInvoice, { description: 'Bills everything shipped and not yet invoiced on the order.' })
  @Allow(P.SalesInvoiceManage)
  createSalesInvoice(@Arg('input') input: CreateSalesInvoiceInput, @Ctx() ctx: Context) {
    return ctx.services.receivables.createInvoice(ctx, input);
  }

  @Mutation(() => CustomerPayment, { description: 'At most the balance; settles the oldest invoices first.' })
  @Allow(P.FinancePaymentManage)
  recordCustomerPayment(@Arg('input') input: RecordCustomerPaymentInput, @Ctx() ctx: Context) {
    return ctx.services.receivables.pay(ctx, input);
  }

  @FieldResolver(() => [SalesInvoiceLine])
  lines(@Root() i: SalesInvoice, @Ctx() ctx: Context) {
    return ctx.services.receivables.invoiceLines([i.id]);
  }

  @FieldResolver(() => String)
  customerName(@Root() i: SalesInvoice, @Ctx() ctx: Context) {
    return names(ctx, 'customer', i.customerId).then((n) => n ?? '');
  }

  @FieldResolver(() => String)
  async orderNumber(@Root() i: SalesInvoice, @Ctx() ctx: Context) {
    return (await row(ctx, 'sales_order', i.orderId))?.code ?? '';
  }
}

@Resolver(() => CustomerPayment)
export class CustomerPaymentResolver {
  @FieldResolver(() => String)
  customerName(@Root() p: CustomerPayment, @Ctx() ctx: Context) {
    return names(ctx, 'customer', p.customerId).then((n) => n ?? '');
  }
}
