import { useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { describeError } from '@/shared/errors';
import { loadMe } from '@/shared/session';
import { ChangePasswordMutation } from './queries';

export const MIN_PASSWORD = 8;

export function useChangePassword() {
  const { t } = useI18n();
  const router = useRouter();
  const form = reactive({ currentPassword: '', newPassword: '', confirm: '' });
  const error = ref<string | null>(null);
  const { executeMutation, fetching } = useMutation(ChangePasswordMutation);

  function localProblem(): string | null {
    if (form.newPassword.length < MIN_PASSWORD) return t('password.tooShort', { n: MIN_PASSWORD });
    if (form.newPassword !== form.confirm) return t('password.mismatch');
    return null;
  }

  async function submit() {
    error.value = localProblem();
    if (error.value) return;
    const r = await executeMutation({ currentPassword: form.currentPassword, newPassword: form.newPassword });
    if (r.error) {
      error.value = describeError(r.error)?.text ?? null;
      return;
    }
    ElMessage.success(t('password.changed'));
    form.currentPassword = form.newPassword = form.confirm = '';
    await loadMe(true);
    await router.replace('/');
  }

  return { form, submit, fetching, error };
}
