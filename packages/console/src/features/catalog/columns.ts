import type { Column } from '@/components/columns';

export const productColumns: Column[] = [
  { key: 'code', label: 'fields.code', width: 130, kind: 'mono' },
  { key: 'name', label: 'fields.name', minWidth: 180 },
  { key: 'category', label: 'catalog.fields.category', minWidth: 110 },
  { key: 'brand', label: 'catalog.fields.brand', minWidth: 100 },
  { key: 'baseUnit', label: 'catalog.fields.baseUnit', width: 90 },
  { key: 'skuCount', label: 'catalog.fields.skuCount', width: 90, align: 'right' },
  { key: 'flags', label: 'catalog.fields.flags', minWidth: 150 },
];

/** What the export writes: the page's columns, its flags as one column each. */
export const productExportColumns: Column[] = [
  ...productColumns.filter((c) => c.key !== 'flags'),
  { key: 'active', label: 'catalog.fields.active' },
  { key: 'batchTracked', label: 'catalog.fields.batchTracked', kind: 'bool' },
  { key: 'serialTracked', label: 'catalog.fields.serialTracked', kind: 'bool' },
];

export const PRODUCT_SORTS = ['CODE', 'NAME', 'NEWEST'] as const;

export const importReportColumns: Column[] = [
  { key: 'row', label: 'catalog.import.row', width: 90, align: 'right' },
  { key: 'column', label: 'catalog.import.column', width: 160 },
  { key: 'message', label: 'catalog.import.message', minWidth: 320 },
];
