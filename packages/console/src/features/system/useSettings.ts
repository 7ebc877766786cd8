import { useMutation, useQuery } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError } from '@/shared/errors';
import { loadNumberFormat } from '@/shared/format';
import { can } from '@/shared/session';
import { DECIMAL_RE } from '@/shared/money';
import type { CostingMethod, StorageRule } from '@/gql/graphql';
import { CompanySettingsQuery, UpdateCompanySettingsMutation } from './queries';

/** Company settings; decimals stay strings and are checked for format here, for range by the server. */
export function useSettings() {
  const { t } = useI18n();
  const q = useQuery({ query: CompanySettingsQuery });
  const m = useMutation(UpdateCompanySettingsMutation);
  const settings = computed(() => q.data.value?.companySettings);
  const form = reactive({
    companyName: '',
    currency: '',
    costingMethod: 'MOVING_AVERAGE' as CostingMethod,
    defaultTaxRate: '',
    defaultCreditLimit: '',
    closedThrough: '',
    numberPatterns: '',
    expiryWarningDays: 30,
    storageRule: 'WARN' as StorageRule,
    unitCostPlaces: 4,
  });
  const error = ref<string | null>(null);
  const fieldErrors = ref<Record<string, string>>({});
  const editable = computed(() => can('system.settings.manage'));

  function fill() {
    const s = settings.value;
    if (s)
      Object.assign(form, {
        companyName: s.companyName,
        currency: s.currency,
        costingMethod: s.costingMethod,
        defaultTaxRate: s.defaultTaxRate,
        defaultCreditLimit: s.defaultCreditLimit,
        closedThrough: s.closedThrough ?? '',
        numberPatterns: s.numberPatterns ?? '',
        expiryWarningDays: s.expiryWarningDays,
        storageRule: s.storageRule,
        unitCostPlaces: s.unitCostPlaces,
      });
  }
  watch(settings, fill, { immediate: true });

  function check(): boolean {
    const errs: Record<string, string> = {};
    for (const k of ['defaultTaxRate', 'defaultCreditLimit'] as const)
      if (!DECIMAL_RE.test(form[k].trim())) errs[k] = t('settings.decimalFormat');
    if (!/^[A-Z]{3}$/.test(form.currency.trim())) errs.currency = t('settings.currencyFormat');
    if (!form.companyName.trim()) errs.companyName = t('common.required');
    if (form.closedThrough && !/^\d{4}-\d{2}-\d{2}$/.test(form.closedThrough))
      errs.closedThrough = t('settings.dateFormat');
    fieldErrors.value = errs;
    return Object.keys(errs).length === 0;
  }

  async function save() {
    error.value = null;
    if (!settings.value || !check()) return;
    const r = await m.executeMutation({
      input: {
        version: settings.value.version,
        companyName: form.companyName.trim(),
        currency: form.currency.trim(),
        costingMethod: form.costingMethod,
        defaultTaxRate: form.defaultTaxRate.trim(),
        defaultCreditLimit: form.defaultCreditLimit.trim(),
        expiryWarningDays: form.expiryWarningDays,
        storageRule: form.storageRule,
        unitCostPlaces: form.unitCostPlaces,
        ...(form.closedThrough ? { closedThrough: form.closedThrough } : {}),
        ...(form.numberPatterns.trim() ? { numberPatterns: form.numberPatterns.trim() } : {}),
      },
    });
    if (r.error) {
      const d = describeError(r.error);
      error.value = d?.text ?? null;
      fieldErrors.value = Object.fromEntries((d?.fields ?? []).map((f) => [f.field.split('.').pop()!, f.message]));
      if (d?.code === 'CONFLICT') await q.executeQuery();
      return;
    }
    ElMessage.success(t('common.saved'));
    await q.executeQuery();
    await loadNumberFormat();
  }

  return { q, settings, form, error, fieldErrors, editable, save, reset: fill, saving: m.fetching };
}
