import type { CombinedError } from '@urql/core';
import { ElMessage } from 'element-plus';
import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Router } from 'vue-router';
import { documentError } from './docErrors';

/**
 * The one save-and-confirm flow and action runner of the order pages (purchase and sales alike).
 *
 * Saving a new order and then submitting/confirming it are two requests: when the second fails the
 * draft exists, so the new-order page opens it and hands over the translated error, which the order
 * page shows once. The handover stays in memory (not in the address: no translated text or code in a
 * URL, nothing shown again on reload).
 */
const handed = new Map<string, string>();

/** Opens the saved document; `stepError` is the failed second step (confirm, submit), if any. */
export async function openSavedDocument(
  router: Router,
  name: string,
  id: string,
  stepError?: CombinedError | null,
): Promise<void> {
  const text = stepError ? documentError(stepError)?.text : null;
  if (text) handed.set(`${name}:${id}`, text);
  await router.replace({ name, params: { id } });
}

function takeHanded(name: string, id: string): string | null {
  const key = `${name}:${id}`;
  const text = handed.get(key) ?? null;
  handed.delete(key);
  return text;
}

/**
 * The document page's error line and its actions: `run(mutation, doneKey)` clears the error, runs it,
 * shows the translated error or a success message, and reloads the document.
 */
export function useDocumentPage(name: string, id: Ref<string>, reload: () => void) {
  const { t } = useI18n();
  const error = ref<string | null>(takeHanded(name, id.value));
  watch(id, (v) => (error.value = takeHanded(name, v)));

  async function run(p: Promise<{ error?: CombinedError }>, done: string): Promise<boolean> {
    error.value = null;
    const r = await p;
    if (r.error) {
      error.value = documentError(r.error)?.text ?? null;
      return false;
    }
    ElMessage.success(t(done));
    reload();
    return true;
  }

  return { error, run };
}
