import { graphql } from '@/gql';

export const ApiClientsQuery = graphql(`
  query ApiClients {
    apiClients {
      id
      name
      username
      roleId
      roleCode
      warehouseIds
      customerIds
      rateLimit
      revokedAt
      createdAt
      keys {
        id
        prefix
        createdAt
        expiresAt
        lastUsedAt
      }
    }
  }
`);

export const IntegrationOptionsQuery = graphql(`
  query IntegrationOptions {
    roles {
      id
      code
      name
      nameZh
    }
    warehouses(page: { limit: 200 }) {
      items {
        id
        name
      }
    }
  }
`);

export const CreateApiClientMutation = graphql(`
  mutation CreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      key
      client {
        id
        name
      }
    }
  }
`);

export const RotateApiClientKeyMutation = graphql(`
  mutation RotateApiClientKey($id: ID!, $overlapHours: Int!) {
    rotateApiClientKey(id: $id, overlapHours: $overlapHours) {
      key
      client {
        id
        name
      }
    }
  }
`);

export const RevokeApiClientMutation = graphql(`
  mutation RevokeApiClient($id: ID!) {
    revokeApiClient(id: $id) {
      id
      revokedAt
    }
  }
`);

export const WebhooksQuery = graphql(`
  query Webhooks {
    webhooks {
      id
      clientId
      clientName
      url
      events
      active
      createdAt
    }
    webhookEventTypes
    apiClients {
      id
      name
      revokedAt
    }
  }
`);

export const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      secret
      subscription {
        id
        url
      }
    }
  }
`);

export const SetWebhookActiveMutation = graphql(`
  mutation SetWebhookActive($id: ID!, $active: Boolean!) {
    setWebhookActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($subscriptionId: ID, $status: WebhookDeliveryStatus, $page: PageInput) {
    webhookDeliveries(subscriptionId: $subscriptionId, status: $status, page: $page) {
      total
      offset
      limit
      items {
        id
        subscriptionId
        url
        eventId
        eventType
        refType
        refNumber
        status
        attempts
        lastStatus
        lastLatencyMs
        lastError
        nextAttemptAt
        deliveredAt
        createdAt
      }
    }
  }
`);

export const ReplayWebhookDeliveryMutation = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      id
      status
    }
  }
`);

export const WebhookDeliveryLogQuery = graphql(`
  query WebhookDeliveryLog($id: ID!) {
    webhookDeliveryLog(id: $id) {
      id
      attempt
      at
      statusCode
      latencyMs
      error
      ok
    }
  }
`);
