import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { showError } from '@/shared/errors';
import { today } from '@/shared/clock';
import { useListRoute } from '@/components/useListRoute';
import type { ValuationGroup } from '@/gql/graphql';
import { CostOfGoodsIssuedQuery, ValuationQuery, ValuationSkusQuery } from './queries';

const monthStart = () => today().slice(0, 8) + '01';

/** Valuation at a date (by warehouse, by category, the top 20 SKUs) and cost of goods issued in a period. */
export function useValuation() {
  const list = useListRoute(['date', 'chart', 'from', 'to', 'groupBy', 'warehouseId', 'sku'] as const);
  const f = list.filters;
  const date = computed(() => f.value.date || today());
  const chart = computed(() => (f.value.chart === 'pie' ? 'pie' : 'bar'));
  const q = useQuery({ query: ValuationQuery, variables: computed(() => ({ date: date.value })) });
  watch(q.error, (e) => e && showError(e));

  // every SKU's value, searched by code or name (the top 20 leave most SKUs out)
  const skuSearch = computed(() => f.value.sku.trim().toLowerCase());
  const allSkus = useQuery({
    query: ValuationSkusQuery,
    variables: computed(() => ({ date: date.value })),
    pause: computed(() => !skuSearch.value),
  });
  watch(allSkus.error, (e) => e && showError(e));
  const skuRows = computed(() =>
    skuSearch.value
      ? (allSkus.data.value?.valuation ?? []).filter((r) => r.label.toLowerCase().includes(skuSearch.value))
      : null,
  );

  const from = computed(() => f.value.from || monthStart());
  const to = computed(() => f.value.to || today());
  const groupBy = computed<ValuationGroup>(() => (f.value.groupBy === 'WAREHOUSE' ? 'WAREHOUSE' : 'SKU'));
  const cogi = useQuery({
    query: CostOfGoodsIssuedQuery,
    variables: computed(() => ({
      from: from.value,
      to: to.value,
      groupBy: groupBy.value,
      warehouseId: f.value.warehouseId || undefined,
    })),
  });
  watch(cogi.error, (e) => e && showError(e));

  const byWarehouse = computed(() => q.data.value?.byWarehouse ?? []);
  const option = computed(() => {
    const rows = byWarehouse.value;
    if (!rows.length) return null;
    // decimal strings go to ECharts as they are
    if (chart.value === 'pie') {
      return {
        tooltip: { trigger: 'item' },
        series: [
          {
            type: 'pie',
            radius: ['35%', '62%'],
            label: { formatter: '{b}\n{c}' },
            data: rows.map((r) => ({ name: r.label, value: r.value })),
          },
        ],
      };
    }
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 16, top: 20, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', barMaxWidth: 48, data: rows.map((r) => r.value), color: '#2f6fed' }],
    };
  });

  return {
    list,
    q,
    cogi,
    date,
    chart,
    from,
    to,
    groupBy,
    option,
    byWarehouse,
    byCategory: computed(() => q.data.value?.byCategory ?? []),
    topSkus: computed(() => q.data.value?.topSkus ?? []),
    cogiRows: computed(() => cogi.data.value?.costOfGoodsIssued ?? []),
    skuRows,
    skuFetching: allSkus.fetching,
    setSkuSearch: (text: string) => list.set({ sku: text.trim() }),
    setDate: (d: string | null) => list.set({ date: d ?? '' }),
    setChart: (c: string) => list.set({ chart: c === 'pie' ? 'pie' : '' }),
    setPeriod: (p: { from?: string | null; to?: string | null; groupBy?: string; warehouseId?: string | null }) =>
      list.set({
        ...(p.from !== undefined ? { from: p.from ?? '' } : {}),
        ...(p.to !== undefined ? { to: p.to ?? '' } : {}),
        ...(p.groupBy ? { groupBy: p.groupBy === 'SKU' ? '' : p.groupBy } : {}),
        ...(p.warehouseId !== undefined ? { warehouseId: p.warehouseId ?? '' } : {}),
      }),
  };
}
