import { OfficeBuilding } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const stockRoutes: RouteRecordRaw[] = [
  {
    path: 'stock/warehouses',
    name: 'warehouses',
    component: () => import('./WarehousesPage.vue'),
    meta: {
      title: 'menu.warehouses',
      permission: 'stock.warehouse.read',
      menu: { group: 'stock', icon: OfficeBuilding, order: 1 },
    },
  },
  {
    path: 'stock/warehouses/:id(\\d+)',
    name: 'warehouse-locations',
    component: () => import('./WarehouseLocationsPage.vue'),
    props: true,
    meta: { title: 'locations.title', permission: 'stock.warehouse.read' },
  },
];
