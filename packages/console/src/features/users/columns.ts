import type { Column } from '@/components/columns';

export const userColumns: Column[] = [
  { key: 'username', label: 'fields.username', minWidth: 120, kind: 'mono' },
  { key: 'displayName', label: 'fields.displayName', minWidth: 140 },
  {
    key: 'email',
    label: 'fields.email',
    minWidth: 170,
    hiddenField: 'User.email',
    permission: 'system.user.contact.read',
  },
  {
    key: 'phone',
    label: 'fields.phone',
    minWidth: 130,
    hiddenField: 'User.phone',
    permission: 'system.user.contact.read',
  },
  { key: 'roles', label: 'fields.roles', minWidth: 160 },
  { key: 'active', label: 'fields.status', width: 90 },
  { key: 'lastLoginAt', label: 'fields.lastLoginAt', kind: 'datetime', minWidth: 160 },
];

export const USER_SORTS = ['USERNAME', 'DISPLAY_NAME', 'EMAIL', 'CREATED_AT', 'LAST_LOGIN_AT'] as const;
