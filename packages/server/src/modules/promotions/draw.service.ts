import crypto from 'node:crypto';
import { Decimal } from 'decimal.js';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { businessMinute, now } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError, notFound } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { lockRows } from '../../core/sql';
import { DrawError, seedHash, settleEntries, validatePrizes, type DrawPrize } from '../../domain/promotions/draw';
import type { AuditService } from '../audit';
import { findSku } from '../catalog';
import { currentUnitCost } from '../stock';
import type { CouponService } from './coupon.service';
import { scopeByOrder } from './customer-scope';
import { DrawState, LuckyDraw, LuckyDrawEntry, LuckyDrawPrize, PrizeKind } from './draw.entity';
import type { DrawVerification, SaveLuckyDrawInput } from './draw.types';
import { CouponBatch, CouponCode, type EligibilityData } from './promotion.entity';

const D = (s: string | number) => new Decimal(s);

/** A SKU prize becomes a draft sales order at price 0: sales makes it (registered by services.ts). */
export type PrizeOrderMaker = (
  tx: EntityManager,
  ctx: Context,
  order: {
    customerId: number;
    channelId: number;
    storeId: number | null;
    warehouseId: number;
    skuId: number;
    memo: string;
  },
) => Promise<{ id: number }>;

export function drawError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DrawError) throw new DomainError(e.code, e.message, e.params);
    throw e;
  }
}

const prizeOf = (p: LuckyDrawPrize): DrawPrize => ({
  id: String(p.id),
  name: p.name,
  kind: p.kind,
  odds: D(p.odds).toFixed(),
  quantity: p.quantity,
  unitCost: p.unitCost ?? '0',
});

/**
 * 抽奖: a draft with its prizes; opening publishes the SHA-256 of a fresh secret seed (the seed stays
 * sealed in the row, never answered by the API until revealed); confirmed orders that meet the rules
 * earn one entry each (`earnEntries`, in the confirmation's transaction); drawing closes the entries
 * and settles them in id order, chunk by chunk, each chunk under the draw row's lock, every prize
 * given out by a guarded decrement; revealing publishes the seed; `verify` derives every result again.
 */
export class DrawService {
  /** The secret seed of a draw being opened: 32 random bytes (a test sets a known one, so its results are known). */
  newSeed: () => string = () => crypto.randomBytes(32).toString('hex');

  private prizeOrders: PrizeOrderMaker | null = null;
  /** entries settled per transaction: a draw of 100 000 entries is many short transactions, not one long one */
  chunk = 200;
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly coupons: CouponService,
  ) {}

  usePrizeOrders(f: PrizeOrderMaker) {
    this.prizeOrders = f;
  }

  async list(page?: PageInput | null): Promise<Page<LuckyDraw>> {
    const { offset, limit } = clampPage(page);
    const [items, total] = await this.ds
      .getRepository(LuckyDraw)
      .findAndCount({ order: { id: 'DESC' }, skip: offset, take: limit });
    return { items, total, offset, limit };
  }

  async get(id: string | number, tx: EntityManager = this.ds.manager): Promise<LuckyDraw> {
    const d = await tx.findOneBy(LuckyDraw, { id: Number(id) || -1 });
    if (!d) throw notFound('This lucky draw');
    return d;
  }

  prizes(drawId: number, tx: EntityManager = this.ds.manager): Promise<LuckyDrawPrize[]> {
    return tx.find(LuckyDrawPrize, { where: { drawId }, order: { position: 'ASC' } });
  }

  /** A draw's entries, of the orders in scope. */
  async entries(
    ctx: Context,
    drawId: string,
    winnersOnly: boolean,
    page?: PageInput | null,
  ): Promise<Page<LuckyDrawEntry>> {
    const { offset, limit } = clampPage(page);
    const qb = scopeByOrder(
      ctx,
      this.ds
        .getRepository(LuckyDrawEntry)
        .createQueryBuilder('e')
        .where('e.draw_id = :d', { d: Number(drawId) || -1 }),
      'e.order_id',
    );
    if (winnersOnly) qb.andWhere('e.prize_id IS NOT NULL');
    const [items, total] = await qb.orderBy('e.id', 'ASC').skip(offset).take(limit).getManyAndCount();
    return { items, total, offset, limit };
  }

  async couponCode(id: number): Promise<string | null> {
    return (await this.ds.manager.findOneBy(CouponCode, { id }))?.code ?? null;
  }

  /** Checks prizes (odds, budget, their SKU or batch); every field problem at once, then the draw's rules. */
  private async checkPrizes(tx: EntityManager, input: SaveLuckyDrawInput) {
    const problems: Array<{ field: string; message: string }> = [];
    if (input.startsAt >= input.endsAt) problems.push({ field: 'endsAt', message: 'The end comes after the start.' });
    if (!input.prizes.length || input.prizes.length > 50)
      problems.push({ field: 'prizes', message: 'Between 1 and 50 prizes.' });
    if (input.budget !== null && input.budget !== undefined && D(input.budget).lt(0))
      problems.push({ field: 'budget', message: 'A budget cannot be negative.' });
    for (const [i, p] of input.prizes.entries()) {
      if (p.kind === PrizeKind.SKU && !(p.skuId && (await findSku(tx, Number(p.skuId) || -1))))
        problems.push({ field: `prizes[${i}].skuId`, message: 'Unknown SKU.' });
      if (p.kind === PrizeKind.COUPON) {
        const b = p.couponBatchId ? await tx.findOneBy(CouponBatch, { id: Number(p.couponBatchId) || -1 }) : null;
        if (!b) problems.push({ field: `prizes[${i}].couponBatchId`, message: 'Unknown coupon batch.' });
      }
    }
    if (problems.length) throw badInput(problems, 'The lucky draw has problems; nothing was saved.');
    drawError(() =>
      validatePrizes(
        input.prizes.map((p, i) => ({
          id: String(i),
          name: p.name,
          kind: p.kind,
          odds: p.odds,
          quantity: p.kind === PrizeKind.NONE ? null : (p.quantity ?? null),
          unitCost: p.kind === PrizeKind.NONE ? '0' : (p.unitCost ?? '0'),
        })),
        input.budget ?? null,
      ),
    );
  }

  /** A new draft, or a draft edited (its prizes replaced). */
  async save(ctx: Context, input: SaveLuckyDrawInput): Promise<LuckyDraw> {
    return inTransaction(this.ds, async (tx) => {
      await this.checkPrizes(tx, input);
      const e: EligibilityData = {};
      for (const [k, v] of Object.entries(input.eligibility ?? {}))
        if (v !== null && v !== undefined && !(Array.isArray(v) && !v.length))
          (e as Record<string, unknown>)[k] = Array.isArray(v)
            ? v.map((x) => (typeof x === 'object' ? { ...x } : String(x)))
            : v;
      if (e.weekdays) e.weekdays = e.weekdays.map(Number);
      const data = {
        code: input.code.trim().toUpperCase(),
        name: input.name.trim(),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        eligibility: e,
        budget: input.budget === null || input.budget === undefined ? null : D(input.budget).toFixed(2),
      };
      const dup = await tx.findOneBy(LuckyDraw, { code: data.code });
      if (dup && String(dup.id) !== String(input.id ?? ''))
        throw badInput([{ field: 'code', message: 'Another lucky draw has this code.' }], 'The code is taken.');
      let id: number;
      if (!input.id) {
        const d = await tx.save(
          tx.create(LuckyDraw, {
            ...data,
            state: DrawState.DRAFT,
            createdBy: ctx.user!.id,
            createdAt: now(),
            version: 1,
          }),
        );
        id = d.id;
      } else {
        const before = await this.get(input.id, tx);
        if (before.state !== DrawState.DRAFT)
          throw new DomainError('DOCUMENT_STATE', `Lucky draw ${before.code} is not a draft; it cannot be edited.`, {
            status: before.state,
          });
        const v = input.version ?? before.version;
        const res = await tx
          .createQueryBuilder()
          .update(LuckyDraw)
          .set({ ...data, version: v + 1 })
          .where('id = :id AND version = :v', { id: before.id, v })
          .execute();
        if (!res.affected) throw conflict(before.version);
        await tx.delete(LuckyDrawPrize, { drawId: before.id });
        id = before.id;
      }
      await tx.insert(
        LuckyDrawPrize,
        input.prizes.map((p, i) => ({
          drawId: id,
          position: i + 1,
          name: p.name.trim(),
          kind: p.kind,
          skuId: p.kind === PrizeKind.SKU ? Number(p.skuId) : null,
          couponBatchId: p.kind === PrizeKind.COUPON ? Number(p.couponBatchId) : null,
          odds: D(p.odds).toFixed(4),
          quantity: p.kind === PrizeKind.NONE ? null : (p.quantity ?? null),
          remaining: p.kind === PrizeKind.NONE ? null : (p.quantity ?? null),
          unitCost: p.kind === PrizeKind.NONE ? '0.00' : D(p.unitCost ?? 0).toFixed(2),
        })),
      );
      await this.audit.record(tx, ctx, {
        action: input.id ? 'luckyDraw.update' : 'luckyDraw.create',
        entityType: 'LuckyDraw',
        entityId: id,
        after: { ...data, prizes: input.prizes.map((p) => ({ ...p })) },
      });
      return this.get(id, tx);
    });
  }

  /** 开放: a fresh seed is drawn and sealed, its SHA-256 published; confirmed orders earn entries from now on. */
  async open(ctx: Context, id: string): Promise<LuckyDraw> {
    return inTransaction(this.ds, async (tx) => {
      await lockRows(tx, 'lucky_draw', [Number(id) || -1]);
      const d = await this.get(id, tx);
      if (d.state !== DrawState.DRAFT)
        throw new DomainError('DOCUMENT_STATE', `Lucky draw ${d.code} is not a draft.`, { status: d.state });
      const prizes = await this.prizes(d.id, tx);
      drawError(() => validatePrizes(prizes.map(prizeOf), d.budget));
      for (const p of prizes.filter((x) => x.couponBatchId)) {
        const b = await tx.findOneByOrFail(CouponBatch, { id: p.couponBatchId! });
        if (!b.active || b.validTo <= businessMinute())
          throw new DomainError('COUPON_EXPIRED', `Prize ${p.name}: batch ${b.code} is withdrawn or expired.`, {
            to: b.validTo,
          });
      }
      const seed = this.newSeed();
      const hash = seedHash(seed);
      await tx.update(
        LuckyDraw,
        { id: d.id },
        { state: DrawState.OPEN, seed, seedHash: hash, openedAt: now(), version: d.version + 1 },
      );
      await this.audit.record(tx, ctx, {
        action: 'luckyDraw.open',
        entityType: 'LuckyDraw',
        entityId: d.id,
        after: { seedHash: hash },
      });
      return this.get(d.id, tx);
    });
  }

  /**
   * 开奖: closes the entries (OPEN → DRAWN) and settles every entry, CHUNK at a time. Several callers
   * at once take turns per chunk on the draw row's lock; each chunk continues after the highest id
   * settled, and every prize given out is a guarded decrement (`remaining > 0`), so none is oversold.
   */
  async draw(ctx: Context, id: string): Promise<LuckyDraw> {
    for (;;) {
      const done = await inTransaction(this.ds, (tx) => this.drawChunk(tx, ctx, Number(id) || -1));
      if (done) return this.get(id);
    }
  }

  private async drawChunk(tx: EntityManager, ctx: Context, id: number): Promise<boolean> {
    await lockRows(tx, 'lucky_draw', [id]);
    const d = await this.get(id, tx);
    if (d.state === DrawState.OPEN) {
      await tx.update(LuckyDraw, { id }, { state: DrawState.DRAWN, drawnAt: now(), version: d.version + 1 });
      await this.audit.record(tx, ctx, {
        action: 'luckyDraw.draw',
        entityType: 'LuckyDraw',
        entityId: id,
        after: { entries: d.entryCount },
      });
    } else if (d.state !== DrawState.DRAWN)
      throw new DomainError('DOCUMENT_STATE', `Lucky draw ${d.code} is not open.`, { status: d.state });
    const batch = await tx.find(LuckyDrawEntry, {
      where: { drawId: id, id: MoreThan(d.drawnThrough) },
      order: { id: 'ASC' },
      take: this.chunk,
    });
    if (!batch.length) return true;
    const prizes = await this.prizes(id, tx);
    await lockRows(
      tx,
      'lucky_draw_prize',
      prizes.map((p) => p.id),
    );
    const fresh = await tx.find(LuckyDrawPrize, { where: { id: In(prizes.map((p) => p.id)) } });
    const remaining = Object.fromEntries(
      fresh.filter((p) => p.remaining !== null).map((p) => [String(p.id), p.remaining!]),
    );
    // what each prize costs where it would be issued: a SKU at the stock's unit cost of the entry's
    // warehouse (its prize's cost when that warehouse has none), a coupon at its prize's cost
    const stockCost = new Map<string, string | null>();
    for (const e of batch)
      for (const p of prizes.filter((x) => x.kind === PrizeKind.SKU)) {
        const k = `${e.warehouseId}:${p.skuId}`;
        if (!stockCost.has(k)) stockCost.set(k, await currentUnitCost(tx, e.warehouseId, p.skuId!));
      }
    const entryOf = new Map(batch.map((e) => [String(e.id), e]));
    const costOf = (entryId: string, p: DrawPrize) =>
      p.kind === 'SKU'
        ? (stockCost.get(`${entryOf.get(entryId)!.warehouseId}:${prizes.find((x) => String(x.id) === p.id)!.skuId}`) ??
          p.unitCost)
        : p.unitCost;
    const spent = D(d.prizeCost ?? 0);
    const { results } = settleEntries(
      d.seed!,
      batch.map((e) => e.id),
      prizes.map(prizeOf),
      remaining,
      { left: d.budget === null ? null : D(d.budget).minus(spent).toFixed(2), cost: costOf },
    );
    let given = D(0);
    const at = now();
    for (const r of results) {
      const e = batch.find((x) => String(x.id) === r.entryId)!;
      const prize = r.prize ? prizes.find((p) => String(p.id) === r.prize)! : null;
      let couponCodeId: number | null = null;
      let prizeOrderId: number | null = null;
      if (prize && prize.kind !== PrizeKind.NONE) {
        given = given.plus(r.cost ?? 0);
        // the second line of defence: never below zero, whatever the lock missed
        const res = await tx
          .createQueryBuilder()
          .update(LuckyDrawPrize)
          .set({ remaining: () => 'remaining - 1' })
          .where('id = :id AND remaining > 0', { id: prize.id })
          .execute();
        if (!res.affected)
          throw new DomainError('CONFLICT', `Prize ${prize.name} ran out while drawing; draw again.`, {
            prize: prize.name,
          });
        if (prize.kind === PrizeKind.COUPON && e.customerId)
          couponCodeId = (await this.coupons.issueTo(tx, prize.couponBatchId!, e.customerId)).id;
        if (prize.kind === PrizeKind.SKU && e.customerId && this.prizeOrders)
          prizeOrderId = (
            await this.prizeOrders(tx, ctx, {
              customerId: e.customerId,
              channelId: e.channelId,
              storeId: e.storeId,
              warehouseId: e.warehouseId,
              skuId: prize.skuId!,
              memo: `抽奖 ${d.code} · ${prize.name} · entry ${e.id}`,
            })
          ).id;
      }
      await tx.update(
        LuckyDrawEntry,
        { id: e.id },
        {
          roll: r.roll,
          pickedPrizeId: r.picked ? Number(r.picked) : null,
          prizeId: prize && prize.kind !== PrizeKind.NONE ? prize.id : null,
          exhausted: r.exhausted,
          budgetSpent: r.budgetSpent,
          prizeCost: (prize && prize.kind !== PrizeKind.NONE) || r.budgetSpent ? r.cost : null,
          couponCodeId,
          prizeOrderId,
          drawnAt: at,
        },
      );
    }
    await tx.update(
      LuckyDraw,
      { id },
      {
        drawnThrough: batch[batch.length - 1].id,
        drawnCount: d.drawnCount + batch.length,
        prizeCost: spent.plus(given).toFixed(2),
      },
    );
    return batch.length < this.chunk;
  }

  /** 公布种子: a drawn draw's seed is published; anyone can now derive every result. */
  async reveal(ctx: Context, id: string): Promise<LuckyDraw> {
    return inTransaction(this.ds, async (tx) => {
      await lockRows(tx, 'lucky_draw', [Number(id) || -1]);
      const d = await this.get(id, tx);
      if (d.state !== DrawState.DRAWN)
        throw new DomainError('DOCUMENT_STATE', `Lucky draw ${d.code} is not drawn.`, { status: d.state });
      const left = await tx.count(LuckyDrawEntry, { where: { drawId: d.id, id: MoreThan(d.drawnThrough) } });
      if (left)
        throw new DomainError('DRAW_NOT_SETTLED', `Lucky draw ${d.code} has ${left} entries without a result.`, {
          left,
        });
      await tx.update(
        LuckyDraw,
        { id: d.id },
        { state: DrawState.REVEALED, revealedAt: now(), version: d.version + 1 },
      );
      await this.audit.record(tx, ctx, {
        action: 'luckyDraw.reveal',
        entityType: 'LuckyDraw',
        entityId: d.id,
        after: { seed: d.seed },
      });
      return this.get(d.id, tx);
    });
  }

  /** Every result derived again from the revealed seed, and the seed checked against the published hash. */
  async verify(id: string): Promise<DrawVerification> {
    const d = await this.get(id);
    if (d.state !== DrawState.REVEALED)
      throw new DomainError('DOCUMENT_STATE', `Lucky draw ${d.code} is not revealed yet.`, { status: d.state });
    const prizes = await this.prizes(d.id);
    const entries = await this.ds.getRepository(LuckyDrawEntry).find({ where: { drawId: d.id }, order: { id: 'ASC' } });
    // the budget's decisions are checked against the costs recorded when drawn
    const stored = new Map(entries.map((e) => [String(e.id), e]));
    const { results } = settleEntries(
      d.seed!,
      entries.map((e) => e.id),
      prizes.map(prizeOf),
      {},
      {
        left: d.budget,
        cost: (entryId, p) => stored.get(entryId)!.prizeCost ?? p.unitCost,
      },
    );
    const show = (roll: number | null, prize: string | null, exhausted: boolean, budgetSpent = false) =>
      `${roll ?? '-'} / ${prize ?? '-'}${exhausted ? ' / exhausted' : ''}${budgetSpent ? ' / budget spent' : ''}`;
    const mismatches = [];
    for (const r of results) {
      const e = entries.find((x) => String(x.id) === r.entryId)!;
      const won = r.prize && prizes.find((p) => String(p.id) === r.prize)!.kind !== PrizeKind.NONE ? r.prize : null;
      const expected = show(r.roll, won, r.exhausted, r.budgetSpent);
      const found = show(e.roll, e.prizeId === null ? null : String(e.prizeId), e.exhausted, e.budgetSpent);
      if (expected !== found) mismatches.push({ entryId: r.entryId, expected, stored: found });
    }
    const hashMatches = seedHash(d.seed!) === d.seedHash;
    return {
      hashMatches,
      entries: entries.length,
      matching: entries.length - mismatches.length,
      mismatches: mismatches.slice(0, 100),
      ok: hashMatches && !mismatches.length,
    };
  }

  /** What scripts/verify-draw.mjs reads: the published hash, the seed (once revealed), prizes and results. */
  async exportJson(id: string): Promise<string> {
    const d = await this.get(id);
    const prizes = await this.prizes(d.id);
    const entries = await this.ds.getRepository(LuckyDrawEntry).find({ where: { drawId: d.id }, order: { id: 'ASC' } });
    return JSON.stringify(
      {
        draw: d.code,
        seedHash: d.seedHash,
        seed: d.state === DrawState.REVEALED ? d.seed : null,
        prizes: prizes.map((p) => ({
          id: String(p.id),
          name: p.name,
          kind: p.kind,
          odds: D(p.odds).toFixed(),
          quantity: p.quantity,
        })),
        entries: entries.map((e) => ({
          id: String(e.id),
          roll: e.roll,
          prize: e.prizeId === null ? null : String(e.prizeId),
          exhausted: e.exhausted,
          budgetSpent: e.budgetSpent,
        })),
      },
      null,
      2,
    );
  }
}
