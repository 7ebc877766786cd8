import { createI18n } from 'vue-i18n';
import en from '@/locales/en.json';
import zhCN from '@/locales/zh-CN.json';
import catalogEn from '@/locales/catalog.en.json';
import catalogZhCN from '@/locales/catalog.zh-CN.json';
import inventoryEn from '@/locales/inventory.en.json';
import inventoryZhCN from '@/locales/inventory.zh-CN.json';
import purchasingEn from '@/locales/purchasing.en.json';
import purchasingZhCN from '@/locales/purchasing.zh-CN.json';
import salesEn from '@/locales/sales.en.json';
import salesZhCN from '@/locales/sales.zh-CN.json';
import pricingEn from '@/locales/pricing.en.json';
import pricingZhCN from '@/locales/pricing.zh-CN.json';
import salesreportsEn from '@/locales/salesreports.en.json';
import salesreportsZhCN from '@/locales/salesreports.zh-CN.json';
import ordersEn from '@/locales/orders.en.json';
import ordersZhCN from '@/locales/orders.zh-CN.json';
import stocktakeEn from '@/locales/stocktake.en.json';
import stocktakeZhCN from '@/locales/stocktake.zh-CN.json';
import analyticsEn from '@/locales/analytics.en.json';
import analyticsZhCN from '@/locales/analytics.zh-CN.json';
import promotionsEn from '@/locales/promotions.en.json';
import promotionsZhCN from '@/locales/promotions.zh-CN.json';
import integrationEn from '@/locales/integration.en.json';
import integrationZhCN from '@/locales/integration.zh-CN.json';

/** Feature locale files (`<area>.<locale>.json`) are merged key by key into the main ones. */
function mergeMessages(base: Record<string, any>, ...extra: Record<string, any>[]): Record<string, any> {
  const out: Record<string, any> = { ...base };
  for (const e of extra) {
    for (const [k, v] of Object.entries(e)) {
      out[k] =
        v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object'
          ? mergeMessages(out[k], v)
          : v;
    }
  }
  return out;
}

export type Locale = 'zh-CN' | 'en';
export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
];
const STORAGE_KEY = 'jxc.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: {
    'zh-CN': mergeMessages(
      zhCN,
      catalogZhCN,
      inventoryZhCN,
      purchasingZhCN,
      salesZhCN,
      pricingZhCN,
      salesreportsZhCN,
      ordersZhCN,
      promotionsZhCN,
      stocktakeZhCN,
      analyticsZhCN,
      integrationZhCN,
    ) as typeof zhCN,
    en: mergeMessages(
      en,
      catalogEn,
      inventoryEn,
      purchasingEn,
      salesEn,
      pricingEn,
      salesreportsEn,
      ordersEn,
      promotionsEn,
      stocktakeEn,
      analyticsEn,
      integrationEn,
    ) as typeof en,
  },
  missingWarn: false,
  fallbackWarn: false,
});

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

document.documentElement.lang = initialLocale();
