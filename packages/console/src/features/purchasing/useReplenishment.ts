import { useMutation, useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { showError } from '@/shared/errors';
import { useListRoute } from '@/components/useListRoute';
import { CreateOrdersFromSuggestionsMutation, DemandForecastQuery, ReplenishmentQuery } from './queries';

/** Rows per page of the replenishment list (fixed in its query, see queries.ts). */
export const REPLENISHMENT_PAGE = 50;

/** 补货建议 of one warehouse; warehouse and filters in the URL, the chosen SKU's chart beside. */
export function useReplenishment() {
  const { t } = useI18n();
  const list = useListRoute(
    ['warehouseId', 'search', 'supplierId', 'abcClass', 'onlyToOrder'] as const,
    REPLENISHMENT_PAGE,
  );
  const f = list.filters;
  const ready = computed(() => !!f.value.warehouseId);
  /** The warehouse and filters as the list query takes them (the export sends the same). */
  const exportFilter = computed(() => ({
    warehouseId: f.value.warehouseId,
    filter: {
      search: f.value.search || undefined,
      supplierId: f.value.supplierId || undefined,
      abcClass: f.value.abcClass || undefined,
      onlyToOrder: f.value.onlyToOrder === '1' || undefined,
    },
  }));
  const q = useQuery({
    query: ReplenishmentQuery,
    variables: computed(() => ({
      ...exportFilter.value,
      // a page of 50 at a time: the server forecasts only the page's SKUs
      offset: (list.page.value.offset / list.page.value.limit) * REPLENISHMENT_PAGE,
    })),
    pause: computed(() => !ready.value),
    requestPolicy: 'network-only',
  });
  watch(q.error, (e) => e && showError(e));
  const page = computed(() => (ready.value ? (q.data.value?.replenishmentPage ?? null) : null));
  const rows = computed(() => page.value?.items ?? []);

  // the quantity to order per SKU starts at the suggestion and may be changed before ordering
  const qty = ref<Record<string, string>>({});
  watch(rows, (rs) => {
    qty.value = Object.fromEntries(rs.map((r) => [r.skuId, r.suggested && r.suggested !== '0' ? r.suggested : '']));
  });
  const selected = ref<string[]>([]);

  const chartSku = ref<string | null>(null);
  const fq = useQuery({
    query: DemandForecastQuery,
    variables: computed(() => ({ warehouseId: f.value.warehouseId, skuId: chartSku.value ?? '' })),
    pause: computed(() => !ready.value || !chartSku.value),
  });
  watch(fq.error, (e) => e && showError(e));
  const weekly = ref(false);
  const chartOption = computed(() => {
    const d0 = fq.data.value?.demandForecast;
    if (!d0) return null;
    // weekly: ISO weeks of the history (the forecast stays daily, on the days after)
    const d = weekly.value ? { history: d0.weekly, forecast: [] as typeof d0.forecast } : d0;
    const dates = [...d.history.map((p) => p.date), ...d.forecast.map((p) => p.date)];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: dates },
      yAxis: {
        type: 'value',
        name: weekly.value ? t('purchasing.replenishment.perWeek') : t('purchasing.replenishment.perDay'),
      },
      series: [
        {
          name: t('purchasing.replenishment.history'),
          type: 'bar',
          data: [...d.history.map((p) => p.qty), ...d.forecast.map(() => null)],
          color: '#2f6fed',
        },
        {
          name: t('purchasing.replenishment.forecast'),
          type: 'line',
          data: [...d.history.map(() => null), ...d.forecast.map((p) => p.qty)],
          color: '#e6a23c',
          symbol: 'none',
        },
      ],
    };
  });

  const create = useMutation(CreateOrdersFromSuggestionsMutation);
  async function createOrders() {
    const lines = selected.value.filter((id) => qty.value[id]).map((id) => ({ skuId: id, qty: qty.value[id] }));
    const r = await create.executeMutation({ warehouseId: f.value.warehouseId, lines });
    if (r.error) {
      showError(r.error);
      return null;
    }
    selected.value = [];
    // the page is left for the new order(s); coming back reads the list again (network-only)
    return r.data?.createPurchaseOrdersFromSuggestions ?? [];
  }

  return {
    exportFilter,
    list,
    q,
    page,
    rows,
    ready,
    qty,
    selected,
    chartSku,
    fq,
    chartOption,
    weekly,
    createOrders,
    creating: computed(() => create.fetching.value),
  };
}
