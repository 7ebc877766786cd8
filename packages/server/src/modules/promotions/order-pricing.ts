/**
 * The promotions module's face for orders: a cart priced by the engine with the promotions active at
 * the sale's time and the coupons offered (`priceOrder`), and the same pricing committed in the
 * confirmation's transaction (`commitOrderPricing`): the promotions with limits or a budget and the
 * coupon codes are locked (in id order, after the caller's customer and order locks), the cart is
 * priced again on what those rows hold now, and the usage, budget and redemptions are written. Two
 * orders with one single-use code: the second waits for the first's lock and then finds the code
 * used (COUPON_USED_UP). `releaseOrderPricing` gives it all back when a confirmed order is cancelled.
 * Quotes and drafts read the active promotions' ids, versions and usage only and keep the rest in the
 * process by id + version (`activeCached`); the confirmation's pricing under its locks reads whole rows.
 */
import { Decimal } from 'decimal.js';
import { In, IsNull, type EntityManager } from 'typeorm';
import { now } from '../../core/dates';
import { DomainError } from '../../core/errors';
import { lockRows } from '../../core/sql';
import {
  priceCart,
  type Cart,
  type Coupon as EngineCoupon,
  type PricedCart,
  type Promotion as EnginePromotion,
} from '../../domain/promotions';
import { categoryAncestors, skuPriceFacts, type SkuPriceFacts } from '../catalog';
import { costHeads, currentUnitCost } from '../stock';
import { unitCost } from '../../domain/costing';
import { earnDrawEntries, voidDrawEntries } from './draw-entries';
import { engine, engineCoupon, enginePromotion, ruleOf, type GiftFacts } from './engine-input';
import {
  CouponBatch,
  CouponCode,
  CouponRedemption,
  Promotion,
  PromotionState,
  PromotionUsage,
  type PromotionRuleData,
} from './promotion.entity';

const D = (s: string | number) => new Decimal(s);

export interface OrderCart {
  customerId: number | null;
  tierId: number | null;
  channelId: number;
  storeId: number | null;
  warehouseId: number;
  /** business time of the sale, 'YYYY-MM-DDTHH:mm' */
  at: string;
  /** key: the caller's line key; listPrice: the unit price after the price list (or typed by hand) */
  lines: Array<{ key: string; skuId: number; qty: string; listPrice: string }>;
  couponCodes: string[];
  /** the order being priced: its own usage is not counted against it */
  orderId?: number | null;
}

export interface PricedOrder {
  priced: PricedCart;
  /** promotion code → id and name */
  promotions: Map<string, { id: number; name: string; kind: string }>;
  /** gift SKU ids by engine line id */
  giftSku: (line: { sku: string }) => number;
}

export const normaliseCode = (c: string) => c.trim().toUpperCase();

async function skuFacts(tx: EntityManager, skuIds: number[], known?: Map<number, SkuPriceFacts>) {
  const found = new Map(known ?? []);
  const missing = skuIds.filter((id) => !found.has(id));
  if (missing.length) for (const [id, l] of await skuPriceFacts(tx, missing)) found.set(id, l);
  const cats = await categoryAncestors(
    tx,
    [...found.values()].map((l) => l.categoryId ?? 0),
  );
  return (id: number) => {
    const l = found.get(id);
    if (!l) return null;
    return {
      categories: (l.categoryId ? (cats.get(l.categoryId) ?? []) : []).map(String),
      brand: l.brandId ? String(l.brandId) : null,
      listPrice: l.refSalePrice ?? '0',
      active: l.active,
    };
  };
}

/** The promotions approved and in their period at `at` (the engine checks hours, channels, …). */
function activeAt(tx: EntityManager, at: string) {
  return tx
    .getRepository(Promotion)
    .createQueryBuilder('p')
    .where('p.state = :st AND p.starts_at <= :at AND p.ends_at > :at', { st: PromotionState.APPROVED, at })
    .orderBy('p.id')
    .getMany();
}

/**
 * What pricing needs of a promotion that changes only with its version (every write of its rule,
 * eligibility, period, limits or state bumps it: promotion.service): its names, the SKUs a
 * same-SKU 买赠 may give, and the engine's promotion without its usage (and without the gift's figures,
 * which are read each time). Frozen: shared by every pricing that finds this version.
 */
interface PromotionStatics {
  id: number;
  version: number;
  code: string;
  name: string;
  kind: string;
  perCustomer: number | null;
  /** rule.giftSkuId; 0: none (a 买赠 gives the line's own SKU) */
  giftSkuId: number;
  /** eligibility.skuIds; null: any SKU */
  skus: ReadonlySet<string> | null;
  ruleData: PromotionRuleData;
  engine: EnginePromotion;
}

/** An active promotion for one pricing: its static part and its usage figures as stored now. */
interface ActivePromotion {
  s: PromotionStatics;
  usedCount: number;
  spent: string | number | null;
}

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

function staticsOf(p: Promotion): PromotionStatics {
  return deepFreeze({
    id: p.id,
    version: p.version,
    code: p.code,
    name: p.name,
    kind: p.kind,
    perCustomer: p.perCustomer,
    giftSkuId: Number(p.rule?.giftSkuId) || 0,
    skus: p.eligibility?.skuIds?.length ? new Set(p.eligibility.skuIds.map(String)) : null,
    ruleData: structuredClone(p.rule ?? {}),
    engine: enginePromotion(p),
  });
}

const fromEntity = (p: Promotion): ActivePromotion => ({ s: staticsOf(p), usedCount: p.usedCount, spent: p.spent });

/**
 * The static parts kept in the process, per data source, by promotion id; an entry serves only its
 * own version, so another process's edit (which bumps the version) is never missed. Entries not among
 * the last read's active promotions are dropped.
 */
const staticsByDb = new WeakMap<object, Map<number, PromotionStatics>>();

/**
 * The active promotions for a quote or a draft: one plain read of their ids, versions and usage
 * figures; the static parts come from the cache, and only new versions are read whole.
 */
async function activeCached(tx: EntityManager, at: string): Promise<ActivePromotion[]> {
  let cache = staticsByDb.get(tx.connection);
  if (!cache) staticsByDb.set(tx.connection, (cache = new Map()));
  const rows: Array<{
    id: number | string;
    version: number | string;
    used_count: number | string;
    spent: string | number | null;
  }> = await tx.query(
    'SELECT id, version, used_count, spent FROM promotion WHERE state = ? AND starts_at <= ? AND ends_at > ? ORDER BY id',
    [PromotionState.APPROVED, at, at],
  );
  const live = rows.map((r) => ({
    id: Number(r.id),
    version: Number(r.version),
    usedCount: Number(r.used_count),
    spent: r.spent,
  }));
  const missing = live.filter((r) => cache.get(r.id)?.version !== r.version).map((r) => r.id);
  if (missing.length) {
    const read = new Map((await tx.findBy(Promotion, { id: In(missing) })).map((p) => [p.id, p]));
    // edited between the two reads: read them all whole, as one statement sees them
    if (live.some((r) => missing.includes(r.id) && read.get(r.id)?.version !== r.version)) {
      const all = (await activeAt(tx, at)).map(fromEntity);
      for (const a of all) cache.set(a.s.id, a.s);
      return all;
    }
    for (const p of read.values()) cache.set(p.id, staticsOf(p));
  }
  if (cache.size > live.length) {
    const seen = new Set(live.map((r) => r.id));
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  }
  return live.map((r) => ({ s: cache.get(r.id)!, usedCount: r.usedCount, spent: r.spent }));
}

async function load(tx: EntityManager, cart: OrderCart, cached = false) {
  const promos = cached ? await activeCached(tx, cart.at) : (await activeAt(tx, cart.at)).map(fromEntity);
  const codes = [...new Set(cart.couponCodes.map(normaliseCode).filter(Boolean))];
  const codeRows = codes.length ? await tx.find(CouponCode, { where: { code: In(codes) } }) : [];
  const unknown = codes.filter((c) => !codeRows.some((r) => r.code === c));
  if (unknown.length)
    throw new DomainError('COUPON_UNKNOWN', `No coupon has the code ${unknown.join(', ')}.`, { code: unknown[0] });
  return { promos, codeRows };
}

async function priceWith(
  tx: EntityManager,
  cart: OrderCart,
  promos: ActivePromotion[],
  codeRows: CouponCode[],
  known?: Map<number, SkuPriceFacts>,
): Promise<PricedOrder> {
  const giftIds = promos.map((p) => p.s.giftSkuId).filter((n) => n > 0);
  const facts = await skuFacts(tx, [...cart.lines.map((l) => l.skuId), ...giftIds], known);
  // usage so far, this order's own left out
  const other = cart.orderId ?? -1;
  const limited = promos.filter((p) => p.s.perCustomer !== null);
  const mine =
    cart.customerId && limited.length
      ? await tx
          .getRepository(PromotionUsage)
          .createQueryBuilder('u')
          .select('u.promotion_id', 'pid')
          .addSelect('COUNT(*)', 'n')
          .where('u.customer_id = :c AND u.order_id <> :o', { c: cart.customerId, o: other })
          .andWhere('u.promotion_id IN (:...ids)', { ids: limited.map((p) => p.s.id) })
          .groupBy('u.promotion_id')
          .getRawMany<{ pid: number; n: string }>()
      : [];
  const engPromos: EnginePromotion[] = [];
  for (const { s: p, usedCount, spent } of promos) {
    let gift: GiftFacts | null = null;
    const giftId = p.giftSkuId;
    if (p.kind === 'BUY_X_GET_Y' && giftId) {
      const f = facts(giftId);
      if (!f || !f.active) continue; // a gift that no longer exists gives nothing
      gift = { ...f, unitCost: await currentUnitCost(tx, cart.warehouseId, giftId) };
    }
    engPromos.push({
      ...p.engine,
      rule: gift ? ruleOf(p.kind, p.ruleData, gift) : p.engine.rule,
      usage: {
        total: usedCount,
        byCustomer: Number(mine.find((m) => Number(m.pid) === p.id)?.n ?? 0),
        spent: D(spent ?? 0).toFixed(2),
      },
    });
  }
  const batches = codeRows.length
    ? await tx.find(CouponBatch, { where: { id: In([...new Set(codeRows.map((c) => c.batchId))]) } })
    : [];
  const coupons: EngineCoupon[] = [];
  for (const c of codeRows) {
    const b = batches.find((x) => x.id === c.batchId)!;
    if (!b.active)
      throw new DomainError('COUPON_INACTIVE', `Coupon ${c.code}'s batch was withdrawn.`, { code: c.code });
    const usedByCustomer =
      cart.customerId && b.perCustomer
        ? await tx.count(CouponRedemption, {
            where: { batchId: b.id, customerId: cart.customerId, reversedAt: IsNull() },
          })
        : 0;
    coupons.push(engineCoupon(b, c, usedByCustomer));
  }
  // a 买赠 of the same SKU gives the line's own goods: their cost (here) counts in its budget and gift cost,
  // not the list price; asked only for the SKUs such a promotion may give
  const sameSku = promos.map((p) => p.s).filter((p) => p.kind === 'BUY_X_GET_Y' && !(p.giftSkuId > 0));
  const given = [
    ...new Set(
      cart.lines.filter((l) => sameSku.some((p) => !p.skus || p.skus.has(String(l.skuId)))).map((l) => l.skuId),
    ),
  ];
  const lineCost = new Map(
    (given.length ? await costHeads(tx, cart.warehouseId, given) : []).map((h) => [h.skuId, unitCost(h.qty, h.value)]),
  );
  const lines = cart.lines.map((l) => {
    const f = facts(l.skuId);
    return {
      id: l.key,
      sku: String(l.skuId),
      categories: f?.categories ?? [],
      brand: f?.brand ?? null,
      qty: l.qty,
      listPrice: l.listPrice,
      unitCost: lineCost.get(l.skuId) ?? null,
    };
  });
  const engineCart: Cart = {
    customerId: cart.customerId ? String(cart.customerId) : null,
    tier: cart.tierId ? String(cart.tierId) : null,
    channel: String(cart.channelId),
    store: cart.storeId ? String(cart.storeId) : null,
    at: cart.at,
    lines,
  };
  const priced = engine(() => priceCart({ cart: engineCart, promotions: engPromos, coupons }));
  // a coupon the engine could not use is an error on an order: the salesperson takes it off or fixes it
  const bad = priced.rejectedCoupons[0];
  if (bad) throw new DomainError(bad.reason, `Coupon ${bad.code}: ${bad.text}.`, { code: bad.code, ...bad.params });
  return {
    priced,
    promotions: new Map(promos.map(({ s: p }) => [p.code, { id: p.id, name: p.name, kind: p.kind }])),
    giftSku: (line) => Number(line.sku),
  };
}

/**
 * A cart priced now (a draft saved, a quote, the simulator); nothing is written or locked. `known`:
 * SKU facts the caller already read (skuPriceFacts), not read again.
 */
export async function priceOrder(
  tx: EntityManager,
  cart: OrderCart,
  known?: Map<number, SkuPriceFacts>,
): Promise<PricedOrder> {
  const { promos, codeRows } = await load(tx, cart, true);
  return priceWith(tx, cart, promos, codeRows, known);
}

const limitedPromotion = (p: Promotion) => p.perCustomer !== null || p.totalLimit !== null || p.budget !== null;

/**
 * The confirmation's pricing, in its transaction: locks, prices again on the locked rows and writes
 * the usage, budget consumption and redemptions. Returns the pricing the order must be stored with.
 */
export async function commitOrderPricing(
  tx: EntityManager,
  cart: OrderCart & { orderId: number },
): Promise<PricedOrder> {
  const codes = [...new Set(cart.couponCodes.map(normaliseCode).filter(Boolean))];
  const codeIds = codes.length ? (await tx.find(CouponCode, { where: { code: In(codes) } })).map((c) => c.id) : [];
  const limitedApplied = (r: PricedOrder) =>
    r.priced.applied.map((a) => r.promotions.get(a.promotionId)!.id).filter((id) => limitedIds.has(id));
  let limitedIds = new Set<number>();
  const locked = new Set<number>();
  let result = await priceOrder(tx, cart);
  await lockRows(tx, 'coupon_code', codeIds);
  for (let round = 0; ; round++) {
    const promos = await activeAt(tx, cart.at);
    limitedIds = new Set(promos.filter(limitedPromotion).map((p) => p.id));
    const need = limitedApplied(result).filter((id) => !locked.has(id));
    if (round > 0 && !need.length) break;
    if (round > 4) throw new DomainError('CONFLICT', 'The promotions kept changing; try again.');
    // the limited promotions that apply, in id order; what they hold is read again after the lock
    await lockRows(tx, 'promotion', need);
    need.forEach((id) => locked.add(id));
    const { promos: fresh, codeRows } = await load(tx, cart);
    result = await priceWith(tx, cart, fresh, codeRows);
  }
  const at = now();
  const { priced, promotions } = result;
  for (const a of priced.applied) {
    const id = promotions.get(a.promotionId)!.id;
    const p = await tx.findOneByOrFail(Promotion, { id });
    await tx.insert(PromotionUsage, {
      promotionId: id,
      orderId: cart.orderId,
      customerId: cart.customerId,
      discount: a.discount,
      giftCost: D(a.budgetUse).minus(a.discount).toFixed(2),
      createdAt: at,
    });
    await tx.update(
      Promotion,
      { id },
      {
        usedCount: p.usedCount + 1,
        spent: D(p.spent ?? 0)
          .plus(a.budgetUse)
          .toFixed(2),
      },
    );
  }
  for (const c of priced.coupons) {
    const row = await tx.findOneByOrFail(CouponCode, { code: c.code });
    // guarded: never above its uses, whatever happened in between
    const res = await tx
      .createQueryBuilder()
      .update(CouponCode)
      .set({ used: row.used + 1 })
      .where('id = :id AND used = :used AND used < max_uses', { id: row.id, used: row.used })
      .execute();
    if (!res.affected) throw new DomainError('COUPON_USED_UP', `Coupon ${c.code} is used up.`, { code: c.code });
    await tx.insert(CouponRedemption, {
      codeId: row.id,
      batchId: row.batchId,
      orderId: cart.orderId,
      customerId: cart.customerId,
      discount: c.discount,
      createdAt: at,
      reversedAt: null,
    });
  }
  // lucky draws: the confirmed order earns its entries (draw-entries.ts)
  await earnDrawEntries(tx, { ...cart, total: priced.total });
  return result;
}

/** A confirmed order cancelled: its promotion uses and coupon redemptions are given back. */
export async function releaseOrderPricing(tx: EntityManager, orderId: number): Promise<void> {
  const uses = await tx.find(PromotionUsage, { where: { orderId } });
  const reds = await tx.find(CouponRedemption, { where: { orderId, reversedAt: IsNull() } });
  // codes first, then promotions: the order a confirmation takes them in
  await lockRows(
    tx,
    'coupon_code',
    reds.map((r) => r.codeId),
  );
  await lockRows(
    tx,
    'promotion',
    uses.map((u) => u.promotionId),
  );
  for (const u of uses) {
    const p = await tx.findOneByOrFail(Promotion, { id: u.promotionId });
    await tx.update(
      Promotion,
      { id: p.id },
      {
        usedCount: p.usedCount - 1,
        spent: D(p.spent ?? 0)
          .minus(u.discount)
          .minus(u.giftCost)
          .toFixed(2),
      },
    );
  }
  if (uses.length) await tx.delete(PromotionUsage, { orderId });
  for (const r of reds) {
    const code = await tx.findOneByOrFail(CouponCode, { id: r.codeId });
    await tx.update(CouponCode, { id: code.id }, { used: code.used - 1 });
    await tx.update(CouponRedemption, { id: r.id }, { reversedAt: now() });
  }
  await voidDrawEntries(tx, orderId);
}

/**
 * A return took back part of a 满减 (sales' return-take-back): the discount the order was given went
 * down by that much, so the promotion's budget consumption (`spent`) and the order's usage row
 * (`discount`, which the effect report sums) go down with it, in the return's transaction. A negative
 * amount (a later return giving back what an earlier one took) raises them again. The promotions are
 * locked in id order after the caller's order lock, the order a confirmation takes them in.
 */
export async function takeBackPromotionDiscount(
  tx: EntityManager,
  orderId: number,
  takeBacks: Array<{ promotionId: number; amount: string }>,
): Promise<void> {
  const moved = takeBacks.filter((t) => !D(t.amount).isZero());
  if (!moved.length) return;
  const ids = [...new Set(moved.map((t) => t.promotionId))].sort((a, b) => a - b);
  await lockRows(tx, 'promotion', ids);
  for (const id of ids) {
    const amount = moved.filter((t) => t.promotionId === id).reduce((s, t) => s.plus(t.amount), D(0));
    const p = await tx.findOneBy(Promotion, { id });
    if (!p) continue;
    await tx.update(
      Promotion,
      { id },
      {
        spent: D(p.spent ?? 0)
          .minus(amount)
          .toFixed(2),
      },
    );
    const use = await tx.findOneBy(PromotionUsage, { promotionId: id, orderId });
    if (use) await tx.update(PromotionUsage, { id: use.id }, { discount: D(use.discount).minus(amount).toFixed(2) });
  }
}
