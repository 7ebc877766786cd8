import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { showError } from '@/shared/errors';
import { useListRoute } from '@/components/useListRoute';
import type { PurchaseOrderFilter, PurchaseOrderStatus } from '@/gql/graphql';
import { PurchaseOrdersQuery } from './queries';

/** Purchase orders by status, number and "awaiting my decision", filters in the URL. */
export function usePurchaseOrders() {
  const list = useListRoute(['status', 'number', 'awaiting'] as const);
  const variables = computed(() => {
    const f = list.filters.value;
    const filter: PurchaseOrderFilter = {};
    if (f.status) filter.status = f.status as PurchaseOrderStatus;
    if (f.number) filter.number = f.number;
    if (f.awaiting === '1') filter.awaitingMyDecision = true;
    return { filter, page: list.page.value };
  });
  const q = useQuery({ query: PurchaseOrdersQuery, variables, requestPolicy: 'cache-and-network' });
  watch(q.error, (e) => e && showError(e));
  return {
    list,
    q,
    data: computed(() => q.data.value?.purchaseOrders),
    filter: computed(() => variables.value.filter),
  };
}
