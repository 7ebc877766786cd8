import { useMutation, useQuery } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { showError } from '@/shared/errors';
import { can } from '@/shared/session';
import { today } from '@/shared/clock';
import type { PromotionFieldsFragment, PromotionKind, PromotionStatus } from '@/gql/graphql';
import {
  ApprovePromotionMutation,
  PromotionsQuery,
  RejectPromotionMutation,
  SavePromotionMutation,
  StopPromotionMutation,
  SubmitPromotionMutation,
} from './queries';

export const KINDS: PromotionKind[] = [
  'PERCENT_OFF',
  'FIXED_PRICE',
  'TIER_PRICE',
  'BUNDLE_PRICE',
  'BUY_X_GET_Y',
  'THRESHOLD_OFF',
  'ORDER_PERCENT',
];
export const STATUSES: PromotionStatus[] = ['DRAFT', 'PENDING_APPROVAL', 'SCHEDULED', 'ACTIVE', 'ENDED'];
export const STATUS_TAG: Record<PromotionStatus, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  DRAFT: 'info',
  PENDING_APPROVAL: 'warning',
  SCHEDULED: 'primary',
  ACTIVE: 'success',
  ENDED: 'info',
};

export type Promotion = PromotionFieldsFragment;

/** The form as the dialog edits it: strings and lists, turned into SavePromotionInput on save. */
export interface PromotionForm {
  id: string | null;
  version: number | null;
  code: string;
  name: string;
  kind: PromotionKind;
  priority: number;
  exclusive: boolean;
  period: [string, string] | null;
  budget: string;
  perCustomer: number | null;
  totalLimit: number | null;
  percent: string;
  price: string;
  threshold: string;
  off: string;
  perMultiple: boolean;
  cap: string;
  buyQty: string;
  getQty: string;
  giftSkuId: string;
  maxTimes: number | null;
  tiers: Array<{ minQty: string; percent: string }>;
  items: Array<{ skuId: string; qty: string }>;
  channelIds: string[];
  tierIds: string[];
  skuIds: string[];
  excludeSkuIds: string[];
  weekdays: number[];
  hoursFrom: string;
  hoursTo: string;
  minQty: string;
  minAmount: string;
}

/** From today for 30 days (the company's days), as the forms propose a period. */
export function defaultPeriod(): [string, string] {
  const d = today();
  const end = new Date(Date.parse(`${d}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return [`${d}T00:00`, `${end}T00:00`];
}

const blank = (): PromotionForm => ({
  id: null,
  version: null,
  code: '',
  name: '',
  kind: 'THRESHOLD_OFF',
  priority: 100,
  exclusive: false,
  period: defaultPeriod(),
  budget: '',
  perCustomer: null,
  totalLimit: null,
  percent: '',
  price: '',
  threshold: '',
  off: '',
  perMultiple: false,
  cap: '',
  buyQty: '',
  getQty: '',
  giftSkuId: '',
  maxTimes: null,
  tiers: [{ minQty: '', percent: '' }],
  items: [{ skuId: '', qty: '1' }],
  channelIds: [],
  tierIds: [],
  skuIds: [],
  excludeSkuIds: [],
  weekdays: [],
  hoursFrom: '',
  hoursTo: '',
  minQty: '',
  minAmount: '',
});

const orNull = (s: string | null | undefined) => (s === null || s === undefined || s.trim() === '' ? null : s.trim());

/** The form → the API's input: only the rule's figures its kind uses. */
export function toInput(f: PromotionForm) {
  const k = f.kind;
  const rule: Record<string, unknown> = {};
  if (k === 'PERCENT_OFF' || k === 'ORDER_PERCENT') rule.percent = orNull(f.percent);
  if (k === 'ORDER_PERCENT' || (k === 'THRESHOLD_OFF' && f.perMultiple)) rule.cap = orNull(f.cap);
  if (k === 'FIXED_PRICE' || k === 'BUNDLE_PRICE') rule.price = orNull(f.price);
  if (k === 'THRESHOLD_OFF')
    Object.assign(rule, { threshold: orNull(f.threshold), off: orNull(f.off), perMultiple: f.perMultiple });
  if (k === 'BUY_X_GET_Y')
    Object.assign(rule, { buyQty: orNull(f.buyQty), getQty: orNull(f.getQty), giftSkuId: orNull(f.giftSkuId) });
  if (k === 'BUY_X_GET_Y' || k === 'BUNDLE_PRICE') rule.maxTimes = f.maxTimes || null;
  if (k === 'TIER_PRICE')
    rule.tiers = f.tiers.filter((x) => x.minQty).map((x) => ({ minQty: x.minQty, percent: orNull(x.percent) }));
  if (k === 'BUNDLE_PRICE')
    rule.items = f.items.filter((x) => x.skuId).map((x) => ({ skuId: x.skuId, qty: x.qty || '1' }));
  return {
    id: f.id ?? undefined,
    version: f.version ?? undefined,
    code: f.code.trim(),
    name: f.name.trim(),
    kind: f.kind,
    priority: Number(f.priority) || 0,
    exclusive: f.exclusive,
    startsAt: f.period?.[0] ?? '',
    endsAt: f.period?.[1] ?? '',
    budget: orNull(f.budget),
    perCustomer: f.perCustomer || null,
    totalLimit: f.totalLimit || null,
    rule,
    eligibility: {
      channelIds: f.channelIds,
      tierIds: f.tierIds,
      skuIds: f.skuIds,
      excludeSkuIds: f.excludeSkuIds,
      weekdays: f.weekdays,
      hours: f.hoursFrom && f.hoursTo ? [{ from: f.hoursFrom, to: f.hoursTo }] : [],
      minQty: orNull(f.minQty),
      minAmount: orNull(f.minAmount),
    },
  };
}

export function fromPromotion(p: Promotion): PromotionForm {
  const r = p.rule;
  const e = p.eligibility;
  return {
    ...blank(),
    id: p.id,
    version: p.version,
    code: p.code,
    name: p.name,
    kind: p.kind,
    priority: p.priority,
    exclusive: p.exclusive,
    period: [p.startsAt, p.endsAt],
    budget: p.budget ?? '',
    perCustomer: p.perCustomer ?? null,
    totalLimit: p.totalLimit ?? null,
    percent: r.percent ?? '',
    price: r.price ?? '',
    threshold: r.threshold ?? '',
    off: r.off ?? '',
    perMultiple: !!r.perMultiple,
    cap: r.cap ?? '',
    buyQty: r.buyQty ?? '',
    getQty: r.getQty ?? '',
    giftSkuId: r.giftSkuId ?? '',
    maxTimes: r.maxTimes ?? null,
    tiers: r.tiers?.length ? r.tiers.map((x) => ({ minQty: x.minQty, percent: x.percent ?? '' })) : blank().tiers,
    items: r.items?.length ? r.items.map((x) => ({ skuId: x.skuId, qty: x.qty })) : blank().items,
    channelIds: e.channelIds ?? [],
    tierIds: e.tierIds ?? [],
    skuIds: e.skuIds ?? [],
    excludeSkuIds: e.excludeSkuIds ?? [],
    weekdays: e.weekdays ?? [],
    hoursFrom: e.hours?.[0]?.from ?? '',
    hoursTo: e.hours?.[0]?.to ?? '',
    minQty: e.minQty ?? '',
    minAmount: e.minAmount ?? '',
  };
}

/** 促销 page: the list by status, the form, and the decisions (submit, approve, reject, stop). */
export function usePromotions() {
  const { t } = useI18n();
  const status = ref<PromotionStatus | ''>('');
  const q = useQuery({
    query: PromotionsQuery,
    variables: computed(() => ({ filter: status.value ? { status: status.value } : null })),
    requestPolicy: 'cache-and-network',
  });
  watch(q.error, (e) => e && showError(e));
  const rows = computed(() => (q.data.value?.promotions.items ?? []) as Promotion[]);
  const mayManage = computed(() => can('sales.promotion.manage'));
  const mayApprove = computed(() => can('sales.promotion.approve'));

  const dialog = ref(false);
  const form = reactive<PromotionForm>(blank());
  function open(p?: Promotion) {
    Object.assign(form, p ? fromPromotion(p) : blank());
    dialog.value = true;
  }
  const save = useMutation(SavePromotionMutation);
  async function submitForm() {
    const r = await save.executeMutation({ input: toInput(form) as never });
    if (r.error) return void showError(r.error);
    dialog.value = false;
    ElMessage.success(t('common.saved'));
    q.executeQuery({ requestPolicy: 'network-only' });
  }
  const submitM = useMutation(SubmitPromotionMutation);
  const approveM = useMutation(ApprovePromotionMutation);
  const rejectM = useMutation(RejectPromotionMutation);
  const stopM = useMutation(StopPromotionMutation);
  async function act(kind: 'submit' | 'approve' | 'reject' | 'stop', p: Promotion, note?: string) {
    const r =
      kind === 'submit'
        ? await submitM.executeMutation({ id: p.id })
        : kind === 'approve'
          ? await approveM.executeMutation({ id: p.id })
          : kind === 'reject'
            ? await rejectM.executeMutation({ id: p.id, note: note ?? '' })
            : await stopM.executeMutation({ id: p.id });
    if (r.error) return void showError(r.error);
    ElMessage.success(t(`promotions.done.${kind}`));
    q.executeQuery({ requestPolicy: 'network-only' });
  }
  return { status, q, rows, mayManage, mayApprove, dialog, form, open, submitForm, saving: save.fetching, act };
}
