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
