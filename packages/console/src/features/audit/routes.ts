import { Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/audit',
    name: 'audit',
    component: () => import('./AuditPage.vue'),
    meta: { title: 'menu.audit', permission: 'system.audit.read', menu: { group: 'system', icon: Tickets, order: 3 } },
  },
];
