import { createI18n } from 'vue-i18n';
import zhCN from '@/locales/zh-CN.json';

// zh-CN is the default and in the first load; English is fetched when someone picks it (or had picked it)
const zhCNFeatures = import.meta.glob<Record<string, any>>('../locales/*.zh-CN.json', {
  eager: true,
  import: 'default',
});
const enFeatures = import.meta.glob<Record<string, any>>('../locales/*.en.json', { import: 'default' });
const byName = <T>(files: Record<string, T>) =>
  Object.keys(files)
    .sort()
    .map((f) => files[f]);

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

type Messages = typeof zhCN;
const messages: Partial<Record<Locale, Messages>> = {
  'zh-CN': mergeMessages(zhCN, ...byName(zhCNFeatures)) as Messages,
};

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale() as Locale,
  fallbackLocale: 'zh-CN',
  messages: messages as Record<Locale, Messages>,
  missingWarn: false,
  fallbackWarn: false,
});

const loaded = new Set<Locale>(['zh-CN']);

/** Fetches a locale's messages once (English: its main file and every feature file). */
async function loadMessages(locale: Locale) {
  if (loaded.has(locale)) return;
  const [base, features] = await Promise.all([
    import('@/locales/en.json').then((m) => m.default),
    Promise.all(byName(enFeatures).map((load) => load())),
  ]);
  i18n.global.setLocaleMessage(locale, mergeMessages(base, ...features) as Messages);
  loaded.add(locale);
}

/** Before the app mounts: the saved locale's messages, so the first screen is never in the wrong language. */
export const localeReady: Promise<void> = loadMessages(initialLocale());

export async function setLocale(locale: Locale) {
  await loadMessages(locale);
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

document.documentElement.lang = initialLocale();
