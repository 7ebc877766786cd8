import type { Column } from '@/components/columns';

export const stockLevelColumns: Column[] = [
  { key: 'warehouse', label: 'inventory.fields.warehouse', minWidth: 150 },
  { key: 'skuCode', label: 'inventory.fields.skuCode', minWidth: 120, kind: 'mono' },
  { key: 'skuName', label: 'inventory.fields.skuName', minWidth: 180 },
  { key: 'baseUnit', label: 'inventory.fields.unit', width: 70 },
  { key: 'onHand', label: 'inventory.fields.onHand', width: 100, align: 'right', kind: 'qty' },
  { key: 'reserved', label: 'inventory.fields.reserved', width: 100, align: 'right', kind: 'qty' },
  { key: 'expired', label: 'inventory.fields.expired', width: 100, align: 'right', kind: 'qty' },
  { key: 'quarantined', label: 'inventory.fields.quarantined', width: 100, align: 'right', kind: 'qty' },
  { key: 'available', label: 'inventory.fields.available', width: 100, align: 'right', kind: 'qty' },
  {
    key: 'unitCost',
    label: 'inventory.fields.unitCost',
    width: 130,
    align: 'right',
    hiddenField: 'StockLevel.unitCost',
    permission: 'stock.cost.read',
  },
  {
    key: 'value',
    label: 'inventory.fields.value',
    width: 140,
    align: 'right',
    kind: 'money',
    hiddenField: 'StockLevel.value',
    permission: 'stock.cost.read',
  },
];

/** VALUE is offered only with stock.cost.read. */
export const STOCK_LEVEL_SORTS = ['SKU', 'ON_HAND', 'VALUE'] as const;

export const stockDocumentColumns: Column[] = [
  { key: 'number', label: 'inventory.fields.number', minWidth: 170, kind: 'mono' },
  { key: 'type', label: 'inventory.fields.type', width: 110 },
  { key: 'status', label: 'inventory.fields.status', width: 100 },
  { key: 'warehouseId', label: 'inventory.fields.warehouse', minWidth: 140 },
  { key: 'toWarehouseId', label: 'inventory.fields.toWarehouse', minWidth: 140 },
  { key: 'businessDate', label: 'inventory.fields.businessDate', width: 120 },
  { key: 'memo', label: 'inventory.fields.memo', minWidth: 140 },
  { key: 'createdAt', label: 'inventory.fields.createdAt', minWidth: 160, kind: 'datetime' },
];

export const DOC_TYPES = ['OTHER_IN', 'OTHER_OUT', 'TRANSFER', 'ADJUSTMENT'] as const;
export const DOC_STATUSES = ['DRAFT', 'IN_TRANSIT', 'POSTED', 'CANCELLED'] as const;
export const STATUS_TAG: Record<string, 'info' | 'warning' | 'success' | 'danger'> = {
  DRAFT: 'info',
  IN_TRANSIT: 'warning',
  POSTED: 'success',
  CANCELLED: 'danger',
};
