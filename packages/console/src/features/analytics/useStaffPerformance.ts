import { useClientHandle, useMutation, useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import type { StaffFigure } from '@/gql/graphql';
import { useListRoute } from '@/components/useListRoute';
import { today } from '@/shared/clock';
import { showError } from '@/shared/errors';
import { PurchasePriceLinesQuery, SetSalesTargetMutation, StaffDocumentsQuery, StaffPerformanceQuery } from './queries';

/**
 * 人员绩效: the period in the URL (default: this month to today). Everyone's rows for a manager,
 * one's own otherwise (the API decides); each figure opens the documents behind it.
 */
export function useStaffPerformance() {
  const list = useListRoute(['from', 'to'] as const);
  const period = computed(() => {
    const to = list.filters.value.to || today();
    return { from: list.filters.value.from || `${to.slice(0, 8)}01`, to };
  });
  const q = useQuery({ query: StaffPerformanceQuery, variables: period, requestPolicy: 'network-only' });
  watch(q.error, (e) => e && showError(e));
  const data = computed(() => q.data.value?.staffPerformance ?? null);

  const { client } = useClientHandle();
  const docs = ref<{ title: string; rows: any[]; loading: boolean } | null>(null);
  async function openDocs(userId: string, figure: StaffFigure, title: string) {
    docs.value = { title, rows: [], loading: true };
    const r = await client
      .query(StaffDocumentsQuery, { userId, figure, ...period.value }, { requestPolicy: 'network-only' })
      .toPromise();
    if (r.error || !r.data) {
      docs.value = null;
      return showError(r.error);
    }
    docs.value = { title, rows: r.data.staffDocuments, loading: false };
  }

  // a purchaser's order lines against the agreed and the last price (the drill-down of their price figures)
  const prices = ref<{ title: string; rows: any[]; loading: boolean } | null>(null);
  async function openPrices(userId: string, title: string) {
    prices.value = { title, rows: [], loading: true };
    const r = await client
      .query(PurchasePriceLinesQuery, { userId, ...period.value }, { requestPolicy: 'network-only' })
      .toPromise();
    if (r.error || !r.data) {
      prices.value = null;
      return showError(r.error);
    }
    prices.value = { title, rows: r.data.purchasePriceLines, loading: false };
  }

  const setTarget = useMutation(SetSalesTargetMutation);
  async function saveTarget(userId: string, revenue: string) {
    const r = await setTarget.executeMutation({ input: { userId, month: period.value.to.slice(0, 7), revenue } });
    if (r.error) return showError(r.error);
    q.executeQuery({ requestPolicy: 'network-only' });
    return true;
  }
  return {
    list,
    period,
    q,
    data,
    docs,
    openDocs,
    closeDocs: () => (docs.value = null),
    prices,
    openPrices,
    closePrices: () => (prices.value = null),
    saveTarget,
  };
}
