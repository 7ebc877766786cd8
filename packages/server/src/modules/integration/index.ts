/**
 * The integration module's face: API clients (keys, scope, limits) and webhooks (subscriptions,
 * the event outbox and its dispatcher). Anything not exported here is internal.
 */
export { API_KEY_PREFIX, isApiKey, type ApiClientService } from './api-client.service';
