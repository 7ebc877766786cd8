import type { Column } from '@/components/columns';

export const customerColumns: Column[] = [
  { key: 'code', label: 'sales.fields.code', minWidth: 110, kind: 'mono' },
  { key: 'name', label: 'sales.fields.name', minWidth: 180 },
  { key: 'tier', label: 'sales.fields.tier', width: 100 },
  { key: 'channel', label: 'sales.fields.channel', minWidth: 120 },
  { key: 'ownerName', label: 'sales.fields.owner', minWidth: 120 },
  {
    key: 'phone',
    label: 'sales.fields.phone',
    minWidth: 130,
    hiddenField: 'Customer.phone',
    permission: 'sales.customer.contact.read',
  },
  { key: 'creditLimit', label: 'sales.fields.creditLimit', width: 130, align: 'right', kind: 'money' },
  { key: 'createdAt', label: 'sales.fields.createdAt', minWidth: 160, kind: 'datetime' },
];

export const TIER_TAG: Record<string, 'info' | 'success' | 'warning' | 'danger'> = {
  ordinary: 'info',
  silver: 'success',
  gold: 'warning',
  vip: 'danger',
};
