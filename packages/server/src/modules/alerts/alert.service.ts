import { Decimal } from 'decimal.js';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { memoryBus, type Bus } from '../../core/bus';
import type { Context } from '../../core/context';
import { now } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { emitEvent } from '../../core/events';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import type { Every } from '../../core/jobs';
import { OutboxWorker, skipLocked } from '../../core/outbox';
import { activeUserGrants } from '../auth';
import { fixedSafetyStockRead, fixedSafetyStocks } from '../purchasing';
import type { HeadChange, PostingService } from '../stock';
import { AlertKind, AlertOutbox, Notification } from './alert.entity';

const D = (x: Decimal.Value) => new Decimal(x);
const NOTIFICATION_TOPIC = 'alerts.notification';

export interface NewAlert {
  kind: AlertKind;
  warehouseId?: number | null;
  skuId?: number | null;
  refType?: string | null;
  refId?: number | null;
  refNumber?: string | null;
  /** quantities only: an alert carries no price */
  payload?: Record<string, string | number | null>;
  /** who hears of it beyond the kind's rule */
  audience?: AlertAudience | null;
  /** written once per key: a second write with the same key is ignored (the daily scan) */
  dedupeKey?: string | null;
}

/** Recipients named by the producer: these users, or the holders of these roles (never `exclude`). */
export interface AlertAudience {
  users?: number[];
  roles?: string[];
  exclude?: number[];
}

/**
 * Live alerts: producers write an outbox row in their own transaction (`write`, or the posting
 * observer for stock below its safety level); the dispatcher makes one notification per recipient
 * and marks the row dispatched in one transaction, then publishes the notifications to the
 * subscriptions. It runs on start (what a stopped server left), shortly after an alert is written,
 * and every `intervalMs`; on MySQL/MariaDB rows are taken with SKIP LOCKED, so several processes
 * never dispatch one row twice.
 */
export class AlertService {
  /** the dispatcher: its periodic sweep is the cluster's job `alerts.dispatch` */
  private readonly worker = new OutboxWorker('alerts.dispatch', () => this.dispatchAll());
  /** the live subscriptions of this process, by user; notifications reach them through the bus from any process */
  private readonly listeners = new Map<number, Set<(n: Notification) => void>>();
  private readonly bus: Bus;

  constructor(
    private readonly ds: DataSource,
    posting: PostingService,
    bus: Bus = memoryBus(),
  ) {
    posting.onPosted((tx, doc, changes) => this.belowSafetyStock(tx, doc, changes));
    // the levels come with the posting's read of warehouse facts
    posting.addRead(fixedSafetyStockRead);
    this.bus = bus;
    bus.on(NOTIFICATION_TOPIC, (n: Notification) => {
      for (const push of this.listeners.get(n.userId) ?? []) push(n);
    });
  }

  /** Writes an alert in the caller's transaction. */
  async write(tx: EntityManager, a: NewAlert): Promise<void> {
    const row = {
      kind: a.kind,
      warehouseId: a.warehouseId ?? null,
      skuId: a.skuId ?? null,
      refType: a.refType ?? null,
      refId: a.refId ?? null,
      refNumber: a.refNumber ?? null,
      payload: JSON.stringify(a.payload ?? {}),
      audience: a.audience ? JSON.stringify(a.audience) : null,
      dedupeKey: a.dedupeKey ?? null,
      createdAt: now(),
      dispatchedAt: null,
    };
    if (a.dedupeKey) await tx.createQueryBuilder().insert().into(AlertOutbox).values(row).orIgnore().execute();
    else await tx.insert(AlertOutbox, row);
    this.worker.soon();
  }

  /**
   * A posting that takes what is available (on hand − reserved) from at or above the fixed safety
   * stock to below it. Decided before the posting takes its number; the alert names the document,
   * so it is written once the number is known (the follow-up: rare, most postings cross no level).
   */
  private async belowSafetyStock(
    tx: EntityManager,
    doc: { id: number; type: string },
    changes: HeadChange[],
  ): Promise<void | ((number: string) => Promise<void>)> {
    const dropping = changes.filter((c) => D(c.qtyAfter).lt(c.qtyBefore));
    if (!dropping.length) return;
    const levels = await fixedSafetyStocks(tx, dropping);
    const crossed = dropping.flatMap((c) => {
      const level = levels.find((l) => l.warehouseId === c.warehouseId && l.skuId === c.skuId);
      if (!level) return [];
      const before = D(c.qtyBefore).minus(c.reserved);
      const after = D(c.qtyAfter).minus(c.reserved);
      return before.gte(level.qty) && after.lt(level.qty) ? [{ c, after, level }] : [];
    });
    if (!crossed.length) return;
    return async (number) => {
      for (const { c, after, level } of crossed) {
        await this.write(tx, {
          kind: AlertKind.LOW_STOCK,
          warehouseId: c.warehouseId,
          skuId: c.skuId,
          refType: doc.type,
          refId: doc.id,
          refNumber: number,
          payload: { available: after.toFixed(), safetyStock: D(level.qty).toFixed() },
        });
        // and for the world outside (webhooks), in the same transaction
        await emitEvent(tx, {
          type: 'stock.below_safety',
          ref: { type: doc.type, id: doc.id, number },
          warehouseId: c.warehouseId,
          data: {
            warehouseId: c.warehouseId,
            skuId: c.skuId,
            available: after.toFixed(),
            safetyStock: D(level.qty).toFixed(),
            document: { type: doc.type, id: doc.id, number },
          },
        });
      }
    };
  }

  // ---------- dispatching ----------

  /**
   * Dispatches in the background: on start, shortly after an alert is written, and every `intervalMs`
   * (0: never). `every` schedules the periodic sweep once per cluster (core/jobs); without it, a local timer.
   */
  start(intervalMs: number, every?: Every): void {
    this.worker.start(intervalMs, every);
  }

  stop(): Promise<unknown> {
    return this.worker.stop();
  }

  /** Turns undispatched outbox rows into notifications, exactly once; returns how many notifications were made. */
  dispatch(): Promise<number> {
    return this.worker.run();
  }

  private async dispatchAll(): Promise<number> {
    let made = 0;
    for (;;) {
      // nothing waiting: no transaction at all (the timer runs this every few seconds)
      const waiting = await this.ds.getRepository(AlertOutbox).count({ where: { dispatchedAt: IsNull() }, take: 1 });
      if (!waiting) return made;
      const published: Notification[] = [];
      const rows = await inTransaction(this.ds, async (tx) => {
        const ids: Array<{ id: number }> = await tx.query(
          `SELECT id FROM alert_outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT 100${skipLocked(tx)}`,
        );
        if (!ids.length) return 0;
        const outbox = await tx.find(AlertOutbox, {
          where: { id: In(ids.map((r) => Number(r.id))) },
          order: { id: 'ASC' },
        });
        const users = await activeUserGrants(tx);
        const at = now();
        for (const o of outbox) {
          for (const userId of recipients(users, o)) {
            const n = tx.create(Notification, {
              userId,
              outboxId: o.id,
              kind: o.kind,
              warehouseId: o.warehouseId,
              skuId: o.skuId,
              refType: o.refType,
              refId: o.refId,
              refNumber: o.refNumber,
              payload: o.payload,
              createdAt: o.createdAt,
              readAt: null,
            });
            published.push(await tx.save(n));
          }
        }
        await tx.update(AlertOutbox, { id: In(outbox.map((o) => o.id)) }, { dispatchedAt: at });
        return outbox.length;
      });
      // after the commit: a subscriber never hears of a notification that was rolled back; the bus
      // brings each one to the subscriptions of every API process
      for (const n of published) this.bus.publish(NOTIFICATION_TOPIC, n);
      made += published.length;
      if (!rows) return made;
    }
  }

  /**
   * A user's live notifications (the subscription): registered at once, so nothing dispatched after
   * this call is missed; ends when the client unsubscribes or the socket closes.
   */
  subscribe(userId: number): AsyncIterableIterator<Notification> {
    const queue: Notification[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const push = (n: Notification) => {
      queue.push(n);
      wake?.();
      wake = null;
    };
    const mine = this.listeners.get(userId) ?? new Set();
    mine.add(push);
    this.listeners.set(userId, mine);
    const end = () => {
      done = true;
      mine.delete(push);
      if (!mine.size) this.listeners.delete(userId);
      wake?.();
      wake = null;
    };
    const it: AsyncIterableIterator<Notification> = {
      async next() {
        while (!queue.length && !done) await new Promise<void>((r) => (wake = r));
        if (!queue.length) return { value: undefined, done: true };
        return { value: queue.shift()!, done: false };
      },
      async return() {
        end();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return it;
      },
    };
    return it;
  }

  /** How many live subscriptions a user has in this process. */
  subscribers(userId: number): number {
    return this.listeners.get(userId)?.size ?? 0;
  }

  // ---------- the notification centre ----------

  async list(ctx: Context, unreadOnly: boolean, page?: PageInput | null): Promise<Page<Notification>> {
    const { offset, limit } = clampPage(page);
    const [items, total] = await this.ds.getRepository(Notification).findAndCount({
      where: { userId: ctx.user!.id, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items, total, offset, limit };
  }

  unreadCount(ctx: Context): Promise<number> {
    return this.ds.getRepository(Notification).count({ where: { userId: ctx.user!.id, readAt: IsNull() } });
  }

  /** Marks the user's notifications read (these, or all of them); returns how many changed. */
  async markRead(ctx: Context, ids: string[] | null | undefined): Promise<number> {
    const qb = this.ds
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: now() })
      .where('user_id = :u AND read_at IS NULL', { u: ctx.user!.id });
    if (ids) {
      const nums = ids.map((i) => Number(i) || -1);
      if (!nums.length) return 0;
      qb.andWhere('id IN (:...ids)', { ids: nums });
    }
    const r = await qb.execute();
    return r.affected ?? 0;
  }
}

/**
 * Who hears of an alert: stock below its safety level goes to purchasers and to the keepers of the
 * warehouse; expiring and expired stock to the warehouse's keepers; a lapsing qualification to
 * purchasers; a count waiting for approval to those who may approve counts there; a purchase order
 * to the approvers holding a role of its pending level (never its author); a sales order due to ship
 * to its salesperson. Users limited to some warehouses hear only of theirs.
 */
function recipients(
  users: Array<{ id: number; permissions: Set<string>; roleCodes: string[]; warehouseIds: number[] }>,
  o: AlertOutbox,
): number[] {
  const audience = (o.audience ? JSON.parse(o.audience) : {}) as AlertAudience;
  return users
    .filter((u) => {
      const scope = u.warehouseIds;
      if (o.warehouseId !== null && scope.length && !scope.includes(o.warehouseId)) return false;
      if (audience.exclude?.includes(u.id)) return false;
      const perms = u.permissions;
      switch (o.kind) {
        case AlertKind.LOW_STOCK:
          return perms.has(P.PurchasingOrderCreate) || perms.has(P.StockDocumentPost);
        case AlertKind.NEAR_EXPIRY:
        case AlertKind.EXPIRED:
          return perms.has(P.StockDocumentPost);
        case AlertKind.QUALIFICATION_LAPSING:
          return perms.has(P.PurchasingOrderCreate);
        case AlertKind.PO_AWAITING_APPROVAL:
          return perms.has(P.PurchasingOrderApprove) && u.roleCodes.some((r) => audience.roles?.includes(r));
        case AlertKind.SO_AWAITING_SHIPMENT:
          return !!audience.users?.includes(u.id);
        default:
          return perms.has(P.StockCountApprove);
      }
    })
    .map((u) => u.id)
    .sort((a, b) => a - b);
}
