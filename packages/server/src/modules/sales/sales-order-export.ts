import type { Context } from '../../core/context';
import { exportCsv, exportXlsx } from '../../core/export';
import { inLocale, type Locale } from '../../core/locale';
import { customerCode, names } from './related-names';
import { SalesOrder, SalesOrderStatus } from './sales-order.entity';
import type { SalesOrderFilter } from './sales.types';

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
    [SalesOrderStatus.PENDING_PRICE_APPROVAL]: '待审批',
    [SalesOrderStatus.CONFIRMED]: '已确认',
    [SalesOrderStatus.PARTLY_SHIPPED]: '部分发货',
    [SalesOrderStatus.SHIPPED]: '已发货',
    [SalesOrderStatus.INVOICED]: '已开票',
    [SalesOrderStatus.PAID]: '已收款',
    [SalesOrderStatus.CANCELLED]: '已取消',
  },
  en: {
    [SalesOrderStatus.DRAFT]: 'Draft',
    [SalesOrderStatus.PENDING_PRICE_APPROVAL]: 'Waiting for price approval',
    [SalesOrderStatus.CONFIRMED]: 'Confirmed',
    [SalesOrderStatus.PARTLY_SHIPPED]: 'Partly shipped',
    [SalesOrderStatus.SHIPPED]: 'Shipped',
    [SalesOrderStatus.INVOICED]: 'Invoiced',
    [SalesOrderStatus.PAID]: 'Paid',
    [SalesOrderStatus.CANCELLED]: 'Cancelled',
  },
};

/** The orders in the requester's scope (at most 10,000) as CSV or xlsx, headers and statuses in their language. */
export async function exportSalesOrders(ctx: Context, filter?: SalesOrderFilter, xlsx?: boolean) {
  const rows: SalesOrder[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await ctx.services.salesOrders.list(ctx, filter, { offset, limit: 200 });
    rows.push(...page.items);
    if (rows.length >= page.total || !page.items.length || rows.length >= 10_000) break;
  }
  const labels = new Map<number, Record<string, string>>();
  for (const o of rows) {
    labels.set(o.id, {
      customer: `${await customerCode(ctx, o.customerId)} ${(await names(ctx, 'customer', o.customerId)) ?? ''}`.trim(),
      channel: (await names(ctx, 'channel', o.channelId)) ?? '',
      store: (await names(ctx, 'store', o.storeId)) ?? '',
      warehouse: (await names(ctx, 'warehouse', o.warehouseId)) ?? '',
      owner: (await names(ctx, 'user', o.ownerId)) ?? '',
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
