import { MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { createPubSub } from '@graphql-yoga/subscription';
import type { Bus } from '../../core/bus';
import { assertMayUseFields } from '../../core/permissions/guard';
import type { Context } from '../../core/context';
import { afterCommit } from '../../core/db';
import { clampPage, type Page } from '../../core/paging';
import { businessDay, countByDay, now, startOfDaysBack } from '../../core/dates';
import { dateTimeParam, insertedId } from '../../core/sql';
import type { WriteBatch } from '../../core/write-batch';
import { AuditEntry } from './audit-entry.entity';
import type { AuditFilter, AuditGroupBy, AuditSort } from './audit.types';

const SECRET_KEYS = /password|token|secret|hash/i;

/** Drops secrets from anything written to the audit trail. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) ? '[redacted]' : redact(v),
      ]),
    );
  }
  return value;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export const auditTopic = 'AUDIT_LOGGED';
export type AuditPubSub = ReturnType<typeof createAuditPubSub>;
/** Audit rows for the `auditLogged` subscriptions: in this process, or through the bus to every process. */
export const createAuditPubSub = (bus?: Bus) =>
  createPubSub<{ [auditTopic]: [AuditEntry] }>(bus?.shared ? { eventTarget: busEventTarget(bus, 'audit') } : {});

/** An EventTarget whose events travel over the bus: dispatched here, heard by the listeners of every process. */
function busEventTarget(bus: Bus, topic: string): any {
  const local = new EventTarget();
  bus.on(topic, (m: { type: string; detail: unknown }) =>
    local.dispatchEvent(new CustomEvent(m.type, { detail: m.detail })),
  );
  return {
    addEventListener: local.addEventListener.bind(local),
    removeEventListener: local.removeEventListener.bind(local),
    dispatchEvent(e: CustomEvent) {
      bus.publish(topic, { type: e.type, detail: e.detail });
      return true;
    },
  };
}

export class AuditService {
  constructor(
    private readonly ds: DataSource,
    readonly pubSub: AuditPubSub,
  ) {}

  /** Audited changes per business day over the last `days` days, oldest first (for the overview). */
  async countByDay(days: number): Promise<Array<{ day: string; count: number }>> {
    const since = startOfDaysBack(now(), days - 1);
    const rows = await this.ds
      .getRepository(AuditEntry)
      .find({ select: { at: true }, where: { at: MoreThanOrEqual(since) } });
    return countByDay(
      rows.map((r) => r.at),
      days,
    );
  }

  /** How many rows of `action` a user wrote since `since` (in the caller's transaction, so its own row counts). */
  countSince(tx: EntityManager, userId: number, action: string, since: Date): Promise<number> {
    return tx.getRepository(AuditEntry).count({ where: { userId, action, at: MoreThanOrEqual(since) } });
  }

  /** Writes the audit row in the caller's transaction; live subscribers hear of it after success. */
  /**
   * Writes the audit row in the caller's transaction; with `writes` (a posting's batch) it goes with
   * that batch's next packet, and the entry's id is known once the packet is sent.
   */
  async record(tx: EntityManager, ctx: Context, rec: AuditRecord, writes?: WriteBatch): Promise<AuditEntry> {
    const row = tx.create(AuditEntry, {
      at: now(),
      userId: ctx.user?.id ?? null,
      username: ctx.user?.username ?? '',
      roles: ctx.user?.roles ?? [],
      address: ctx.ip,
      requestId: ctx.requestId,
      action: rec.action,
      entityType: rec.entityType,
      entityId: rec.entityId == null ? null : String(rec.entityId),
      before: rec.before === undefined ? null : JSON.stringify(redact(rec.before)),
      after: rec.after === undefined ? null : JSON.stringify(redact(rec.after)),
    });
    const saved = row as AuditEntry;
    // every mutation writes one: a plain INSERT (identifiers quoted with backticks, which SQLite reads too)
    const sql =
      'INSERT INTO audit_entry (`at`, user_id, username, roles, address, request_id, action, entity_type, entity_id, `before`, `after`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    const params = [
      dateTimeParam(tx, row.at),
      row.userId,
      row.username,
      JSON.stringify(row.roles),
      row.address,
      row.requestId,
      row.action,
      row.entityType,
      row.entityId,
      row.before,
      row.after,
    ];
    if (writes) await writes.add(sql, params, (r) => Object.assign(saved, { id: insertedId(tx, r) }));
    else Object.assign(saved, { id: insertedId(tx, await tx.query(sql, params)) });
    ctx.auditWritten = true;
    // published with the request's answer, and only from the attempt that committed (a retried
    // deadlock's first attempt recorded this row too, then rolled back)
    afterCommit(tx, () => ctx.afterSuccess.push(() => this.pubSub.publish(auditTopic, saved)));
    return saved;
  }

  private query(ctx: Context, filter?: AuditFilter | null) {
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('a');
    if (!filter) return qb;
    if (filter.address) assertMayUseFields(ctx, 'AuditEntry', ['address'], 'filter');
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    if (filter.username) qb.andWhere('a.username = :username', { username: filter.username });
    if (filter.action) qb.andWhere('a.action LIKE :action', { action: `${filter.action}%` });
    if (filter.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.address) qb.andWhere('a.address = :address', { address: filter.address });
    return qb;
  }

  async list(
    ctx: Context,
    filter?: AuditFilter | null,
    sort?: AuditSort | null,
    page?: { offset: number; limit: number },
  ): Promise<Page<AuditEntry>> {
    const { offset, limit } = clampPage(page);
    const qb = this.query(ctx, filter);
    const s = sort ?? 'AT_DESC';
    if (s === 'ADDRESS') assertMayUseFields(ctx, 'AuditEntry', ['address'], 'sort');
    if (s === 'AT_ASC') qb.orderBy('a.at', 'ASC').addOrderBy('a.id', 'ASC');
    else if (s === 'ADDRESS') qb.orderBy('a.address', 'ASC').addOrderBy('a.id', 'DESC');
    else qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC');
    const [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  async all(ctx: Context, filter?: AuditFilter | null, max = 50_000): Promise<AuditEntry[]> {
    return this.query(ctx, filter).orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(max).getMany();
  }

  async stats(
    ctx: Context,
    groupBy: AuditGroupBy,
    filter?: AuditFilter | null,
  ): Promise<Array<{ key: string; count: number }>> {
    if (groupBy === 'DAY') return this.perBusinessDay(ctx, filter);
    const column = { USER: 'a.username', ACTION: 'a.action', ENTITY_TYPE: 'a.entity_type', ADDRESS: 'a.address' }[
      groupBy
    ];
    if (groupBy === 'ADDRESS') assertMayUseFields(ctx, 'AuditEntry', ['address'], 'group');
    const rows = await this.query(ctx, filter)
      .select(`${column}`, 'key')
      .addSelect('COUNT(*)', 'count')
      .groupBy(column)
      .orderBy('count', 'DESC')
      .limit(200)
      .getRawMany<{ key: unknown; count: unknown }>();
    return rows.map((r) => ({ key: String(r.key ?? ''), count: Number(r.count) }));
  }

  /**
   * Entries per day in the company's time zone (the database's DATE() would cut days at UTC
   * midnight, i.e. 08:00 in Shanghai): the times are read and counted here, newest 100,000 at most.
   */
  private async perBusinessDay(
    ctx: Context,
    filter?: AuditFilter | null,
  ): Promise<Array<{ key: string; count: number }>> {
    const rows = await this.query(ctx, filter)
      .select('a.at', 'at')
      .orderBy('a.at', 'DESC')
      .limit(100_000)
      .getRawMany<{ at: unknown }>();
    const counts = new Map<string, number>();
    for (const r of rows) {
      // MySQL hands back a Date (UTC connection); SQLite the UTC text "YYYY-MM-DD HH:MM:SS.sss"
      const at = r.at instanceof Date ? r.at : new Date(`${String(r.at).replace(' ', 'T')}Z`);
      const day = businessDay(at);
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
    return [...counts]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || b.key.localeCompare(a.key))
      .slice(0, 200);
  }
}
