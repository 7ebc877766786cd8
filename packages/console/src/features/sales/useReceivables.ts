import type { CombinedError } from '@urql/core';
import { useMutation, useQuery } from '@urql/vue';
import { computed, reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, fieldLabel, showError } from '@/shared/errors';
import { today } from '@/shared/clock';
import { decimalSign, sumDecimals } from '@/shared/money';
import { useListRoute } from '@/components/useListRoute';
import type { Column } from '@/components/columns';
import { CustomerReceivablesQuery, RecordCustomerPaymentMutation } from './reportQueries';

export const AMOUNT_KEYS = [
  'invoiced',
  'credited',
  'paid',
  'balance',
  'age0to30',
  'age31to60',
  'age61to90',
  'ageOver90',
  'overdue',
] as const;
export type AmountKey = (typeof AMOUNT_KEYS)[number];

/** What the export writes: the page's columns, the customer as its code and its name. */
export const receivableExportColumns: Column[] = [
  { key: 'customerCode', label: 'receivables.customerCode' },
  { key: 'customerName', label: 'receivables.customer' },
  ...AMOUNT_KEYS.map((key) => ({ key, label: `receivables.${key}` })),
  { key: 'openInvoices', label: 'receivables.openInvoices' },
];

/** A payment amount the server accepts: above zero, at most 2 decimals. */
const PAYMENT_AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

/** 应收账款: balances per customer as of a day (in the URL), the totals, and 收款. */
export function useReceivables() {
  const { t, te } = useI18n();
  const list = useListRoute(['asOf'] as const);
  const asOf = computed(() => list.filters.value.asOf || today());
  const q = useQuery({
    query: CustomerReceivablesQuery,
    variables: computed(() => ({ asOf: asOf.value })),
    requestPolicy: 'network-only',
  });
  watch(q.error, (e) => e && showError(e));
  const rows = computed(() => q.data.value?.customerReceivables ?? []);
  /** Σ of each amount column, exact on the digit strings (null when a value is withheld). */
  const totals = computed(
    () =>
      Object.fromEntries(AMOUNT_KEYS.map((k) => [k, sumDecimals(rows.value.map((r) => r[k]))])) as Record<
        AmountKey,
        string | null
      >,
  );
  const openInvoices = computed(() => rows.value.reduce((s, r) => s + r.openInvoices, 0));

  // customers whose invoices and payments are shown (by clicking the row)
  const expanded = ref<string[]>([]);
  const toggle = (customerId: string) => {
    expanded.value = expanded.value.includes(customerId)
      ? expanded.value.filter((x) => x !== customerId)
      : [...expanded.value, customerId];
  };
  /** Bumped after a payment so the open details load again. */
  const detailVersion = ref(0);

  // 收款: at most the balance, which settles the oldest invoices first
  const pay = useMutation(RecordCustomerPaymentMutation);
  const dialog = ref<null | { customerId: string; code: string; name: string; balance: string | null }>(null);
  const form = reactive({ amount: '', receivedOn: today(), reference: '' });
  const payError = ref<string | null>(null);
  function startPayment(row: {
    customerId: string;
    customerCode: string;
    customerName: string;
    balance?: string | null;
  }) {
    payError.value = null;
    // the balance shown is as of the chosen day; only today's is what may still be paid
    const current = asOf.value >= today() && decimalSign(row.balance) === 1 ? row.balance! : '';
    Object.assign(form, { amount: current, receivedOn: today(), reference: '' });
    dialog.value = {
      customerId: row.customerId,
      code: row.customerCode,
      name: row.customerName,
      balance: row.balance ?? null,
    };
  }
  function paymentErrorText(error: CombinedError): string {
    const d = describeError(error);
    if (!d) return '';
    if (d.code !== 'BAD_USER_INPUT' || !d.fields.length) return d.text;
    const label = (f: string) =>
      te(`receivables.payment.fields.${f}`) ? t(`receivables.payment.fields.${f}`) : fieldLabel(f);
    const parts = d.fields.map((f) =>
      f.field === 'amount' ? `${label('amount')}: ${t('receivables.payment.amountRule')}` : label(f.field),
    );
    return `${t('errors.BAD_USER_INPUT')} ${parts.join(t('common.listSeparator'))}`;
  }
  async function savePayment(): Promise<boolean> {
    payError.value = null;
    const amount = form.amount.trim();
    if (!PAYMENT_AMOUNT.test(amount) || decimalSign(amount) !== 1) {
      payError.value = t('receivables.payment.invalidAmount');
      return false;
    }
    const r = await pay.executeMutation({
      input: {
        customerId: dialog.value!.customerId,
        amount,
        receivedOn: form.receivedOn || null,
        reference: form.reference.trim() || null,
      },
    });
    if (r.error) {
      payError.value = paymentErrorText(r.error);
      return false;
    }
    dialog.value = null;
    detailVersion.value++;
    q.executeQuery({ requestPolicy: 'network-only' });
    return true;
  }

  return {
    list,
    asOf,
    q,
    rows,
    totals,
    openInvoices,
    expanded,
    toggle,
    detailVersion,
    dialog,
    form,
    payError,
    startPayment,
    savePayment,
    paying: computed(() => pay.fetching.value),
  };
}
