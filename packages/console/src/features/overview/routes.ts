import { Odometer } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const overviewRoutes: RouteRecordRaw[] = [
  {
    // the home page: the workbench of the user's position(s)
    path: '',
    name: 'overview',
    component: () => import('./WorkbenchPage.vue'),
    meta: { title: 'menu.overview', menu: { group: 'workspace', icon: Odometer, order: 1 } },
  },
  {
    // the former home page: users, sessions and changes (each figure by its own permission)
    path: 'system/overview',
    name: 'system-overview',
    component: () => import('./OverviewPage.vue'),
    meta: { title: 'overview.system' },
  },
];
