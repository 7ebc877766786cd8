import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { can } from '@/shared/session';
import { useListRoute } from '@/components/useListRoute';
import type { UserFilter, UserSort } from '@/gql/graphql';
import { UsersQuery } from './queries';

/** The staff directory with its filters in the URL (search, role, active, sort). */
export function useUserList() {
  const list = useListRoute(['search', 'role', 'active', 'sort'] as const);
  const variables = computed(() => {
    const f = list.filters.value;
    const filter: UserFilter = {};
    if (f.search) filter.search = f.search;
    if (f.role) filter.roleCode = f.role;
    if (f.active === 'true' || f.active === 'false') filter.active = f.active === 'true';
    let sort = (f.sort || undefined) as UserSort | undefined;
    if (sort === 'EMAIL' && !can('system.user.contact.read')) sort = undefined;
    return { filter, sort, page: list.page.value };
  });
  const q = useQuery({ query: UsersQuery, variables });
  const hiddenFields = computed<string[]>(() => q.extensions.value?.hiddenFields ?? []);
  return {
    list,
    q,
    data: computed(() => q.data.value?.users),
    hiddenFields,
    /** the list's filter, as the export takes it */
    filter: computed(() => variables.value.filter),
    reload: () => q.executeQuery(),
  };
}
