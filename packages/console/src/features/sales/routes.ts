import { Document, PriceTag, TrendCharts, User, Wallet } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 销售: customers, orders (shipping, returns, invoices), receivables, the overview and price lists. */
export const salesRoutes: RouteRecordRaw[] = [
  {
    path: 'sales/customers',
    name: 'customers',
    component: () => import('./CustomersPage.vue'),
    meta: {
      title: 'menu.customers',
      permission: 'sales.customer.read',
      menu: { group: 'sales', icon: User, order: 1 },
    },
  },
  {
    path: 'sales/customers/:id(\\d+)',
    name: 'customer',
    component: () => import('./CustomerPage.vue'),
    props: true,
    meta: { title: 'sales.customer.profile', permission: 'sales.customer.read' },
  },
  {
    path: 'sales/orders',
    name: 'sales-orders',
    component: () => import('./SalesOrdersPage.vue'),
    meta: {
      title: 'menu.salesOrders',
      permission: 'sales.order.read',
      menu: { group: 'sales', icon: Document, order: 2 },
    },
  },
  {
    path: 'sales/orders/new',
    name: 'sales-order-new',
    component: () => import('./SalesOrderNewPage.vue'),
    meta: { title: 'orders.create', permission: 'sales.order.create' },
  },
  {
    path: 'sales/orders/:id(\\d+)',
    name: 'sales-order',
    component: () => import('./SalesOrderPage.vue'),
    props: true,
    meta: { title: 'orders.detail', permission: 'sales.order.read' },
  },
  {
    path: 'sales/orders/:id(\\d+)/delivery-note',
    name: 'sales-delivery-note',
    component: () => import('./DeliveryNotePrint.vue'),
    props: true,
    meta: { title: 'orders.note.title', permission: 'sales.order.read' },
  },
  {
    path: 'sales/orders/:id(\\d+)/print',
    name: 'sales-order-print',
    component: () => import('./DeliveryNotePrint.vue'),
    props: (r) => ({ id: r.params.id, docType: 'SALES_ORDER' }),
    meta: { title: 'print.titles.SALES_ORDER', permission: 'sales.order.read' },
  },
  {
    path: 'sales/orders/:id(\\d+)/pick',
    name: 'sales-pick-list',
    component: () => import('./PickListPage.vue'),
    props: true,
    meta: { title: 'orders.pick.title', permission: 'sales.order.read' },
  },
  {
    path: 'sales/price-lists',
    name: 'price-lists',
    component: () => import('./PriceListsPage.vue'),
    meta: {
      title: 'menu.priceLists',
      permission: 'sales.customer.read',
      menu: { group: 'sales', icon: PriceTag, order: 5 },
    },
  },
  {
    path: 'sales/receivables',
    name: 'receivables',
    component: () => import('./ReceivablesPage.vue'),
    meta: {
      title: 'menu.receivables',
      permission: 'sales.receivable.read',
      menu: { group: 'sales', icon: Wallet, order: 3 },
    },
  },
  {
    path: 'sales/overview',
    name: 'sales-overview',
    component: () => import('./SalesOverviewPage.vue'),
    meta: {
      title: 'menu.salesOverview',
      permission: 'catalog.price.sale.read',
      menu: { group: 'sales', icon: TrendCharts, order: 4 },
    },
  },
];
