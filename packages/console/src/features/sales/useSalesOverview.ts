import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { showError } from '@/shared/errors';
import { today } from '@/shared/clock';
import { sumDecimals } from '@/shared/money';
import { useListRoute } from '@/components/useListRoute';
import { SalesOverviewQuery } from './reportQueries';

/** YYYY-MM-DD ± n days (calendar arithmetic in UTC, so no time zone shifts a day). */
export function shiftDay(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Every day from `from` to `to` (at most 400, as the API allows). */
function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length <= 400; d = shiftDay(d, 1)) out.push(d);
  return out;
}

const PALETTE = ['#2f6fed', '#67c23a', '#e6a23c', '#909399', '#9b59b6', '#1abc9c', '#f56c6c', '#34495e'];

/**
 * 销售概览: the period in the URL (default: the last 30 days). Cost and margin appear only when
 * the API returns them: for a role without sales.margin.read they are null and listed in
 * extensions.hiddenFields, and then no column, figure or series for them exists on the page.
 */
export function useSalesOverview() {
  const { t } = useI18n();
  const list = useListRoute(['from', 'to'] as const);
  const period = computed(() => {
    const to = list.filters.value.to || today();
    return { from: list.filters.value.from || shiftDay(to, -29), to };
  });
  const q = useQuery({ query: SalesOverviewQuery, variables: period, requestPolicy: 'network-only' });
  watch(q.error, (e) => e && showError(e));
  const overview = computed(() => q.data.value?.salesOverview ?? null);
  const hiddenFields = computed<string[]>(() => q.extensions.value?.hiddenFields ?? []);
  const withheld = (field: 'cogs' | 'margin' | 'revenue') =>
    hiddenFields.value.some((f) => f.startsWith('SalesOverview') && f.endsWith(`.${field}`));
  const showRevenue = computed(() => !!overview.value && overview.value.revenue !== null && !withheld('revenue'));
  const showCogs = computed(() => !!overview.value && overview.value.cogs !== null && !withheld('cogs'));
  const showMargin = computed(() => !!overview.value && overview.value.margin !== null && !withheld('margin'));
  const rows = computed(() => overview.value?.rows ?? []);
  const orders = computed(() => rows.value.reduce((s, r) => s + r.orders, 0));

  const chartOption = computed(() => {
    const ov = overview.value;
    if (!ov) return null;
    const days = daysOf(ov.from, ov.to);
    const channels = [...new Set([...rows.value.map((r) => r.channelCode), ...ov.days.map((d) => d.channelCode)])];
    const nameOf = (code: string) => rows.value.find((r) => r.channelCode === code)?.channelName ?? code;
    // the chart reads the decimal strings as they come; sums per day are exact (sumDecimals)
    const series: Record<string, any>[] = showRevenue.value
      ? channels.map((code, i) => ({
          name: nameOf(code),
          type: 'bar',
          stack: 'revenue',
          barMaxWidth: 18,
          color: PALETTE[i % PALETTE.length],
          data: days.map((d) => ov.days.find((x) => x.day === d && x.channelCode === code)?.revenue ?? null),
        }))
      : [];
    if (showMargin.value) {
      series.push({
        name: t('salesOverview.margin'),
        type: 'line',
        symbol: 'circle',
        symbolSize: 4,
        color: '#f56c6c',
        data: days.map((d) => {
          const mine = ov.days.filter((x) => x.day === d);
          return mine.length ? sumDecimals(mine.map((x) => x.margin)) : null;
        }),
      });
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value' },
      series,
    };
  });

  return { list, period, q, overview, rows, orders, showRevenue, showCogs, showMargin, chartOption };
}
