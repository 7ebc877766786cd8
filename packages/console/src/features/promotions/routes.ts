import { DataAnalysis, Discount, Present, Ticket, ShoppingCart, Trophy } from '@element-plus/icons-vue';
import type { RouteRecordRaw } from 'vue-router';

/** 促销: promotions (by status, the form, approval), the simulator and coupons. */
export const promotionRoutes: RouteRecordRaw[] = [
  {
    path: 'promotions',
    name: 'promotions',
    component: () => import('./PromotionsPage.vue'),
    meta: {
      title: 'menu.promotions',
      permission: 'sales.promotion.read',
      menu: { group: 'sales', icon: Discount, order: 6 },
    },
  },
  {
    path: 'promotions/simulator',
    name: 'promotion-simulator',
    component: () => import('./SimulatorPage.vue'),
    meta: {
      title: 'menu.promotionSimulator',
      permission: 'sales.promotion.read',
      menu: { group: 'sales', icon: ShoppingCart, order: 7 },
    },
  },
  {
    path: 'promotions/coupons',
    name: 'coupons',
    component: () => import('./CouponsPage.vue'),
    meta: {
      title: 'menu.coupons',
      permission: 'sales.promotion.read',
      menu: { group: 'sales', icon: Ticket, order: 8 },
    },
  },
  {
    path: 'promotions/effect',
    name: 'promotion-effect',
    component: () => import('./EffectPage.vue'),
    meta: {
      title: 'menu.promotionEffect',
      permission: 'sales.promotion.read',
      menu: { group: 'sales', icon: DataAnalysis, order: 9 },
    },
  },
  // 抽奖 and 生日礼 (LuckyDraw*Page, BirthdayOffersPage)
  {
    path: 'promotions/draws',
    name: 'lucky-draws',
    component: () => import('./LuckyDrawsPage.vue'),
    meta: {
      title: 'menu.luckyDraws',
      permission: 'sales.promotion.read',
      menu: { group: 'sales', icon: Trophy, order: 10 },
    },
  },
  {
    path: 'promotions/draws/:id(\\d+)',
    name: 'lucky-draw',
    component: () => import('./LuckyDrawPage.vue'),
    props: true,
    meta: { title: 'menu.luckyDraws', permission: 'sales.promotion.read' },
  },
  {
    path: 'promotions/birthdays',
    name: 'birthday-offers',
    component: () => import('./BirthdayOffersPage.vue'),
    meta: {
      title: 'menu.birthdayOffers',
      permission: 'sales.promotion.read',
      menu: { group: 'sales', icon: Present, order: 11 },
    },
  },
];
