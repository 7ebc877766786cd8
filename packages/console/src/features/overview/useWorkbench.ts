import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { showError } from '@/shared/errors';
import { WorkbenchQuery } from './workbenchQueries';

/** The workbench: the user's sections with their cards, and the charts of each section. */
export function useWorkbench() {
  const { t } = useI18n();
  const q = useQuery({ query: WorkbenchQuery, requestPolicy: 'cache-and-network' });
  watch(q.error, (e) => e && showError(e));
  const wb = computed(() => q.data.value?.workbench ?? null);
  const sections = computed(() =>
    (wb.value?.sections ?? []).map((s) => ({
      section: s,
      cards: wb.value!.cards.filter((c) => c.section === s),
      series: wb.value!.series.filter((x) => x.section === s),
    })),
  );
  /** A bar chart of one series: value (and value2 where the series has a second figure). */
  function option(series: {
    key: string;
    points: Array<{ label: string; value?: string | null; value2?: string | null }>;
  }) {
    const names = {
      stockByWarehouse: [t('workbench.series.now'), t('workbench.series.lastMonthEnd')],
      staffLeague: [t('workbench.series.revenue'), t('workbench.series.margin')],
    } as Record<string, string[]>;
    const [n1, n2] = names[series.key] ?? ['', ''];
    const has2 = series.points.some((p) => p.value2 !== null && p.value2 !== undefined);
    // the chart only draws; the figures stay decimal strings on the cards and in the tables
    const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: series.points.map((p) => p.label),
        axisLabel: { interval: 0, width: 90, overflow: 'truncate' },
      },
      yAxis: { type: 'value' },
      series: [
        { name: n1, type: 'bar', barMaxWidth: 22, color: '#2f6fed', data: series.points.map((p) => num(p.value)) },
        ...(has2
          ? [
              {
                name: n2,
                type: 'bar',
                barMaxWidth: 22,
                color: '#67c23a',
                data: series.points.map((p) => num(p.value2)),
              },
            ]
          : []),
      ],
    };
  }
  return { q, wb, sections, option };
}
