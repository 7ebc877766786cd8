import type { RouteRecordRaw } from 'vue-router';

export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./LoginPage.vue'),
    meta: { public: true, title: 'login.title' },
  },
];

/** Inside the shell, for any signed-in user (no menu entry: reached from the user menu). */
export const profileRoutes: RouteRecordRaw[] = [
  { path: 'profile', name: 'profile', component: () => import('./ProfilePage.vue'), meta: { title: 'profile.title' } },
  {
    path: 'profile/password',
    name: 'change-password',
    component: () => import('./ChangePasswordPage.vue'),
    meta: { title: 'password.title' },
  },
];
