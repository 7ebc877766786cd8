import { confirmed } from '@/shared/confirm';
import { useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { describeError, showError } from '@/shared/errors';
import { UpdateUserMutation } from './queries';
import type { UserRow } from './useUserEditor';

/** Enable/disable (the page exports through ExportButton). */
export function useUserActions(reload: () => void) {
  const { t } = useI18n();
  const update = useMutation(UpdateUserMutation);

  async function toggleActive(u: UserRow) {
    const key = u.active ? 'users.confirmDisable' : 'users.confirmEnable';
    if (!(await confirmed(t(key, { name: u.username })))) return;
    const r = await update.executeMutation({ input: { id: u.id, version: u.version, active: !u.active } });
    if (r.error) {
      showError(r.error);
      if (describeError(r.error)?.code === 'CONFLICT') reload();
      return;
    }
    ElMessage.success(t(u.active ? 'users.disabledDone' : 'users.enabledDone', { name: u.username }));
    reload();
  }

  return { toggleActive };
}
