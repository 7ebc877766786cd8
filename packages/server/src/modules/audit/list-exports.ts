import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import type { AuditEntry } from './audit-entry.entity';

/** 审计日志 as its page shows it, newest first (the address with system.audit.address.read only). */
export const auditListExports: ListExport[] = [
  {
    name: 'auditLog',
    fileName: 'audit-log',
    permissions: [P.SystemAuditRead],
    typeName: 'AuditEntry',
    filterType: 'AuditFilter',
    page: (ctx, filter, page) => ctx.services.audit.list(ctx, filter, 'AT_DESC', page),
    columns: {
      at: { get: (_ctx, a: AuditEntry) => a.at },
      username: { get: (_ctx, a: AuditEntry) => a.username },
      action: { get: (_ctx, a: AuditEntry) => a.action, text: true },
      entityType: { get: (_ctx, a: AuditEntry) => a.entityType },
      entityId: { get: (_ctx, a: AuditEntry) => a.entityId, text: true },
      address: { get: (_ctx, a: AuditEntry) => a.address, text: true },
    },
  },
];
