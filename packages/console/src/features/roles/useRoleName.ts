import { useI18n } from 'vue-i18n';

/** A role's name in the current language. */
export function useRoleName() {
  const { locale } = useI18n();
  return (r: { name: string; nameZh?: string | null }) => (locale.value === 'zh-CN' && r.nameZh ? r.nameZh : r.name);
}
