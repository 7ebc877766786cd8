import { useMutation, useQuery } from '@urql/vue';
import { ElMessageBox } from 'element-plus';
import { computed, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { confirmed } from '@/shared/confirm';
import { describeError, showError } from '@/shared/errors';
import type { ApiClientsQuery as ApiClientsResult } from '@/gql/graphql';
import {
  ApiClientsQuery,
  CreateApiClientMutation,
  IntegrationOptionsQuery,
  RevokeApiClientMutation,
  RotateApiClientKeyMutation,
} from './queries';

export type ApiClientRow = ApiClientsResult['apiClients'][number];

/** API clients: the list, the create form, the key shown once, rotation and revocation. */
export function useApiClients() {
  const { t } = useI18n();
  const clients = useQuery({ query: ApiClientsQuery, requestPolicy: 'cache-and-network' });
  const options = useQuery({ query: IntegrationOptionsQuery });
  const create = useMutation(CreateApiClientMutation);
  const rotate = useMutation(RotateApiClientKeyMutation);
  const revoke = useMutation(RevokeApiClientMutation);
  const reload = () => clients.executeQuery({ requestPolicy: 'network-only' });

  const page = computed(() => {
    const items = clients.data.value?.apiClients ?? [];
    return { items, total: items.length, offset: 0, limit: Math.max(items.length, 1) };
  });
  const warehouseName = (id: string) => options.data.value?.warehouses.items.find((w) => w.id === id)?.name ?? `#${id}`;

  const visible = ref(false);
  const form = reactive({ name: '', roleId: '', warehouseIds: [] as string[], rateLimit: 600 });
  const error = ref<string | null>(null);
  /** the key just made: shown once */
  const shownKey = ref<string | null>(null);

  function openCreate() {
    Object.assign(form, { name: '', roleId: '', warehouseIds: [], rateLimit: 600 });
    error.value = null;
    visible.value = true;
  }

  async function save() {
    error.value = null;
    const r = await create.executeMutation({
      input: { name: form.name, roleId: form.roleId, warehouseIds: form.warehouseIds, rateLimit: form.rateLimit },
    });
    if (r.error) {
      error.value = describeError(r.error)?.text ?? null;
      return;
    }
    visible.value = false;
    shownKey.value = r.data?.createApiClient.key ?? null;
    await reload();
  }

  async function rotateKey(row: ApiClientRow) {
    let hours: number;
    try {
      const { value } = await ElMessageBox.prompt(
        t('integration.rotatePrompt', { name: row.name }),
        t('integration.rotate'),
        {
          inputValue: '24',
          inputPattern: /^\d{1,3}$/,
          inputErrorMessage: t('integration.overlapInvalid'),
          confirmButtonText: t('common.confirm'),
          cancelButtonText: t('common.cancel'),
        },
      );
      hours = Number(value);
    } catch {
      return;
    }
    const r = await rotate.executeMutation({ id: row.id, overlapHours: hours });
    if (r.error) return showError(r.error);
    shownKey.value = r.data?.rotateApiClientKey.key ?? null;
    await reload();
  }

  async function revokeClient(row: ApiClientRow) {
    if (!(await confirmed(t('integration.revokeConfirm', { name: row.name })))) return;
    const r = await revoke.executeMutation({ id: row.id });
    if (r.error) return showError(r.error);
    await reload();
  }

  return {
    clients,
    options,
    page,
    warehouseName,
    visible,
    form,
    error,
    shownKey,
    saving: computed(() => create.fetching.value),
    openCreate,
    save,
    rotateKey,
    revokeClient,
  };
}
