/**
 * Lucky draw entries earned and taken back in the order's own transaction (order-pricing.ts calls these
 * from the confirmation and the cancellation).
 */
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { now } from '../../core/dates';
import { qualifies } from '../../domain/promotions/draw';
import { DrawState, LuckyDraw, LuckyDrawEntry } from './draw.entity';
import type { DrawRules } from '../../domain/promotions/draw';

const D = (s: string | number) => new Decimal(s);

export const rulesOf = (d: Pick<LuckyDraw, 'eligibility' | 'startsAt' | 'endsAt'>): DrawRules => {
  const e = d.eligibility ?? {};
  const list = (a?: string[] | null) => (a?.length ? a.map(String) : undefined);
  return {
    channels: list(e.channelIds),
    stores: list(e.storeIds),
    tiers: list(e.tierIds),
    weekdays: e.weekdays?.length ? e.weekdays : undefined,
    hours: e.hours?.length ? e.hours.map((h) => ({ from: h.from, to: h.to })) : undefined,
    from: d.startsAt,
    to: d.endsAt,
    minAmount: e.minAmount ?? null,
  };
};

/**
 * An order confirmed (in its transaction, from commitOrderPricing): one entry in each open draw whose
 * rules it meets. The draw row's counter is raised with a guarded UPDATE (state still OPEN), so an
 * entry is never added to a draw that has started drawing: the draw waits for this transaction.
 */
export async function earnDrawEntries(
  tx: EntityManager,
  order: {
    orderId: number;
    customerId: number | null;
    tierId: number | null;
    channelId: number;
    storeId: number | null;
    warehouseId: number;
    at: string;
    total: string;
  },
): Promise<void> {
  const open = await tx
    .getRepository(LuckyDraw)
    .createQueryBuilder('d')
    .where('d.state = :s AND d.starts_at <= :at AND d.ends_at > :at', { s: DrawState.OPEN, at: order.at })
    .orderBy('d.id')
    .getMany();
  for (const d of open) {
    const ok = qualifies(rulesOf(d), {
      channel: String(order.channelId),
      store: order.storeId ? String(order.storeId) : null,
      tier: order.tierId ? String(order.tierId) : null,
      at: order.at,
      total: order.total,
    });
    if (!ok || (await tx.findOneBy(LuckyDrawEntry, { drawId: d.id, orderId: order.orderId }))) continue;
    const res = await tx
      .createQueryBuilder()
      .update(LuckyDraw)
      .set({ entryCount: () => 'entry_count + 1' })
      .where('id = :id AND state = :s', { id: d.id, s: DrawState.OPEN })
      .execute();
    if (!res.affected) continue;
    await tx.insert(LuckyDrawEntry, {
      drawId: d.id,
      orderId: order.orderId,
      customerId: order.customerId,
      channelId: order.channelId,
      storeId: order.storeId,
      warehouseId: order.warehouseId,
      orderTotal: D(order.total).toFixed(2),
      createdAt: now(),
    });
  }
}

/** A confirmed order cancelled: its entries in draws still open are taken back (drawn ones stay). */
export async function voidDrawEntries(tx: EntityManager, orderId: number): Promise<void> {
  const mine = await tx.find(LuckyDrawEntry, { where: { orderId } });
  for (const e of mine) {
    const res = await tx
      .createQueryBuilder()
      .update(LuckyDraw)
      .set({ entryCount: () => 'entry_count - 1' })
      .where('id = :id AND state = :s', { id: e.drawId, s: DrawState.OPEN })
      .execute();
    if (res.affected) await tx.delete(LuckyDrawEntry, { id: e.id });
  }
}

/** The orders that deliver a lucky draw's SKU prize, as a subquery (for reports that leave them out). */
export const PRIZE_ORDERS_SQL = 'SELECT e.prize_order_id FROM lucky_draw_entry e WHERE e.prize_order_id IS NOT NULL';

/**
 * Of these sales orders, those that deliver a lucky draw's SKU prize (draft orders at price 0 made
 * by the draw): their stock's cost is promotion expense like a gift's, not the sale's COGS.
 */
export async function prizeOrderIds(tx: EntityManager, orderIds: number[]): Promise<Set<number>> {
  const ids = [...new Set(orderIds.filter((n) => n > 0))];
  if (!ids.length) return new Set();
  const rows: Array<{ id: number }> = await tx
    .getRepository(LuckyDrawEntry)
    .createQueryBuilder('e')
    .select('e.prize_order_id', 'id')
    .where('e.prize_order_id IN (:...ids)', { ids })
    .getRawMany();
  return new Set(rows.map((r) => Number(r.id)));
}
