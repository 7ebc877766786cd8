import { useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { showError } from '@/shared/errors';
import { formatRate } from '@/shared/money';
import { useListRoute } from '@/components/useListRoute';
import { DeliveriesQuery, ScorecardsQuery } from './queries';

/** 供应商考核: scorecards per period (filters in the URL), a chart of one supplier, the receipts behind a card. */
export function useScorecards() {
  const { t } = useI18n();
  const list = useListRoute(['supplierId', 'bucket', 'from', 'to'] as const);
  const f = list.filters;
  const variables = computed(() => ({
    supplierId: f.value.supplierId || undefined,
    bucket: (f.value.bucket || 'QUARTER') as any,
    from: f.value.from || undefined,
    to: f.value.to || undefined,
  }));
  const q = useQuery({
    query: ScorecardsQuery,
    variables,
    requestPolicy: 'network-only',
  });
  watch(q.error, (e) => e && showError(e));
  const cards = computed(() => q.data.value?.supplierScorecards ?? []);

  const chartOption = computed(() => {
    if (!f.value.supplierId) return null;
    const mine = cards.value.filter((c) => c.supplierId === f.value.supplierId);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: mine.map((c) => c.period) },
      yAxis: [
        { type: 'value', name: '%', max: 100 },
        { type: 'value', name: t('purchasing.scorecard.daysLate'), splitLine: { show: false } },
      ],
      series: [
        // the chart reads the percentages as strings ("14.3"), shifted without floating point
        {
          name: t('purchasing.scorecard.onTimeRate'),
          type: 'line',
          data: mine.map((c) => formatRate(c.onTimeRate).replace('%', '')),
          color: '#67c23a',
        },
        {
          name: t('purchasing.scorecard.rejectRate'),
          type: 'line',
          data: mine.map((c) => formatRate(c.rejectRate).replace('%', '')),
          color: '#f56c6c',
        },
        {
          name: t('purchasing.scorecard.averageDaysLate'),
          type: 'bar',
          yAxisIndex: 1,
          data: mine.map((c) => c.averageDaysLate),
          color: '#e6a23c',
          barMaxWidth: 24,
        },
      ],
    };
  });

  // drill-down: the receipts of one supplier in one period
  const drill = ref<{ supplierId: string; period: string } | null>(null);
  const range = computed(() => {
    const d = drill.value;
    if (!d) return null;
    const [y, p] = d.period.split('-');
    if (p.startsWith('Q')) {
      const q0 = (Number(p.slice(1)) - 1) * 3 + 1;
      return { from: `${y}-${String(q0).padStart(2, '0')}-01`, to: lastDay(Number(y), q0 + 2) };
    }
    return { from: `${y}-${p}-01`, to: lastDay(Number(y), Number(p)) };
  });
  const dq = useQuery({
    query: DeliveriesQuery,
    variables: computed(() => ({
      supplierId: drill.value?.supplierId ?? '',
      from: range.value?.from,
      to: range.value?.to,
    })),
    pause: computed(() => !drill.value),
  });
  const deliveries = computed(() => dq.data.value?.supplierDeliveries ?? []);
  /** the list's filter (the query's arguments), as the export takes it */
  return { list, q, filter: variables, cards, chartOption, drill, deliveries, dq };
}

function lastDay(year: number, month: number) {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}
