import { computed, reactive } from 'vue';
import type { MeQuery as MeResult } from '@/gql/graphql';
import type { Permission } from '@/gql/permissions';
import { setServerClock } from './clock';
import { loadNumberFormat } from './format';
import { LogoutMutation, MeQuery } from './sessionQueries';
import { client } from './urql';

export type Me = NonNullable<MeResult['me']>;

/** The signed-in user and their permissions: the permission store of the console. */
export const session = reactive({
  me: null as Me | null,
  loaded: false,
});

let pending: Promise<Me | null> | null = null;

/** Loads `me` from the server (the session cookie decides who that is). */
export function loadMe(force = false): Promise<Me | null> {
  if (session.loaded && !force) return Promise.resolve(session.me);
  pending ??= client
    .query(MeQuery, {}, { requestPolicy: 'network-only' })
    .toPromise()
    .then((r) => {
      if (r.error && !r.data) throw r.error;
      if (r.data?.businessClock) setServerClock(r.data.businessClock.now, r.data.businessClock.timeZone);
      session.me = r.data?.me ?? null;
      session.loaded = true;
      // how numbers are shown; until it answers the defaults hold, and a failure keeps them
      if (session.me && !session.me.user.mustChangePassword) loadNumberFormat().catch(() => undefined);
      return session.me;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

export function clearSession() {
  session.me = null;
  session.loaded = true;
}

/** Ends the session on the server, then forgets it here. */
export async function logout(): Promise<void> {
  await client.mutation(LogoutMutation, {}).toPromise();
  clearSession();
}

const permissionSet = computed(() => new Set<string>(session.me?.permissions ?? []));

export type { Permission };

/** Whether the signed-in user holds a permission (the API enforces it anyway); none asked: signed in. */
export function can(permission: Permission | undefined | null): boolean {
  if (!permission) return !!session.me;
  return permissionSet.value.has(permission);
}

export const signedIn = computed(() => !!session.me);

/** Whether a warehouse is in the signed-in user's scope (no scope: every warehouse); the API enforces it anyway. */
export function inWarehouseScope(warehouseId: string | number | null | undefined): boolean {
  if (!warehouseId || !session.me) return false;
  const scope = session.me.warehouseIds;
  return !scope || scope.map(String).includes(String(warehouseId));
}
