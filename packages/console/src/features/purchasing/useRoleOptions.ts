import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { can } from '@/shared/session';
import { RoleOptionsForRulesQuery } from './queries';

/**
 * Role codes with their names: from the server where the user may read them, else the built-in roles'
 * names from the messages (a purchaser sees 采购员, not `purchaser`); an unknown code shows as it is.
 */
export function useRoleOptions() {
  const { locale, t, te } = useI18n();
  const q = useQuery({ query: RoleOptionsForRulesQuery, pause: computed(() => !can('system.user.read')) });
  const options = computed(() =>
    (q.data.value?.roleOptions ?? []).map((r) => ({ code: r.code, name: locale.value === 'en' ? r.name : r.nameZh })),
  );
  const label = (code: string) =>
    options.value.find((o) => o.code === code)?.name ?? (te(`builtinRoles.${code}`) ? t(`builtinRoles.${code}`) : code);
  const labels = (codes: readonly string[]) => codes.map(label).join(locale.value === 'en' ? ', ' : '、');
  return { options, label, labels };
}
