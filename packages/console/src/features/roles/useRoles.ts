import { confirmed } from '@/shared/confirm';
import { useMutation, useQuery } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, showError } from '@/shared/errors';
import type { RolesQuery as RolesResult } from '@/gql/graphql';
import {
  CreateRoleMutation,
  DeleteRoleMutation,
  PermissionCatalogueQuery,
  RolesQuery,
  UpdateRoleMutation,
} from './queries';

export type RoleRow = RolesResult['roles'][number];

/** Roles, the permission catalogue grouped by area, and the role editor. */
export function useRoles() {
  const { t } = useI18n();
  const roles = useQuery({ query: RolesQuery });
  const catalogue = useQuery({ query: PermissionCatalogueQuery });
  const areas = computed(() => {
    const map = new Map<string, string[]>();
    for (const p of catalogue.data.value?.permissionCatalogue ?? [])
      map.set(p.area, [...(map.get(p.area) ?? []), p.code]);
    return [...map.entries()].map(([area, codes]) => ({ area, codes }));
  });

  const visible = ref(false);
  const editing = ref<RoleRow | null>(null);
  const form = reactive({ code: '', name: '', nameZh: '', permissions: [] as string[] });
  const error = ref<string | null>(null);
  const create = useMutation(CreateRoleMutation);
  const update = useMutation(UpdateRoleMutation);
  const remove = useMutation(DeleteRoleMutation);
  const reload = () => roles.executeQuery();

  function openCreate() {
    editing.value = null;
    Object.assign(form, { code: '', name: '', nameZh: '', permissions: [] });
    error.value = null;
    visible.value = true;
  }
  function openEdit(r: RoleRow) {
    editing.value = r;
    Object.assign(form, { code: r.code, name: r.name, nameZh: r.nameZh, permissions: [...r.permissions] });
    error.value = null;
    visible.value = true;
  }

  /** Select or clear a whole area at once. */
  function toggleArea(codes: string[], on: boolean) {
    const rest = form.permissions.filter((p) => !codes.includes(p));
    form.permissions = on ? [...rest, ...codes] : rest;
  }

  async function save() {
    error.value = null;
    const r = editing.value
      ? await update.executeMutation({
          input: {
            id: editing.value.id,
            version: editing.value.version,
            name: form.name.trim(),
            nameZh: form.nameZh.trim(),
            permissions: form.permissions,
          },
        })
      : await create.executeMutation({
          input: {
            code: form.code.trim(),
            name: form.name.trim(),
            nameZh: form.nameZh.trim() || null,
            permissions: form.permissions,
          },
        });
    if (r.error) {
      const d = describeError(r.error);
      error.value = d?.text ?? null;
      if (d?.code === 'CONFLICT') {
        ElMessage.warning(d.text);
        visible.value = false;
        reload();
      }
      return;
    }
    ElMessage.success(t('common.saved'));
    visible.value = false;
    reload();
  }

  async function del(r: RoleRow) {
    if (!(await confirmed(t('roles.confirmDelete', { name: r.name })))) return;
    const res = await remove.executeMutation({ id: r.id });
    if (res.error) return showError(res.error);
    ElMessage.success(t('common.deleted'));
    reload();
  }

  return {
    roles,
    catalogue,
    areas,
    visible,
    editing,
    form,
    error,
    openCreate,
    openEdit,
    toggleArea,
    save,
    del,
    busy: computed(() => create.fetching.value || update.fetching.value),
  };
}
