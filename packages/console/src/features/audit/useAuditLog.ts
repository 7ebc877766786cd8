import { useQuery, useSubscription } from '@urql/vue';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { can } from '@/shared/session';
import { useListRoute } from '@/components/useListRoute';
import type { AuditFilter } from '@/gql/graphql';
import { useAuditLabels } from './auditLabels';
import { AuditLogQuery, AuditLoggedSubscription, AuditStatsQuery } from './queries';

/** Start of a local day (YYYY-MM-DD) as an ISO instant; `to` is exclusive, so the day after. */
function dayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

export function useAuditLog() {
  const { t } = useI18n();
  const labels = useAuditLabels();
  const list = useListRoute(['from', 'to', 'username', 'action', 'entityType', 'address'] as const);
  const mayAddress = computed(() => can('system.audit.address.read'));
  const filter = computed<AuditFilter>(() => {
    const f = list.filters.value;
    const out: AuditFilter = {};
    if (f.from) out.from = dayStart(f.from);
    if (f.to) out.to = dayStart(f.to, 1);
    if (f.username) out.username = f.username;
    if (f.action) out.action = f.action;
    if (f.entityType) out.entityType = f.entityType;
    if (f.address && mayAddress.value) out.address = f.address;
    return out;
  });
  const q = useQuery({
    query: AuditLogQuery,
    variables: computed(() => ({ filter: filter.value, sort: 'AT_DESC' as const, page: list.page.value })),
  });
  const stats = useQuery({
    query: AuditStatsQuery,
    variables: computed(() => ({ filter: filter.value, groupBy: 'ACTION' as const })),
  });

  const statsOption = computed(() => {
    const rows = [...(stats.data.value?.auditStats ?? [])]
      .sort((a, b) => b.count - a.count)
      .slice(0, 12)
      .reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((r) => labels.action(r.key)),
        axisLabel: { fontSize: 11, interval: 0 },
      },
      series: [
        { type: 'bar', name: t('audit.count'), data: rows.map((r) => r.count), barMaxWidth: 16, color: '#2f6fed' },
      ],
    };
  });

  // rows written since the page loaded, over the websocket (graphql-ws; the cookie goes with the upgrade)
  const fresh = ref(0);
  useSubscription({ query: AuditLoggedSubscription }, (_prev, data) => {
    if (data?.auditLogged) fresh.value++;
    return data;
  });
  function refresh() {
    fresh.value = 0;
    void q.executeQuery();
    void stats.executeQuery();
  }

  return {
    list,
    q,
    stats,
    statsOption,
    mayAddress,
    data: computed(() => q.data.value?.auditLog),
    hiddenFields: computed<string[]>(() => q.extensions.value?.hiddenFields ?? []),
    /** the list's filter, as the export takes it */
    filter,
    fresh,
    refresh,
  };
}

/** Pretty JSON for the expandable row; the stored text as is when it is not JSON. */
export function prettyJson(s: string | null | undefined): string {
  if (!s) return '';
  try {
    return JSON.stringify(JSON.parse(s), null, 2);
  } catch {
    return s;
  }
}
