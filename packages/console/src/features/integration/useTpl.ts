import { useMutation, useQuery } from '@urql/vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import { computed, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, showError } from '@/shared/errors';
import {
  CancelTplRequestMutation,
  ConnectTplMutation,
  ReconcileTplMutation,
  ResolveTplReviewMutation,
  SyncTplMutation,
  TplPageQuery,
} from './tplQueries';

const page = <T>(items: T[]) => ({ items, total: items.length, offset: 0, limit: Math.max(items.length, 1) });

/** Warehouses run by 3PLs: their connections, the requests sent and the review list (adjust or dismiss). */
export function useTpl() {
  const { t } = useI18n();
  const q = useQuery({ query: TplPageQuery, requestPolicy: 'cache-and-network' });
  const connect = useMutation(ConnectTplMutation);
  const sync = useMutation(SyncTplMutation);
  const reconcile = useMutation(ReconcileTplMutation);
  const resolve = useMutation(ResolveTplReviewMutation);
  const cancelRequest = useMutation(CancelTplRequestMutation);
  const reload = () => q.executeQuery({ requestPolicy: 'network-only' });

  const warehouses = computed(() => q.data.value?.warehouses.items ?? []);
  const warehouseName = (id: string) => {
    const w = warehouses.value.find((x) => x.id === id);
    return w ? `${w.code} ${w.name}` : id;
  };
  const connections = computed(() => page(q.data.value?.tplConnections ?? []));
  const requests = computed(() => page(q.data.value?.tplRequests ?? []));
  const reviews = computed(() => page(q.data.value?.tplReviews ?? []));

  const visible = ref(false);
  const error = ref<string | null>(null);
  const form = reactive({ name: '', warehouseId: '', baseUrl: 'https://', clientKey: '', secret: '' });
  function openConnect() {
    Object.assign(form, { name: '', warehouseId: '', baseUrl: 'https://', clientKey: '', secret: '' });
    error.value = null;
    visible.value = true;
  }
  async function save() {
    error.value = null;
    const r = await connect.executeMutation({ input: { ...form } });
    if (r.error) {
      error.value = describeError(r.error)?.text ?? null;
      return;
    }
    visible.value = false;
    reload();
  }

  async function syncNow(id: string) {
    const r = await sync.executeMutation({ id });
    if (r.error) return void showError(r.error);
    const s = r.data!.syncTpl;
    ElMessage.success(t('tpl.synced', { received: s.received, posted: s.posted, review: s.review }));
    reload();
  }

  async function reconcileNow(id: string) {
    const r = await reconcile.executeMutation({ id });
    if (r.error) return void showError(r.error);
    ElMessage.success(t('tpl.reconciled', { n: r.data!.reconcileTpl.length }));
    reload();
  }

  async function resolveItem(id: string, adjust: boolean) {
    let note: string;
    try {
      note = (
        await ElMessageBox.prompt(
          t(adjust ? 'tpl.adjustPrompt' : 'tpl.dismissPrompt'),
          t(adjust ? 'tpl.adjust' : 'tpl.dismiss'),
          {
            inputValidator: (v) => !!v?.trim() || t('tpl.noteRequired'),
          },
        )
      ).value;
    } catch {
      return; // cancelled
    }
    const r = await resolve.executeMutation({ id, adjust, note });
    if (r.error) return void showError(r.error);
    ElMessage.success(t(adjust ? 'tpl.adjusted' : 'tpl.dismissed'));
    reload();
  }

  /** A transfer out not confirmed yet: the 3PL cancels it first (a refusal or silence changes nothing). */
  async function cancelTransfer(id: string, ref: string) {
    try {
      await ElMessageBox.confirm(t('tpl.cancelPrompt', { ref }), t('tpl.cancelRequest'), { type: 'warning' });
    } catch {
      return; // not confirmed
    }
    const r = await cancelRequest.executeMutation({ id });
    if (r.error) return void showError(r.error);
    ElMessage.success(t('tpl.requestCancelled', { ref }));
    reload();
  }

  return {
    q,
    warehouses,
    warehouseName,
    connections,
    requests,
    reviews,
    visible,
    error,
    form,
    openConnect,
    save,
    syncNow,
    reconcileNow,
    resolveItem,
    cancelTransfer,
    reload,
  };
}
