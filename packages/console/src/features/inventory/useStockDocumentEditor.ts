import { confirmed } from '@/shared/confirm';
import { useClientHandle, useMutation, useQuery } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { can, inWarehouseScope } from '@/shared/session';
import { documentError, useIdempotencyKeys, type DocumentError } from '@/components/docErrors';
import { newLine, type EditorLine, type LineColumns, type SkuOption } from '@/components/docLines';
import { today } from '@/shared/clock';
import { DECIMAL_RE } from '@/shared/money';
import type { StockDocQuery, StockDocType, StockLineInput } from './types';
import {
  CancelStockDocumentMutation,
  CreateStockDocumentMutation,
  DeleteStockDocumentMutation,
  DocumentBinsQuery,
  ExpiryWarningDaysQuery,
  PostStockDocumentMutation,
  ReceiveTransferMutation,
  RequestTplTransferMutation,
  StockDocumentQuery,
  TransferTplConnectionsQuery,
  UpdateStockDocumentMutation,
} from './queries';
import { useSkuLookup } from './useInventoryOptions';

type Doc = StockDocQuery['stockDocument'];

/** SKUs chosen or loaded in this session, so a saved draft shows its lines without another lookup. */
const skuCache = new Map<string, SkuOption>();

export function linesFromDoc(doc: Doc, skus: Map<string, SkuOption>): EditorLine[] {
  return doc.lines.map((l) =>
    newLine({
      sku: skus.get(l.skuId) ?? null,
      skuId: l.skuId,
      unit: l.unit,
      qty: l.qty,
      unitCost: doc.type === 'OTHER_IN' && doc.status === 'DRAFT' ? (l.unitCost ?? '') : '',
      postedUnitCost: l.unitCost,
      value: l.value,
      binId: l.binId ?? '',
      toBinId: l.toBinId ?? '',
      batchNo: l.batchNo ?? '',
      expiryDate: l.expiryDate ?? '',
      expiryReason: l.expiryReason ?? '',
      costChanges: l.costChanges,
    }),
  );
}

/** Loads the SKUs of a document's lines (cached ones first). */
export async function skusFor(doc: Doc, byIds: (ids: string[]) => Promise<Map<string, SkuOption>>) {
  const missing = doc.lines.map((l) => l.skuId).filter((id) => !skuCache.has(id));
  if (missing.length) for (const [id, s] of await byIds(missing)) skuCache.set(id, s);
  return skuCache;
}

/**
 * One stock document: a new draft (`id` undefined), a draft to edit, or a posted document to read.
 * Save, post (a fresh idempotency key per click, the same one again after a network error),
 * receive a transfer, cancel, delete a draft; errors become a message plus problems per line.
 */
export function useStockDocumentEditor(id: Ref<string | undefined>, initialType: StockDocType) {
  const { t } = useI18n();
  const router = useRouter();
  const { client } = useClientHandle();
  const lookup = useSkuLookup();
  const keys = useIdempotencyKeys();

  const doc = ref<Doc | null>(null);
  const loading = ref(false);
  const busy = ref(false);
  const error = ref<DocumentError | null>(null);
  const header = reactive({ type: initialType, warehouseId: '', toWarehouseId: '', businessDate: today(), memo: '' });
  const lines = reactive<EditorLine[]>([newLine()]);

  const editable = computed(() => can('stock.document.create') && (!doc.value || doc.value.status === 'DRAFT'));
  const status = computed(() => doc.value?.status ?? 'DRAFT');

  // bins of the warehouses in the user's scope only: another warehouse's (a transfer's other end)
  // are not theirs to read (NOT_FOUND), and its lines then show no bin
  const binsReadable = (warehouseId: string) => can('stock.warehouse.read') && inWarehouseScope(warehouseId);
  const bins = useQuery({
    query: DocumentBinsQuery,
    variables: computed(() => ({ warehouseId: header.warehouseId })),
    pause: computed(() => !binsReadable(header.warehouseId)),
  });
  const toBins = useQuery({
    query: DocumentBinsQuery,
    variables: computed(() => ({ warehouseId: header.toWarehouseId })),
    pause: computed(() => !binsReadable(header.toWarehouseId)),
  });

  // receiving a short-dated batch asks for a reason: the company's warning days
  const warning = useQuery({ query: ExpiryWarningDaysQuery });
  /** A move between bins of one warehouse (移库, e.g. into a quarantine bin): posted at once. */
  const binMove = computed(
    () => header.type === 'TRANSFER' && !!header.warehouseId && header.toWarehouseId === header.warehouseId,
  );

  // a transfer out of a warehouse a 3PL runs is not posted here: it goes to the 3PL as a request,
  // and its confirmation posts the transfer with what the 3PL actually picked
  const tplConnections = useQuery({
    query: TransferTplConnectionsQuery,
    pause: computed(() => !can('integration.tpl.manage')),
  });
  const tplSource = computed(() =>
    header.type === 'TRANSFER' && header.warehouseId && header.toWarehouseId !== header.warehouseId
      ? (tplConnections.data.value?.tplConnections.find((c) => c.active && c.warehouseId === header.warehouseId) ??
        null)
      : null,
  );

  const columns = computed<LineColumns>(() => {
    const receipt = header.type === 'OTHER_IN';
    const days = warning.data.value?.expiryWarningDays;
    return {
      unitCost: editable.value ? (receipt && can('stock.cost.read') ? 'edit' : false) : 'show',
      value: !editable.value,
      // the 3PL picks bins and batches for its requests
      bin: !tplSource.value && (bins.data.value?.bins.items.length ?? 0) > 0,
      toBin: header.type === 'TRANSFER' && !tplSource.value && (toBins.data.value?.bins.items.length ?? 0) > 0,
      batch: !tplSource.value && lines.some((l) => l.sku?.product.batchTracked || l.batchNo),
      expiry: receipt || header.type === 'ADJUSTMENT',
      expiryCheck:
        (receipt || header.type === 'ADJUSTMENT') && days !== undefined
          ? { on: header.businessDate || today(), warningDays: days }
          : null,
      signedQty: header.type === 'ADJUSTMENT',
    };
  });

  /** A new, empty draft of a type. */
  function reset(type: StockDocType) {
    doc.value = null;
    retryPost.value = false;
    error.value = null;
    Object.assign(header, { type, warehouseId: '', toWarehouseId: '', businessDate: today(), memo: '' });
    lines.splice(0, lines.length, newLine());
  }

  async function load() {
    if (!id.value) return;
    loading.value = true;
    try {
      const r = await client.query(StockDocumentQuery, { id: id.value }).toPromise();
      if (r.error || !r.data) {
        error.value = documentError(r.error);
        return;
      }
      const d = r.data.stockDocument;
      const skus = await skusFor(d, lookup.byIds);
      doc.value = d;
      Object.assign(header, {
        type: d.type,
        warehouseId: d.warehouseId,
        toWarehouseId: d.toWarehouseId ?? '',
        businessDate: d.businessDate,
        memo: d.memo,
      });
      lines.splice(0, lines.length, ...linesFromDoc(d, skus));
      if (editable.value && !lines.length) lines.push(newLine());
    } finally {
      loading.value = false;
    }
  }

  const create = useMutation(CreateStockDocumentMutation);
  const update = useMutation(UpdateStockDocumentMutation);
  const post = useMutation(PostStockDocumentMutation);
  const receive = useMutation(ReceiveTransferMutation);
  const cancel = useMutation(CancelStockDocumentMutation);
  const remove = useMutation(DeleteStockDocumentMutation);

  /** Checks in the form what can be checked; returns the input lines or null. */
  function lineInputs(): StockLineInput[] | null {
    const used = lines.filter((l) => l.skuId || l.qty.trim());
    const problems: Record<number, string[]> = {};
    used.forEach((l) => {
      const i = lines.indexOf(l);
      if (!l.skuId) (problems[i] ??= []).push(t('docForm.skuMissing'));
      if (!DECIMAL_RE.test(l.qty.trim()) || (header.type !== 'ADJUSTMENT' && l.qty.trim().startsWith('-')))
        (problems[i] ??= []).push(t('docForm.qtyInvalid'));
      if (binMove.value && !l.toBinId) (problems[i] ??= []).push(t('docForm.toBinMissing'));
    });
    if (
      !header.warehouseId ||
      (header.type === 'TRANSFER' && !header.toWarehouseId) ||
      !used.length ||
      Object.keys(problems).length
    ) {
      error.value = {
        code: 'FORM',
        text: !used.length ? t('docForm.noLinesError') : t('docForm.checkForm'),
        lines: problems,
        fields: {},
      };
      return null;
    }
    // blank lines go, so that the server's line indexes are the indexes on screen
    if (used.length !== lines.length) lines.splice(0, lines.length, ...used);
    const costs = header.type === 'OTHER_IN' && can('stock.cost.read');
    return used.map((l) => ({
      skuId: l.skuId,
      qty: l.qty.trim(),
      unit: l.unit || undefined,
      ...(costs && l.unitCost.trim() ? { unitCost: l.unitCost.trim() } : {}),
      binId: l.binId || undefined,
      ...(header.type === 'TRANSFER' ? { toBinId: l.toBinId || undefined } : {}),
      batchNo: l.batchNo.trim() || undefined,
      expiryDate: l.expiryDate || undefined,
      expiryReason: l.expiryReason.trim() || undefined,
    }));
  }

  function remember() {
    for (const l of lines) if (l.sku) skuCache.set(l.sku.id, l.sku);
  }

  /** Saves the draft (creates it the first time); returns its id, or null on a problem. */
  async function save(): Promise<string | null> {
    error.value = null;
    const input = lineInputs();
    if (!input) return null;
    remember();
    const common = {
      businessDate: header.businessDate || undefined,
      memo: header.memo,
      lines: input,
      toWarehouseId: header.type === 'TRANSFER' ? header.toWarehouseId : undefined,
    };
    if (!doc.value) {
      const r = await create.executeMutation({
        input: { ...common, type: header.type, warehouseId: header.warehouseId },
      });
      if (r.error || !r.data) {
        error.value = documentError(r.error);
        return null;
      }
      doc.value = { ...(r.data.createStockDocument as any), lines: [] };
      return r.data.createStockDocument.id;
    }
    const r = await update.executeMutation({ input: { ...common, id: doc.value.id, version: doc.value.version } });
    if (r.error || !r.data) {
      error.value = documentError(r.error);
      if (error.value?.code === 'CONFLICT' || error.value?.code === 'DOCUMENT_NOT_DRAFT') await load();
      return null;
    }
    doc.value = { ...doc.value, version: r.data.updateStockDocument.version };
    return r.data.updateStockDocument.id;
  }

  /** The id of a draft the page moved to after a failed post: it keeps its lines instead of reloading. */
  let adopted: string | null = null;
  function keepsOnScreen(docId: string): boolean {
    const keep = adopted === docId;
    adopted = null;
    return keep;
  }

  async function afterSave(savedId: string, message: string) {
    ElMessage.success(message);
    // a new draft moves to its own address; the page reloads it from there
    if (id.value !== savedId) await router.replace({ name: 'stock-document', params: { id: savedId } });
    else await load();
  }

  async function saveDraft() {
    busy.value = true;
    try {
      const saved = await save();
      if (saved) await afterSave(saved, t('inventory.doc.savedDraft'));
    } finally {
      busy.value = false;
    }
  }

  /** Set after a post whose answer was lost on the network: the next click retries it as it was. */
  const retryPost = ref(false);

  async function postDocument() {
    busy.value = true;
    error.value = null;
    try {
      // a retry sends the same document with the same key (no save in between): the server
      // answers with the first result if the lost request did post it
      const saved =
        retryPost.value && doc.value ? doc.value.id : editable.value ? await save() : (doc.value?.id ?? null);
      if (!saved) return;
      const action = `post:${saved}`;
      const r = await post.executeMutation({ id: saved, idempotencyKey: keys.key(action) });
      keys.settle(action, r.error);
      retryPost.value = !!r.error?.networkError && !r.error.graphQLErrors?.length;
      if (r.error || !r.data) {
        error.value = documentError(r.error);
        if (retryPost.value) {
          error.value = error.value && { ...error.value, text: `${error.value.text} ${t('docForm.retryHint')}` };
          return;
        }
        // someone else posted or changed it meanwhile: show what it is now
        if (error.value?.code === 'DOCUMENT_NOT_DRAFT' || error.value?.code === 'DOCUMENT_STATE') await load();
        // the draft was saved: from now on edit it under its own address, keeping what is on screen
        // (a reload there would wipe what the user types in answer to the error)
        if (id.value !== saved) {
          adopted = saved;
          await router.replace({ name: 'stock-document', params: { id: saved } });
        }
        return;
      }
      await afterSave(
        saved,
        t(
          r.data.postStockDocument.status === 'IN_TRANSIT' ? 'inventory.doc.inTransitDone' : 'inventory.doc.postedDone',
          { number: r.data.postStockDocument.number },
        ),
      );
    } finally {
      busy.value = false;
    }
  }

  const requestTransfer = useMutation(RequestTplTransferMutation);
  /** The quantity in the base unit (the 3PL is asked in base units). */
  function baseQty(l: EditorLine): string {
    const u = l.sku?.units.find((x) => x.name === l.unit && l.unit !== l.sku?.baseUnit);
    if (!u) return l.qty.trim();
    // exact decimal product of two decimal strings, without floats
    const [a, b] = [l.qty.trim(), u.factor];
    const scale = (x: string) => (x.split('.')[1] ?? '').length;
    const digits = (BigInt(a.replace('.', '')) * BigInt(b.replace('.', ''))).toString();
    const places = scale(a) + scale(b);
    if (!places) return digits;
    const padded = digits.padStart(places + 1, '0');
    const out = `${padded.slice(0, -places)}.${padded.slice(-places)}`.replace(/\.?0+$/, '');
    return out;
  }

  /**
   * A transfer out of a 3PL's warehouse: the lines go to the 3PL as a request (a saved draft of it
   * is deleted: the request replaces it); the stock moves when the 3PL confirms.
   */
  async function sendToTpl() {
    if (!tplSource.value) return;
    busy.value = true;
    error.value = null;
    try {
      const input = lineInputs();
      if (!input) return;
      remember();
      const r = await requestTransfer.executeMutation({
        input: {
          warehouseId: header.warehouseId,
          toWarehouseId: header.toWarehouseId,
          lines: lines.map((l) => ({ skuId: l.skuId, qty: baseQty(l) })),
        },
      });
      if (r.error || !r.data) {
        error.value = documentError(r.error);
        return;
      }
      if (doc.value) await remove.executeMutation({ id: doc.value.id });
      ElMessage.success(
        t('inventory.doc.tplRequested', { ref: r.data.requestTplTransfer.ref, name: tplSource.value.name }),
      );
      await router.push({ name: 'tpl' });
    } finally {
      busy.value = false;
    }
  }

  const receiveOn = ref(today());
  const receiveVisible = ref(false);
  async function receiveTransfer() {
    if (!doc.value) return;
    busy.value = true;
    error.value = null;
    try {
      const action = `receive:${doc.value.id}`;
      const r = await receive.executeMutation({
        id: doc.value.id,
        idempotencyKey: keys.key(action),
        receivedOn: receiveOn.value || undefined,
      });
      keys.settle(action, r.error);
      if (r.error) {
        error.value = documentError(r.error);
        receiveVisible.value = false;
        if (error.value?.code === 'DOCUMENT_STATE') await load();
        return;
      }
      receiveVisible.value = false;
      ElMessage.success(t('inventory.doc.receivedDone'));
      await load();
    } finally {
      busy.value = false;
    }
  }

  const confirm = confirmed;

  async function cancelDocument() {
    if (!doc.value || !(await confirm(t('inventory.doc.confirmCancel', { number: doc.value.number ?? '' })))) return;
    busy.value = true;
    error.value = null;
    try {
      const action = `cancel:${doc.value.id}`;
      const r = await cancel.executeMutation({ id: doc.value.id, idempotencyKey: keys.key(action) });
      keys.settle(action, r.error);
      if (r.error) {
        error.value = documentError(r.error);
        if (error.value?.code === 'DOCUMENT_STATE') await load();
        return;
      }
      ElMessage.success(t('inventory.doc.cancelledDone'));
      await load();
    } finally {
      busy.value = false;
    }
  }

  async function deleteDraft() {
    if (!doc.value || !(await confirm(t('inventory.doc.confirmDelete')))) return;
    const r = await remove.executeMutation({ id: doc.value.id });
    if (r.error) {
      error.value = documentError(r.error);
      return;
    }
    ElMessage.success(t('common.deleted'));
    await router.push({ name: 'stock-documents' });
  }

  return {
    doc,
    header,
    lines,
    loading,
    busy,
    error,
    editable,
    status,
    columns,
    lookup,
    binMove,
    tplSource,
    sendToTpl,
    bins: computed(() => bins.data.value?.bins.items ?? []),
    toBins: computed(() => toBins.data.value?.bins.items ?? []),
    load,
    reset,
    saveDraft,
    postDocument,
    keepsOnScreen,
    receiveTransfer,
    receiveOn,
    receiveVisible,
    cancelDocument,
    deleteDraft,
  };
}
