import type { Column } from '@/components/columns';

export const auditColumns: Column[] = [
  { key: 'at', label: 'audit.at', kind: 'datetime', minWidth: 160 },
  { key: 'username', label: 'fields.username', minWidth: 110 },
  { key: 'action', label: 'audit.action', minWidth: 150, kind: 'mono' },
  { key: 'entityType', label: 'audit.entityType', minWidth: 110 },
  { key: 'entityId', label: 'audit.entityId', width: 90 },
  {
    key: 'address',
    label: 'audit.address',
    minWidth: 120,
    kind: 'mono',
    hiddenField: 'AuditEntry.address',
    permission: 'system.audit.address.read',
  },
];
