import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { showError } from '@/shared/errors';
import { useListRoute } from '@/components/useListRoute';
import type { SalesOrderFilter, SalesOrderSort, SalesOrderStatus } from '@/gql/graphql';
import { SalesOrdersQuery } from './salesOrderQueries';

/** Sales orders by status, search, channel and customer (filters in the URL); `exportFilter` is the same for the export. */
export function useSalesOrders() {
  const list = useListRoute(['status', 'search', 'channelId', 'customerId', 'sort'] as const);
  const filter = computed(() => {
    const f = list.filters.value;
    const out: SalesOrderFilter = {};
    if (f.status) out.status = f.status as SalesOrderStatus;
    if (f.search) out.search = f.search;
    if (f.channelId) out.channelId = f.channelId;
    if (f.customerId) out.customerId = f.customerId;
    return out;
  });
  const variables = computed(() => ({
    filter: filter.value,
    page: list.page.value,
    sort: (list.filters.value.sort || null) as SalesOrderSort | null,
  }));
  const q = useQuery({ query: SalesOrdersQuery, variables, requestPolicy: 'cache-and-network' });
  watch(q.error, (e) => e && showError(e));
  return {
    list,
    q,
    data: computed(() => q.data.value?.salesOrders),
    exportFilter: computed(() => ({ filter: filter.value, sort: variables.value.sort })),
  };
}
