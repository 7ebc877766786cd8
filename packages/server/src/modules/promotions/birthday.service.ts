import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { businessMinute, now, today } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import type { AuditService } from '../audit';
import { BirthdayOffer, BirthdayOfferSettings } from './birthday.entity';
import type { CouponService } from './coupon.service';
import { scopeByCustomer } from './customer-scope';
import type { BirthdayRun } from './draw.types';
import { CouponBatch } from './promotion.entity';

/** Customers born in a month, from sales (registered by services.ts). */
export type BirthdayCustomers = (
  tx: EntityManager,
  month: number,
) => Promise<
  Array<{
    id: number;
    name: string;
    phone: string;
    email: string;
    ownerId: number | null;
    preferredChannel: string | null;
  }>
>;

const DEFAULT_MESSAGE = '{name}，生日快乐！送您一张{batch}，券码 {code}。';

/**
 * The channel a customer hears from us on: the one they prefer when we can reach them there (SMS or
 * PHONE: a phone; EMAIL: an e-mail; WECHAT: always, the WeChat contact is kept by the salesperson),
 * else a phone → SMS, else an e-mail, else their salesperson passes it on (OWNER).
 */
export const channelOf = (c: { phone: string; email: string; preferredChannel?: string | null }) => {
  const p = c.preferredChannel;
  if (p === 'WECHAT' || ((p === 'SMS' || p === 'PHONE') && c.phone) || (p === 'EMAIL' && c.email)) return p;
  return c.phone ? 'SMS' : c.email ? 'EMAIL' : 'OWNER';
};

/**
 * 生日礼: once a customer's birthday month has come, one code of the chosen coupon batch is issued to
 * them and the message for their channel is recorded (nothing is sent). At most one per customer and
 * year: the `birthday_offer` row (unique customer × year) is written first, in the same transaction
 * as the code, so a second run (or a second process) changes nothing. The job runs on the scheduler.
 */
export class BirthdayService {
  private customers: BirthdayCustomers = async () => [];
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly coupons: CouponService,
  ) {}

  useCustomers(f: BirthdayCustomers) {
    this.customers = f;
  }

  async settings(tx: EntityManager = this.ds.manager): Promise<BirthdayOfferSettings> {
    const s = await tx.findOneBy(BirthdayOfferSettings, { id: 1 });
    if (s) return s;
    await tx.insert(BirthdayOfferSettings, {
      id: 1,
      enabled: false,
      couponBatchId: null,
      message: DEFAULT_MESSAGE,
      version: 1,
    });
    return tx.findOneByOrFail(BirthdayOfferSettings, { id: 1 });
  }

  async saveSettings(
    ctx: Context,
    input: { enabled: boolean; couponBatchId?: string | null; message: string; version: number },
  ): Promise<BirthdayOfferSettings> {
    const message = input.message.trim();
    if (!message || message.length > 300)
      throw badInput([{ field: 'message', message: 'Between 1 and 300 characters.' }]);
    return inTransaction(this.ds, async (tx) => {
      const before = await this.settings(tx);
      const batchId = input.couponBatchId ? Number(input.couponBatchId) || -1 : null;
      if (batchId !== null && !(await tx.findOneBy(CouponBatch, { id: batchId })))
        throw badInput([{ field: 'couponBatchId', message: 'Unknown coupon batch.' }]);
      if (input.enabled && batchId === null)
        throw new DomainError('BIRTHDAY_NO_BATCH', 'Choose the coupon batch birthday offers come from.');
      const res = await tx
        .createQueryBuilder()
        .update(BirthdayOfferSettings)
        .set({ enabled: input.enabled, couponBatchId: batchId, message, version: input.version + 1 })
        .where('id = 1 AND version = :v', { v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await this.settings(tx);
      await this.audit.record(tx, ctx, {
        action: 'birthday.settings',
        entityType: 'BirthdayOfferSettings',
        entityId: 1,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /** The offers issued, to the customers in scope. */
  async offers(ctx: Context, year: number | null, page?: PageInput | null): Promise<Page<BirthdayOffer>> {
    const { offset, limit } = clampPage(page);
    const qb = scopeByCustomer(ctx, this.ds.getRepository(BirthdayOffer).createQueryBuilder('o'), 'o.customer_id');
    if (year) qb.andWhere('o.year = :y', { y: year });
    const [items, total] = await qb.orderBy('o.id', 'DESC').skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  /** One run of the job: this month's customers without this year's offer get one. */
  async run(): Promise<BirthdayRun> {
    const s = await this.settings();
    if (!s.enabled || s.couponBatchId === null) return { issued: 0, already: 0, skipped: 'DISABLED' };
    const batch = await this.ds.manager.findOneBy(CouponBatch, { id: s.couponBatchId });
    if (!batch || !batch.active || batch.validTo <= businessMinute())
      return { issued: 0, already: 0, skipped: 'BATCH_UNUSABLE' };
    const day = today();
    const year = Number(day.slice(0, 4));
    const born = await this.customers(this.ds.manager, Number(day.slice(5, 7)));
    const had = new Set(
      (await this.ds.getRepository(BirthdayOffer).find({ select: { customerId: true }, where: { year } })).map(
        (o) => o.customerId,
      ),
    );
    let issued = 0;
    let already = 0;
    for (const c of born) {
      if (had.has(c.id)) {
        already++;
        continue;
      }
      const made = await inTransaction(this.ds, async (tx) => {
        // the row first: a second run that got here too fails on the unique key and rolls back
        if (await tx.findOneBy(BirthdayOffer, { customerId: c.id, year })) return false;
        const channel = channelOf(c);
        await tx.insert(BirthdayOffer, { customerId: c.id, year, code: '', channel, message: '', createdAt: now() });
        const code = await this.coupons.issueTo(tx, batch.id, c.id);
        const message = s.message
          .replace(/\{name\}/g, c.name)
          .replace(/\{code\}/g, code.code)
          .replace(/\{batch\}/g, batch.name);
        await tx.update(BirthdayOffer, { customerId: c.id, year }, { couponCodeId: code.id, code: code.code, message });
        return true;
      }).catch((e: unknown) => {
        // another process issued it in between: the unique key said so
        if (/duplicate|unique/i.test(String((e as Error)?.message))) return false;
        throw e;
      });
      if (made) issued++;
      else already++;
    }
    return { issued, already, skipped: '' };
  }
}
