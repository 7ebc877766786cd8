import crypto from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuthUser, Context } from '../../core/context';
import { now } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, DomainError, ErrorCode, notFound } from '../../core/errors';
import { onDuplicateIncrement } from '../../core/sql';
import type { AuditService } from '../audit';
import { createServiceUser, disableServiceUser, findRole, userGrants } from '../auth';
import { warehousesByIds } from '../stock';
import { ApiClient, ApiKey, ApiRateWindow } from './api-client.entity';
import type { ApiClientKey, ApiClientView, CreateApiClientInput } from './api-client.types';

/** Every key starts so: the API tells a key from a session token by it. */
export const API_KEY_PREFIX = 'jxc_';
export const isApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** jxc_<8 hex>_<43 base64url>: the first 12 characters are the visible prefix. */
function newKey(): { key: string; prefix: string; hash: string } {
  const prefix = `${API_KEY_PREFIX}${crypto.randomBytes(4).toString('hex')}`;
  const key = `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: sha256(key) };
}

export interface RateState {
  limit: number;
  remaining: number;
  /** seconds until the window ends */
  reset: number;
  exceeded: boolean;
}

export type Authenticated = { user: AuthUser; client: ApiClient } | { code: string; message: string };

const parseIds = (s: string | null): number[] | null => (s === null ? null : (JSON.parse(s) as number[]));

/**
 * API clients (接口客户端): created by an admin with a role and an optional scope; a key shown once
 * and stored as its SHA-256; rotation with an overlap; revocation at once; a request limit per
 * minute counted in the database (so every server of a cluster shares it).
 */
export class ApiClientService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async view(em: EntityManager, clients: ApiClient[]): Promise<ApiClientView[]> {
    const grants = await userGrants(
      em,
      clients.flatMap((c) => (c.userId ? [c.userId] : [])),
    );
    const keys = clients.length
      ? await em.find(ApiKey, { where: { clientId: In(clients.map((c) => c.id)) }, order: { id: 'DESC' } })
      : [];
    return clients.map((c) => {
      const g = c.userId ? grants.get(c.userId) : undefined;
      return {
        id: String(c.id),
        name: c.name,
        username: g?.username ?? '',
        roleId: g?.roleIds[0] ? String(g.roleIds[0]) : null,
        roleCode: g?.roles[0] ?? null,
        warehouseIds: (g?.warehouseIds ?? []).map(String),
        customerIds: parseIds(c.customerIds)?.map(String) ?? null,
        rateLimit: c.rateLimit,
        revokedAt: c.revokedAt,
        createdAt: c.createdAt,
        keys: keys.filter((k) => k.clientId === c.id),
      };
    });
  }

  async list(): Promise<ApiClientView[]> {
    const clients = await this.ds.getRepository(ApiClient).find({ order: { id: 'DESC' }, take: 500 });
    return this.view(this.ds.manager, clients);
  }

  async get(em: EntityManager, id: number | string): Promise<ApiClient> {
    const c = await em.findOne(ApiClient, { where: { id: Number(id) || -1 } });
    if (!c) throw notFound('This API client');
    return c;
  }

  async create(ctx: Context, input: CreateApiClientInput): Promise<ApiClientKey> {
    const name = input.name.trim();
    if (!name) throw badInput([{ field: 'name', message: 'Give the client a name.' }]);
    const warehouseIds = [...new Set((input.warehouseIds ?? []).map(Number))];
    const customerIds = input.customerIds ? [...new Set(input.customerIds.map(Number))] : null;
    const k = newKey();
    const client = await inTransaction(this.ds, async (tx) => {
      const role = await findRole(tx, Number(input.roleId));
      if (!role) throw badInput([{ field: 'roleId', message: 'This role does not exist.' }]);
      const found = await warehousesByIds(tx, warehouseIds);
      if (found.length !== warehouseIds.length)
        throw badInput([{ field: 'warehouseIds', message: 'A warehouse does not exist.' }]);
      if (customerIds?.some((id) => !Number.isInteger(id) || id <= 0))
        throw badInput([{ field: 'customerIds', message: 'A customer does not exist.' }]);
      const at = now();
      const res = await tx.insert(ApiClient, {
        name,
        userId: null,
        customerIds: customerIds ? JSON.stringify(customerIds) : null,
        rateLimit: input.rateLimit ?? 600,
        revokedAt: null,
        createdAt: at,
        createdBy: ctx.user!.id,
      });
      const id = Number(res.identifiers[0].id);
      const userId = await createServiceUser(tx, { key: String(id), displayName: name, roleId: role.id, warehouseIds });
      await tx.update(ApiClient, { id }, { userId });
      await tx.insert(ApiKey, {
        clientId: id,
        prefix: k.prefix,
        hash: k.hash,
        createdAt: at,
        expiresAt: null,
        lastUsedAt: null,
      });
      await this.audit.record(tx, ctx, {
        action: 'integration.apiClient.create',
        entityType: 'ApiClient',
        entityId: id,
        after: {
          name,
          role: role.code,
          warehouseIds,
          customerIds,
          rateLimit: input.rateLimit ?? 600,
          keyPrefix: k.prefix,
        },
      });
      return this.get(tx, id);
    });
    return { client: (await this.view(this.ds.manager, [client]))[0], key: k.key };
  }

  /** A new key; the client's current keys keep working for `overlapHours` more (0: they stop now). */
  async rotate(ctx: Context, id: string, overlapHours: number): Promise<ApiClientKey> {
    if (!(overlapHours >= 0 && overlapHours <= 24 * 30))
      throw badInput([{ field: 'overlapHours', message: 'The overlap is 0 to 720 hours.' }]);
    const k = newKey();
    const client = await inTransaction(this.ds, async (tx) => {
      const c = await this.get(tx, id);
      if (c.revokedAt) throw new DomainError(ErrorCode.API_KEY_REVOKED, 'This API client was revoked.');
      const at = now();
      const until = new Date(at.getTime() + overlapHours * 3600_000);
      const current = await tx.find(ApiKey, { where: { clientId: c.id } });
      for (const key of current)
        if (!key.expiresAt || key.expiresAt > until) await tx.update(ApiKey, { id: key.id }, { expiresAt: until });
      await tx.insert(ApiKey, {
        clientId: c.id,
        prefix: k.prefix,
        hash: k.hash,
        createdAt: at,
        expiresAt: null,
        lastUsedAt: null,
      });
      await this.audit.record(tx, ctx, {
        action: 'integration.apiClient.rotate',
        entityType: 'ApiClient',
        entityId: c.id,
        after: { keyPrefix: k.prefix, oldKeysUntil: until.toISOString() },
      });
      return c;
    });
    return { client: (await this.view(this.ds.manager, [client]))[0], key: k.key };
  }

  /** Revoked at once: every key of the client is refused from the next request on. */
  async revoke(ctx: Context, id: string): Promise<ApiClientView> {
    const client = await inTransaction(this.ds, async (tx) => {
      const c = await this.get(tx, id);
      if (c.revokedAt) return c;
      const at = now();
      await tx.update(ApiClient, { id: c.id }, { revokedAt: at });
      if (c.userId) await disableServiceUser(tx, c.userId);
      await this.audit.record(tx, ctx, {
        action: 'integration.apiClient.revoke',
        entityType: 'ApiClient',
        entityId: c.id,
      });
      return { ...c, revokedAt: at };
    });
    return (await this.view(this.ds.manager, [client]))[0];
  }

  /** The client behind a key, as a user with its role's permissions and its scope; or why it is refused. */
  async authenticate(key: string): Promise<Authenticated> {
    const invalid = { code: ErrorCode.UNAUTHENTICATED, message: 'This API key is not valid.' };
    if (!isApiKey(key) || key.length > 200) return invalid;
    const row = await this.ds.getRepository(ApiKey).findOne({ where: { hash: sha256(key) } });
    if (!row) return invalid;
    const client = await this.ds.getRepository(ApiClient).findOne({ where: { id: row.clientId } });
    if (!client?.userId) return invalid;
    if (client.revokedAt) return { code: ErrorCode.API_KEY_REVOKED, message: 'This API client was revoked.' };
    const at = now();
    if (row.expiresAt && row.expiresAt <= at)
      return { code: ErrorCode.API_KEY_EXPIRED, message: 'This key was rotated out; use the client’s new key.' };
    const g = (await userGrants(this.ds.manager, [client.userId])).get(client.userId);
    if (!g?.active) return { code: ErrorCode.API_KEY_REVOKED, message: 'This API client was revoked.' };
    // a write per minute, not per request
    if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() > 60_000)
      await this.ds.getRepository(ApiKey).update({ id: row.id }, { lastUsedAt: at });
    return {
      client,
      user: {
        id: g.id,
        username: g.username,
        displayName: g.displayName,
        roles: g.roles,
        permissions: g.permissions,
        warehouseIds: g.warehouseIds,
        customerIds: parseIds(client.customerIds),
        apiClientId: client.id,
        sessionId: `api-key:${row.id}`,
      },
    };
  }

  /** Counts one request in the client's current minute (shared by every server through the database). */
  async hit(client: ApiClient): Promise<RateState> {
    const at = now().getTime();
    const windowStart = Math.floor(at / 60_000);
    const params = [client.id, windowStart];
    await this.ds.query(
      `INSERT INTO api_rate_window (client_id, window_start, hits) VALUES (?, ?, 1) ${onDuplicateIncrement(this.ds, ['client_id', 'window_start'], 'hits')}`,
      params,
    );
    const [row] = await this.ds.query(
      'SELECT hits FROM api_rate_window WHERE client_id = ? AND window_start = ?',
      params,
    );
    const hits = Number(row?.hits ?? 1);
    const reset = Math.max(1, Math.ceil(((windowStart + 1) * 60_000 - at) / 1000));
    // old windows go now and then
    if (hits === 1)
      await this.ds
        .createQueryBuilder()
        .delete()
        .from(ApiRateWindow)
        .where('client_id = :c AND window_start < :w', { c: client.id, w: windowStart - 1 })
        .execute();
    return {
      limit: client.rateLimit,
      remaining: Math.max(0, client.rateLimit - hits),
      reset,
      exceeded: hits > client.rateLimit,
    };
  }

  /** Every call of a client is in the audit trail under its service user (`api:<id>`). */
  async recordCall(
    user: AuthUser,
    call: { ip: string; requestId: string; operation: string; status: number },
  ): Promise<void> {
    const ctx = {
      user,
      ip: call.ip,
      requestId: call.requestId,
      hidden: new Set(),
      auditWritten: false,
      afterSuccess: [],
    } as unknown as Context;
    await inTransaction(this.ds, (tx) =>
      this.audit.record(tx, ctx, {
        action: 'api.call',
        entityType: 'ApiClient',
        entityId: user.apiClientId ?? null,
        after: { operation: call.operation, status: call.status },
      }),
    );
    for (const f of ctx.afterSuccess) f();
  }
}
