import { formatMoney } from '@/shared/format';
import { useClientHandle, useMutation, useQuery } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, fieldLabel, showError } from '@/shared/errors';
import { can } from '@/shared/session';
import { today } from '@/shared/clock';
import { DECIMAL_RE } from '@/shared/money';
import { useListRoute } from '@/components/useListRoute';
import type { PriceRuleKind } from '@/gql/graphql';
import {
  PriceCustomersQuery,
  PriceListItemsQuery,
  PriceListsQuery,
  PriceQuoteQuery,
  PriceSkusQuery,
  SavePriceListMutation,
  SetPriceListItemMutation,
} from './priceListQueries';

export const PRICE_RULES: PriceRuleKind[] = ['FIXED', 'COST_PLUS', 'DISCOUNT_OFF_LIST'];
export const PERIOD_TAG = { current: 'success', upcoming: 'warning', ended: 'info' } as const;
export type Period = keyof typeof PERIOD_TAG;

export interface SkuLabel {
  id: string;
  code: string;
  name: string;
  refSalePrice?: string | null;
}
export interface PriceItem {
  id: string;
  skuId: string;
  /** null: a cost-plus rule shown to someone who may not read cost (neither the kind nor the markup) */
  rule?: PriceRuleKind | null;
  value?: string | null;
  validFrom: string;
  validTo?: string | null;
  createdBy: string;
  createdAt: string;
}
export interface PriceListRow {
  id: string;
  code: string;
  name: string;
  tierId?: string | null;
  channelId?: string | null;
  active: boolean;
  version: number;
}

/** "10.0000" → "10", "134.6900" → "134.69" (string operations only). */
export function trimDecimal(v: string): string {
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;
}

/** A rule's value as read: a unit price for FIXED, a percentage otherwise; — when the rule is not shown. */
export function ruleValue(rule: string | null | undefined, value: string | null | undefined): string {
  if (!rule || value == null) return '—';
  return rule === 'FIXED' ? formatMoney(value) : `${trimDecimal(value)}%`;
}

/** The i18n key of a rule's name; a rule not shown (cost plus, to someone who may not read cost) has its own. */
export const ruleKey = (rule: string | null | undefined) => `priceLists.rules.${rule ?? 'HIDDEN'}`;

/** Where a period stands on `day`: in force, starting later, or over. */
export function periodOf(item: { validFrom: string; validTo?: string | null }, day = today()): Period {
  if (item.validFrom > day) return 'upcoming';
  if (item.validTo && item.validTo < day) return 'ended';
  return 'current';
}

/**
 * SKU labels for price-list items, which carry only the SKU id. The API has no "SKUs by id": pages
 * of SKUs are read until every id is known (one page for a demo catalogue); found labels are kept.
 */
export function useSkuLabels() {
  const { client } = useClientHandle();
  const labels = reactive(new Map<string, SkuLabel>());
  let chain: Promise<void> = Promise.resolve();
  function load(ids: string[]) {
    chain = chain.then(async () => {
      const missing = new Set(ids.filter((id) => !labels.has(id)));
      for (let offset = 0; missing.size && offset < 10_000; offset += 200) {
        const r = await client.query(PriceSkusQuery, { page: { offset, limit: 200 } }).toPromise();
        if (r.error) return void showError(r.error);
        const items = r.data?.skus.items ?? [];
        for (const s of items) {
          labels.set(s.id, s);
          missing.delete(s.id);
        }
        if (items.length < 200) break;
      }
    });
    return chain;
  }
  async function search(text: string): Promise<SkuLabel[]> {
    const r = await client
      .query(PriceSkusQuery, { filter: { search: text, active: true }, page: { limit: 30 } })
      .toPromise();
    const items = r.data?.skus.items ?? [];
    for (const s of items) labels.set(s.id, s);
    return items;
  }
  const label = (id: string) => {
    const s = labels.get(id);
    return s ? `${s.code} · ${s.name}` : `#${id}`;
  };
  return { labels, load, search, label };
}

/**
 * 价目表 page: the lists, the chosen list's items (current and upcoming periods, or all of them;
 * narrowed to one SKU), one SKU's price history, and the two dialogs (list, new price). The chosen
 * list (by code), the SKU and "with past periods" live in the URL.
 */
export function usePriceLists() {
  const { t, te } = useI18n();
  const route = useListRoute(['list', 'sku', 'past'] as const);
  const skus = useSkuLabels();

  const listsQ = useQuery({ query: PriceListsQuery, requestPolicy: 'cache-and-network' });
  watch(listsQ.error, (e) => e && showError(e));
  const lists = computed(() => listsQ.data.value?.priceLists ?? []);
  const selected = computed(() => lists.value.find((l) => l.code === route.filters.value.list) ?? null);
  // the first list is shown until one is chosen
  watch(
    lists,
    (ls) => {
      if (ls.length && !selected.value) route.set({ list: ls[0].code, sku: '' });
    },
    { immediate: true },
  );
  const select = (code: string) => code !== route.filters.value.list && route.set({ list: code, sku: '' });

  const skuFilter = computed(() => route.filters.value.sku);
  const withPast = computed(() => route.filters.value.past === '1');
  const itemsQ = useQuery({
    query: PriceListItemsQuery,
    variables: computed(() => ({ priceListId: selected.value?.id ?? '', skuId: skuFilter.value || null })),
    pause: computed(() => !selected.value),
    requestPolicy: 'cache-and-network',
  });
  watch(itemsQ.error, (e) => e && showError(e));
  const allItems = computed<PriceItem[]>(() => itemsQ.data.value?.priceListItems ?? []);
  const items = computed(() =>
    withPast.value ? allItems.value : allItems.value.filter((i) => periodOf(i) !== 'ended'),
  );
  watch(allItems, (xs) => xs.length && skus.load(xs.map((x) => x.skuId)), { immediate: true });

  // one SKU's history: the filtered SKU, or the one whose "history" was clicked
  const historySku = ref('');
  watch([skuFilter, () => selected.value?.id], ([s]) => (historySku.value = s), { immediate: true });
  const historyQ = useQuery({
    query: PriceListItemsQuery,
    variables: computed(() => ({ priceListId: selected.value?.id ?? '', skuId: historySku.value })),
    pause: computed(() => !selected.value || !historySku.value),
    requestPolicy: 'cache-and-network',
  });
  const history = computed<PriceItem[]>(() => (historySku.value ? (historyQ.data.value?.priceListItems ?? []) : []));
  watch(historySku, (s) => s && skus.load([s]), { immediate: true });

  function reloadItems() {
    itemsQ.executeQuery({ requestPolicy: 'network-only' });
    if (historySku.value) historyQ.executeQuery({ requestPolicy: 'network-only' });
  }

  /** A translated message for a dialog, naming the fields the server complained about. */
  function dialogError(e: Parameters<typeof describeError>[0]): string | null {
    const d = describeError(e);
    if (!d) return null;
    if (d.code !== 'BAD_USER_INPUT' || !d.fields.length) return d.text;
    return `${t('errors.BAD_USER_INPUT')} ${d.fields.map((f) => priceFieldLabel(f.field)).join(t('common.listSeparator'))}`;
  }
  function priceFieldLabel(field: string) {
    const key = field.split('.').pop()!;
    return te(`priceLists.fields.${key}`) ? t(`priceLists.fields.${key}`) : fieldLabel(key);
  }

  // the list dialog: add, or change code, name, tier, channel and "active"
  const listDialog = ref(false);
  const listError = ref<string | null>(null);
  const blankList = () => ({ id: '', version: 0, code: '', name: '', tierId: '', channelId: '', active: true });
  const listForm = reactive(blankList());
  const saveList = useMutation(SavePriceListMutation);
  function openList(row?: PriceListRow) {
    Object.assign(
      listForm,
      blankList(),
      row
        ? {
            id: row.id,
            version: row.version,
            code: row.code,
            name: row.name,
            tierId: row.tierId ?? '',
            channelId: row.channelId ?? '',
            active: row.active,
          }
        : {},
    );
    listError.value = null;
    listDialog.value = true;
  }
  async function submitList() {
    listError.value = null;
    const r = await saveList.executeMutation({
      input: {
        id: listForm.id || null,
        version: listForm.id ? listForm.version : null,
        code: listForm.code.trim(),
        name: listForm.name.trim(),
        tierId: listForm.tierId || null,
        channelId: listForm.channelId || null,
        active: listForm.active,
      },
    });
    if (r.error) {
      listError.value = dialogError(r.error);
      if (describeError(r.error)?.code === 'CONFLICT') listsQ.executeQuery({ requestPolicy: 'network-only' });
      return;
    }
    listDialog.value = false;
    ElMessage.success(t('common.saved'));
    listsQ.executeQuery({ requestPolicy: 'network-only' });
    route.set({ list: r.data!.savePriceList.code, sku: '' });
  }

  // the new-price dialog: a price from a date; the open period ends the day before
  const itemDialog = ref(false);
  const itemError = ref<string | null>(null);
  const blankItem = () => ({ skuId: '', rule: 'FIXED' as PriceRuleKind, value: '', validFrom: today(), validTo: '' });
  const itemForm = reactive(blankItem());
  const setItem = useMutation(SetPriceListItemMutation);
  /** The open period of the SKU in the form (from what is loaded), to say when a new price may start. */
  const openPeriod = computed(
    () => [...history.value, ...allItems.value].find((i) => i.skuId === itemForm.skuId && !i.validTo) ?? null,
  );
  const valueOk = computed(() => DECIMAL_RE.test(itemForm.value.trim()) && !itemForm.value.trim().startsWith('-'));
  const startsTooEarly = computed(
    () => !!openPeriod.value && !!itemForm.validFrom && itemForm.validFrom <= openPeriod.value.validFrom,
  );
  function openItem(row?: PriceItem) {
    Object.assign(itemForm, blankItem(), row ? { skuId: row.skuId, rule: row.rule ?? 'FIXED' } : {});
    if (row) historySku.value = row.skuId;
    itemError.value = null;
    itemDialog.value = true;
  }
  async function submitItem() {
    if (!selected.value) return;
    itemError.value = null;
    const r = await setItem.executeMutation({
      input: {
        priceListId: selected.value.id,
        skuId: itemForm.skuId,
        rule: itemForm.rule,
        value: itemForm.value.trim(),
        validFrom: itemForm.validFrom,
        validTo: itemForm.validTo || null,
      },
    });
    if (r.error) {
      itemError.value = dialogError(r.error);
      return;
    }
    itemDialog.value = false;
    ElMessage.success(t('priceLists.item.saved'));
    historySku.value = itemForm.skuId;
    reloadItems();
  }

  return {
    route,
    skus,
    lists,
    listsQ,
    selected,
    select,
    skuFilter,
    withPast,
    itemsQ,
    items,
    historySku,
    history,
    historyQ,
    mayManage: computed(() => can('sales.setup.manage')),
    listDialog,
    listError,
    listForm,
    saveList,
    openList,
    submitList,
    itemDialog,
    itemError,
    itemForm,
    setItem,
    openItem,
    submitItem,
    openPeriod,
    valueOk,
    startsTooEarly,
  };
}

const STEP = {
  listPrice: /^list price (\S+)$/,
  noList: /^no price list applies: the list price$/,
  list: /^price list (\S+) \((.+?), (.+?), (\d{4}-\d{2}-\d{2})–(\S+)\): (.+)$/,
  // the list and the resulting price only (a cost-plus step for someone who may not read cost)
  listOnly: /^price list (\S+)(?: \((.+)\))?: (-?\d+(?:\.\d+)?)$/,
  fixed: /^fixed (\S+)$/,
  costPlus: /^cost (\S+) \+ (\S+)% = (\S+)$/,
  costPlusHidden: /^cost \+ (\S+)%$/,
  discount: /^(\S+)% off (\S+) = (\S+)$/,
  noPromotions: /^promotions: none$/,
  rounded: /^rounded to 0\.01: (\S+)$/,
};

/**
 * One step of a quote in the reader's language. The server writes steps as English sentences with
 * codes (list, tier and channel codes); known shapes are translated, tier and channel codes become
 * their names, anything else is shown as it came.
 */
export function translateStep(
  step: string,
  t: (key: string, params?: Record<string, unknown>) => string,
  names: { tier: (code: string) => string; channel: (code: string) => string },
): string {
  let m: RegExpExecArray | null;
  if ((m = STEP.listPrice.exec(step))) return t('priceLists.steps.listPrice', { price: m[1] });
  if (STEP.noList.test(step)) return t('priceLists.steps.noList');
  if (STEP.noPromotions.test(step)) return t('priceLists.steps.noPromotions');
  if ((m = STEP.rounded.exec(step))) return t('priceLists.steps.rounded', { price: m[1] });
  if ((m = STEP.listOnly.exec(step)))
    return t('priceLists.steps.listOnly', { list: m[2] ? `${m[1]} ${m[2]}` : m[1], price: m[3] });
  if ((m = STEP.list.exec(step))) {
    const [, code, tier, channel, from, to, rest] = m;
    const period = to === 'open' ? t('priceLists.steps.openFrom', { from }) : `${from} – ${to}`;
    const where = t('priceLists.steps.where', {
      code,
      tier: tier === 'any tier' ? t('priceLists.anyTier') : names.tier(tier),
      channel: channel === 'any channel' ? t('priceLists.anyChannel') : names.channel(channel),
      period,
    });
    let how = rest;
    let r: RegExpExecArray | null;
    if ((r = STEP.fixed.exec(rest))) how = t('priceLists.steps.fixed', { price: r[1] });
    else if ((r = STEP.costPlus.exec(rest)))
      how = t('priceLists.steps.costPlus', { cost: r[1], margin: r[2], price: r[3] });
    else if ((r = STEP.costPlusHidden.exec(rest))) how = t('priceLists.steps.costPlusHidden', { margin: r[1] });
    else if ((r = STEP.discount.exec(rest)))
      how = t('priceLists.steps.discount', { off: r[1], list: r[2], price: r[3] });
    return `${where}${t('priceLists.steps.colon')}${how}`;
  }
  return step;
}

/** 试算: the price an order line would get for a customer, channel, warehouse and SKU, with its steps. */
export function usePriceQuote() {
  const { t } = useI18n();
  const { client } = useClientHandle();
  const form = reactive({ customerId: '', channelId: '', warehouseId: '', skuId: '', on: '' });
  const customers = ref<
    Array<{
      id: string;
      code: string;
      name: string;
      tier?: { id: string; code: string; name: string } | null;
      channel?: { id: string; code: string; name: string } | null;
    }>
  >([]);
  async function searchCustomers(text: string) {
    if (!text.trim()) return;
    const r = await client
      .query(PriceCustomersQuery, { filter: { search: text.trim() }, page: { limit: 30 } })
      .toPromise();
    if (r.error) return void showError(r.error);
    customers.value = r.data?.customers.items ?? [];
  }
  const customer = computed(() => customers.value.find((c) => c.id === form.customerId) ?? null);
  // the customer's own channel is the first guess
  watch(customer, (c) => c?.channel && !form.channelId && (form.channelId = c.channel.id));
  const ready = computed(() => !!(form.customerId && form.channelId && form.warehouseId && form.skuId));
  const result = ref<{
    unitPrice: string;
    priceListId?: string | null;
    rule?: string | null;
    steps: string[];
    belowCost?: boolean | null;
  } | null>(null);
  const error = ref<string | null>(null);
  const busy = ref(false);
  async function run() {
    if (!ready.value) return;
    busy.value = true;
    error.value = null;
    const r = await client
      .query(PriceQuoteQuery, { input: { ...form, on: form.on || null } }, { requestPolicy: 'network-only' })
      .toPromise();
    busy.value = false;
    if (r.error) {
      result.value = null;
      const d = describeError(r.error);
      // a SKU the lists cannot price (cost plus without a cost in the warehouse) comes back as a problem with the SKU
      error.value =
        d?.code === 'BAD_USER_INPUT' && d.fields.some((f) => f.field === 'skuId')
          ? t('priceLists.quote.cannotPrice')
          : (d?.text ?? null);
      return;
    }
    result.value = r.data!.priceQuote;
  }
  // a changed question clears the old answer
  watch(
    () => ({ ...form }),
    () => {
      result.value = null;
      error.value = null;
    },
  );
  return { form, customers, searchCustomers, customer, ready, result, error, busy, run };
}
