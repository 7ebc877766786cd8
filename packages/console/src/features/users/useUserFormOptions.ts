import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { can } from '@/shared/session';
import { UserFormOptionsQuery } from './queries';
import { RolesQuery } from '@/features/roles/queries';

/** Roles and warehouses to choose from. Needs role and warehouse read; falls back to roles alone. */
export function useUserFormOptions() {
  const full = useQuery({
    query: UserFormOptionsQuery,
    pause: computed(() => !can('system.role.read') || !can('stock.warehouse.read')),
  });
  const rolesOnly = useQuery({
    query: RolesQuery,
    pause: computed(() => !can('system.role.read') || can('stock.warehouse.read')),
  });
  return {
    roles: computed(() => full.data.value?.roles ?? rolesOnly.data.value?.roles ?? []),
    warehouses: computed(() => full.data.value?.warehouses.items ?? []),
  };
}
