import { Lock } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const roleRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/roles',
    name: 'roles',
    component: () => import('./RolesPage.vue'),
    meta: { title: 'menu.roles', permission: 'system.role.read', menu: { group: 'system', icon: Lock, order: 2 } },
  },
];
