import { confirmed } from '@/shared/confirm';
import { useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import { describeError, showError } from '@/shared/errors';
import { downloadFile } from '@/shared/download';
import { useClientHandle } from '@urql/vue';
import { ExportUsersQuery, UpdateUserMutation } from './queries';
import type { UserRow } from './useUserEditor';

/** Enable/disable and CSV export. */
export function useUserActions(reload: () => void) {
  const { t } = useI18n();
  const update = useMutation(UpdateUserMutation);
  const handle = useClientHandle();

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

  async function exportCsv() {
    const r = await handle.client.query(ExportUsersQuery, {}).toPromise();
    if (r.error || !r.data) return showError(r.error);
    downloadFile(r.data.exportUsers);
  }

  return { toggleActive, exportCsv };
}
