import { useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, showError } from '@/shared/errors';
import { subtreeIds, type CategoryNode, type CategoryRow } from './categoryTree';
import { CreateCategoryMutation, MoveCategoryMutation, UpdateCategoryMutation } from './queries';

type Mode = 'create' | 'rename' | 'move';

/** Create a (child) category, rename it, move it under another parent (dialog or drag and drop). */
export function useCategories(rows: () => readonly CategoryRow[], reload: () => void) {
  const { t } = useI18n();
  const create = useMutation(CreateCategoryMutation);
  const update = useMutation(UpdateCategoryMutation);
  const move = useMutation(MoveCategoryMutation);

  const visible = ref(false);
  const mode = ref<Mode>('create');
  const target = ref<CategoryRow | null>(null);
  const form = reactive({ code: '', name: '', parentId: '' });
  const error = ref<string | null>(null);
  const fieldErrors = ref<Record<string, string>>({});

  function open(m: Mode, row: CategoryRow | null, parent: CategoryRow | null = null) {
    mode.value = m;
    target.value = row;
    error.value = null;
    fieldErrors.value = {};
    Object.assign(form, {
      code: m === 'create' ? '' : (row?.code ?? ''),
      name: m === 'create' ? '' : (row?.name ?? ''),
      parentId: m === 'create' ? (parent?.id ?? '') : (row?.parentId ?? ''),
    });
    visible.value = true;
  }

  /** Where a category may go: anywhere but itself and its own subtree. */
  const forbiddenParents = computed(() =>
    target.value && mode.value === 'move' ? subtreeIds(rows(), target.value.id) : new Set<string>(),
  );

  function fail(e: Parameters<typeof describeError>[0]) {
    const d = describeError(e);
    if (d?.code === 'CONFLICT') {
      ElMessage({ type: 'warning', message: d.text, customClass: 'err-CONFLICT' });
      visible.value = false;
      reload();
      return;
    }
    error.value = d?.text ?? null;
    fieldErrors.value = Object.fromEntries((d?.fields ?? []).map((f) => [f.field.split('.').pop()!, f.message]));
  }

  async function save() {
    error.value = null;
    fieldErrors.value = {};
    const c = target.value;
    let r;
    if (mode.value === 'create') {
      r = await create.executeMutation({
        input: { code: form.code.trim(), name: form.name.trim(), parentId: form.parentId || null },
      });
    } else if (mode.value === 'rename' && c) {
      r = await update.executeMutation({
        input: { id: c.id, version: c.version, code: form.code.trim(), name: form.name.trim() },
      });
    } else if (c) {
      r = await move.executeMutation({ id: c.id, version: c.version, parentId: form.parentId || null });
    }
    if (!r) return;
    if (r.error) return fail(r.error);
    ElMessage.success(t(mode.value === 'create' ? 'catalog.categories.created' : 'common.saved'));
    visible.value = false;
    reload();
  }

  /** el-tree drop: "inner" puts it under the node, "before"/"after" beside it (same parent). */
  async function dropped(dragged: CategoryNode, onto: CategoryNode, type: 'inner' | 'before' | 'after') {
    const parentId = type === 'inner' ? onto.id : (onto.parentId ?? null);
    if ((dragged.parentId ?? null) === parentId) return reload(); // only the order changed: the tree is sorted by code
    const r = await move.executeMutation({ id: dragged.id, version: dragged.version, parentId });
    if (r.error) showError(r.error);
    else ElMessage.success(t('catalog.categories.moved', { name: dragged.name }));
    reload();
  }

  return {
    visible,
    mode,
    target,
    form,
    error,
    fieldErrors,
    forbiddenParents,
    open,
    save,
    dropped,
    busy: computed(() => create.fetching.value || update.fetching.value || move.fetching.value),
  };
}
