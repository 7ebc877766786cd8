import { useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import { showError } from '@/shared/errors';
import { can } from '@/shared/session';
import { useListRoute } from '@/components/useListRoute';
import type { StockLevelFilter, StockLevelSort, StockLevelsQuery as Result } from '@/gql/graphql';
import { BinBalancesQuery, StockLevelsQuery } from './queries';

export type StockLevelRow = Result['stockLevels']['items'][number];

/** 现存量 with warehouse, category, search and sort in the URL; bins/batches of a chosen row (the page exports through ExportButton). */
export function useStockLevels() {
  const list = useListRoute(['warehouseId', 'categoryId', 'search', 'sort'] as const);
  const filter = computed(() => {
    const f = list.filters.value;
    const out: StockLevelFilter = {};
    if (f.warehouseId) out.warehouseId = f.warehouseId;
    if (f.categoryId) out.categoryId = f.categoryId;
    if (f.search) out.search = f.search;
    return out;
  });
  const variables = computed(() => {
    let sort = (list.filters.value.sort || undefined) as StockLevelSort | undefined;
    if (sort === 'VALUE' && !can('stock.cost.read')) sort = undefined;
    return { filter: filter.value, sort, page: list.page.value };
  });
  const q = useQuery({ query: StockLevelsQuery, variables });
  watch(q.error, (e) => e && showError(e));
  const hiddenFields = computed<string[]>(() => q.extensions.value?.hiddenFields ?? []);

  // the bins and batches of one row, in a drawer
  const selected = ref<StockLevelRow | null>(null);
  const bins = useQuery({
    query: BinBalancesQuery,
    variables: computed(() => ({ skuId: selected.value?.skuId ?? '', warehouseId: selected.value?.warehouseId ?? '' })),
    pause: computed(() => !selected.value),
  });
  watch(bins.error, (e) => e && showError(e));

  return {
    list,
    q,
    // one row per warehouse × SKU: a key for the table
    data: computed(() => {
      const d = q.data.value?.stockLevels;
      return d && { ...d, items: d.items.map((i) => ({ ...i, id: `${i.warehouseId}:${i.skuId}` })) };
    }),
    hiddenFields,
    /** the list's filter, as the export takes it */
    filter,
    selected,
    bins: computed(() => bins.data.value?.binBalances ?? []),
    binsLoading: bins.fetching,
  };
}
