import type { RouteRecordRaw } from 'vue-router';

/** 每日摘要: any signed-in user's daily digests of unread alerts (reached from the bell, no menu entry). */
export const alertRoutes: RouteRecordRaw[] = [
  {
    path: 'alerts/digests',
    name: 'alert-digests',
    component: () => import('./DigestsPage.vue'),
    meta: { title: 'alerts.digestsTitle' },
  },
];
