import { conditionsInput, noConditions, type StorageConditions } from '@/shared/storageConditions';
import { useClientHandle, useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { describeError, showError, type FieldProblem } from '@/shared/errors';
import { can } from '@/shared/session';
import type { ProductQuery as ProductResult, SkuInput } from '@/gql/graphql';
import { CreateProductMutation, ProductQuery, UpdateProductMutation } from './queries';
import { newSkuRow, type SkuRow } from './skuGenerator';

export type LoadedProduct = ProductResult['product'];

const emptyHeader = () => ({
  code: '',
  name: '',
  categoryId: '' as string,
  brandId: '' as string,
  baseUnit: '',
  unitScale: 0,
  shelfLifeDays: null as number | null,
  storageCondition: '',
  storageNeeds: noConditions() as StorageConditions,
  batchTracked: false,
  serialTracked: false,
  active: true,
  attributeNames: [] as string[],
});

/** The reference prices this user may see, and so set (the API refuses the others). */
export const PRICE_PERMISSIONS = {
  refPurchasePrice: 'catalog.price.purchase.read',
  refSalePrice: 'catalog.price.sale.read',
} as const;

/**
 * Loads, edits and saves one product with its units and SKUs. `id` null: a new product.
 * Field problems of BAD_USER_INPUT are kept by their path (`skus[2].barcodes[0]`) so every cell can
 * show its own; CONFLICT reloads what the server has now.
 */
export function useProductEditor(id: () => string | null) {
  const { t } = useI18n();
  const router = useRouter();
  const handle = useClientHandle();
  const create = useMutation(CreateProductMutation);
  const update = useMutation(UpdateProductMutation);

  const header = reactive(emptyHeader());
  const units = ref<{ name: string; factor: string }[]>([]);
  const skus = ref<SkuRow[]>([]);
  const version = ref(0);
  const loaded = ref<LoadedProduct | null>(null);
  const loading = ref(false);
  const notFound = ref(false);
  const error = ref<string | null>(null);
  const problems = ref<FieldProblem[]>([]);

  const editable = computed(() => can('catalog.product.manage'));
  const mayPrice = {
    refPurchasePrice: computed(() => can(PRICE_PERMISSIONS.refPurchasePrice)),
    refSalePrice: computed(() => can(PRICE_PERMISSIONS.refSalePrice)),
  };

  function fill(p: LoadedProduct | null) {
    loaded.value = p;
    error.value = null;
    problems.value = [];
    if (!p) {
      Object.assign(header, emptyHeader());
      units.value = [];
      skus.value = [newSkuRow()];
      version.value = 0;
      return;
    }
    Object.assign(header, {
      code: p.code,
      name: p.name,
      categoryId: p.categoryId ?? '',
      brandId: p.brandId ?? '',
      baseUnit: p.baseUnit,
      unitScale: p.unitScale,
      shelfLifeDays: p.shelfLifeDays ?? null,
      storageCondition: p.storageCondition ?? '',
      storageNeeds: {
        tempMin: p.storageTempMin ?? null,
        tempMax: p.storageTempMax ?? null,
        humidityMin: p.storageHumidityMin ?? null,
        humidityMax: p.storageHumidityMax ?? null,
        dark: p.storageDark,
        hazardClass: p.hazardClass ?? null,
        foodGrade: p.storageFoodGrade,
      },
      batchTracked: p.batchTracked,
      serialTracked: p.serialTracked,
      active: p.active,
      attributeNames: [...p.attributeNames],
    });
    units.value = p.units.map((u) => ({ name: u.name, factor: u.factor }));
    skus.value = p.skus.map((s) =>
      newSkuRow({
        key: `s${s.id}`,
        id: s.id,
        code: s.code,
        name: s.name,
        loadedName: s.name,
        active: s.active,
        barcodes: [...s.barcodes],
        attrs: Object.fromEntries(s.attributes.map((a) => [a.name, a.value])),
        refPurchasePrice: s.refPurchasePrice ?? '',
        refSalePrice: s.refSalePrice ?? '',
        loadedPurchase: s.refPurchasePrice ?? null,
        loadedSale: s.refSalePrice ?? null,
        pickStrategy: s.pickStrategy ?? '',
      }),
    );
    version.value = p.version;
  }

  async function load() {
    const pid = id();
    notFound.value = false;
    if (!pid) return fill(null);
    loading.value = true;
    const r = await handle.client.query(ProductQuery, { id: pid }).toPromise();
    loading.value = false;
    if (r.error || !r.data) {
      if (showError(r.error) === 'NOT_FOUND') notFound.value = true;
      return;
    }
    fill(r.data.product);
  }
  watch(id, () => void load(), { immediate: true });

  /** A price cell's value for the input: absent when unchanged or not allowed, null when cleared. */
  function priceInput(row: SkuRow, key: 'refPurchasePrice' | 'refSalePrice'): { [k: string]: string | null } {
    if (!mayPrice[key].value) return {};
    const now = row[key].trim();
    const before = key === 'refPurchasePrice' ? row.loadedPurchase : row.loadedSale;
    if (now === (before ?? '')) return {};
    return { [key]: now === '' ? null : now };
  }

  function skuInputs(): SkuInput[] {
    return skus.value.map((row) => ({
      code: row.code.trim(),
      ...(row.name.trim() && row.name.trim() !== row.loadedName ? { name: row.name.trim() } : {}),
      ...(row.id ? { active: row.active } : {}),
      attributes: header.attributeNames.map((n) => ({ name: n, value: (row.attrs[n] ?? '').trim() })),
      barcodes: row.barcodes.map((b) => b.trim()).filter(Boolean),
      ...priceInput(row, 'refPurchasePrice'),
      ...priceInput(row, 'refSalePrice'),
      // '' follows the warehouse's strategy (null clears the SKU's own)
      pickStrategy: row.pickStrategy || null,
    }));
  }

  function fail(e: Parameters<typeof describeError>[0]) {
    const d = describeError(e);
    if (d?.code === 'CONFLICT') {
      ElMessage({ type: 'warning', message: d.text, customClass: 'err-CONFLICT', duration: 5000 });
      void load();
      return;
    }
    error.value = d?.code === 'BAD_USER_INPUT' && d.fields.length ? t('errors.BAD_USER_INPUT') : (d?.text ?? null);
    problems.value = d?.fields ?? [];
  }

  async function save() {
    error.value = null;
    problems.value = [];
    const common = {
      code: header.code.trim(),
      name: header.name.trim(),
      categoryId: header.categoryId || null,
      brandId: header.brandId || null,
      baseUnit: header.baseUnit.trim(),
      unitScale: header.unitScale ?? 0,
      shelfLifeDays: header.shelfLifeDays ?? null,
      storageCondition: header.storageCondition.trim() || null,
      storageNeeds: conditionsInput(header.storageNeeds),
      batchTracked: header.batchTracked,
      serialTracked: header.serialTracked,
      attributeNames: header.attributeNames.map((n) => n.trim()).filter(Boolean),
      units: units.value.map((u) => ({ name: u.name.trim(), factor: u.factor.trim() })),
      skus: skuInputs(),
    };
    const p = loaded.value;
    if (p) {
      const r = await update.executeMutation({
        input: { ...common, id: p.id, version: version.value, active: header.active },
      });
      if (r.error) return fail(r.error);
      ElMessage.success(t('common.saved'));
      await load();
    } else {
      const r = await create.executeMutation({ input: common });
      if (r.error) return fail(r.error);
      ElMessage.success(t('catalog.product.created', { code: common.code }));
      await router.replace({ name: 'product', params: { id: r.data!.createProduct.id } });
    }
  }

  /** Problems at a path or below it: `at('skus[1].barcodes')` finds `skus[1].barcodes[0]`. */
  function at(path: string): string {
    return problems.value
      .filter((p) => p.field === path || p.field.startsWith(path + '.') || p.field.startsWith(path + '['))
      .map((p) => p.message)
      .join(' ');
  }

  /** Problems at exactly this path (e.g. `skus[0].attributes` as a whole). */
  function exact(path: string): string {
    return problems.value
      .filter((p) => p.field === path)
      .map((p) => p.message)
      .join(' ');
  }

  return {
    header,
    units,
    skus,
    version,
    loaded,
    loading,
    notFound,
    error,
    problems,
    editable,
    mayPrice,
    load,
    save,
    at,
    exact,
    saving: computed(() => create.fetching.value || update.fetching.value),
    addUnit: () => units.value.push({ name: '', factor: '' }),
    removeUnit: (i: number) => units.value.splice(i, 1),
    addSku: () => skus.value.push(newSkuRow()),
    /** only rows not saved yet; saved SKUs are deactivated, never deleted */
    removeSku: (i: number) => skus.value.splice(i, 1),
  };
}
