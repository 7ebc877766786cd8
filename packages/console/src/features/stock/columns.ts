import type { Column } from '@/components/columns';

export const warehouseColumns: Column[] = [
  { key: 'code', label: 'fields.code', width: 120, kind: 'mono' },
  { key: 'name', label: 'fields.name', minWidth: 180 },
  { key: 'kind', label: 'warehouses.kind', width: 130 },
  { key: 'allowNegative', label: 'warehouses.allowNegative', kind: 'bool', width: 130 },
  { key: 'pickStrategy', label: 'pickStrategy.label', width: 170 },
  { key: 'active', label: 'fields.status', width: 100 },
];

export const binColumns: Column[] = [
  { key: 'code', label: 'fields.code', minWidth: 140, kind: 'mono' },
  { key: 'zone', label: 'locations.zone', minWidth: 160 },
  { key: 'quarantine', label: 'locations.quarantine', width: 110 },
  { key: 'active', label: 'fields.status', width: 100 },
];
