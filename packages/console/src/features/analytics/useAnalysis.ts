import { useClientHandle, useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import type { AnalysisDimension, AnalysisMeasure } from '@/gql/graphql';
import { today } from '@/shared/clock';
import { useListRoute } from '@/components/useListRoute';
import { downloadFile } from '@/shared/download';
import { showError } from '@/shared/errors';
import { sumDecimals } from '@/shared/money';
import { can, type Permission } from '@/shared/session';
import { AnalysisDrillQuery, AnalysisQuery, ExportAnalysisQuery } from './queries';

export const DIMENSIONS = [
  'WAREHOUSE',
  'SKU',
  'CATEGORY',
  'BRAND',
  'CUSTOMER',
  'CUSTOMER_TIER',
  'SALESPERSON',
  'CHANNEL',
  'STORE',
  'SUPPLIER',
  'DAY',
  'WEEK',
  'MONTH',
  'QUARTER',
] as const satisfies readonly AnalysisDimension[];
const STOCK_DIMS: string[] = ['WAREHOUSE', 'SKU', 'CATEGORY', 'BRAND', 'SUPPLIER', 'DAY', 'WEEK', 'MONTH', 'QUARTER'];

/** Each measure, the field it fills, the permission it needs (the API's rule) and how it is shown. */
export const MEASURES: Array<{
  measure: AnalysisMeasure;
  field:
    | 'quantity'
    | 'revenue'
    | 'cogs'
    | 'margin'
    | 'marginPct'
    | 'stockValue'
    | 'turnover'
    | 'daysOfSupply'
    | 'warehouseCost'
    | 'netMargin';
  permission: Permission;
  kind: 'qty' | 'money' | 'plain';
  stock?: boolean;
  /** a figure of the stock on hand, which a cell has without any sale (the others: '—' there) */
  position?: boolean;
}> = [
  { measure: 'QUANTITY', field: 'quantity', permission: 'stock.balance.read', kind: 'qty' },
  { measure: 'REVENUE', field: 'revenue', permission: 'catalog.price.sale.read', kind: 'money' },
  { measure: 'COGS', field: 'cogs', permission: 'stock.cost.read', kind: 'money' },
  { measure: 'MARGIN', field: 'margin', permission: 'sales.margin.read', kind: 'money' },
  { measure: 'MARGIN_PCT', field: 'marginPct', permission: 'sales.margin.read', kind: 'plain' },
  {
    measure: 'STOCK_VALUE',
    field: 'stockValue',
    permission: 'stock.cost.read',
    kind: 'money',
    stock: true,
    position: true,
  },
  { measure: 'TURNOVER', field: 'turnover', permission: 'stock.cost.read', kind: 'plain', stock: true, position: true },
  {
    measure: 'DAYS_OF_SUPPLY',
    field: 'daysOfSupply',
    permission: 'stock.balance.read',
    kind: 'plain',
    stock: true,
    position: true,
  },
  // the warehouses' monthly fees allocated to the SKUs (by warehouse, SKU, category, brand, supplier or period only)
  { measure: 'WAREHOUSE_COST', field: 'warehouseCost', permission: 'stock.cost.read', kind: 'money', stock: true },
  { measure: 'NET_MARGIN', field: 'netMargin', permission: 'sales.margin.read', kind: 'money', stock: true },
];

/** The month before the one `day` falls in. */
export function lastMonth(day: string): { from: string; to: string } {
  const [y, m] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/**
 * 成本毛利分析: period, two dimensions, the view and the measure charted, all in the URL (default:
 * last month by warehouse × SKU). Only measures the user may see are asked for, so the API never
 * refuses the page; a stock measure is asked only where the dimensions allow it.
 */
export function useAnalysis() {
  const list = useListRoute(['from', 'to', 'd1', 'd2', 'view', 'measure', 'warehouseId'] as const);
  const period = computed(() => {
    const f = list.filters.value;
    const def = lastMonth(today());
    return { from: f.from || def.from, to: f.to || def.to };
  });
  const dims = computed<AnalysisDimension[]>(() => {
    const f = list.filters.value;
    const d1 = (f.d1 || 'WAREHOUSE') as AnalysisDimension;
    const d2 = f.d2 === 'NONE' ? '' : ((f.d2 || (f.d1 ? '' : 'SKU')) as AnalysisDimension | '');
    return d2 && d2 !== d1 ? [d1, d2] : [d1];
  });
  const measures = computed(() =>
    MEASURES.filter((m) => can(m.permission) && (!m.stock || dims.value.every((d) => STOCK_DIMS.includes(d)))),
  );
  const input = computed(() => ({
    ...period.value,
    dimensions: dims.value,
    measures: measures.value.map((m) => m.measure),
    filter: list.filters.value.warehouseId ? { warehouseIds: [list.filters.value.warehouseId] } : null,
  }));
  const q = useQuery({ query: AnalysisQuery, variables: computed(() => ({ input: input.value })) });
  watch(q.error, (e) => e && showError(e));
  const rows = computed(() => q.data.value?.analysis.rows ?? []);
  const total = computed(() => q.data.value?.analysis.total ?? null);
  const view = computed(() => list.filters.value.view || (dims.value.length === 2 ? 'cross' : 'table'));
  const measure = computed(
    () =>
      measures.value.find((m) => m.measure === list.filters.value.measure) ??
      measures.value.find((m) => m.measure === 'MARGIN') ??
      measures.value[0],
  );

  /**
   * Cross-tab: first dimension down, second across, one measure in the cells, each with how many rows
   * its drill-down lists (none: a pair with only a stock position, or no row at all).
   */
  const cross = computed(() => {
    const cols = new Map<string, string>();
    type Cell = { value: string | null; drillRows: number };
    const byRow = new Map<string, { key1: string; label1: string; cells: Record<string, Cell> }>();
    const f = measure.value?.field;
    for (const r of rows.value) {
      cols.set(r.key2 ?? '', r.label2 ?? '');
      const k = r.key1 ?? '';
      const row = byRow.get(k) ?? { key1: k, label1: r.label1 ?? '', cells: {} };
      row.cells[r.key2 ?? ''] = { value: f ? ((r as any)[f] ?? null) : null, drillRows: r.drillRows };
      byRow.set(k, row);
    }
    return { columns: [...cols].map(([key, label]) => ({ key, label })), rows: [...byRow.values()] };
  });

  /**
   * Whether a figure of a row with nothing to drill into is shown: only a stock position's (its stock
   * value, turnover, days of supply); its sales figures are '—' (nothing was sold), not 0.00.
   */
  const shownWithoutRows = (m: (typeof MEASURES)[number] | undefined) => !!m?.position;

  const chartOption = computed(() => {
    const f = measure.value?.field;
    if (!f || !rows.value.length) return null;
    const parts = new Map<string, { label: string; values: string[] }>();
    for (const r of rows.value) {
      const k = r.key1 ?? '';
      const e = parts.get(k) ?? { label: r.label1 ?? '', values: [] };
      const v = (r as any)[f] as string | null | undefined;
      if (v !== null && v !== undefined) e.values.push(v);
      parts.set(k, e);
    }
    // summed as decimals; only the bar's length becomes a float (the table keeps the strings)
    const data = [...parts.values()]
      .map((e) => ({ label: e.label, value: Number(sumDecimals(e.values) ?? 0) }))
      .sort((a, b) => b.value - a.value)
      .slice(0, 20);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: data.map((d) => d.label) },
      series: [
        { type: 'bar', barMaxWidth: 18, color: '#2f6fed', data: data.map((d) => Math.round(d.value * 100) / 100) },
      ],
    };
  });

  const { client } = useClientHandle();
  const drill = ref<{ key1: string | null; key2: string | null; title: string } | null>(null);
  const drillData = ref<any>(null);
  const drilling = ref(false);
  async function openDrill(key1: string | null, key2: string | null, title: string) {
    drill.value = { key1, key2, title };
    drillData.value = null;
    drilling.value = true;
    const r = await client
      .query(AnalysisDrillQuery, { input: input.value, key1, key2 }, { requestPolicy: 'network-only' })
      .toPromise();
    drilling.value = false;
    if (r.error || !r.data) return showError(r.error);
    drillData.value = r.data.analysisDrill;
  }
  const exporting = ref(false);
  async function exportXlsx() {
    exporting.value = true;
    const r = await client
      .query(ExportAnalysisQuery, { input: input.value }, { requestPolicy: 'network-only' })
      .toPromise();
    exporting.value = false;
    if (r.error || !r.data) return showError(r.error);
    downloadFile(r.data.exportAnalysis);
  }

  return {
    list,
    period,
    dims,
    measures,
    measure,
    view,
    q,
    rows,
    total,
    cross,
    shownWithoutRows,
    chartOption,
    drill,
    drillData,
    drilling,
    openDrill,
    closeDrill: () => (drill.value = null),
    exporting,
    exportXlsx,
  };
}
