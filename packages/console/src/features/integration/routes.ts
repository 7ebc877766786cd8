import { Connection, Promotion, Shop, Van } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const integrationRoutes: RouteRecordRaw[] = [
  {
    path: 'stock/3pl',
    name: 'tpl',
    component: () => import('./TplPage.vue'),
    meta: {
      title: 'menu.tpl',
      permission: 'integration.tpl.manage',
      menu: { group: 'stock', icon: Van, order: 8 },
    },
  },
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
  {
    path: 'sales/online-stores',
    name: 'online-stores',
    component: () => import('./OnlineStoresPage.vue'),
    meta: {
      title: 'menu.onlineStores',
      permission: 'sales.platform.manage',
      menu: { group: 'sales', icon: Shop, order: 9 },
    },
  },
];
