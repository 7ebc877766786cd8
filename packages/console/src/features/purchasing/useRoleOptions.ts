import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { can } from '@/shared/session';
import { RoleOptionsForRulesQuery } from './queries';

/** Role codes with their names where the user may read them; the code itself otherwise. */
export function useRoleOptions() {
  const { locale } = useI18n();
  const q = useQuery({ query: RoleOptionsForRulesQuery, pause: computed(() => !can('system.user.read')) });
  const options = computed(() =>
    (q.data.value?.roleOptions ?? []).map((r) => ({ code: r.code, name: locale.value === 'en' ? r.name : r.nameZh })),
  );
  const label = (code: string) => options.value.find((o) => o.code === code)?.name ?? code;
  return { options, label };
}
