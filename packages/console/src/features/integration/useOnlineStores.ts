import { useMutation, useQuery } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { formError, showError } from '@/shared/errors';
import { can } from '@/shared/session';
import type { OnlineStoresQuery as OnlineStoresResult } from '@/gql/graphql';
import {
  ConnectPlatformStoreMutation,
  DismissPlatformRefundMutation,
  EditPlatformStoreMutation,
  ImportPlatformOrdersMutation,
  MapPlatformSkuMutation,
  OnlineStoreOptionsQuery,
  OnlineStoresQuery,
  PlatformReviewQuery,
  PlatformStoreCustomerQuery,
} from './platformQueries';

export type OnlineStoreRow = OnlineStoresResult['platformConnections'][number];
export const PLATFORM_KINDS = ['simshop', 'pagemall'] as const;

/** A decimal from the server without its trailing zeros ('2.500000' → '2.5'). */
export const plainDecimal = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

/** Online stores: connect one, their sync status, import now, and the review lists (platform SKUs, refunds). */
export function useOnlineStores() {
  const { t } = useI18n();
  const stores = useQuery({ query: OnlineStoresQuery, requestPolicy: 'cache-and-network' });
  const mayConnect = computed(() => can('system.integration.manage'));
  const customerSearch = ref('');
  const options = useQuery({
    query: OnlineStoreOptionsQuery,
    variables: computed(() => ({ customerSearch: customerSearch.value || null })),
    pause: computed(() => !mayConnect.value),
  });
  const connect = useMutation(ConnectPlatformStoreMutation);
  const edit = useMutation(EditPlatformStoreMutation);
  const importOrders = useMutation(ImportPlatformOrdersMutation);
  const mapSku = useMutation(MapPlatformSkuMutation);
  const dismiss = useMutation(DismissPlatformRefundMutation);
  const reload = () => stores.executeQuery({ requestPolicy: 'network-only' });

  const storeName = (id: string) => {
    const s = stores.data.value?.salesStores.find((x) => x.id === id);
    return s ? `${s.code} · ${s.name}` : `#${id}`;
  };
  const page = computed(() => {
    const items = stores.data.value?.platformConnections ?? [];
    return { items, total: items.length, offset: 0, limit: Math.max(items.length, 1) };
  });

  // ---- connect, or edit a connection (the same form) ----
  const visible = ref(false);
  /** the connection being edited; null: connecting a new store */
  const editing = ref<string | null>(null);
  const form = reactive({
    kind: 'simshop' as string,
    storeId: '',
    customerId: '',
    warehouseId: '',
    baseUrl: 'http://127.0.0.1:',
    appKey: '',
    appSecret: '',
    stockBuffer: '0',
    stockShare: 100,
  });
  // the edited connection's customer, listed even when not among the first customers
  const editedCustomer = useQuery({
    query: PlatformStoreCustomerQuery,
    variables: computed(() => ({ id: form.customerId })),
    pause: computed(() => !editing.value || !form.customerId),
  });
  const customerOptions = computed(() => {
    const items = options.data.value?.customers.items ?? [];
    const own = editedCustomer.data.value?.customer;
    return own && !items.some((c) => c.id === own.id) ? [own, ...items] : items;
  });
  const error = ref<string | null>(null);
  /** the server's field problems, translated, on the form's own fields (formError) */
  const fieldErrors = ref<Record<string, string>>({});
  /** the simulators the demo started (none elsewhere): shown on the form and filled in for their kind */
  const simulators = computed(() =>
    (options.data.value?.integrationSimulators ?? []).filter((x) => x.kind === 'simshop' || x.kind === 'pagemall'),
  );
  const simulatorOf = (kind: string) => simulators.value.find((x) => x.kind === kind);
  function useSimulator(kind: string) {
    const sim = simulatorOf(kind);
    if (sim) Object.assign(form, { kind, baseUrl: sim.baseUrl, appKey: sim.key, appSecret: sim.secret });
  }
  function openConnect() {
    const o = options.data.value;
    editing.value = null;
    Object.assign(form, {
      stockBuffer: '0',
      stockShare: 100,
      kind: 'simshop',
      storeId: o?.salesStores[0]?.id ?? '',
      customerId: o?.customers.items[0]?.id ?? '',
      warehouseId: o?.warehouses.items[0]?.id ?? '',
      baseUrl: 'http://127.0.0.1:',
      appKey: '',
      appSecret: '',
    });
    useSimulator('simshop');
    error.value = null;
    fieldErrors.value = {};
    visible.value = true;
  }
  /** the same form, filled with the connection (its secret is never shown: left empty, it is kept) */
  function openEdit(row: OnlineStoreRow) {
    editing.value = row.id;
    Object.assign(form, {
      kind: row.kind,
      storeId: row.storeId,
      customerId: row.customerId,
      warehouseId: row.warehouseId,
      baseUrl: row.baseUrl,
      appKey: row.appKey,
      appSecret: '',
      stockBuffer: plainDecimal(row.stockBuffer),
      stockShare: row.stockShare,
    });
    error.value = null;
    fieldErrors.value = {};
    visible.value = true;
  }
  /** another platform chosen: its simulator's address and credentials when there is one, else empty */
  function kindChanged(kind: string) {
    if (simulatorOf(kind)) useSimulator(kind);
    else Object.assign(form, { baseUrl: 'http://127.0.0.1:', appKey: '', appSecret: '' });
  }
  async function save() {
    error.value = null;
    fieldErrors.value = {};
    const { stockBuffer, stockShare, ...connection } = form;
    const r = editing.value
      ? await edit.executeMutation({
          input: {
            id: editing.value,
            storeId: form.storeId,
            customerId: form.customerId,
            warehouseId: form.warehouseId,
            baseUrl: form.baseUrl,
            appKey: form.appKey,
            appSecret: form.appSecret || null,
            stockBuffer: String(stockBuffer).trim() || '0',
            stockShare,
          },
        })
      : await connect.executeMutation({ input: connection });
    if (r.error) {
      // each field as the form labels it, and what it needs where the form can say
      const e = formError(
        r.error,
        {
          kind: t('onlineStores.kind'),
          storeId: t('onlineStores.store'),
          customerId: t('onlineStores.customer'),
          warehouseId: t('onlineStores.warehouse'),
          baseUrl: t('onlineStores.baseUrl'),
          appKey: t(`onlineStores.appKey.${form.kind}`),
          appSecret: t(`onlineStores.appSecret.${form.kind}`),
          stockBuffer: t('onlineStores.stockBuffer'),
          stockShare: t('onlineStores.stockShare'),
        },
        {
          kind: t('onlineStores.rules.kind'),
          storeId: t('onlineStores.rules.storeId'),
          baseUrl: t('onlineStores.rules.baseUrl'),
          appKey: t('onlineStores.rules.appKey'),
          appSecret: t(editing.value ? 'onlineStores.rules.appSecretKept' : 'onlineStores.rules.appSecret'),
          customerId: t('onlineStores.rules.customerId'),
          warehouseId: t('onlineStores.rules.warehouseId'),
          stockBuffer: t('onlineStores.rules.stockBuffer'),
          stockShare: t('onlineStores.rules.stockShare'),
        },
      );
      error.value = e?.text ?? null;
      fieldErrors.value = e?.fields ?? {};
      return;
    }
    visible.value = false;
    ElMessage({ type: 'success', message: t(editing.value ? 'onlineStores.edited' : 'onlineStores.connected') });
    reload();
  }

  // ---- import now: calls again while the platform has more ----
  const importing = ref<string | null>(null);
  async function runImport(id: string) {
    importing.value = id;
    const sum = { imported: 0, duplicates: 0, held: 0, returned: 0, review: 0 };
    try {
      for (;;) {
        const r = await importOrders.executeMutation({ connectionId: id, fromStart: false });
        if (r.error) return showError(r.error);
        const got = r.data!.importPlatformOrders;
        for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += got[k];
        if (!got.more) break;
      }
      ElMessage({ type: 'success', message: t('onlineStores.importDone', sum) });
    } finally {
      importing.value = null;
      reload();
      if (reviewOf.value === id) reloadReview();
    }
  }

  // ---- review lists of one store ----
  const reviewOf = ref<string | null>(null);
  const review = useQuery({
    query: PlatformReviewQuery,
    variables: computed(() => ({ connectionId: reviewOf.value ?? '' })),
    pause: computed(() => !reviewOf.value),
    requestPolicy: 'cache-and-network',
  });
  const reloadReview = () => review.executeQuery({ requestPolicy: 'network-only' });
  const chosen = reactive<Record<string, string>>({});
  async function map(id: string) {
    if (!chosen[id]) return;
    const r = await mapSku.executeMutation({ id, skuId: chosen[id] });
    if (r.error) return showError(r.error);
    ElMessage({ type: 'success', message: t('onlineStores.mapped') });
    reloadReview();
    reload();
  }
  async function dismissRefund(id: string) {
    const r = await dismiss.executeMutation({ id });
    if (r.error) return showError(r.error);
    reloadReview();
    reload();
  }

  return {
    stores,
    page,
    storeName,
    mayConnect,
    options,
    customerSearch,
    visible,
    form,
    error,
    fieldErrors,
    saving: computed(() => connect.fetching.value || edit.fetching.value),
    editing,
    customerOptions,
    openConnect,
    openEdit,
    kindChanged,
    simulators,
    useSimulator,
    save,
    importing,
    runImport,
    reviewOf,
    review,
    chosen,
    map,
    dismissRefund,
    reload,
  };
}
