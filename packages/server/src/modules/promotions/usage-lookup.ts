import { In, type EntityManager } from 'typeorm';
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
