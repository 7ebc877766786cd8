import { OfficeBuilding } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const stockRoutes: RouteRecordRaw[] = [
  {
    path: 'stock/warehouses',
    name: 'warehouses',
    component: () => import('./WarehousesPage.vue'),
    meta: { title: 'menu.warehouses', permission: 'stock.warehouse.read', menu: { group: 'stock', icon: OfficeBuilding, order: 1 } },
  },
];
