import type { Component } from 'vue';
import type { Permission } from '@/gql/permissions';

export type MenuGroup = 'workspace' | 'catalog' | 'stock' | 'purchasing' | 'sales' | 'system';
export const MENU_GROUPS: MenuGroup[] = ['workspace', 'catalog', 'stock', 'purchasing', 'sales', 'system'];

declare module 'vue-router' {
  interface RouteMeta {
    /** Needed to open the page (and to see it in the menu). */
    permission?: Permission;
    /** Open without signing in. */
    public?: boolean;
    /** i18n key of the page title. */
    title?: string;
    menu?: { group: MenuGroup; icon: Component; order: number };
  }
}
