import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { showError } from '@/shared/errors';
import { buildCategoryTree } from './categoryTree';
import { CatalogOptionsQuery } from './queries';

/** Categories (flat and as a tree) and brands, for filters, pickers and the categories page. */
export function useCatalogOptions() {
  const q = useQuery({ query: CatalogOptionsQuery });
  watch(q.error, (e) => e && showError(e));
  const categories = computed(() => q.data.value?.categories ?? []);
  const brands = computed(() =>
    [...(q.data.value?.brands ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  );
  return {
    q,
    categories,
    tree: computed(() => buildCategoryTree(categories.value)),
    brands,
    reload: () => q.executeQuery(),
  };
}
