import { ElMessageBox } from 'element-plus';
import { i18n } from './i18n';

/** Asks before something that cannot be taken back; true when the user confirms. */
export async function confirmed(message: string): Promise<boolean> {
  const t = i18n.global.t;
  try {
    await ElMessageBox.confirm(message, t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('common.confirm'),
      cancelButtonText: t('common.cancel'),
    });
    return true;
  } catch {
    return false;
  }
}
