import { DataLine, Money, ShoppingCart, Shop, TrendCharts } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 采购: suppliers and their scorecards, purchase orders (approve, receive), replenishment and payables. */
export const purchasingRoutes: RouteRecordRaw[] = [
  {
    path: 'purchasing/suppliers',
    name: 'suppliers',
    component: () => import('./SuppliersPage.vue'),
    meta: {
      title: 'menu.suppliers',
      permission: 'purchasing.supplier.read',
      menu: { group: 'purchasing', icon: Shop, order: 1 },
    },
  },
  {
    path: 'purchasing/suppliers/:id(\\d+)',
    name: 'supplier',
    component: () => import('./SupplierPage.vue'),
    props: true,
    meta: { title: 'purchasing.supplier.profile', permission: 'purchasing.supplier.read' },
  },
  {
    path: 'purchasing/scorecards',
    name: 'supplier-scorecards',
    component: () => import('./ScorecardsPage.vue'),
    meta: {
      title: 'menu.supplierScorecards',
      permission: 'purchasing.supplier.price.read',
      menu: { group: 'purchasing', icon: DataLine, order: 4 },
    },
  },
  {
    path: 'purchasing/replenishment',
    name: 'replenishment',
    component: () => import('./ReplenishmentPage.vue'),
    meta: {
      title: 'menu.replenishment',
      permission: 'purchasing.order.create',
      menu: { group: 'purchasing', icon: TrendCharts, order: 5 },
    },
  },
  {
    path: 'purchasing/orders',
    name: 'purchase-orders',
    component: () => import('./PurchaseOrdersPage.vue'),
    meta: {
      title: 'menu.purchaseOrders',
      permission: 'purchasing.order.read',
      menu: { group: 'purchasing', icon: ShoppingCart, order: 2 },
    },
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
    path: 'purchasing/orders/:id(\\d+)/print',
    name: 'purchase-order-print',
    component: () => import('./PurchaseOrderPrint.vue'),
    props: true,
    meta: { title: 'purchasing.print.title', permission: 'purchasing.order.read' },
  },
  {
    path: 'purchasing/orders/:id(\\d+)/receipts/:receiptId(\\d+)/print',
    name: 'purchase-receipt-print',
    component: () => import('./PurchaseReceiptPrint.vue'),
    props: true,
    meta: { title: 'print.titles.PURCHASE_RECEIPT', permission: 'purchasing.order.read' },
  },
  {
    path: 'purchasing/approval-rules',
    name: 'purchase-approval-rules',
    component: () => import('./ApprovalRulesPage.vue'),
    meta: { title: 'purchasing.approvalRules.title', permission: 'purchasing.order.read' },
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
    meta: {
      title: 'menu.payables',
      permission: 'purchasing.payable.read',
      menu: { group: 'purchasing', icon: Money, order: 3 },
    },
  },
];
