import { Connection, Promotion } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const integrationRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/api-clients',
    name: 'api-clients',
    component: () => import('./ApiClientsPage.vue'),
    meta: {
      title: 'menu.apiClients',
      permission: 'system.integration.manage',
      menu: { group: 'system', icon: Connection, order: 5 },
    },
  },
  {
    path: 'admin/webhooks',
    name: 'webhooks',
    component: () => import('./WebhooksPage.vue'),
    meta: {
      title: 'menu.webhooks',
      permission: 'system.integration.manage',
      menu: { group: 'system', icon: Promotion, order: 6 },
    },
  },
];
