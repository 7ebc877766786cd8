import { computed, reactive, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';

export const PAGE_SIZES = [10, 20, 50, 100];

function str(v: LocationQuery[string] | undefined): string {
  if (Array.isArray(v)) return String(v[0] ?? '');
  return v == null ? '' : String(v);
}

/**
 * Filters, sort and paging of a list live in the URL query, so a list can be shared, reloaded
 * and navigated back to. `draft` is what the filter form edits until "search" applies it.
 */
export function useListRoute<K extends string>(keys: readonly K[], defaultSize = 20) {
  const route = useRoute();
  const router = useRouter();

  const filters = computed(() => Object.fromEntries(keys.map((k) => [k, str(route.query[k])])) as Record<K, string>);
  const draft = reactive(Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>);
  watch(filters, (f) => Object.assign(draft, f), { immediate: true });

  const limit = computed(() => {
    const n = Number(str(route.query.size));
    return PAGE_SIZES.includes(n) ? n : defaultSize;
  });
  const pageNo = computed(() => Math.max(1, Number(str(route.query.page)) || 1));
  // `after`: the cursor of the page before, kept in the URL when "next" moved here on a keyset list
  const after = computed(() => str(route.query.after) || null);
  const page = computed(() => ({
    offset: (pageNo.value - 1) * limit.value,
    limit: limit.value,
    ...(after.value ? { after: after.value } : {}),
  }));

  function push(patch: Record<string, string | undefined>) {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...route.query, ...patch })) {
      const s = str(v as any);
      if (s !== '') query[k] = s;
    }
    void router.replace({ query });
  }

  return {
    filters,
    draft,
    page,
    apply: () => push({ ...(draft as Record<string, string>), page: undefined, after: undefined }),
    reset: () => push({ ...Object.fromEntries(keys.map((k) => [k, undefined])), page: undefined, after: undefined }),
    set: (patch: Partial<Record<K, string>>) =>
      push({ ...(patch as Record<string, string>), page: undefined, after: undefined }),
    /** `cursor`: the current page's, when moving to the next page of a keyset list (else by offset). */
    setPage: (p: number, cursor?: string) => push({ page: p > 1 ? String(p) : undefined, after: cursor }),
    setSize: (s: number) =>
      push({ size: s !== defaultSize ? String(s) : undefined, page: undefined, after: undefined }),
  };
}
