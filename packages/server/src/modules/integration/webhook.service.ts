import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { memoryBus, type Bus } from '../../core/bus';
import type { Context } from '../../core/context';
import { now } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, DomainError, ErrorCode, notFound } from '../../core/errors';
import { EVENT_TYPES, onDomainEvent, visiblePayload, type DomainEvent } from '../../core/events';
import type { Every } from '../../core/jobs';
import { drainDue, OutboxWorker } from '../../core/outbox';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { dateTimeParam } from '../../core/sql';
import { backoffMs, RETRY_WINDOW_MS, signature } from '../../domain/webhooks';
import type { AuditService } from '../audit';
import { userGrants } from '../auth';
import { ApiClient } from './api-client.entity';
import { DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEvent, WebhookSubscription } from './webhook.entity';
import type { CreateWebhookInput, WebhookDeliveryView, WebhookView } from './webhook.types';

export interface WebhookOptions {
  /** how long a receiver may take to answer */
  timeoutMs?: number;
  /** how long a dispatcher holds deliveries it took (then another may send them) */
  leaseMs?: number;
  /** jitter source, [0, 1) (tests fix it) */
  random?: () => number;
}

/** a subscription was made or switched on or off (every process reads the active ones again) */
const CHANGED_TOPIC = 'webhooks.changed';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|\[::\])$/i;
const short = (s: string) => s.slice(0, 200);

/**
 * Webhooks (事件推送): subscriptions of API clients; events written to an outbox in the transaction of
 * the change (core/events → `write`), one delivery per matching subscription beside it; a
 * dispatcher (core/outbox) that takes due deliveries with SKIP LOCKED and a lease, sends them signed
 * (HMAC-SHA256 over timestamp and body), logs every attempt, retries with exponential backoff and
 * jitter for 24 hours, and keeps each document's events in order per subscription.
 */
export class WebhookService {
  readonly worker = new OutboxWorker('webhooks.dispatch', () => this.dispatchDue());
  private readonly timeoutMs: number;
  private readonly leaseMs: number;
  private readonly random: () => number;
  /** this server's own addresses (host:port), set once it listens: a webhook may not point here */
  private self: { ports: number[]; hosts: string[] } = { ports: [], hosts: [] };

  /**
   * The active subscriptions (id, events), read once and kept until one changes: a posting without a
   * subscriber for its event costs no statement. A change on any API process tells every process
   * through the bus (`webhooks.changed`); a subscription is in effect once they heard it.
   */
  private active: Promise<Array<{ id: number; events: string[] }>> | null = null;
  /** the event types of `active` once read (null until then: every type may be wanted) */
  private activeTypes: Set<string> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    opts: WebhookOptions = {},
    private readonly bus: Bus = memoryBus(),
  ) {
    bus.on(CHANGED_TOPIC, () => {
      this.active = null;
      this.activeTypes = null;
    });
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.leaseMs = opts.leaseMs ?? Math.max(60_000, 3 * (opts.timeoutMs ?? 10_000));
    this.random = opts.random ?? Math.random;
    onDomainEvent(
      ds,
      (tx, e) => this.write(tx, e),
      (type) => !this.activeTypes || this.activeTypes.has(type),
    );
  }

  listening(port: number, hosts: string[] = []): void {
    this.self = { ports: [...this.self.ports, port], hosts: [...this.self.hosts, ...hosts] };
  }

  // ---------- the outbox ----------

  /** The event and its deliveries, in the transaction of the change (nothing when no subscription wants it). */
  async write(tx: EntityManager, e: DomainEvent): Promise<void> {
    if (!this.active) {
      const loading = tx
        .find(WebhookSubscription, { where: { active: true }, order: { id: 'ASC' } })
        .then((rows) => rows.map((r) => ({ id: r.id, events: JSON.parse(r.events) as string[] })));
      this.active = loading;
      loading.then(
        (rows) => this.active === loading && (this.activeTypes = new Set(rows.flatMap((r) => r.events))),
        () => this.active === loading && (this.active = null),
      );
    }
    const wanted = (await this.active).filter((s) => s.events.includes(e.type)).map((s) => s.id);
    if (!wanted.length) return;
    // the rows themselves, as this transaction sees them (one may have been switched off meanwhile)
    const subs = await tx.find(WebhookSubscription, { where: { id: In(wanted), active: true }, order: { id: 'ASC' } });
    if (!subs.length) return;
    const at = now();
    const clients = new Map(
      (await tx.find(ApiClient, { where: { id: In([...new Set(subs.map((s) => s.clientId))]) } })).map((c) => [
        c.id,
        c,
      ]),
    );
    const grants = await userGrants(
      tx,
      [...clients.values()].flatMap((c) => (c.userId ? [c.userId] : [])),
    );
    const rows = subs.flatMap((s) => {
      const c = clients.get(s.clientId);
      if (!c || c.revokedAt || !c.userId) return [];
      // the client's scope: what it may not see, it does not hear of
      const wh = grants.get(c.userId)?.warehouseIds;
      if (wh && e.warehouseId != null && !wh.includes(e.warehouseId)) return [];
      const cust = c.customerIds ? (JSON.parse(c.customerIds) as number[]) : null;
      if (cust && e.customerId != null && !cust.includes(e.customerId)) return [];
      return [
        {
          subscriptionId: s.id,
          orderingKey: `${s.id}:${e.ref.type}:${e.ref.id}`.slice(0, 80),
          status: DeliveryStatus.PENDING,
          attempts: 0,
          nextAttemptAt: at,
          leaseUntil: null,
          deadlineAt: new Date(at.getTime() + RETRY_WINDOW_MS),
          lastStatus: null,
          lastLatencyMs: null,
          lastError: null,
          deliveredAt: null,
          createdAt: at,
        },
      ];
    });
    if (rows.length) {
      const res = await tx.insert(WebhookEvent, {
        eventId: crypto.randomUUID(),
        type: e.type,
        refType: e.ref.type.slice(0, 30),
        refId: e.ref.id,
        refNumber: e.ref.number ?? null,
        warehouseId: e.warehouseId ?? null,
        customerId: e.customerId ?? null,
        data: JSON.stringify(e.data),
        createdAt: at,
      });
      const eventId = Number(res.identifiers[0].id);
      await tx.insert(
        WebhookDelivery,
        rows.map((r) => ({ ...r, eventId })),
      );
      this.worker.soon(300);
    }
  }

  // ---------- the dispatcher ----------

  /** Dispatches in the background (core/outbox): its periodic sweep is the cluster's job `webhooks.dispatch` through `every`. */
  start(intervalMs: number, every?: Every): void {
    this.worker.start(intervalMs, every);
  }

  stop(): Promise<unknown> {
    return this.worker.stop();
  }

  /** Sends what is due now (tests call this; the worker runs it in the background). Returns the attempts made. */
  dispatch(): Promise<number> {
    return this.worker.run();
  }

  /**
   * Takes due deliveries (at most one per subscription and document: the earliest pending one) with
   * SKIP LOCKED, leases them, commits, then sends them; repeats until nothing is due. When an attempt
   * is due is business time (the retry schedule and its 24 hours); the lease is operational time
   * (core/jobs: the database clock), so a dispatcher that died mid-send holds its rows for `leaseMs`
   * of real time whatever the business clock says, and two processes never send a row at once.
   */
  private dispatchDue(): Promise<number> {
    return drainDue(this.ds, {
      table: 'webhook_delivery d',
      prefix: 'd.',
      // due now (business time) and the earliest pending one of its subscription and document
      where: (tx) => [
        `d.status = 'pending' AND d.next_attempt_at <= ?
              AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                               WHERE e.ordering_key = d.ordering_key AND e.id < d.id AND e.status = 'pending')`,
        [dateTimeParam(tx, now())],
      ],
      limit: 20,
      leaseMs: this.leaseMs,
      load: (tx, ids) => tx.find(WebhookDelivery, { where: { id: In(ids) }, order: { id: 'ASC' } }),
      send: async (taken) => {
        await Promise.all(taken.map((d) => this.deliver(d)));
        return taken.length;
      },
    });
  }

  /** The body a subscription receives for an event: the payload through its client's field rules. */
  private async bodyFor(d: WebhookDelivery) {
    const ev = await this.ds.getRepository(WebhookEvent).findOneByOrFail({ id: d.eventId });
    const sub = await this.ds.getRepository(WebhookSubscription).findOneByOrFail({ id: d.subscriptionId });
    const client = await this.ds.getRepository(ApiClient).findOneBy({ id: sub.clientId });
    const g = client?.userId ? (await userGrants(this.ds.manager, [client.userId])).get(client.userId) : undefined;
    const body = JSON.stringify({
      id: ev.eventId,
      type: ev.type,
      occurredAt: ev.createdAt.toISOString(),
      ref: { type: ev.refType, id: String(ev.refId), number: ev.refNumber },
      data: visiblePayload(JSON.parse(ev.data), g?.permissions ?? new Set()),
    });
    return { ev, sub, body, revoked: !client || !!client.revokedAt || !g?.active };
  }

  private async deliver(d: WebhookDelivery): Promise<void> {
    const { ev, sub, body, revoked } = await this.bodyFor(d);
    const attempt = d.attempts + 1;
    let statusCode: number | null = null;
    let error: string | null = null;
    const started = performance.now();
    if (revoked || !sub.active) error = revoked ? 'The API client was revoked.' : 'The subscription is off.';
    else {
      const ts = Math.floor(now().getTime() / 1000);
      try {
        const res = await fetch(sub.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(this.timeoutMs),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'jxc-webhooks/1',
            'x-jxc-event-id': ev.eventId,
            'x-jxc-event-type': ev.type,
            'x-jxc-delivery': String(d.id),
            'x-jxc-attempt': String(attempt),
            'x-jxc-timestamp': String(ts),
            'x-jxc-signature': signature(sub.secret, ts, body),
          },
          body,
        });
        statusCode = res.status;
        await res.arrayBuffer().catch(() => undefined);
        if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      } catch (e) {
        const err = e as Error & { cause?: { code?: string } };
        error = short(
          err.name === 'TimeoutError' ? `No answer within ${this.timeoutMs} ms` : (err.cause?.code ?? err.message),
        );
      }
    }
    const latencyMs = Math.round(performance.now() - started);
    const at = now();
    const ok = error === null;
    await inTransaction(this.ds, async (tx) => {
      await tx.insert(WebhookAttempt, { deliveryId: d.id, attempt, at, statusCode, latencyMs, error, ok });
      const next = new Date(at.getTime() + backoffMs(attempt, this.random()));
      const stop = revoked || !sub.active;
      await tx.update(
        WebhookDelivery,
        { id: d.id },
        {
          attempts: attempt,
          leaseUntil: null,
          lastStatus: statusCode,
          lastLatencyMs: latencyMs,
          lastError: error,
          ...(ok
            ? { status: DeliveryStatus.DELIVERED, deliveredAt: at }
            : stop || next > d.deadlineAt
              ? { status: DeliveryStatus.FAILED }
              : { nextAttemptAt: next }),
        },
      );
    });
  }

  // ---------- subscriptions and the log ----------

  private async views(subs: WebhookSubscription[]): Promise<WebhookView[]> {
    const clients = new Map(
      (await this.ds.getRepository(ApiClient).find({ where: { id: In([-1, ...subs.map((s) => s.clientId)]) } })).map(
        (c) => [c.id, c],
      ),
    );
    return subs.map((s) => ({
      id: String(s.id),
      clientId: String(s.clientId),
      clientName: clients.get(s.clientId)?.name ?? '',
      url: s.url,
      events: JSON.parse(s.events),
      active: s.active,
      createdAt: s.createdAt,
    }));
  }

  async list(): Promise<WebhookView[]> {
    return this.views(await this.ds.getRepository(WebhookSubscription).find({ order: { id: 'DESC' }, take: 500 }));
  }

  /** http(s) only, and not this server (a webhook to itself would call its own API). */
  private checkUrl(ctx: Context, raw: string): string {
    let u: URL;
    try {
      u = new URL(raw.trim());
    } catch {
      throw new DomainError(ErrorCode.WEBHOOK_URL_INVALID, 'The webhook URL must be an http(s) URL.', { field: 'url' });
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new DomainError(ErrorCode.WEBHOOK_URL_INVALID, 'The webhook URL must be an http(s) URL.', { field: 'url' });
    const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
    const requestHost = String(ctx.res?.req?.headers?.host ?? '').toLowerCase();
    const own = [requestHost, ...this.self.hosts.map((h) => h.toLowerCase())].filter(Boolean);
    if (own.includes(u.host.toLowerCase()) || (LOOPBACK.test(u.hostname) && this.self.ports.includes(port)))
      throw new DomainError(ErrorCode.WEBHOOK_URL_SELF, 'The webhook URL must not point to this server.', {
        field: 'url',
      });
    return u.toString();
  }

  async create(ctx: Context, input: CreateWebhookInput): Promise<{ subscription: WebhookView; secret: string }> {
    const url = this.checkUrl(ctx, input.url);
    const events = [...new Set(input.events)];
    const unknown = events.filter((e) => !(EVENT_TYPES as readonly string[]).includes(e));
    if (unknown.length) throw badInput([{ field: 'events', message: `Unknown event types: ${unknown.join(', ')}.` }]);
    const secret = `whsec_${crypto.randomBytes(24).toString('base64url')}`;
    const sub = await inTransaction(this.ds, async (tx) => {
      const client = await tx.findOne(ApiClient, { where: { id: Number(input.clientId) || -1 } });
      if (!client) throw notFound('This API client');
      if (client.revokedAt) throw new DomainError(ErrorCode.API_KEY_REVOKED, 'This API client was revoked.');
      const res = await tx.insert(WebhookSubscription, {
        clientId: client.id,
        url,
        events: JSON.stringify(events),
        secret,
        active: true,
        createdAt: now(),
      });
      const id = Number(res.identifiers[0].id);
      await this.audit.record(tx, ctx, {
        action: 'integration.webhook.create',
        entityType: 'WebhookSubscription',
        entityId: id,
        after: { clientId: client.id, url, events },
      });
      return tx.findOneByOrFail(WebhookSubscription, { id });
    });
    this.bus.publish(CHANGED_TOPIC, { id: sub.id });
    return { subscription: (await this.views([sub]))[0], secret };
  }

  async setActive(ctx: Context, id: string, active: boolean): Promise<WebhookView> {
    const sub = await inTransaction(this.ds, async (tx) => {
      const s = await tx.findOne(WebhookSubscription, { where: { id: Number(id) || -1 } });
      if (!s) throw notFound('This webhook');
      await tx.update(WebhookSubscription, { id: s.id }, { active });
      await this.audit.record(tx, ctx, {
        action: active ? 'integration.webhook.enable' : 'integration.webhook.disable',
        entityType: 'WebhookSubscription',
        entityId: s.id,
      });
      return { ...s, active };
    });
    this.bus.publish(CHANGED_TOPIC, { id: sub.id });
    return (await this.views([sub]))[0];
  }

  async deliveries(
    subscriptionId: string | null | undefined,
    status: DeliveryStatus | null | undefined,
    page?: PageInput | null,
  ): Promise<Page<WebhookDeliveryView>> {
    const { offset, limit } = clampPage(page);
    const where = {
      ...(subscriptionId ? { subscriptionId: Number(subscriptionId) || -1 } : {}),
      ...(status ? { status } : {}),
    };
    const [rows, total] = await this.ds
      .getRepository(WebhookDelivery)
      .findAndCount({ where, order: { id: 'DESC' }, skip: offset, take: limit });
    return { items: await this.deliveryViews(rows), total, offset, limit };
  }

  private async deliveryViews(rows: WebhookDelivery[]): Promise<WebhookDeliveryView[]> {
    const ids = (xs: number[]) => In([-1, ...new Set(xs)]);
    const [events, subs, log] = await Promise.all([
      this.ds.getRepository(WebhookEvent).find({ where: { id: ids(rows.map((r) => r.eventId)) } }),
      this.ds.getRepository(WebhookSubscription).find({ where: { id: ids(rows.map((r) => r.subscriptionId)) } }),
      this.ds
        .getRepository(WebhookAttempt)
        .find({ where: { deliveryId: ids(rows.map((r) => r.id)) }, order: { id: 'ASC' } }),
    ]);
    const ev = new Map(events.map((e) => [e.id, e]));
    const sub = new Map(subs.map((s) => [s.id, s]));
    return rows.map((r) => ({
      id: String(r.id),
      subscriptionId: String(r.subscriptionId),
      url: sub.get(r.subscriptionId)?.url ?? '',
      eventId: ev.get(r.eventId)?.eventId ?? '',
      eventType: ev.get(r.eventId)?.type ?? '',
      refType: ev.get(r.eventId)?.refType ?? '',
      refNumber: ev.get(r.eventId)?.refNumber ?? null,
      status: r.status,
      attempts: r.attempts,
      lastStatus: r.lastStatus,
      lastLatencyMs: r.lastLatencyMs,
      lastError: r.lastError,
      nextAttemptAt: r.nextAttemptAt,
      deliveredAt: r.deliveredAt,
      createdAt: r.createdAt,
      log: log.filter((a) => a.deliveryId === r.id),
    }));
  }

  log(id: string): Promise<WebhookAttempt[]> {
    return this.ds
      .getRepository(WebhookAttempt)
      .find({ where: { deliveryId: Number(id) || -1 }, order: { id: 'ASC' } });
  }

  /** Sends a delivery again (delivered or failed): the same event id, a new 24-hour window, the log goes on. */
  async replay(ctx: Context, id: string): Promise<WebhookDeliveryView> {
    const row = await inTransaction(this.ds, async (tx) => {
      const d = await tx.findOne(WebhookDelivery, { where: { id: Number(id) || -1 } });
      if (!d) throw notFound('This delivery');
      const at = now();
      const patch = {
        status: DeliveryStatus.PENDING,
        nextAttemptAt: at,
        leaseUntil: null,
        deadlineAt: new Date(at.getTime() + RETRY_WINDOW_MS),
      };
      await tx.update(WebhookDelivery, { id: d.id }, patch);
      await this.audit.record(tx, ctx, {
        action: 'integration.webhook.replay',
        entityType: 'WebhookDelivery',
        entityId: d.id,
        before: { status: d.status },
      });
      return { ...d, ...patch };
    });
    this.worker.soon(0);
    return (await this.deliveryViews([row]))[0];
  }
}
