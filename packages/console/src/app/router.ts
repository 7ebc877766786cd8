import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { authRoutes, profileRoutes } from '@/features/auth/routes';
import { alertRoutes } from '@/features/alerts/routes';
import { auditRoutes } from '@/features/audit/routes';
import { catalogRoutes } from '@/features/catalog/routes';
import { inventoryRoutes } from '@/features/inventory/routes';
import { purchasingRoutes } from '@/features/purchasing/routes';
import { salesRoutes } from '@/features/sales/routes';
import { promotionRoutes } from '@/features/promotions/routes';
import { overviewRoutes } from '@/features/overview/routes';
import { analyticsRoutes } from '@/features/analytics/routes';
import { roleRoutes } from '@/features/roles/routes';
import { stockRoutes } from '@/features/stock/routes';
import { stocktakeRoutes } from '@/features/stocktake/routes';
import { systemRoutes } from '@/features/system/routes';
import { integrationRoutes } from '@/features/integration/routes';
import { userRoutes } from '@/features/users/routes';
import AppShell from '@/layout/AppShell.vue';
import { i18n } from '@/shared/i18n';
import { can, clearSession, loadMe, session } from '@/shared/session';
import { onAuthError } from '@/shared/urql';

/** Pages inside the shell; the side menu is built from their meta. */
export const shellRoutes: RouteRecordRaw[] = [
  ...overviewRoutes,
  ...analyticsRoutes,
  ...userRoutes,
  ...roleRoutes,
  ...auditRoutes,
  ...catalogRoutes,
  ...stockRoutes,
  ...inventoryRoutes,
  ...stocktakeRoutes,
  ...purchasingRoutes,
  ...salesRoutes,
  ...promotionRoutes,
  ...systemRoutes,
  ...integrationRoutes,
  ...profileRoutes,
  ...alertRoutes,
  {
    path: '403',
    name: 'forbidden',
    component: () => import('@/layout/ForbiddenPage.vue'),
    meta: { title: 'forbidden.title' },
  },
  {
    path: ':pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/layout/NotFoundPage.vue'),
    meta: { title: 'notFound.title' },
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes: [...authRoutes, { path: '/', component: AppShell, children: shellRoutes }],
});

router.beforeEach(async (to) => {
  if (!session.loaded) {
    try {
      await loadMe();
    } catch {
      clearSession();
    }
  }
  const me = session.me;
  if (to.meta.public) {
    if (me && to.name === 'login') return { path: '/' };
    return true;
  }
  if (!me) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (me.user.mustChangePassword && to.name !== 'change-password') return { name: 'change-password' };
  if (to.meta.permission && !can(to.meta.permission)) {
    return { name: 'forbidden', query: { from: to.fullPath } };
  }
  return true;
});

router.afterEach((to) => {
  const title = to.meta.title ? i18n.global.t(to.meta.title) : '';
  document.title = title ? `${title} · jxc 进销存` : 'jxc 进销存';
});

// a request found the session gone: back to the sign-in page
onAuthError(() => {
  const current = router.currentRoute.value;
  clearSession();
  if (!current.meta.public) {
    void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  }
});
