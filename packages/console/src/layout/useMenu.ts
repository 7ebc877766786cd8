import { computed } from 'vue';
import { useRouter } from 'vue-router';
import { MENU_GROUPS } from '@/shared/routeMeta';
import { can } from '@/shared/session';

/** The side menu: every route with `meta.menu` the user may open, grouped (read from the router, not imported from app/). */
export function useMenu() {
  const routes = useRouter().getRoutes();
  return computed(() =>
    MENU_GROUPS.map((group) => ({
      group,
      items: routes
        .filter((r) => r.meta.menu?.group === group && can(r.meta.permission))
        .sort((a, b) => a.meta.menu!.order - b.meta.menu!.order)
        .map((r) => ({
          name: String(r.name),
          path: r.path,
          title: r.meta.title!,
          icon: r.meta.menu!.icon,
        })),
    })).filter((g) => g.items.length > 0),
  );
}
