import { useMutation } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError } from '@/shared/errors';
import { ResetUserPasswordMutation } from './queries';
import type { UserRow } from './useUserEditor';

export function useResetPassword(onDone: () => void) {
  const { t } = useI18n();
  const visible = ref(false);
  const user = ref<UserRow | null>(null);
  const password = ref('');
  const error = ref<string | null>(null);
  const m = useMutation(ResetUserPasswordMutation);

  function open(u: UserRow) {
    user.value = u;
    password.value = '';
    error.value = null;
    visible.value = true;
  }

  async function submit() {
    if (!user.value) return;
    const r = await m.executeMutation({ id: user.value.id, version: user.value.version, password: password.value });
    if (r.error) {
      const d = describeError(r.error);
      error.value = d?.text ?? null;
      if (d?.code === 'CONFLICT') onDone();
      return;
    }
    ElMessage.success(t('users.passwordReset', { name: user.value.username }));
    visible.value = false;
    onDone();
  }

  return { visible, user, password, error, open, submit, fetching: m.fetching };
}
