import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { useListRoute } from '@/components/useListRoute';
import type { ProductFilter, ProductSort } from '@/gql/graphql';
import { ProductsQuery } from './queries';

const KEYS = ['search', 'category', 'brand', 'active', 'batch', 'sort'] as const;

/** The product list with its filters in the URL; `exportFilter` is the same filter and sort for its export. */
export function useProductList() {
  const list = useListRoute(KEYS);
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

  const exportFilter = computed(() => ({ filter: filter.value, sort: variables.value.sort ?? null }));

  return { list, q, data, exportFilter, reload: () => q.executeQuery() };
}
