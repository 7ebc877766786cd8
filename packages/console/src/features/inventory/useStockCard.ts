import { useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { showError } from '@/shared/errors';
import { can } from '@/shared/session';
import type { SkuOption } from '@/components/docLines';
import { useListRoute } from '@/components/useListRoute';
import { StockCardQuery, StockCardSkuQuery } from './queries';
import { useSkuLookup } from './useInventoryOptions';

/** 库存明细账 of one SKU in one warehouse; warehouse, SKU and period live in the URL. */
export function useStockCard() {
  const { t } = useI18n();
  const list = useListRoute(['warehouseId', 'skuId', 'from', 'to'] as const);
  const f = list.filters;
  const ready = computed(() => !!f.value.warehouseId && !!f.value.skuId);
  const q = useQuery({
    query: StockCardQuery,
    variables: computed(() => ({
      warehouseId: f.value.warehouseId,
      skuId: f.value.skuId,
      from: f.value.from || undefined,
      to: f.value.to || undefined,
    })),
    pause: computed(() => !ready.value),
  });
  watch(q.error, (e) => e && showError(e));
  const card = computed(() => (ready.value ? (q.data.value?.stockCard ?? null) : null));

  // the chosen SKU's label (also when the page is opened from a link)
  const skuQ = useQuery({
    query: StockCardSkuQuery,
    variables: computed(() => ({ skuId: f.value.skuId })),
    pause: computed(() => !f.value.skuId),
  });
  const sku = computed(() => skuQ.data.value?.stockLevels.items[0] ?? null);

  // the SKU picker of the filter form
  const lookup = useSkuLookup();
  const skuOptions = ref<SkuOption[]>([]);
  const searching = ref(false);
  async function searchSkus(text: string) {
    if (!text.trim()) return;
    searching.value = true;
    try {
      skuOptions.value = await lookup.searchSkus(text.trim());
    } finally {
      searching.value = false;
    }
  }
  const pickerOptions = computed(() => {
    const s = sku.value;
    const opts = skuOptions.value.map((o) => ({ id: o.id, label: `${o.code} · ${o.name}`, code: o.code }));
    if (s && !opts.some((o) => o.id === s.skuId))
      opts.unshift({ id: s.skuId, label: `${s.skuCode} · ${s.skuName}`, code: s.skuCode });
    return opts;
  });

  const showCost = computed(() => can('stock.cost.read') && (card.value?.closingValue ?? null) !== null);
  const hiddenFields = computed<string[]>(() => q.extensions.value?.hiddenFields ?? []);

  const chartOption = computed(() => {
    const c = card.value;
    if (!c) return null;
    // ECharts reads the decimal strings itself; nothing here turns money into a JS number
    const dates = ['', ...c.rows.map((r) => r.businessDate)];
    const qty = [c.openingQty, ...c.rows.map((r) => r.balanceQty)];
    const value = [c.openingValue, ...c.rows.map((r) => r.balanceValue)];
    dates[0] = t('inventory.card.opening');
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: showCost.value ? 72 : 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: dates },
      yAxis: [
        { type: 'value', name: t('inventory.card.qtyAxis') },
        ...(showCost.value ? [{ type: 'value', name: t('inventory.card.valueAxis'), splitLine: { show: false } }] : []),
      ],
      series: [
        { name: t('inventory.card.balanceQty'), type: 'line', step: 'end', data: qty, color: '#2f6fed' },
        ...(showCost.value
          ? [
              {
                name: t('inventory.card.balanceValue'),
                type: 'line',
                step: 'end',
                yAxisIndex: 1,
                data: value,
                color: '#e6a23c',
              },
            ]
          : []),
      ],
    };
  });

  return { list, q, card, sku, ready, searchSkus, searching, pickerOptions, chartOption, showCost, hiddenFields };
}
