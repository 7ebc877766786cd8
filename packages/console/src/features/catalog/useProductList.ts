import { useClientHandle, useQuery } from '@urql/vue';
import { computed } from 'vue';
import { showError } from '@/shared/errors';
import { downloadFile } from '@/shared/download';
import { useListRoute } from '@/components/useListRoute';
import type { ProductFilter, ProductSort } from '@/gql/graphql';
import { ExportProductsQuery, ProductsQuery } from './queries';

const KEYS = ['search', 'category', 'brand', 'active', 'batch', 'sort'] as const;

/** The product list with its filters in the URL, and the xlsx export of the same filter. */
export function useProductList() {
  const list = useListRoute(KEYS);
  const handle = useClientHandle();
  const filter = computed(() => {
    const f = list.filters.value;
    const out: ProductFilter = {};
    if (f.search) out.search = f.search.trim();
    if (f.category) out.categoryId = f.category;
    if (f.brand) out.brandId = f.brand;
    if (f.active === 'true' || f.active === 'false') out.active = f.active === 'true';
    if (f.batch === 'true' || f.batch === 'false') out.batchTracked = f.batch === 'true';
    return out;
  });
  const variables = computed(() => ({
    filter: filter.value,
    sort: (list.filters.value.sort || undefined) as ProductSort | undefined,
    page: list.page.value,
  }));
  const q = useQuery({ query: ProductsQuery, variables });
  const data = computed(() => {
    const p = q.data.value?.products;
    if (!p) return p;
    return {
      ...p,
      items: p.items.map((i) => ({
        ...i,
        category: i.category?.name ?? '',
        brand: i.brand?.name ?? '',
        skuCount: i.skus.length,
      })),
    };
  });

  async function exportXlsx() {
    const r = await handle.client.query(ExportProductsQuery, { filter: filter.value }).toPromise();
    if (r.error || !r.data) return showError(r.error);
    downloadFile(r.data.exportProducts);
  }

  return { list, q, data, exportXlsx, reload: () => q.executeQuery() };
}
