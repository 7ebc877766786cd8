import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { showError } from '@/shared/errors';
import { useListRoute } from '@/components/useListRoute';
import type { StockDocStatus, StockDocType, StockDocumentFilter } from '@/gql/graphql';
import { StockDocumentsQuery } from './queries';

/** Stock documents by type, status, warehouse, number and date, filters in the URL. */
export function useStockDocuments() {
  const list = useListRoute(['type', 'status', 'warehouseId', 'number', 'from', 'to'] as const);
  const variables = computed(() => {
    const f = list.filters.value;
    const filter: StockDocumentFilter = {};
    if (f.type) filter.type = f.type as StockDocType;
    if (f.status) filter.status = f.status as StockDocStatus;
    if (f.warehouseId) filter.warehouseId = f.warehouseId;
    if (f.number) filter.number = f.number;
    if (f.from) filter.from = f.from;
    if (f.to) filter.to = f.to;
    return { filter, page: list.page.value };
  });
  const q = useQuery({ query: StockDocumentsQuery, variables });
  watch(q.error, (e) => e && showError(e));
  return {
    list,
    q,
    data: computed(() => q.data.value?.stockDocuments),
    filter: computed(() => variables.value.filter),
  };
}
