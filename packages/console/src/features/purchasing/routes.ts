import { Money, ShoppingCart, Shop } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 采购: suppliers, purchase orders (approve, receive) and payables. */
export const purchasingRoutes: RouteRecordRaw[] = [
  {
    path: 'purchasing/suppliers',
    name: 'suppliers',
    component: () => import('./SuppliersPage.vue'),
    meta: { title: 'menu.suppliers', permission: 'purchasing.supplier.read', menu: { group: 'purchasing', icon: Shop, order: 1 } },
  },
  {
    path: 'purchasing/orders',
    name: 'purchase-orders',
    component: () => import('./PurchaseOrdersPage.vue'),
    meta: { title: 'menu.purchaseOrders', permission: 'purchasing.order.read', menu: { group: 'purchasing', icon: ShoppingCart, order: 2 } },
  },
  {
    path: 'purchasing/orders/new',
    name: 'purchase-order-new',
    component: () => import('./PurchaseOrderNewPage.vue'),
    meta: { title: 'purchasing.order.create', permission: 'purchasing.order.create' },
  },
  {
    path: 'purchasing/orders/:id(\\d+)',
    name: 'purchase-order',
    component: () => import('./PurchaseOrderPage.vue'),
    props: true,
    meta: { title: 'purchasing.order.detail', permission: 'purchasing.order.read' },
  },
  {
    path: 'purchasing/orders/:id(\\d+)/receive',
    name: 'purchase-receive',
    component: () => import('./ReceivePage.vue'),
    props: true,
    meta: { title: 'purchasing.receive.title', permission: 'purchasing.receipt.post' },
  },
  {
    path: 'purchasing/payables',
    name: 'payables',
    component: () => import('./PayablesPage.vue'),
    meta: { title: 'menu.payables', permission: 'purchasing.payable.read', menu: { group: 'purchasing', icon: Money, order: 3 } },
  },
];
