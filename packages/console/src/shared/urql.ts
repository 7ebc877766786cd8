import { Client, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { i18n } from './i18n';

type Listener = (error: CombinedError) => void;
const authListeners: Listener[] = [];

/** Called when the server says the session is missing or expired. */
export function onAuthError(listener: Listener) {
  authListeners.push(listener);
}

export function errorCode(error: CombinedError | undefined | null): string | undefined {
  const e = error?.graphQLErrors?.find((g) => g.extensions?.code);
  return e?.extensions?.code as string | undefined;
}

let ws: WsClient | undefined;
function wsClient(): WsClient {
  // the browser sends the session cookie with the upgrade request
  ws ??= createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    retryAttempts: 3,
  });
  return ws;
}

/**
 * No document cache on purpose: an admin console should show what the server has now, and
 * cached results must never outlive a sign-out. Pages re-execute their queries after a mutation.
 */
export const client = new Client({
  url: '/graphql',
  preferGetMethod: false, // CSRF prevention: always POST application/json
  requestPolicy: 'network-only',
  // the server writes exports (headers, statuses) in the console's language
  fetchOptions: () => ({ credentials: 'same-origin', headers: { 'accept-language': i18n.global.locale.value } }),
  exchanges: [
    mapExchange({
      onError(error) {
        const code = errorCode(error);
        if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') for (const l of authListeners) l(error);
      },
    }),
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query || '' };
        return {
          subscribe(sink) {
            const unsubscribe = wsClient().subscribe(input, sink);
            return { unsubscribe };
          },
        };
      },
    }),
  ],
});
