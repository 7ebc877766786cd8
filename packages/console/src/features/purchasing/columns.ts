import type { Column } from '@/components/columns';

export const supplierColumns: Column[] = [
  { key: 'code', label: 'purchasing.fields.code', minWidth: 120, kind: 'mono' },
  { key: 'name', label: 'purchasing.fields.name', minWidth: 180 },
  { key: 'status', label: 'purchasing.fields.status', width: 120 },
  { key: 'contactPerson', label: 'purchasing.fields.contactPerson', minWidth: 120 },
  { key: 'phone', label: 'purchasing.fields.phone', minWidth: 130 },
  { key: 'leadTimeDays', label: 'purchasing.fields.leadTimeDays', width: 110, align: 'right' },
  { key: 'paymentTermsDays', label: 'purchasing.fields.paymentTermsDays', width: 110, align: 'right' },
  { key: 'createdAt', label: 'purchasing.fields.createdAt', minWidth: 160, kind: 'datetime' },
];

export const purchaseOrderColumns: Column[] = [
  { key: 'number', label: 'purchasing.fields.number', minWidth: 170, kind: 'mono' },
  { key: 'supplier', label: 'purchasing.fields.supplier', minWidth: 160 },
  { key: 'status', label: 'purchasing.fields.status', width: 110 },
  { key: 'warehouseId', label: 'purchasing.fields.warehouse', minWidth: 140 },
  { key: 'orderDate', label: 'purchasing.fields.orderDate', width: 120 },
  {
    key: 'total',
    label: 'purchasing.fields.total',
    width: 140,
    align: 'right',
    kind: 'money',
    hiddenField: 'PurchaseOrder.total',
    permission: 'catalog.price.purchase.read',
  },
  { key: 'createdAt', label: 'purchasing.fields.createdAt', minWidth: 160, kind: 'datetime' },
];

export const payableColumns: Column[] = [
  { key: 'supplierCode', label: 'purchasing.fields.code', minWidth: 120, kind: 'mono' },
  { key: 'supplierName', label: 'purchasing.fields.name', minWidth: 180 },
  {
    key: 'invoiced',
    label: 'purchasing.payable.invoiced',
    width: 140,
    align: 'right',
    kind: 'money',
    permission: 'purchasing.payable.read',
  },
  {
    key: 'paid',
    label: 'purchasing.payable.paid',
    width: 140,
    align: 'right',
    kind: 'money',
    permission: 'purchasing.payable.read',
  },
  {
    key: 'open',
    label: 'purchasing.payable.open',
    width: 140,
    align: 'right',
    kind: 'money',
    permission: 'purchasing.payable.read',
  },
  {
    key: 'overdue',
    label: 'purchasing.payable.overdue',
    width: 140,
    align: 'right',
    kind: 'money',
    permission: 'purchasing.payable.read',
  },
  // 账龄: what is open by the days since each invoice, as on the receivables page
  ...(['age0to30', 'age31to60', 'age61to90', 'ageOver90'] as const).map((key): Column => ({
    key,
    label: `receivables.${key}`,
    width: 110,
    align: 'right',
    kind: 'money',
    permission: 'purchasing.payable.read',
  })),
];

export const SUPPLIER_STATUSES = ['CANDIDATE', 'APPROVED', 'SUSPENDED'] as const;
export const SUPPLIER_STATUS_TAG: Record<string, 'info' | 'success' | 'danger'> = {
  CANDIDATE: 'info',
  APPROVED: 'success',
  SUSPENDED: 'danger',
};

export const ORDER_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'PARTLY_RECEIVED',
  'RECEIVED',
  'CLOSED',
  'CANCELLED',
] as const;
export const ORDER_STATUS_TAG: Record<string, 'info' | 'warning' | 'success' | 'danger' | 'primary'> = {
  DRAFT: 'info',
  SUBMITTED: 'warning',
  APPROVED: 'primary',
  REJECTED: 'danger',
  PARTLY_RECEIVED: 'warning',
  RECEIVED: 'success',
  CLOSED: 'success',
  CANCELLED: 'danger',
};
