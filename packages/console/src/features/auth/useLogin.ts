import { useMutation } from '@urql/vue';
import { reactive, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { describeError } from '@/shared/errors';
import { loadMe } from '@/shared/session';
import { LoginMutation } from './queries';

export function useLogin() {
  const router = useRouter();
  const route = useRoute();
  const form = reactive({ username: '', password: '' });
  const errorCode = ref<string | null>(null);
  const { executeMutation, fetching } = useMutation(LoginMutation);

  async function submit() {
    errorCode.value = null;
    const r = await executeMutation({ username: form.username.trim(), password: form.password });
    if (r.error) {
      errorCode.value = describeError(r.error)?.code ?? 'UNKNOWN';
      lastError.value = r.error;
      form.password = '';
      return;
    }
    const me = await loadMe(true);
    if (me?.user.mustChangePassword) {
      await router.replace({ name: 'change-password', query: { first: '1' } });
      return;
    }
    const redirect =
      typeof route.query.redirect === 'string' && route.query.redirect.startsWith('/') ? route.query.redirect : '/';
    await router.replace(redirect);
  }

  const lastError = ref<Parameters<typeof describeError>[0]>(null);
  return { form, submit, fetching, errorCode, lastError };
}
