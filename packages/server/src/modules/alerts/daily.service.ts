import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { addDays, now, today } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { notFound } from '../../core/errors';
import type { Every } from '../../core/jobs';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { lapsingQualifications } from '../partners';
import { ordersDueToShip } from '../sales';
import { expiringBatches } from '../stock';
import { companySettings } from '../system';
import { AlertDailyRun, AlertDigest, AlertKind, Notification } from './alert.entity';
import type { AlertService } from './alert.service';

/** A qualification is announced this many days before it lapses (the suppliers page warns 30 days ahead too). */
export const QUALIFICATION_WARNING_DAYS = 30;

/**
 * The time-driven alerts and the daily digest. Once per business day (company time zone, the core
 * clock) a scan writes the alerts that no posting causes: stock near expiry (settings'
 * expiryWarningDays) and expired, supplier qualifications about to lapse, confirmed sales orders due
 * to ship. A row per day in `alert_daily_run`, written in the scan's transaction, makes it run once
 * per day whichever process gets there first; each alert has a key on top (a batch expires once, an
 * order is due once per promised date), so nothing is sent twice even across days. Then each user
 * with unread alerts gets one digest for the day (unique per user and day).
 */
export class DailyAlerts {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private started = false;

  constructor(
    private readonly ds: DataSource,
    private readonly alerts: AlertService,
  ) {}

  /**
   * Looks every `checkMs` whether the day's scan and digests are done (0: never; tests call `run`):
   * once shortly after start (the day may have turned while the server was down), then as the
   * cluster's periodic job `alerts.daily` through `every` (core/jobs: one process per period), or a
   * local timer when none is given. The day's row keeps a second look from doing anything.
   */
  start(checkMs: number, every?: Every): void {
    if (!checkMs) return;
    this.started = true;
    const tick = (): Promise<unknown> => {
      if (!this.started) return Promise.resolve();
      if (!this.running)
        this.running = this.run()
          .catch((e) => console.error('[jxc] daily alerts failed', e?.message ?? e))
          .finally(() => (this.running = null));
      return this.running;
    };
    setTimeout(tick, 1000).unref();
    if (every) every('alerts.daily', checkMs, tick, { quiet: true });
    else {
      this.timer = setInterval(tick, checkMs);
      this.timer.unref();
    }
  }

  stop(): Promise<unknown> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.running ?? Promise.resolve();
  }

  /** The day's scan (once per day), the dispatch, then the day's digests; returns what it did. */
  async run(day: string = today()): Promise<{ scanned: boolean; digests: number }> {
    const scanned = await this.scan(day);
    await this.alerts.dispatch();
    const digests = await this.digest(day);
    return { scanned, digests };
  }

  /** Writes the day's time-driven alerts unless the day was scanned already; true when it scanned. */
  async scan(day: string = today()): Promise<boolean> {
    try {
      return await inTransaction(this.ds, async (tx) => {
        if (await tx.findOneBy(AlertDailyRun, { day })) return false;
        // another process scanning the same day: its row makes this insert wait, then fail as a duplicate
        await tx.insert(AlertDailyRun, { day, ranAt: now() });
        await this.expiry(tx, day);
        await this.qualifications(tx, day);
        await this.salesDue(tx, day);
        return true;
      });
    } catch (e) {
      if (isDuplicate(e)) return false;
      throw e;
    }
  }

  private async expiry(tx: EntityManager, day: string): Promise<void> {
    const warn = (await companySettings(tx)).expiryWarningDays;
    for (const b of await expiringBatches(tx, addDays(day, warn))) {
      const expired = b.expiryDate < day;
      await this.alerts.write(tx, {
        kind: expired ? AlertKind.EXPIRED : AlertKind.NEAR_EXPIRY,
        warehouseId: b.warehouseId,
        skuId: b.skuId,
        refType: 'batch',
        refId: b.batchId,
        refNumber: b.batchNo,
        payload: { qty: b.qty, batchNo: b.batchNo, expiryDate: b.expiryDate },
        dedupeKey: `${expired ? 'expired' : 'near_expiry'}:${b.warehouseId}:${b.batchId}`,
      });
    }
  }

  private async qualifications(tx: EntityManager, day: string): Promise<void> {
    for (const q of await lapsingQualifications(tx, addDays(day, QUALIFICATION_WARNING_DAYS))) {
      await this.alerts.write(tx, {
        kind: AlertKind.QUALIFICATION_LAPSING,
        refType: 'supplier',
        refId: q.supplierId,
        refNumber: null,
        payload: { supplierName: q.supplierName, qualification: q.kind, expiryDate: q.expiresOn },
        // announced once per validity: a renewal (a new expiry date) is announced again when it nears
        dedupeKey: `qualification:${q.id}:${q.expiresOn}`,
      });
    }
  }

  private async salesDue(tx: EntityManager, day: string): Promise<void> {
    for (const o of await ordersDueToShip(tx, day)) {
      await this.alerts.write(tx, {
        kind: AlertKind.SO_AWAITING_SHIPMENT,
        warehouseId: o.warehouseId,
        refType: 'sales_order',
        refId: o.id,
        refNumber: o.number,
        payload: { dueDate: o.dueDate },
        audience: { users: [o.ownerId] },
        dedupeKey: `so_to_ship:${o.id}:${o.dueDate}`,
      });
    }
  }

  /** One digest per user with unread alerts for the day (a second run the same day adds none); returns how many were made. */
  async digest(day: string = today()): Promise<number> {
    return inTransaction(this.ds, async (tx) => {
      const unread = await tx.find(Notification, {
        where: { readAt: IsNull() },
        select: { id: true, userId: true },
        order: { id: 'DESC' },
      });
      const byUser = new Map<number, number[]>();
      for (const n of unread) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n.id]);
      if (!byUser.size) return 0;
      const done = new Set(
        (await tx.find(AlertDigest, { where: { day, userId: In([...byUser.keys()]) }, select: { userId: true } })).map(
          (d) => d.userId,
        ),
      );
      let made = 0;
      for (const [userId, ids] of [...byUser].sort((a, b) => a[0] - b[0])) {
        if (done.has(userId)) continue;
        await tx
          .createQueryBuilder()
          .insert()
          .into(AlertDigest)
          .values({
            userId,
            day,
            notificationIds: JSON.stringify(ids),
            total: ids.length,
            createdAt: now(),
            readAt: null,
          })
          .orIgnore()
          .execute();
        made++;
      }
      return made;
    });
  }

  // ---------- the signed-in user's digests ----------

  async list(ctx: Context, page?: PageInput | null): Promise<Page<AlertDigest>> {
    const { offset, limit } = clampPage(page);
    const [items, total] = await this.ds.getRepository(AlertDigest).findAndCount({
      where: { userId: ctx.user!.id },
      order: { day: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items, total, offset, limit };
  }

  async get(ctx: Context, id: string): Promise<AlertDigest> {
    const d = await this.ds.getRepository(AlertDigest).findOneBy({ id: Number(id) || -1, userId: ctx.user!.id });
    if (!d) throw notFound('This digest');
    return d;
  }

  /** The notifications a digest lists, newest first (still the user's own: a digest never shows another's). */
  async notifications(d: AlertDigest): Promise<Notification[]> {
    const ids = JSON.parse(d.notificationIds) as number[];
    if (!ids.length) return [];
    return this.ds.getRepository(Notification).find({
      where: { id: In(ids), userId: d.userId },
      order: { id: 'DESC' },
    });
  }

  /** Opening a digest marks it read; returns it. */
  async open(ctx: Context, id: string): Promise<AlertDigest> {
    const d = await this.get(ctx, id);
    if (!d.readAt) {
      await this.ds.getRepository(AlertDigest).update({ id: d.id, readAt: IsNull() }, { readAt: now() });
      d.readAt = now();
    }
    return d;
  }
}

function isDuplicate(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string }; message?: string };
  const code = err.driverError?.code ?? err.code;
  return code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed: alert_daily_run/.test(err.message ?? '');
}
