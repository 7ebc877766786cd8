import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { showError } from '@/shared/errors';
import { can } from '@/shared/session';
import { useListRoute } from '@/components/useListRoute';
import type { CustomerFilter } from '@/gql/graphql';
import { CustomersQuery, SalesOptionsQuery, SalesOwnersQuery } from './queries';

/** Customers by code/name, tier, channel and (for those who see all customers) owner; filters in the URL. */
export function useCustomers() {
  const list = useListRoute(['search', 'tierId', 'channelId', 'ownerId'] as const);
  const variables = computed(() => {
    const f = list.filters.value;
    const filter: CustomerFilter = {};
    if (f.search) filter.search = f.search;
    if (f.tierId) filter.tierId = f.tierId;
    if (f.channelId) filter.channelId = f.channelId;
    if (f.ownerId && can('sales.customer.all')) filter.ownerId = f.ownerId;
    return { filter, page: list.page.value };
  });
  const q = useQuery({ query: CustomersQuery, variables, requestPolicy: 'cache-and-network' });
  watch(q.error, (e) => e && showError(e));
  return {
    list,
    q,
    data: computed(() => q.data.value?.customers),
    filter: computed(() => variables.value.filter),
    hiddenFields: computed<string[]>(() => q.extensions.value?.hiddenFields ?? []),
  };
}

/** Tiers and channels for filters and forms; the staff for the owner filter. */
export function useSalesOptions() {
  const q = useQuery({ query: SalesOptionsQuery });
  const owners = useQuery({
    query: SalesOwnersQuery,
    pause: computed(() => !can('sales.customer.all') || !can('system.user.read')),
  });
  return {
    q,
    tiers: computed(() => q.data.value?.customerTiers ?? []),
    channels: computed(() => q.data.value?.salesChannels ?? []),
    owners: computed(() => owners.data.value?.users.items ?? []),
  };
}
