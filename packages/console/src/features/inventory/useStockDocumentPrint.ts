import { useClientHandle, useQuery } from '@urql/vue';
import { computed, ref, watch, type Ref } from 'vue';
import { describeError } from '@/shared/errors';
import { can } from '@/shared/session';
import type { SkuOption } from '@/components/docLines';
import { PrintCompanyQuery, StockDocumentQuery } from './queries';
import type { StockDocQuery } from './types';
import { skusFor } from './useStockDocumentEditor';
import { useSkuLookup } from './useInventoryOptions';

/** A document with its SKUs, the company name (when readable) and whether costs may be shown. */
export function useStockDocumentPrint(id: Ref<string>) {
  const { client } = useClientHandle();
  const lookup = useSkuLookup();
  const doc = ref<StockDocQuery['stockDocument'] | null>(null);
  const skus = ref<Map<string, SkuOption>>(new Map());
  const error = ref<string | null>(null);
  const loading = ref(false);
  const company = useQuery({ query: PrintCompanyQuery });

  async function load() {
    loading.value = true;
    try {
      const r = await client.query(StockDocumentQuery, { id: id.value }).toPromise();
      if (r.error || !r.data) {
        error.value = describeError(r.error)?.text ?? null;
        return;
      }
      skus.value = new Map(await skusFor(r.data.stockDocument, lookup.byIds));
      doc.value = r.data.stockDocument;
    } finally {
      loading.value = false;
    }
  }
  watch(id, load, { immediate: true });

  const showCost = computed(
    () => can('stock.cost.read') && !!doc.value?.lines.some((l) => l.value !== null || l.unitCost !== null),
  );
  return { doc, skus, error, loading, showCost, companyName: computed(() => company.data.value?.companyName ?? '') };
}
