import { useMutation, useQuery } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError } from '@/shared/errors';
import { useListRoute } from '@/components/useListRoute';
import type { PickStrategy, WarehouseKind, WarehousesQuery as WarehousesResult } from '@/gql/graphql';
import { CreateWarehouseMutation, UpdateWarehouseMutation, WarehousesQuery } from './queries';

export type WarehouseRow = WarehousesResult['warehouses']['items'][number];

export function useWarehouses() {
  const { t } = useI18n();
  const list = useListRoute([] as const);
  const q = useQuery({ query: WarehousesQuery, variables: computed(() => ({ page: list.page.value })) });
  const reload = () => q.executeQuery();

  const visible = ref(false);
  const editing = ref<WarehouseRow | null>(null);
  const form = reactive({
    code: '',
    name: '',
    kind: 'OWN' as WarehouseKind,
    allowNegative: false,
    active: true,
    pickStrategy: 'AUTO' as PickStrategy,
  });
  const error = ref<string | null>(null);
  const create = useMutation(CreateWarehouseMutation);
  const update = useMutation(UpdateWarehouseMutation);

  function openCreate() {
    editing.value = null;
    Object.assign(form, { code: '', name: '', kind: 'OWN', allowNegative: false, active: true, pickStrategy: 'AUTO' });
    error.value = null;
    visible.value = true;
  }
  function openEdit(w: WarehouseRow) {
    editing.value = w;
    Object.assign(form, {
      code: w.code,
      name: w.name,
      kind: w.kind,
      allowNegative: w.allowNegative,
      active: w.active,
      pickStrategy: w.pickStrategy,
    });
    error.value = null;
    visible.value = true;
  }
  async function save() {
    const w = editing.value;
    const r = w
      ? await update.executeMutation({
          input: {
            id: w.id,
            version: w.version,
            name: form.name.trim(),
            kind: form.kind,
            allowNegative: form.allowNegative,
            active: form.active,
            pickStrategy: form.pickStrategy,
          },
        })
      : await create.executeMutation({
          input: {
            code: form.code.trim(),
            name: form.name.trim(),
            kind: form.kind,
            allowNegative: form.allowNegative,
            pickStrategy: form.pickStrategy,
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

  return {
    list,
    q,
    data: computed(() => q.data.value?.warehouses),
    visible,
    editing,
    form,
    error,
    openCreate,
    openEdit,
    save,
    busy: computed(() => create.fetching.value || update.fetching.value),
  };
}
