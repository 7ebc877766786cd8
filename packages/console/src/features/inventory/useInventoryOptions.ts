import { useClientHandle, useQuery } from '@urql/vue';
import { computed } from 'vue';
import { can } from '@/shared/session';
import type { LineLookup, SkuOption } from '@/components/docLines';
import {
  DocumentSkusQuery,
  InventoryCategoriesQuery,
  InventoryWarehousesQuery,
  SkuByBarcodeQuery,
  StockCardSkuQuery,
  TransferDestinationsQuery,
} from './queries';

/** Warehouses (and categories when readable) for filters and headers. */
export function useInventoryOptions(withCategories = false) {
  const wh = useQuery({ query: InventoryWarehousesQuery, pause: computed(() => !can('stock.warehouse.read')) });
  const cats = useQuery({
    query: InventoryCategoriesQuery,
    pause: computed(() => !withCategories || !can('catalog.product.read')),
  });
  const warehouses = computed(() => wh.data.value?.warehouses.items ?? []);
  const categories = computed(() => {
    const all = cats.data.value?.categories ?? [];
    const parent = new Map(all.map((c) => [c.id, c.parentId ?? null]));
    const depth = (id: string) => {
      let d = 0;
      for (let p = parent.get(id); p && d < 20; p = parent.get(p)) d++;
      return d;
    };
    return all.map((c) => ({ id: c.id, label: '\u3000'.repeat(depth(c.id)) + c.name }));
  });
  // a transfer may go to any active warehouse, also one outside the user's scope (by name only)
  const dest = useQuery({
    query: TransferDestinationsQuery,
    pause: computed(() => !can('stock.document.create')),
  });
  const destinations = computed(() => dest.data.value?.transferDestinations ?? warehouses.value);
  function warehouseLabel(id: string | null | undefined) {
    if (!id) return '';
    const w = warehouses.value.find((x) => x.id === id) ?? destinations.value.find((x) => x.id === id);
    return w ? `${w.code} · ${w.name}` : `#${id}`;
  }
  return { warehouses, destinations, categories, warehouseLabel };
}

/** SKU search, barcode lookup and "SKUs of these ids" for document lines and pickers. */
export function useSkuLookup(): LineLookup & { byIds: (ids: string[]) => Promise<Map<string, SkuOption>> } {
  const { client } = useClientHandle();
  async function searchSkus(text: string) {
    const r = await client
      .query(DocumentSkusQuery, { filter: { search: text, active: true }, page: { limit: 30 } })
      .toPromise();
    return (r.data?.skus.items ?? []) as SkuOption[];
  }
  async function skuByBarcode(barcode: string) {
    const r = await client.query(SkuByBarcodeQuery, { barcode }).toPromise();
    return (r.data?.skuByBarcode ?? null) as SkuOption | null;
  }
  // the API has no "SKUs by id": find the code from the stock levels, then the SKU by its code
  async function byIds(ids: string[]) {
    const out = new Map<string, SkuOption>();
    await Promise.all(
      [...new Set(ids)].map(async (id) => {
        const lv = await client.query(StockCardSkuQuery, { skuId: id }).toPromise();
        const code = lv.data?.stockLevels.items[0]?.skuCode;
        if (!code) return;
        const r = await client.query(DocumentSkusQuery, { filter: { search: code }, page: { limit: 50 } }).toPromise();
        const sku = r.data?.skus.items.find((s) => s.id === id);
        if (sku) out.set(id, sku as SkuOption);
      }),
    );
    // a SKU that never had stock has no level row: page through the SKUs for the rest (until the
    // API can be asked for SKUs by id)
    const missing = new Set(ids.filter((id) => !out.has(id)));
    for (let offset = 0; missing.size && offset < 5000; offset += 200) {
      const r = await client.query(DocumentSkusQuery, { page: { offset, limit: 200 } }).toPromise();
      const items = r.data?.skus.items ?? [];
      for (const s of items) if (missing.delete(s.id)) out.set(s.id, s as SkuOption);
      if (items.length < 200) break;
    }
    return out;
  }
  return { searchSkus, skuByBarcode, byIds };
}
