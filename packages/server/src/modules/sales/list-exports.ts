import { perRequest } from '../../core/context';
import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { userLabel } from '../auth';
import { skuLines } from '../catalog';
import { mayReadCost } from './cost-rule';
import type { Customer } from './customer.entity';
import { PriceRuleKind, type PriceListItem } from './price-list.entity';
import { customerCode, names } from './related-names';
import { SalesOrderStatus, type SalesOrder } from './sales-order.entity';
import type { CustomerReceivable, SalesOrderFilter, SalesOrderSort } from './sales.types';

interface PriceItemRow {
  item: PriceListItem;
  skuCode: string;
  skuName: string;
  refSalePrice: string | null;
  /** a cost-plus rule to someone who may not read cost: its kind and markup are not shown */
  costHidden: boolean;
}

/** The rule's kind and value as the list's fields give them (a cost-plus rule hidden, reported hidden). */
function ruleField(ctx: Parameters<typeof mayReadCost>[0] & { hidden: Set<string> }, r: PriceItemRow, field: string) {
  if (!r.costHidden) return field === 'rule' ? r.item.rule : r.item.value;
  ctx.hidden.add(`PriceListItem.${field}`);
  return null;
}

/** 客户 as the console's list shows it (a salesperson's own customers; contacts by their permission). */
export const salesListExports: ListExport[] = [
  {
    name: 'customers',
    permissions: [P.SalesCustomerRead],
    typeName: 'Customer',
    filterType: 'CustomerFilter',
    page: (ctx, filter, page) => ctx.services.customers.list(ctx, filter, page),
    columns: {
      code: { get: (_ctx, c: Customer) => c.code, text: true },
      name: { get: (_ctx, c: Customer) => c.name },
      tier: {
        get: async (ctx, c: Customer) =>
          c.tierId
            ? ((await perRequest(ctx, 'customerTiers', () => ctx.services.customers.tiers())).find(
                (t) => t.id === c.tierId,
              )?.name ?? '')
            : '',
      },
      channel: {
        get: async (ctx, c: Customer) =>
          c.channelId
            ? ((await perRequest(ctx, 'salesChannels', () => ctx.services.customers.channels())).find(
                (x) => x.id === c.channelId,
              )?.name ?? '')
            : '',
      },
      ownerName: { get: async (ctx, c: Customer) => (await userLabel(ctx, c.ownerId))?.name ?? '' },
      phone: { get: (_ctx, c: Customer) => c.phone, text: true },
      creditLimit: { get: (_ctx, c: Customer) => c.creditLimit },
      createdAt: { get: (_ctx, c: Customer) => c.createdAt },
    },
  },
  {
    // 价目表 items of one list as the page shows them (current and upcoming, or all with history)
    name: 'priceListItems',
    fileName: 'price-list-items',
    permissions: [P.SalesCustomerRead],
    typeName: 'PriceListItem',
    filterArgsOf: 'priceListItems',
    page: async (ctx, f: { priceListId: string; skuId?: string | null; current?: boolean | null }) => {
      const items = await ctx.services.priceLists.items(
        Number(f.priceListId) || -1,
        f.skuId ? Number(f.skuId) || -1 : undefined,
        f.current ?? false,
      );
      const skus = await skuLines(ctx.services.ds.manager, [...new Set(items.map((i) => i.skuId))]);
      const cost = mayReadCost(ctx);
      return items.map((item): PriceItemRow => ({
        item,
        skuCode: skus.get(item.skuId)?.sku.code ?? '',
        skuName: skus.get(item.skuId)?.sku.name ?? '',
        refSalePrice: skus.get(item.skuId)?.sku.refSalePrice ?? null,
        costHidden: item.rule === PriceRuleKind.COST_PLUS && !cost,
      }));
    },
    columns: {
      skuCode: { get: (_ctx, r: PriceItemRow) => r.skuCode, text: true },
      skuName: { get: (_ctx, r: PriceItemRow) => r.skuName },
      refSalePrice: { get: (_ctx, r: PriceItemRow) => r.refSalePrice, field: 'Sku.refSalePrice' },
      rule: { get: (ctx, r: PriceItemRow) => ruleField(ctx, r, 'rule'), enum: PriceRuleKind },
      value: { get: (ctx, r: PriceItemRow) => ruleField(ctx, r, 'value') },
      validFrom: { get: (_ctx, r: PriceItemRow) => r.item.validFrom },
      validTo: { get: (_ctx, r: PriceItemRow) => r.item.validTo },
      createdBy: { get: (_ctx, r: PriceItemRow) => r.item.createdBy },
    },
  },
  {
    // 销售订单 as the page shows them: the salesperson's own customers' orders, the amount with sale prices,
    // cost and margin with sales.margin.read (the list's field rules)
    name: 'salesOrders',
    fileName: 'sales-orders',
    permissions: [P.SalesOrderRead],
    typeName: 'SalesOrder',
    filterArgsOf: 'salesOrders',
    page: (ctx, f: { filter?: SalesOrderFilter | null; sort?: SalesOrderSort | null } | undefined, page) =>
      ctx.services.salesOrders.list(ctx, f?.filter ?? undefined, page, f?.sort ?? undefined),
    columns: {
      number: { get: (_ctx, o: SalesOrder) => o.number, text: true },
      customer: {
        get: async (ctx, o: SalesOrder) =>
          `${await customerCode(ctx, o.customerId)} · ${(await names(ctx, 'customer', o.customerId)) ?? ''}`,
      },
      status: { get: (_ctx, o: SalesOrder) => o.status, enum: SalesOrderStatus },
      orderDate: { get: (_ctx, o: SalesOrder) => o.orderDate },
      channel: {
        get: async (ctx, o: SalesOrder) => {
          const store = await names(ctx, 'store', o.storeId);
          return `${(await names(ctx, 'channel', o.channelId)) ?? ''}${store ? ` · ${store}` : ''}`;
        },
      },
      ownerName: { get: async (ctx, o: SalesOrder) => (await names(ctx, 'user', o.ownerId)) ?? '' },
      total: { get: (_ctx, o: SalesOrder) => o.total },
      cogs: { get: (_ctx, o: SalesOrder) => o.cogs },
      margin: { get: (_ctx, o: SalesOrder) => o.margin },
    },
  },
  {
    // 应收账款 as of the page's day: the same scope (a salesperson's own customers) and amounts' field rule
    name: 'customerReceivables',
    fileName: 'receivables',
    permissions: [P.SalesReceivableRead],
    typeName: 'CustomerReceivable',
    filterArgsOf: 'customerReceivables',
    page: (ctx, f: { customerId?: string | null; asOf?: string | null } | undefined) =>
      ctx.services.receivables.receivables(ctx, { customerId: f?.customerId ?? undefined, asOf: f?.asOf ?? undefined }),
    columns: {
      customerCode: { get: (_ctx, r: CustomerReceivable) => r.customerCode, text: true },
      customerName: { get: (_ctx, r: CustomerReceivable) => r.customerName },
      invoiced: { get: (_ctx, r: CustomerReceivable) => r.invoiced },
      credited: { get: (_ctx, r: CustomerReceivable) => r.credited },
      paid: { get: (_ctx, r: CustomerReceivable) => r.paid },
      balance: { get: (_ctx, r: CustomerReceivable) => r.balance },
      age0to30: { get: (_ctx, r: CustomerReceivable) => r.age0to30 },
      age31to60: { get: (_ctx, r: CustomerReceivable) => r.age31to60 },
      age61to90: { get: (_ctx, r: CustomerReceivable) => r.age61to90 },
      ageOver90: { get: (_ctx, r: CustomerReceivable) => r.ageOver90 },
      overdue: { get: (_ctx, r: CustomerReceivable) => r.overdue },
      openInvoices: { get: (_ctx, r: CustomerReceivable) => r.openInvoices },
    },
  },
];
