import type { Column } from '@/components/columns';

/**
 * The sales order list; cost and margin columns are left out entirely for those who may not see them.
 * The widths add up to what a 1440 px screen has beside the menu, so that 毛利 is never behind a scroll.
 */
export const salesOrderColumns: Column[] = [
  { key: 'number', label: 'orders.fields.number', minWidth: 150, kind: 'mono' },
  { key: 'customer', label: 'orders.fields.customer', minWidth: 150 },
  { key: 'status', label: 'orders.fields.status', width: 96 },
  { key: 'orderDate', label: 'orders.fields.orderDate', width: 110 },
  { key: 'channel', label: 'orders.fields.channel', minWidth: 130 },
  { key: 'ownerName', label: 'orders.fields.owner', minWidth: 100 },
  {
    key: 'total',
    label: 'orders.fields.total',
    width: 116,
    align: 'right',
    kind: 'money',
    hiddenField: 'SalesOrder.total',
    permission: 'catalog.price.sale.read',
  },
  {
    key: 'cogs',
    label: 'orders.fields.cogs',
    width: 110,
    align: 'right',
    kind: 'money',
    hiddenField: 'SalesOrder.cogs',
    permission: 'sales.margin.read',
  },
  {
    key: 'margin',
    label: 'orders.fields.margin',
    width: 110,
    align: 'right',
    kind: 'money',
    hiddenField: 'SalesOrder.margin',
    permission: 'sales.margin.read',
  },
];

export const SALES_STATUSES = [
  'DRAFT',
  'PENDING_PRICE_APPROVAL',
  'CONFIRMED',
  'PARTLY_SHIPPED',
  'SHIPPED',
  'INVOICED',
  'PAID',
  'CANCELLED',
] as const;
export const SALES_STATUS_TAG: Record<string, 'info' | 'warning' | 'success' | 'danger' | 'primary'> = {
  DRAFT: 'info',
  PENDING_PRICE_APPROVAL: 'warning',
  CONFIRMED: 'primary',
  PARTLY_SHIPPED: 'warning',
  SHIPPED: 'success',
  INVOICED: 'success',
  PAID: 'success',
  CANCELLED: 'danger',
};
export const RETURN_REASONS = [
  'DEFECTIVE',
  'DAMAGED_IN_TRANSIT',
  'WRONG_ITEM',
  'NOT_AS_DESCRIBED',
  'CHANGED_MIND',
  'OTHER',
] as const;
