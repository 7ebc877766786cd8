import { computed } from 'vue';
import { shellRoutes, type MenuGroup } from '@/app/router';
import { can } from '@/app/session';

const GROUP_ORDER: MenuGroup[] = ['workspace', 'catalog', 'stock', 'purchasing', 'sales', 'system'];

/** The side menu: every shell route with `meta.menu` the user may open, grouped. */
export function useMenu() {
  return computed(() =>
    GROUP_ORDER.map((group) => ({
      group,
      items: shellRoutes
        .filter((r) => r.meta?.menu?.group === group && can(r.meta.permission))
        .sort((a, b) => a.meta!.menu!.order - b.meta!.menu!.order)
        .map((r) => ({
          name: String(r.name),
          path: '/' + r.path.replace(/^\//, ''),
          title: r.meta!.title!,
          icon: r.meta!.menu!.icon,
        })),
    })).filter((g) => g.items.length > 0),
  );
}
