import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { OverviewQuery } from './queries';

type DayCount = { day: string; count: number };

/** The overview figures; a figure the user may not see is null and its card is left out. */
export function useOverview() {
  const { t } = useI18n();
  const q = useQuery({ query: OverviewQuery });
  const o = computed(() => q.data.value?.overview);

  const days = (...series: (DayCount[] | null | undefined)[]) => {
    const set = new Set<string>();
    for (const s of series) for (const d of s ?? []) set.add(d.day);
    return [...set].sort();
  };

  const loginsOption = computed(() => {
    const ok = o.value?.loginsByDay;
    const failed = o.value?.failedLoginsByDay;
    if (!ok && !failed) return null;
    const x = days(ok, failed);
    const val = (s: DayCount[] | null | undefined) => x.map((d) => s?.find((e) => e.day === d)?.count ?? 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: x.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...(ok
          ? [
              {
                name: t('overview.logins'),
                type: 'line',
                smooth: true,
                areaStyle: { opacity: 0.12 },
                data: val(ok),
                color: '#2f6fed',
              },
            ]
          : []),
        ...(failed
          ? [{ name: t('overview.failedLogins'), type: 'bar', barMaxWidth: 14, data: val(failed), color: '#f56c6c' }]
          : []),
      ],
    };
  });

  const changesOption = computed(() => {
    const c = o.value?.changesByDay;
    if (!c) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 20, bottom: 28 },
      xAxis: { type: 'category', data: c.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('overview.changes'), type: 'bar', barMaxWidth: 22, data: c.map((d) => d.count), color: '#67c23a' },
      ],
    };
  });

  const rolesOption = computed(() => {
    const r = o.value?.usersByRole;
    if (!r) return null;
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['36%', '58%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          label: { formatter: '{b}\n{c}', overflow: 'none', fontSize: 12, lineHeight: 16 },
          data: r.map((k) => ({ name: roleLabel(k.key), value: k.count })),
        },
      ],
    };
  });

  function roleLabel(code: string) {
    const key = `roles.builtin.${code}`;
    return t(key) === key ? code : t(key);
  }

  const cards = computed(() => {
    const v = o.value;
    if (!v) return [];
    return [
      { key: 'activeUsers', value: v.activeUsers, color: '#2f6fed' },
      { key: 'activeSessions', value: v.activeSessions, color: '#e6a23c' },
      { key: 'warehouses', value: v.warehouses, color: '#67c23a' },
      { key: 'failedWeek', value: v.failedLoginsByDay ? sum(v.failedLoginsByDay.slice(-7)) : null, color: '#f56c6c' },
    ].filter((c) => c.value !== null && c.value !== undefined);
  });

  return { q, overview: o, cards, loginsOption, changesOption, rolesOption };
}

const sum = (s: DayCount[]) => s.reduce((a, d) => a + d.count, 0);
