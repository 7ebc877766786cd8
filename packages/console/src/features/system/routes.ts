import { Printer, Setting } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const systemRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/settings',
    name: 'settings',
    component: () => import('./SettingsPage.vue'),
    meta: {
      title: 'menu.settings',
      permission: 'system.settings.read',
      menu: { group: 'system', icon: Setting, order: 4 },
    },
  },
  {
    path: 'admin/print-templates',
    name: 'print-templates',
    component: () => import('./PrintTemplatesPage.vue'),
    meta: {
      title: 'print.templates.title',
      permission: 'system.settings.read',
      menu: { group: 'system', icon: Printer, order: 4.5 },
    },
  },
];
