import { useClientHandle, useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { downloadFile } from '@/shared/download';
import { showError } from '@/shared/errors';
import { useListRoute } from '@/components/useListRoute';
import type { SalesOrderFilter, SalesOrderSort, SalesOrderStatus } from '@/gql/graphql';
import { ExportSalesOrdersQuery, SalesOrdersQuery } from './salesOrderQueries';

/** Sales orders by status, search, channel and customer (filters in the URL), and their export. */
export function useSalesOrders() {
  const list = useListRoute(['status', 'search', 'channelId', 'customerId', 'sort'] as const);
  const handle = useClientHandle();
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
  async function exportXlsx() {
    const r = await handle.client
      .query(ExportSalesOrdersQuery, { filter: filter.value, xlsx: true }, { requestPolicy: 'network-only' })
      .toPromise();
    if (r.error || !r.data) return void showError(r.error);
    downloadFile(r.data.exportSalesOrders);
  }
  return { list, q, data: computed(() => q.data.value?.salesOrders), exportXlsx };
}
