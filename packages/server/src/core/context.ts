import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Locale } from './locale';

/**
 * The app's services, registered by the composition root (`services.ts` merges its
 * `createServices` type into this interface), so core never imports a module and resolvers still
 * get a typed `ctx.services`.
 */
export interface Services {
  /** the app's database (core's per-request loaders read through it) */
  ds: DataSource;
}

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  permissions: Set<string>;
  /** null: every warehouse */
  warehouseIds: number[] | null;
  sessionId: string;
  /** an API client's customer scope (null or absent: no limit beyond the role's) */
  customerIds?: number[] | null;
  /** set when an API client calls (its id), so the audit and the limits know */
  apiClientId?: number;
  /** a generated or reset password: nothing but changing it is allowed until then */
  mustChangePassword?: boolean;
}

export interface Context {
  user: AuthUser | null;
  /** the request carried a session that has expired (so the error can say so) */
  sessionExpired?: boolean;
  ip: string;
  userAgent: string;
  /** the requester's language for text the server writes (exports); zh-CN when absent */
  locale?: Locale;
  requestId: string;
  services: Services;
  /** "Type.field" of every sensitive field this request was not allowed to see */
  hidden: Set<string>;
  /** set when a mutation wrote its own audit row */
  auditWritten: boolean;
  /** work to run once the response is known to be a success (e.g. live-update fan-out) */
  afterSuccess: Array<() => void>;
  res?: Response;
}

const requestMemo = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Loads something once per request: field resolvers of a list (a tier per customer, a flag per
 * supplier) share one answer instead of querying once per row. A list resolver may also seed
 * keys it has already loaded in bulk.
 */
export function perRequest<T>(ctx: Context, key: string, load: () => Promise<T>): Promise<T> {
  let memo = requestMemo.get(ctx);
  if (!memo) requestMemo.set(ctx, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, load());
  return memo.get(key) as Promise<T>;
}

interface Batch<V> {
  values: Map<number, Promise<V | undefined>>;
  waiting: Map<number, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }>;
  scheduled: boolean;
}
const batches = new WeakMap<object, Map<string, Batch<unknown>>>();

/**
 * One row per id for a list's field resolvers (a customer name per order, a SKU label per line):
 * the ids asked for while a list resolves are collected and loaded in one `WHERE id IN (…)`, and
 * each id once per request.
 */
export function perRequestBatch<V>(
  ctx: Context,
  key: string,
  id: number,
  load: (ids: number[]) => Promise<Map<number, V>>,
): Promise<V | undefined> {
  let byKey = batches.get(ctx);
  if (!byKey) batches.set(ctx, (byKey = new Map()));
  let b = byKey.get(key) as Batch<V> | undefined;
  if (!b) byKey.set(key, (b = { values: new Map(), waiting: new Map(), scheduled: false }) as Batch<unknown>);
  const batch = b;
  const known = batch.values.get(id);
  if (known) return known;
  const value = new Promise<V | undefined>((resolve, reject) => batch.waiting.set(id, { resolve, reject }));
  batch.values.set(id, value);
  if (!batch.scheduled) {
    batch.scheduled = true;
    // after the resolvers of the list's rows have all been called
    setImmediate(() => {
      const waiting = new Map(batch.waiting);
      batch.waiting.clear();
      batch.scheduled = false;
      load([...waiting.keys()]).then(
        (rows) => waiting.forEach((w, k) => w.resolve(rows.get(k))),
        (e) => waiting.forEach((w) => w.reject(e)),
      );
    });
  }
  return value;
}
