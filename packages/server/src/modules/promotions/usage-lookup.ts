import { In, type EntityManager } from 'typeorm';
import { LuckyDraw, LuckyDrawEntry } from './draw.entity';
import { Promotion, PromotionUsage } from './promotion.entity';

export interface OrderPromotionUse {
  promotionId: number;
  code: string;
  name: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  orderId: number;
  discount: string;
  giftCost: string;
}

/** The promotions confirmed orders used (for the effect report): what each took off and its gifts' cost. */
export async function promotionUsesOfOrders(em: EntityManager, orderIds: number[]): Promise<OrderPromotionUse[]> {
  const out: OrderPromotionUse[] = [];
  const ids = [...new Set(orderIds)];
  const uses: PromotionUsage[] = [];
  for (let i = 0; i < ids.length; i += 500)
    uses.push(...(await em.find(PromotionUsage, { where: { orderId: In(ids.slice(i, i + 500)) } })));
  if (!uses.length) return out;
  const promos = await em.find(Promotion, { where: { id: In([...new Set(uses.map((u) => u.promotionId))]) } });
  for (const u of uses) {
    const p = promos.find((x) => x.id === u.promotionId);
    if (!p) continue;
    out.push({
      promotionId: p.id,
      code: p.code,
      name: p.name,
      kind: p.kind,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      orderId: u.orderId,
      discount: u.discount,
      giftCost: u.giftCost,
    });
  }
  return out;
}

/**
 * The lucky draw entries these orders earned, shaped as uses for the effect report: kind LUCKY_DRAW,
 * `promotionId` the draw's id, no discount, and as gift cost what the entry's prize cost when drawn
 * (promotion expense; 0.00 until drawn, or without a prize).
 */
export async function drawUsesOfOrders(em: EntityManager, orderIds: number[]): Promise<OrderPromotionUse[]> {
  const ids = [...new Set(orderIds)];
  const entries: LuckyDrawEntry[] = [];
  for (let i = 0; i < ids.length; i += 500)
    entries.push(...(await em.find(LuckyDrawEntry, { where: { orderId: In(ids.slice(i, i + 500)) } })));
  if (!entries.length) return [];
  const draws = await em.find(LuckyDraw, { where: { id: In([...new Set(entries.map((e) => e.drawId))]) } });
  const out: OrderPromotionUse[] = [];
  for (const e of entries) {
    const d = draws.find((x) => x.id === e.drawId);
    if (!d) continue;
    out.push({
      promotionId: d.id,
      code: d.code,
      name: d.name,
      kind: 'LUCKY_DRAW',
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      orderId: e.orderId,
      discount: '0.00',
      giftCost: e.prizeId !== null ? (e.prizeCost ?? '0.00') : '0.00',
    });
  }
  return out;
}
