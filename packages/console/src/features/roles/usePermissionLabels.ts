import { useI18n } from 'vue-i18n';

export function usePermissionLabels() {
  const { t, te } = useI18n();
  return {
    permission: (code: string) => (te(`permissions.${code}`) ? t(`permissions.${code}`) : code),
    area: (area: string) => (te(`permissionAreas.${area}`) ? t(`permissionAreas.${area}`) : area),
  };
}
