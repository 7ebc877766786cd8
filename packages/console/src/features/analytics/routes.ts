import { DataAnalysis, Document, Finished, House, Trophy, Warning } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

export const analyticsRoutes: RouteRecordRaw[] = [
  {
    path: 'analytics',
    name: 'analytics',
    component: () => import('./AnalysisPage.vue'),
    meta: {
      title: 'menu.analytics',
      permission: 'report.cost.read',
      menu: { group: 'workspace', icon: DataAnalysis, order: 2 },
    },
  },
  {
    // each person sees their own figures; report.staff.read everyone's
    path: 'analytics/staff',
    name: 'staff-performance',
    component: () => import('./StaffPage.vue'),
    meta: { title: 'menu.staff', menu: { group: 'workspace', icon: Trophy, order: 3 } },
  },
  {
    path: 'finance/statements',
    name: 'statements',
    component: () => import('./StatementPage.vue'),
    meta: {
      title: 'menu.statements',
      permission: 'sales.receivable.read',
      menu: { group: 'sales', icon: Document, order: 9 },
    },
  },
  {
    // 期末结账: the close checklist, closing through a day, the voucher export and its accounts
    path: 'finance/period-close',
    name: 'period-close',
    component: () => import('./PeriodClosePage.vue'),
    meta: {
      title: 'menu.periodClose',
      permission: 'system.settings.read',
      menu: { group: 'sales', icon: Finished, order: 10 },
    },
  },
  {
    // 对账单 printed in the admin's template (the statement's own API permission: receivables or payables)
    path: 'finance/statements/print',
    name: 'statement-print',
    component: () => import('./StatementPrint.vue'),
    props: (r) => ({
      party: String(r.query.party ?? 'CUSTOMER'),
      partyId: String(r.query.partyId ?? ''),
      from: String(r.query.from ?? ''),
      to: String(r.query.to ?? ''),
    }),
    meta: { title: 'menu.statements' },
  },
  {
    // 仓储费: the accountant enters a warehouse's monthly fees and sees their allocation to SKUs
    path: 'analytics/warehouse-fees',
    name: 'warehouse-fees',
    component: () => import('./WarehouseFeesPage.vue'),
    meta: {
      title: 'menu.warehouseFees',
      permission: 'stock.cost.read',
      menu: { group: 'stock', icon: House, order: 8 },
    },
  },
  {
    path: 'analytics/stock',
    name: 'stock-risk',
    component: () => import('./StockRiskPage.vue'),
    meta: {
      title: 'menu.stockRisk',
      permission: 'stock.balance.read',
      menu: { group: 'stock', icon: Warning, order: 6 },
    },
  },
];
