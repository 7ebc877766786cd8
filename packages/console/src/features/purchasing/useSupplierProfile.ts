import { useClientHandle, useMutation, useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import { showError } from '@/shared/errors';
import {
  AddQualificationMutation,
  AddSupplierPriceMutation,
  SupplierPriceHistoryQuery,
  SupplierProfileQuery,
  UpdateSupplierMutation,
} from './queries';

/** One supplier: profile, qualifications with their warnings, agreements and their history. */
export function useSupplierProfile(id: () => string) {
  const { client } = useClientHandle();
  const q = useQuery({
    query: SupplierProfileQuery,
    variables: computed(() => ({ id: id() })),
    requestPolicy: 'network-only',
  });
  watch(q.error, (e) => e && showError(e));
  const supplier = computed(() => q.data.value?.supplier ?? null);
  const prices = computed(() => q.data.value?.supplierPrices ?? []);
  const warnings = computed(
    () => new Map((q.data.value?.expiringQualifications ?? []).map((w) => [w.qualification.id, w])),
  );
  const reload = () => q.executeQuery({ requestPolicy: 'network-only' });

  const update = useMutation(UpdateSupplierMutation);
  const addQual = useMutation(AddQualificationMutation);
  const addPrice = useMutation(AddSupplierPriceMutation);
  async function run<T extends { error?: any }>(p: Promise<T>) {
    const r = await p;
    if (r.error) {
      showError(r.error);
      return false;
    }
    reload();
    return true;
  }

  const history = ref<
    Array<{
      id: string;
      price?: string | null;
      validFrom: string;
      validTo?: string | null;
      minOrderQty: string;
      packSize: string;
      createdAt: string;
    }>
  >([]);
  async function loadHistory(skuId: string) {
    const r = await client.query(SupplierPriceHistoryQuery, { supplierId: id(), skuId }).toPromise();
    if (r.error) showError(r.error);
    history.value = r.data?.supplierPriceHistory ?? [];
  }

  return {
    q,
    supplier,
    prices,
    warnings,
    reload,
    history,
    loadHistory,
    setStatus: (status: string) =>
      run(update.executeMutation({ input: { id: id(), version: supplier.value!.version, status: status as any } })),
    addQualification: (input: { kind: string; number: string; expiresOn: string; required: boolean }) =>
      run(addQual.executeMutation({ input: { supplierId: id(), ...input } })),
    addPrice: (input: {
      skuId: string;
      price: string;
      validFrom: string;
      validTo?: string | null;
      minOrderQty?: string;
      packSize?: string;
    }) =>
      run(
        addPrice.executeMutation({
          input: {
            supplierId: id(),
            ...input,
            validTo: input.validTo || null,
            minOrderQty: input.minOrderQty || null,
            packSize: input.packSize || null,
          },
        }),
      ),
  };
}
