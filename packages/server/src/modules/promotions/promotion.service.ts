import { Decimal } from 'decimal.js';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { businessMinute, now } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError, notFound } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';
import { lockRows } from '../../core/sql';
import { checkExclusiveOverlap, priceCart } from '../../domain/promotions';
import type { AuditService } from '../audit';
import { findSku, skuLines, skuPriceFacts } from '../catalog';
import { onHandBySku } from '../stock';
import { checkCustomerInScope } from './customer-scope';
import { engine, enginePromotion } from './engine-input';
import { priceOrder } from './order-pricing';
import {
  EligibilityData,
  Promotion,
  PromotionSettings,
  PromotionState,
  PromotionStatus,
  type PromotionRuleData,
} from './promotion.entity';
import type { PromotionFilter, QuoteCartInput, SavePromotionInput } from './promotion.types';
import type { CartQuote } from './promotion.types';

const D = (s: string | number) => new Decimal(s);
const St = PromotionState;

/** The status shown: the stored state and the clock (and a budget that is spent ends it). */
export function statusOf(p: Promotion, at = businessMinute()): PromotionStatus {
  if (p.state === St.DRAFT) return PromotionStatus.DRAFT;
  if (p.state === St.PENDING_APPROVAL) return PromotionStatus.PENDING_APPROVAL;
  if (p.state === St.STOPPED || at >= p.endsAt) return PromotionStatus.ENDED;
  if (p.budget !== null && D(p.spent ?? 0).gte(p.budget)) return PromotionStatus.ENDED;
  return at < p.startsAt ? PromotionStatus.SCHEDULED : PromotionStatus.ACTIVE;
}

/** Customers a coupon is issued to and a cart is priced for live in sales: it answers through these. */
export interface CustomerFacts {
  /** the ids among these that exist, with their tier */
  find(tx: EntityManager, ids: number[]): Promise<Map<number, { tierId: number | null }>>;
}

/**
 * 促销: drafts with their rule, eligibility and stacking; submitting checks them with the engine
 * (discounts within 0–100 %, exclusive ones the engine can order, a gift with stock) and schedules
 * them, or sends them to a manager when the budget is above the setting; approved ones apply in their
 * period. Stopping ends one at once.
 */
export class PromotionService {
  private customers: CustomerFacts | null = null;
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  useCustomers(f: CustomerFacts) {
    this.customers = f;
  }

  customerFacts(): CustomerFacts {
    return this.customers ?? { find: async () => new Map() };
  }

  async settings(tx: EntityManager = this.ds.manager): Promise<PromotionSettings> {
    const s = await tx.findOneBy(PromotionSettings, { id: 1 });
    if (s) return s;
    await tx.insert(PromotionSettings, { id: 1, approvalBudget: '5000.00', returnLosesThreshold: true, version: 1 });
    return tx.findOneByOrFail(PromotionSettings, { id: 1 });
  }

  async saveSettings(
    ctx: Context,
    input: { approvalBudget: string; returnLosesThreshold: boolean; version: number },
  ): Promise<PromotionSettings> {
    if (D(input.approvalBudget).lt(0)) throw badInput([{ field: 'approvalBudget', message: 'It cannot be negative.' }]);
    return inTransaction(this.ds, async (tx) => {
      const before = await this.settings(tx);
      const res = await tx
        .createQueryBuilder()
        .update(PromotionSettings)
        .set({
          approvalBudget: D(input.approvalBudget).toFixed(2),
          returnLosesThreshold: input.returnLosesThreshold,
          version: input.version + 1,
        })
        .where('id = 1 AND version = :v', { v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await this.settings(tx);
      await this.audit.record(tx, ctx, {
        action: 'promotion.settings',
        entityType: 'PromotionSettings',
        entityId: 1,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async list(ctx: Context, filter?: PromotionFilter | null, page?: PageInput | null): Promise<Page<Promotion>> {
    const { offset, limit } = clampPage(page);
    const at = businessMinute();
    const qb = this.ds.getRepository(Promotion).createQueryBuilder('p');
    switch (filter?.status) {
      case PromotionStatus.DRAFT:
        qb.where('p.state = :s', { s: St.DRAFT });
        break;
      case PromotionStatus.PENDING_APPROVAL:
        qb.where('p.state = :s', { s: St.PENDING_APPROVAL });
        break;
      case PromotionStatus.SCHEDULED:
        qb.where('p.state = :s AND p.starts_at > :at AND p.ends_at > :at', { s: St.APPROVED, at });
        break;
      case PromotionStatus.ACTIVE:
        qb.where('p.state = :s AND p.starts_at <= :at AND p.ends_at > :at', { s: St.APPROVED, at });
        break;
      case PromotionStatus.ENDED:
        qb.where(
          new Brackets((w) =>
            w.where('p.state = :stop', { stop: St.STOPPED }).orWhere('(p.state = :s AND p.ends_at <= :at)', {
              s: St.APPROVED,
              at,
            }),
          ),
        );
        break;
    }
    if (filter?.search) {
      const s = `%${filter.search.toLowerCase()}%`;
      qb.andWhere(new Brackets((w) => w.where('LOWER(p.code) LIKE :q', { q: s }).orWhere('LOWER(p.name) LIKE :q')));
    }
    qb.orderBy('p.starts_at', 'DESC').addOrderBy('p.id', 'DESC');
    let [items, total] = await qb.skip(offset).take(limit).getManyAndCount();
    // a spent budget ends an approved promotion early: the status filter follows the computed status
    if (filter?.status === PromotionStatus.ACTIVE || filter?.status === PromotionStatus.SCHEDULED) {
      const keep = items.filter((p) => statusOf(p, at) === filter.status);
      total -= items.length - keep.length;
      items = keep;
    }
    void ctx;
    return { items, total, offset, limit };
  }

  async get(id: string | number, tx: EntityManager = this.ds.manager): Promise<Promotion> {
    const p = await tx.findOneBy(Promotion, { id: Number(id) || -1 });
    if (!p) throw notFound('This promotion');
    return p;
  }

  /** Checks the fields the engine does not (ids, times, limits); every problem at once. */
  private async check(tx: EntityManager, input: SavePromotionInput) {
    const problems: Array<{ field: string; message: string }> = [];
    if (input.startsAt >= input.endsAt) problems.push({ field: 'endsAt', message: 'The end comes after the start.' });
    if (input.perCustomer !== null && input.perCustomer !== undefined && input.perCustomer < 1)
      problems.push({ field: 'perCustomer', message: 'At least 1 (or none).' });
    if (input.totalLimit !== null && input.totalLimit !== undefined && input.totalLimit < 1)
      problems.push({ field: 'totalLimit', message: 'At least 1 (or none).' });
    if (input.budget !== null && input.budget !== undefined && !D(input.budget).gt(0))
      problems.push({ field: 'budget', message: 'A budget is more than zero (or none).' });
    const giftId = Number(input.rule.giftSkuId) || 0;
    if (input.kind === 'BUY_X_GET_Y' && input.rule.giftSkuId && !(await findSku(tx, giftId)))
      problems.push({ field: 'rule.giftSkuId', message: 'Unknown SKU.' });
    const skuIds = [
      ...(input.eligibility?.skuIds ?? []),
      ...(input.eligibility?.excludeSkuIds ?? []),
      ...(input.rule.items ?? []).map((i) => i.skuId),
    ].map(Number);
    const found = await skuLines(tx, skuIds);
    const missing = skuIds.filter((id) => !found.has(id));
    if (missing.length) problems.push({ field: 'eligibility.skuIds', message: `Unknown SKU ${missing[0]}.` });
    if (problems.length) throw badInput(problems, 'The promotion has problems; nothing was saved.');
    // the rule and eligibility as the engine reads them: discounts within 0–100 %, sane rules
    engine(() =>
      priceCart({
        cart: { customerId: null, tier: null, channel: '-', store: null, at: input.startsAt, lines: [] },
        promotions: [enginePromotion(this.entityOf(input) as Promotion)],
      }),
    );
  }

  private entityOf(input: SavePromotionInput): Partial<Promotion> {
    const clean = (e: EligibilityData | null | undefined): EligibilityData => {
      const out: EligibilityData = {};
      for (const [k, v] of Object.entries(e ?? {}))
        if (v !== null && v !== undefined && !(Array.isArray(v) && !v.length))
          (out as Record<string, unknown>)[k] = Array.isArray(v)
            ? v.map((x) => (typeof x === 'object' ? { ...x } : x))
            : v;
      return out;
    };
    const rule: PromotionRuleData = {};
    for (const [k, v] of Object.entries(input.rule ?? {}))
      if (v !== null && v !== undefined)
        (rule as Record<string, unknown>)[k] = Array.isArray(v) ? v.map((x) => ({ ...x })) : v;
    return {
      code: input.code.trim().toUpperCase(),
      name: input.name.trim(),
      kind: input.kind,
      priority: input.priority,
      exclusive: input.exclusive,
      rule,
      eligibility: clean(input.eligibility),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      perCustomer: input.perCustomer ?? null,
      totalLimit: input.totalLimit ?? null,
      budget: input.budget === null || input.budget === undefined ? null : D(input.budget).toFixed(2),
    };
  }

  /** A new draft, or a draft (or one sent back) edited. */
  async save(ctx: Context, input: SavePromotionInput): Promise<Promotion> {
    return inTransaction(this.ds, async (tx) => {
      await this.check(tx, input);
      const data = this.entityOf(input);
      const dup = await tx.findOneBy(Promotion, { code: data.code! });
      if (dup && String(dup.id) !== String(input.id ?? ''))
        throw badInput([{ field: 'code', message: 'Another promotion has this code.' }], 'The code is taken.');
      if (!input.id) {
        const p = await tx.save(
          tx.create(Promotion, {
            ...data,
            spent: '0.00',
            usedCount: 0,
            state: St.DRAFT,
            rejectionNote: '',
            createdBy: ctx.user!.id,
            submittedBy: null,
            approvedBy: null,
            createdAt: now(),
            version: 1,
          }),
        );
        await this.audit.record(tx, ctx, {
          action: 'promotion.create',
          entityType: 'Promotion',
          entityId: p.id,
          after: data,
        });
        return p;
      }
      const before = await this.get(input.id, tx);
      if (before.state !== St.DRAFT)
        throw new DomainError('DOCUMENT_STATE', `Promotion ${before.code} is not a draft; it cannot be edited.`, {
          status: statusOf(before),
        });
      const res = await tx
        .createQueryBuilder()
        .update(Promotion)
        .set({ ...data, version: (input.version ?? before.version) + 1 })
        .where('id = :id AND version = :v', { id: before.id, v: input.version ?? before.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await this.get(before.id, tx);
      await this.audit.record(tx, ctx, {
        action: 'promotion.update',
        entityType: 'Promotion',
        entityId: after.id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /**
   * 提交: the engine's checks again, exclusive promotions it could not order refused
   * (PROMOTION_EXCLUSIVE_OVERLAP), a gift SKU needs stock (PROMOTION_GIFT_NO_STOCK); then scheduled,
   * or waiting for a manager when its budget is above the setting or it has none.
   */
  async submit(ctx: Context, id: string): Promise<Promotion> {
    return inTransaction(this.ds, async (tx) => {
      await lockRows(tx, 'promotion', [Number(id) || -1]);
      const p = await this.get(id, tx);
      if (p.state !== St.DRAFT)
        throw new DomainError('DOCUMENT_STATE', `Promotion ${p.code} is not a draft.`, { status: statusOf(p) });
      await this.assertSchedulable(tx, p);
      const s = await this.settings(tx);
      const needsApproval = p.budget === null || D(p.budget).gt(s.approvalBudget);
      const state = needsApproval ? St.PENDING_APPROVAL : St.APPROVED;
      await tx.update(
        Promotion,
        { id: p.id },
        {
          state,
          submittedBy: ctx.user!.id,
          approvedBy: needsApproval ? null : ctx.user!.id,
          rejectionNote: '',
          version: p.version + 1,
        },
      );
      await this.audit.record(tx, ctx, {
        action: 'promotion.submit',
        entityType: 'Promotion',
        entityId: p.id,
        before: { state: p.state },
        after: { state, approvalBudget: s.approvalBudget },
      });
      return this.get(p.id, tx);
    });
  }

  private async assertSchedulable(tx: EntityManager, p: Promotion) {
    // exclusive ones of the same priority that can meet on one cart: the engine could not order them
    const others = await tx
      .getRepository(Promotion)
      .createQueryBuilder('o')
      .where('o.state IN (:...st) AND o.ends_at > :at AND o.id <> :id', {
        st: [St.APPROVED, St.PENDING_APPROVAL],
        at: businessMinute(),
        id: p.id,
      })
      .andWhere('o.exclusive = :t AND o.priority = :pr', { t: true, pr: p.priority })
      .getMany();
    if (p.exclusive)
      for (const o of others) engine(() => checkExclusiveOverlap([enginePromotion(p), enginePromotion(o)]));
    const giftId = Number(p.rule?.giftSkuId) || 0;
    if (p.kind === 'BUY_X_GET_Y') {
      const skuId = giftId || Number(p.eligibility?.skuIds?.[0]) || 0;
      if (skuId) {
        const onHand = (await onHandBySku(tx, [skuId])).get(skuId) ?? '0';
        if (!D(onHand).gt(0))
          throw new DomainError(
            'PROMOTION_GIFT_NO_STOCK',
            `The gift SKU has no stock in any warehouse: receive some before the promotion starts.`,
            { skuId: String(skuId) },
          );
      }
    }
  }

  /** 审批: a manager (never the one who submitted it) approves; it is scheduled. */
  async decide(ctx: Context, id: string, approve: boolean, note?: string | null): Promise<Promotion> {
    const text = (note ?? '').trim();
    if (!approve && (!text || text.length > 500))
      throw badInput([{ field: 'note', message: 'Say why (at most 500 characters).' }], 'A rejection needs a note.');
    return inTransaction(this.ds, async (tx) => {
      await lockRows(tx, 'promotion', [Number(id) || -1]);
      const p = await this.get(id, tx);
      if (p.state !== St.PENDING_APPROVAL)
        throw new DomainError('DOCUMENT_STATE', `Promotion ${p.code} is not waiting for approval.`, {
          status: statusOf(p),
        });
      if (p.submittedBy === ctx.user!.id || p.createdBy === ctx.user!.id)
        throw new DomainError('SELF_APPROVAL', 'Nobody approves their own promotion: another manager has to decide.');
      if (approve) await this.assertSchedulable(tx, p);
      const state = approve ? St.APPROVED : St.DRAFT;
      await tx.update(
        Promotion,
        { id: p.id },
        {
          state,
          approvedBy: approve ? ctx.user!.id : null,
          rejectionNote: approve ? '' : text,
          version: p.version + 1,
        },
      );
      await this.audit.record(tx, ctx, {
        action: approve ? 'promotion.approve' : 'promotion.reject',
        entityType: 'Promotion',
        entityId: p.id,
        before: { state: p.state },
        after: { state, note: text },
      });
      return this.get(p.id, tx);
    });
  }

  /** 停止: ends a scheduled or active promotion at once (orders confirmed keep what it gave). */
  async stop(ctx: Context, id: string): Promise<Promotion> {
    return inTransaction(this.ds, async (tx) => {
      await lockRows(tx, 'promotion', [Number(id) || -1]);
      const p = await this.get(id, tx);
      if (p.state === St.STOPPED || p.state === St.DRAFT)
        throw new DomainError('DOCUMENT_STATE', `Promotion ${p.code} is not running.`, { status: statusOf(p) });
      await tx.update(Promotion, { id: p.id }, { state: St.STOPPED, version: p.version + 1 });
      await this.audit.record(tx, ctx, {
        action: 'promotion.stop',
        entityType: 'Promotion',
        entityId: p.id,
        before: { state: p.state },
        after: { state: St.STOPPED },
      });
      return this.get(p.id, tx);
    });
  }

  /** The simulator ("try a cart"): the list prices are the SKUs' reference sale prices. */
  async quote(ctx: Context, input: QuoteCartInput): Promise<CartQuote> {
    const tx = this.ds.manager;
    const customerId = input.customerId ? Number(input.customerId) || -1 : null;
    let tierId: number | null = null;
    if (customerId) {
      // a customer out of scope is as unknown as one that does not exist
      await checkCustomerInScope(ctx, tx, customerId);
      tierId = (await this.customerFacts().find(tx, [customerId])).get(customerId)?.tierId ?? null;
    }
    if (!input.lines.length || input.lines.length > 500)
      throw badInput([{ field: 'lines', message: 'Between 1 and 500 lines.' }]);
    const found = await skuPriceFacts(
      tx,
      input.lines.map((l) => Number(l.skuId)),
    );
    const problems = input.lines.flatMap((l, i) => [
      ...(found.has(Number(l.skuId)) ? [] : [{ field: `lines[${i}].skuId`, message: 'Unknown SKU.' }]),
      ...(D(l.qty).gt(0) ? [] : [{ field: `lines[${i}].qty`, message: 'More than zero.' }]),
    ]);
    if (problems.length) throw badInput(problems);
    const at = input.at ?? businessMinute();
    const r = await priceOrder(
      tx,
      {
        customerId,
        tierId,
        channelId: Number(input.channelId) || -1,
        storeId: input.storeId ? Number(input.storeId) : null,
        warehouseId: Number(input.warehouseId) || -1,
        at,
        lines: input.lines.map((l, i) => ({
          key: String(i),
          skuId: Number(l.skuId),
          qty: l.qty,
          listPrice: found.get(Number(l.skuId))!.refSalePrice ?? '0',
        })),
        couponCodes: input.couponCodes ?? [],
      },
      found,
    );
    return toQuote(r.priced, r.promotions, at);
  }

  /** Whether this user may see what a promotion cost (gift cost is a cost). */
  static mayReadCost(ctx: Context) {
    return can(ctx, P.SalesMarginRead);
  }
}

export function toQuote(
  priced: import('../../domain/promotions').PricedCart,
  promotions: Map<string, { id: number; name: string; kind: string }>,
  at: string,
): CartQuote {
  const step = (s: import('../../domain/promotions').LineStep) => ({
    kind: s.kind,
    promotionCode: s.promotionId,
    couponCode: s.couponCode,
    discount: s.discount,
    amount: s.amount,
    text: s.text,
  });
  const line = (l: import('../../domain/promotions').PricedLine) => ({
    skuId: l.sku,
    qty: l.qty,
    gift: l.gift,
    promotionCode: l.promotionId ?? undefined,
    listPrice: l.listPrice,
    listAmount: l.listAmount,
    discount: l.discount,
    amount: l.amount,
    unitPrice: l.unitPrice,
    steps: l.steps.map(step),
  });
  // mapped when asked for: a window of a 200-line cart (linePage) maps only its own lines
  let all: ReturnType<typeof line>[] | undefined;
  return {
    get lines() {
      return (all ??= priced.lines.map(line));
    },
    lineWindow: (offset, limit) => priced.lines.slice(offset, offset + limit).map(line),
    lineCount: priced.lines.length,
    at,
    listTotal: priced.listTotal,
    discountTotal: priced.discountTotal,
    total: priced.total,
    giftValue: priced.giftValue,
    applied: priced.applied.map((a) => ({
      promotionId: promotions.get(a.promotionId) ? String(promotions.get(a.promotionId)!.id) : null,
      code: a.promotionId,
      name: a.name,
      kind: a.kind as never,
      discount: a.discount,
      giftQty: a.giftQty,
      giftValue: a.giftValue,
      text: a.text,
    })),
    notApplied: priced.notApplied.map((n) => ({
      code: n.promotionId,
      name: n.name,
      reason: n.reason,
      detail: n.detail,
      text: n.text,
    })),
    coupons: priced.coupons.map((c) => ({ code: c.code, batch: c.batch, discount: c.discount })),
  };
}
