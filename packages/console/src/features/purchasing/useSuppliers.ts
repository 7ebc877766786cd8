import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { showError } from '@/shared/errors';
import { useListRoute } from '@/components/useListRoute';
import type { SupplierFilter, SupplierStatus } from '@/gql/graphql';
import { SuppliersQuery } from './queries';

/** Suppliers by code/name and status, filters in the URL. */
export function useSuppliers() {
  const list = useListRoute(['search', 'status'] as const);
  const variables = computed(() => {
    const f = list.filters.value;
    const filter: SupplierFilter = {};
    if (f.search) filter.search = f.search;
    if (f.status) filter.status = f.status as SupplierStatus;
    return { filter, page: list.page.value };
  });
  const q = useQuery({ query: SuppliersQuery, variables });
  watch(q.error, (e) => e && showError(e));
  return { list, q, data: computed(() => q.data.value?.suppliers), filter: computed(() => variables.value.filter) };
}

/** All suppliers (up to 200) for pickers. */
export function useSupplierOptions() {
  const q = useQuery({ query: SuppliersQuery, variables: { page: { limit: 200 } } });
  return computed(() => q.data.value?.suppliers.items ?? []);
}
