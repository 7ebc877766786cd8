import { Notebook, UserFilled } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const userRoutes: RouteRecordRaw[] = [
  {
    path: 'directory',
    name: 'directory',
    component: () => import('./DirectoryPage.vue'),
    meta: {
      title: 'menu.directory',
      permission: 'system.user.read',
      menu: { group: 'workspace', icon: Notebook, order: 2 },
    },
  },
  {
    path: 'admin/users',
    name: 'users',
    component: () => import('./UsersPage.vue'),
    meta: {
      title: 'menu.users',
      permission: 'system.user.manage',
      menu: { group: 'system', icon: UserFilled, order: 1 },
    },
  },
];
