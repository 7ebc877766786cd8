/**
 * 满减 taken back on a return (see domain/promotions/take-back): the order's 满减 as confirmed (its
 * allocation on each covered line, the base it was computed on), the kept quantities after the
 * return, and what earlier returns of the order took back; the promotions module tells the rule and
 * whether the setting takes reductions back at all.
 */
import { Decimal } from 'decimal.js';
import { In, Not, type EntityManager } from 'typeorm';
import { thresholdTakeBack, type TakeBackThreshold } from '../../domain/promotions';
import { thresholdRulesForReturn } from '../promotions';
import type { SalesOrder, SalesOrderLine } from './sales-order.entity';
import { SalesReturn, SalesReturnLine } from './sales-return.entity';

const D = (s: string | number) => new Decimal(s);
const round2 = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export interface ReturnTakeBack {
  total: string;
  /** per returned row, in order */
  lines: string[];
  perPromotion: Array<{ promotionId: number; code: string; amount: string }>;
}

/** Σ taken_back of earlier return lines per order line: their gross refund is amount + taken back. */
export async function takenBackByOrderLine(em: EntityManager, orderLineIds: number[], returnId: number) {
  const rows = orderLineIds.length
    ? await em.find(SalesReturnLine, {
        where: { orderLineId: In([...new Set(orderLineIds)]), returnId: Not(returnId) },
      })
    : [];
  const m = new Map<number, Decimal>();
  for (const r of rows) m.set(r.orderLineId, (m.get(r.orderLineId) ?? D(0)).plus(r.takenBack ?? 0));
  return m;
}

/**
 * `returned`: this return's rows (order line, quantity) and their refunds before the take-back.
 * Null when the order had no 满减 or the setting keeps reductions on returns.
 */
export async function returnTakeBack(
  em: EntityManager,
  o: SalesOrder,
  orderLines: SalesOrderLine[],
  returned: Array<{ orderLineId: number; qty: Decimal; refund: string }>,
  returnId: number,
): Promise<ReturnTakeBack | null> {
  const applied = (o.promotionsApplied ?? []).filter((p) => p.kind === 'THRESHOLD_OFF' && p.promotionId);
  if (!applied.length || !returned.length) return null;
  const { takeBack, rules } = await thresholdRulesForReturn(
    em,
    applied.map((p) => Number(p.promotionId)),
  );
  if (!takeBack) return null;
  const earlier = await em.find(SalesReturn, { where: { orderId: o.id, id: Not(returnId) } });
  const before = new Map<number, Decimal>();
  for (const r of earlier)
    for (const t of r.takeBacks ?? []) before.set(t.promotionId, (before.get(t.promotionId) ?? D(0)).plus(t.amount));
  // ordered − returned so far (order lines already carry earlier returns; this one's rows are added)
  const now = new Map<number, Decimal>();
  for (const r of returned) now.set(r.orderLineId, (now.get(r.orderLineId) ?? D(0)).plus(r.qty));
  const thresholds: Array<TakeBackThreshold & { promotionId: number }> = [];
  for (const a of applied) {
    const rule = rules.get(Number(a.promotionId));
    if (!rule) continue;
    const lines: TakeBackThreshold['lines'] = [];
    for (const l of orderLines) {
      if (l.gift) continue;
      const allocs = l.allocations ?? [];
      const at = allocs.findIndex((x) => x.source === 'PROMOTION' && x.code === a.code);
      if (at < 0) continue;
      // the amount the 满减 was computed on: the list amount less the steps before it
      const list = round2(D(l.qty).times(l.basePrice ?? l.unitPrice!));
      const base = allocs.slice(0, at).reduce((s, x) => s.minus(x.amount), list);
      const kept = D(l.qty)
        .minus(l.returnedQty)
        .minus(now.get(l.id) ?? 0);
      lines.push({
        qty: D(l.qty).toFixed(6),
        keptQty: kept.toFixed(6),
        base: base.toFixed(2),
        share: D(allocs[at].amount).toFixed(2),
      });
    }
    thresholds.push({
      promotionId: Number(a.promotionId),
      code: a.code,
      rule,
      lines,
      takenBefore: (before.get(Number(a.promotionId)) ?? D(0)).toFixed(2),
    });
  }
  if (!thresholds.length) return null;
  const r = thresholdTakeBack(
    thresholds,
    returned.map((x) => x.refund),
  );
  return {
    total: r.taken,
    lines: r.lines,
    perPromotion: r.thresholds.map((t, i) => ({
      promotionId: thresholds[i].promotionId,
      code: t.code,
      amount: t.taken,
    })),
  };
}
