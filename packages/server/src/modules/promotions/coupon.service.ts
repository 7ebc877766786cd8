import crypto from 'node:crypto';
import { Decimal } from 'decimal.js';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { perRequest, type Context } from '../../core/context';
import { businessMinute, now } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, DomainError, notFound } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { lockRows } from '../../core/sql';
import { priceCart } from '../../domain/promotions';
import type { AuditService } from '../audit';
import { checkCustomerInScope, scopeByCustomer, scopeByOrder } from './customer-scope';
import { engine, engineCoupon } from './engine-input';
import { CouponBatch, CouponCode, CouponCodeState, CouponRedemption, type EligibilityData } from './promotion.entity';
import type { PromotionService } from './promotion.service';
import type { CreateCouponBatchInput, IssueCouponsInput } from './promotion.types';

const D = (s: string | number) => new Decimal(s);
// no 0/O, 1/I/L: a code read over the phone or off a receipt
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const MAX_CODES = 5000;

function randomCode(prefix: string): string {
  const bytes = crypto.randomBytes(8);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${s}`;
}

/**
 * 优惠券: batches (what a code gives, its minimum spend and validity, uses per code and per
 * customer) and their codes, printed (anyone holding one) or issued to customers. Redemptions are
 * written by the order's confirmation (order-pricing.ts), in its transaction.
 */
/** A code's state (the coupons page and its export): its batch withdrawn, its uses, then the batch's validity. */
export function codeStateOf(c: CouponCode, b: CouponBatch, at = businessMinute()): CouponCodeState {
  if (!b.active) return CouponCodeState.WITHDRAWN;
  if (c.used >= c.maxUses) return CouponCodeState.USED_UP;
  if (at >= b.validTo) return CouponCodeState.EXPIRED;
  return at < b.validFrom ? CouponCodeState.NOT_STARTED : CouponCodeState.AVAILABLE;
}

export class CouponService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly promotions: PromotionService,
  ) {}

  async batches(page?: PageInput | null, search?: string | null): Promise<Page<CouponBatch>> {
    const { offset, limit } = clampPage(page);
    const qb = this.ds.getRepository(CouponBatch).createQueryBuilder('b');
    if (search) qb.where('LOWER(b.code) LIKE :q OR LOWER(b.name) LIKE :q', { q: `%${search.toLowerCase()}%` });
    const [items, total] = await qb.orderBy('b.id', 'DESC').skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  async batch(id: string | number, tx: EntityManager = this.ds.manager): Promise<CouponBatch> {
    const b = await tx.findOneBy(CouponBatch, { id: Number(id) || -1 });
    if (!b) throw notFound('This coupon batch');
    return b;
  }

  /** A batch read once per request (the state of each of its codes). */
  batchOnce(ctx: Context, id: number): Promise<CouponBatch> {
    return perRequest(ctx, `couponBatch:${id}`, () => this.batch(id));
  }

  /** A batch's codes: a scoped salesperson (or API client) sees the printed ones and their own customers'. */
  async codes(ctx: Context, batchId: string, page?: PageInput | null): Promise<Page<CouponCode>> {
    const { offset, limit } = clampPage(page);
    const qb = this.ds
      .getRepository(CouponCode)
      .createQueryBuilder('c')
      .where('c.batch_id = :b', { b: Number(batchId) || -1 });
    const [items, total] = await scopeByCustomer(ctx, qb, 'c.customer_id', true)
      .orderBy('c.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return { items, total, offset, limit };
  }

  /** A customer's codes (the order form offers them); NOT_FOUND for a customer out of scope. */
  async customerCodes(ctx: Context, customerId: string): Promise<CouponCode[]> {
    const id = Number(customerId) || -1;
    await checkCustomerInScope(ctx, this.ds.manager, id);
    return this.ds.getRepository(CouponCode).find({ where: { customerId: id }, order: { id: 'DESC' }, take: 100 });
  }

  /** A batch's redemptions, of the orders in scope. */
  async redemptions(ctx: Context, batchId: string, page?: PageInput | null): Promise<Page<CouponRedemption>> {
    const { offset, limit } = clampPage(page);
    const qb = this.ds
      .getRepository(CouponRedemption)
      .createQueryBuilder('r')
      .where('r.batch_id = :b', { b: Number(batchId) || -1 });
    const [items, total] = await scopeByOrder(ctx, qb, 'r.order_id')
      .orderBy('r.id', 'DESC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return { items, total, offset, limit };
  }

  async batchByIds(ids: number[]): Promise<CouponBatch[]> {
    return ids.length ? this.ds.getRepository(CouponBatch).find({ where: { id: In(ids) } }) : [];
  }

  /** A batch with its first codes; the discount within 0–100 % and a sane validity (the engine's checks). */
  async createBatch(ctx: Context, input: CreateCouponBatchInput): Promise<CouponBatch> {
    const problems: Array<{ field: string; message: string }> = [];
    if (input.validFrom >= input.validTo)
      problems.push({ field: 'validTo', message: 'The end comes after the start.' });
    if (input.usesPerCode < 1) problems.push({ field: 'usesPerCode', message: 'At least 1.' });
    if (input.perCustomer !== null && input.perCustomer !== undefined && input.perCustomer < 1)
      problems.push({ field: 'perCustomer', message: 'At least 1 (or none).' });
    if (input.printed < 0 || input.printed > MAX_CODES)
      problems.push({ field: 'printed', message: `Between 0 and ${MAX_CODES}.` });
    if (problems.length) throw badInput(problems, 'The coupon batch has problems; nothing was saved.');
    const v = D(input.value);
    if (!v.gt(0) || (input.kind === 'PERCENT_OFF' && v.gt(100)))
      throw new DomainError(
        'PROMOTION_INVALID_DISCOUNT',
        input.kind === 'PERCENT_OFF'
          ? `A coupon's percent off is more than 0 and at most 100 (not ${input.value}).`
          : `A coupon's amount off is more than 0 (not ${input.value}).`,
        { field: 'value' },
      );
    const code = input.code.trim().toUpperCase();
    const lines: EligibilityData = {};
    for (const k of [
      'skuIds',
      'categoryIds',
      'brandIds',
      'excludeSkuIds',
      'excludeCategoryIds',
      'excludeBrandIds',
    ] as const)
      if (input.lines?.[k]?.length) lines[k] = input.lines[k]!.map(String);
    const draft = {
      code,
      name: input.name.trim(),
      kind: input.kind,
      value: D(input.value).toFixed(4),
      maxOff: input.maxOff ? D(input.maxOff).toFixed(2) : null,
      minSpend: input.minSpend ? D(input.minSpend).toFixed(2) : null,
      validFrom: input.validFrom,
      validTo: input.validTo,
      usesPerCode: input.usesPerCode,
      perCustomer: input.perCustomer ?? null,
      lineSet: lines,
      active: true,
    };
    // the engine's own checks (a negative amount, a percent above 100 …)
    engine(() =>
      priceCart({
        cart: { customerId: null, tier: null, channel: '-', store: null, at: input.validFrom, lines: [] },
        promotions: [],
        coupons: [
          engineCoupon(
            draft as CouponBatch,
            { code: `${code}-CHECK`, customerId: null, maxUses: 1, used: 0 } as CouponCode,
            0,
          ),
        ],
      }),
    );
    return inTransaction(this.ds, async (tx) => {
      if (await tx.findOneBy(CouponBatch, { code }))
        throw badInput([{ field: 'code', message: 'Another batch has this code.' }], 'The code is taken.');
      const b = await tx.save(
        tx.create(CouponBatch, { ...draft, createdBy: ctx.user!.id, createdAt: now(), version: 1 }),
      );
      const n = await this.makeCodes(tx, b, input.printed, input.customerIds ?? []);
      await this.audit.record(tx, ctx, {
        action: 'coupon.createBatch',
        entityType: 'CouponBatch',
        entityId: b.id,
        after: { ...draft, codes: n },
      });
      return b;
    });
  }

  /** More codes for a batch: printed ones, or one for each customer named. */
  async issue(ctx: Context, input: IssueCouponsInput): Promise<number> {
    if (input.printed < 0 || input.printed > MAX_CODES)
      throw badInput([{ field: 'printed', message: `Between 0 and ${MAX_CODES}.` }]);
    return inTransaction(this.ds, async (tx) => {
      await lockRows(tx, 'coupon_batch', [Number(input.batchId) || -1]);
      const b = await this.batch(input.batchId, tx);
      const n = await this.makeCodes(tx, b, input.printed, input.customerIds ?? []);
      await this.audit.record(tx, ctx, {
        action: 'coupon.issue',
        entityType: 'CouponBatch',
        entityId: b.id,
        after: { printed: input.printed, customers: input.customerIds ?? [] },
      });
      return n;
    });
  }

  /** Issues one code of the batch to a customer in the caller's transaction (a birthday, a prize). */
  async issueTo(tx: EntityManager, batchId: number, customerId: number): Promise<CouponCode> {
    const b = await this.batch(batchId, tx);
    const code = randomCode(b.code);
    await tx.insert(CouponCode, { batchId: b.id, code, customerId, maxUses: b.usesPerCode, used: 0, issuedAt: now() });
    return tx.findOneByOrFail(CouponCode, { code });
  }

  private async makeCodes(tx: EntityManager, b: CouponBatch, printed: number, customerIds: string[]) {
    const ids = [...new Set(customerIds.map(Number))];
    if (ids.length > MAX_CODES) throw badInput([{ field: 'customerIds', message: `At most ${MAX_CODES}.` }]);
    if (ids.length) {
      const found = await this.promotions.customerFacts().find(tx, ids);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length)
        throw badInput([{ field: 'customerIds', message: `Unknown customer ${missing[0]}.` }], 'Unknown customer.');
    }
    if (b.validTo <= businessMinute())
      throw new DomainError('COUPON_EXPIRED', `Batch ${b.code} has expired: no new codes.`, { to: b.validTo });
    const rows = [
      ...ids.map((customerId) => ({ customerId })),
      ...Array.from({ length: printed }, () => ({ customerId: null as number | null })),
    ].map((r) => ({
      batchId: b.id,
      code: randomCode(b.code),
      customerId: r.customerId,
      maxUses: b.usesPerCode,
      used: 0,
      issuedAt: now(),
    }));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(CouponCode, rows.slice(i, i + 500));
    return rows.length;
  }

  /** Withdraws a batch: its codes no longer apply (redemptions stay). */
  async withdraw(ctx: Context, id: string): Promise<CouponBatch> {
    return inTransaction(this.ds, async (tx) => {
      const b = await this.batch(id, tx);
      await tx.update(CouponBatch, { id: b.id }, { active: false, version: b.version + 1 });
      await this.audit.record(tx, ctx, { action: 'coupon.withdraw', entityType: 'CouponBatch', entityId: b.id });
      return this.batch(b.id, tx);
    });
  }
}
