import { useMutation, useQuery } from '@urql/vue';
import { ElMessage } from 'element-plus';
import { computed, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { describeError, showError } from '@/shared/errors';
import type { WebhookDeliveryStatus } from '@/gql/graphql';
import {
  CreateWebhookMutation,
  ReplayWebhookDeliveryMutation,
  SetWebhookActiveMutation,
  WebhookDeliveriesQuery,
  WebhooksQuery,
} from './queries';

/** Webhook subscriptions (create with the secret shown once, on/off) and the delivery log with replay. */
export function useWebhooks() {
  const { t } = useI18n();
  const hooks = useQuery({ query: WebhooksQuery, requestPolicy: 'cache-and-network' });
  const filter = reactive({ subscriptionId: '' as string, status: '' as '' | WebhookDeliveryStatus });
  const paging = reactive({ offset: 0, limit: 20 });
  const variables = computed(() => ({
    subscriptionId: filter.subscriptionId || null,
    status: filter.status || null,
    page: { offset: paging.offset, limit: paging.limit },
  }));
  const deliveries = useQuery({ query: WebhookDeliveriesQuery, variables, requestPolicy: 'cache-and-network' });
  const create = useMutation(CreateWebhookMutation);
  const setActive = useMutation(SetWebhookActiveMutation);
  const replay = useMutation(ReplayWebhookDeliveryMutation);

  const subscriptions = computed(() => {
    const items = hooks.data.value?.webhooks ?? [];
    return { items, total: items.length, offset: 0, limit: Math.max(items.length, 1) };
  });
  const clients = computed(() => (hooks.data.value?.apiClients ?? []).filter((c) => !c.revokedAt));
  const eventTypes = computed(() => hooks.data.value?.webhookEventTypes ?? []);

  const visible = ref(false);
  const form = reactive({ clientId: '', url: 'https://', events: [] as string[] });
  const error = ref<string | null>(null);
  const shownSecret = ref<string | null>(null);

  function openCreate() {
    Object.assign(form, { clientId: clients.value[0]?.id ?? '', url: 'https://', events: [] });
    error.value = null;
    visible.value = true;
  }

  async function save() {
    error.value = null;
    const r = await create.executeMutation({ input: { clientId: form.clientId, url: form.url, events: form.events } });
    if (r.error) {
      error.value = describeError(r.error)?.text ?? null;
      return;
    }
    visible.value = false;
    shownSecret.value = r.data?.createWebhook.secret ?? null;
    hooks.executeQuery({ requestPolicy: 'network-only' });
  }

  async function toggle(id: string, active: boolean) {
    const r = await setActive.executeMutation({ id, active });
    if (r.error) showError(r.error);
    hooks.executeQuery({ requestPolicy: 'network-only' });
  }

  const reloadLog = () => deliveries.executeQuery({ requestPolicy: 'network-only' });

  async function replayDelivery(id: string) {
    const r = await replay.executeMutation({ id });
    if (r.error) return showError(r.error);
    ElMessage({ type: 'success', message: t('integration.replayed') });
    reloadLog();
  }

  return {
    hooks,
    deliveries,
    subscriptions,
    clients,
    eventTypes,
    filter,
    paging,
    visible,
    form,
    error,
    shownSecret,
    saving: computed(() => create.fetching.value),
    openCreate,
    save,
    toggle,
    reloadLog,
    replayDelivery,
  };
}
