import { Odometer } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const overviewRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'overview',
    component: () => import('./OverviewPage.vue'),
    meta: { title: 'menu.overview', menu: { group: 'workspace', icon: Odometer, order: 1 } },
  },
];
