import { Box, FolderOpened, Upload } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const catalogRoutes: RouteRecordRaw[] = [
  {
    path: 'catalog/products',
    name: 'products',
    component: () => import('./ProductsPage.vue'),
    meta: {
      title: 'menu.products',
      permission: 'catalog.product.read',
      menu: { group: 'catalog', icon: Box, order: 1 },
    },
  },
  {
    path: 'catalog/products/new',
    name: 'product-new',
    component: () => import('./ProductEditPage.vue'),
    meta: { title: 'catalog.product.create', permission: 'catalog.product.manage' },
  },
  {
    path: 'catalog/products/:id(\\d+)',
    name: 'product',
    component: () => import('./ProductEditPage.vue'),
    props: true,
    meta: { title: 'catalog.product.detail', permission: 'catalog.product.read' },
  },
  {
    path: 'catalog/categories',
    name: 'categories',
    component: () => import('./CategoriesPage.vue'),
    meta: {
      title: 'menu.categories',
      permission: 'catalog.product.read',
      menu: { group: 'catalog', icon: FolderOpened, order: 2 },
    },
  },
  {
    path: 'catalog/import',
    name: 'product-import',
    component: () => import('./ImportPage.vue'),
    meta: {
      title: 'menu.productImport',
      permission: 'catalog.product.manage',
      menu: { group: 'catalog', icon: Upload, order: 3 },
    },
  },
];
