import type { Response } from 'express';
import type { Services } from '../services';

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  permissions: Set<string>;
  /** null: every warehouse */
  warehouseIds: number[] | null;
  sessionId: string;
}

export interface Context {
  user: AuthUser | null;
  /** the request carried a session that has expired (so the error can say so) */
  sessionExpired?: boolean;
  ip: string;
  userAgent: string;
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
