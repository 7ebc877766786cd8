import { Document, Histogram, List, Tickets } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 库存: levels, documents, the stock card and valuation (the warehouses page is in features/stock). */
export const inventoryRoutes: RouteRecordRaw[] = [
  {
    path: 'inventory/levels',
    name: 'stock-levels',
    component: () => import('./StockLevelsPage.vue'),
    meta: {
      title: 'menu.stockLevels',
      permission: 'stock.balance.read',
      menu: { group: 'stock', icon: List, order: 2 },
    },
  },
  {
    path: 'inventory/documents',
    name: 'stock-documents',
    component: () => import('./StockDocumentsPage.vue'),
    meta: {
      title: 'menu.stockDocuments',
      permission: 'stock.balance.read',
      menu: { group: 'stock', icon: Document, order: 3 },
    },
  },
  {
    // one record for a new draft ("new") and an existing document, so saving a new draft keeps the page
    path: 'inventory/documents/:id(new|\\d+)',
    name: 'stock-document',
    component: () => import('./StockDocumentPage.vue'),
    props: true,
    meta: { title: 'inventory.doc.detail', permission: 'stock.balance.read' },
  },
  {
    path: 'inventory/documents/:id(\\d+)/print',
    name: 'stock-document-print',
    component: () => import('./StockDocumentPrint.vue'),
    props: true,
    meta: { title: 'inventory.print.title', permission: 'stock.balance.read' },
  },
  {
    path: 'inventory/card',
    name: 'stock-card',
    component: () => import('./StockCardPage.vue'),
    meta: {
      title: 'menu.stockCard',
      permission: 'stock.balance.read',
      menu: { group: 'stock', icon: Tickets, order: 4 },
    },
  },
  {
    path: 'inventory/valuation',
    name: 'valuation',
    component: () => import('./ValuationPage.vue'),
    meta: {
      title: 'menu.valuation',
      permission: 'stock.cost.read',
      menu: { group: 'stock', icon: Histogram, order: 5 },
    },
  },
];
