import { DataAnalysis, Finished } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 盘点: counts (list, the counting page for a phone, the review) and their analysis (accuracy, ABC classes). */
export const stocktakeRoutes: RouteRecordRaw[] = [
  {
    path: 'stock/counts',
    name: 'stocktakes',
    component: () => import('./StocktakesPage.vue'),
    meta: {
      title: 'menu.stocktakes',
      permission: 'stock.count.perform',
      menu: { group: 'stock', icon: Finished, order: 6 },
    },
  },
  {
    path: 'stock/counts/:id(\\d+)/count',
    name: 'stocktake-count',
    component: () => import('./StocktakeCountPage.vue'),
    props: true,
    meta: { title: 'stocktake.count.title', permission: 'stock.count.perform' },
  },
  {
    path: 'stock/counts/:id(\\d+)',
    name: 'stocktake',
    component: () => import('./StocktakePage.vue'),
    props: true,
    meta: { title: 'stocktake.review.title', permission: 'stock.count.read' },
  },
  {
    path: 'stock/counts/:id(\\d+)/print',
    name: 'stocktake-print',
    component: () => import('./StocktakePrint.vue'),
    props: true,
    meta: { title: 'print.titles.STOCKTAKE' },
  },
  {
    path: 'stock/count-analysis',
    name: 'stock-count-analysis',
    component: () => import('./StockCountAnalysisPage.vue'),
    meta: {
      title: 'menu.stockCountAnalysis',
      permission: 'stock.count.read',
      menu: { group: 'stock', icon: DataAnalysis, order: 7 },
    },
  },
];
