import { useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, type FieldProblem } from '@/shared/errors';
import type { UsersQuery } from '@/gql/graphql';
import { CreateUserMutation, UpdateUserMutation } from './queries';

export type UserRow = UsersQuery['users']['items'][number];

const empty = () => ({
  username: '',
  displayName: '',
  email: '',
  phone: '',
  password: '',
  roleIds: [] as string[],
  warehouseIds: [] as string[],
});

/** Create and edit a user; `onSaved` reloads the list (also after a CONFLICT). */
export function useUserEditor(onSaved: () => void) {
  const { t } = useI18n();
  const visible = ref(false);
  const editing = ref<UserRow | null>(null);
  const form = reactive(empty());
  const error = ref<string | null>(null);
  const fieldErrors = ref<Record<string, string>>({});
  const create = useMutation(CreateUserMutation);
  const update = useMutation(UpdateUserMutation);

  function openCreate() {
    editing.value = null;
    Object.assign(form, empty());
    error.value = null;
    fieldErrors.value = {};
    visible.value = true;
  }

  function openEdit(u: UserRow) {
    editing.value = u;
    Object.assign(form, {
      ...empty(),
      username: u.username,
      displayName: u.displayName,
      email: u.email ?? '',
      phone: u.phone ?? '',
      roleIds: u.roles.map((r) => r.id),
      warehouseIds: u.warehouses.map((w) => w.id),
    });
    error.value = null;
    fieldErrors.value = {};
    visible.value = true;
  }

  function fail(e: Parameters<typeof describeError>[0]) {
    const d = describeError(e);
    error.value = d?.text ?? null;
    fieldErrors.value = Object.fromEntries(
      (d?.fields ?? []).map((f: FieldProblem) => [f.field.split('.').pop()!, f.message]),
    );
    if (d?.code === 'CONFLICT') {
      ElMessage.warning(d.text);
      visible.value = false;
      onSaved();
    }
  }

  async function save() {
    error.value = null;
    fieldErrors.value = {};
    const u = editing.value;
    const contact = (v: string) => (v.trim() === '' ? null : v.trim());
    const r = u
      ? await update.executeMutation({
          input: {
            id: u.id,
            version: u.version,
            displayName: form.displayName.trim(),
            // contact fields only when this user may see them (else they were never loaded)
            ...(u.email !== null || form.email ? { email: contact(form.email) } : {}),
            ...(u.phone !== null || form.phone ? { phone: contact(form.phone) } : {}),
            roleIds: form.roleIds,
            warehouseIds: form.warehouseIds,
          },
        })
      : await create.executeMutation({
          input: {
            username: form.username.trim(),
            displayName: form.displayName.trim(),
            email: contact(form.email),
            phone: contact(form.phone),
            password: form.password,
            roleIds: form.roleIds,
            warehouseIds: form.warehouseIds,
          },
        });
    if (r.error) return fail(r.error);
    ElMessage.success(t(u ? 'common.saved' : 'users.created'));
    visible.value = false;
    onSaved();
  }

  return {
    visible,
    editing,
    form,
    error,
    fieldErrors,
    save,
    openCreate,
    openEdit,
    saving: ref(false),
    busy: () => create.fetching.value || update.fetching.value,
  };
}
