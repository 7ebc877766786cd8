import { useClientHandle, useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, showError } from '@/shared/errors';
import { downloadFile, fileToBase64 } from '@/shared/download';
import type { ImportProductsMutation as ImportResult } from '@/gql/graphql';
import { ImportProductsMutation, ProductImportTemplateQuery } from './queries';

export type ImportReport = ImportResult['importProducts'];

/** Template download, then check (dry run) → report → import, only once the check passed. */
export function useProductImport() {
  const { t } = useI18n();
  const handle = useClientHandle();
  const m = useMutation(ImportProductsMutation);
  const file = ref<File | null>(null);
  const base64 = ref<string | null>(null);
  const report = ref<ImportReport | null>(null);
  const error = ref<{ text: string; details: string[] } | null>(null);
  /** the file of the last passed check, so "import" sends exactly what was checked */
  const checked = ref(false);

  async function downloadTemplate() {
    const r = await handle.client.query(ProductImportTemplateQuery, {}).toPromise();
    if (r.error || !r.data) return showError(r.error);
    downloadFile(r.data.productImportTemplate);
  }

  /** the file's content is read asynchronously: only the latest choice may land, and nothing is checked before it did */
  let chosen = 0;
  async function choose(f: File | null) {
    const mine = ++chosen;
    file.value = f;
    report.value = null;
    error.value = null;
    checked.value = false;
    base64.value = null;
    if (!f) return;
    const content = await fileToBase64(f);
    if (mine === chosen) base64.value = content;
  }
  /** the chosen file has been read: a check now sends this file, not the previous one */
  const ready = computed(() => base64.value !== null);

  async function run(dryRun: boolean) {
    if (!base64.value) return;
    error.value = null;
    const r = await m.executeMutation({ fileBase64: base64.value, dryRun });
    if (r.error || !r.data) {
      const d = describeError(r.error ?? null);
      error.value = { text: d?.text ?? '', details: (d?.fields ?? []).map((f) => f.message) };
      report.value = null;
      checked.value = false;
      return;
    }
    report.value = r.data.importProducts;
    checked.value = dryRun && report.value.ok;
    if (!dryRun && report.value.ok)
      ElMessage.success(t('catalog.import.done', { created: report.value.created, updated: report.value.updated }));
  }

  /** One table row per cell problem. */
  const problems = computed(() =>
    (report.value?.rows ?? []).flatMap((r) =>
      r.errors.map((e) => ({ row: r.row, column: e.column, message: e.message })),
    ),
  );

  return {
    file,
    report,
    error,
    checked,
    ready,
    problems,
    busy: m.fetching,
    downloadTemplate,
    choose,
    check: () => run(true),
    commit: () => run(false),
  };
}
