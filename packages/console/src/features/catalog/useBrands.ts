import { useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError } from '@/shared/errors';
import { CreateBrandMutation, UpdateBrandMutation } from './queries';

export interface BrandRow {
  id: string;
  name: string;
  version: number;
}

/** Create and rename brands. */
export function useBrands(reload: () => void) {
  const { t } = useI18n();
  const create = useMutation(CreateBrandMutation);
  const update = useMutation(UpdateBrandMutation);
  const visible = ref(false);
  const editing = ref<BrandRow | null>(null);
  const name = ref('');
  const error = ref<string | null>(null);

  function open(b: BrandRow | null) {
    editing.value = b;
    name.value = b?.name ?? '';
    error.value = null;
    visible.value = true;
  }

  async function save() {
    const b = editing.value;
    const r = b
      ? await update.executeMutation({ input: { id: b.id, version: b.version, name: name.value.trim() } })
      : await create.executeMutation({ input: { name: name.value.trim() } });
    if (r.error) {
      const d = describeError(r.error);
      error.value = d?.text ?? null;
      if (d?.code === 'CONFLICT') {
        ElMessage({ type: 'warning', message: d.text, customClass: 'err-CONFLICT' });
        visible.value = false;
        reload();
      }
      return;
    }
    ElMessage.success(t(b ? 'common.saved' : 'catalog.brands.created'));
    visible.value = false;
    reload();
  }

  return {
    visible,
    editing,
    name,
    error,
    open,
    save,
    busy: computed(() => create.fetching.value || update.fetching.value),
  };
}
