import { Decimal } from 'decimal.js';
import { In, type EntityManager } from 'typeorm';
import { Promotion, PromotionSettings } from './promotion.entity';

export interface ThresholdRule {
  code: string;
  name: string;
  threshold: string;
  off: string;
  perMultiple: boolean;
  cap: string | null;
}

const money = (s: string | null | undefined) => new Decimal(s ?? 0).toFixed(2);

/**
 * For a return (sales): whether a return that breaks a 满减 takes the reduction back (the setting
 * `returnLosesThreshold`, on by default), and the 满减 rules of the given promotions.
 */
export async function thresholdRulesForReturn(
  em: EntityManager,
  promotionIds: number[],
): Promise<{ takeBack: boolean; rules: Map<number, ThresholdRule> }> {
  const s = await em.findOneBy(PromotionSettings, { id: 1 });
  const takeBack = s ? s.returnLosesThreshold : true;
  const rules = new Map<number, ThresholdRule>();
  if (!takeBack || !promotionIds.length) return { takeBack, rules };
  for (const p of await em.find(Promotion, { where: { id: In([...new Set(promotionIds)]) } })) {
    if (p.kind !== 'THRESHOLD_OFF') continue;
    rules.set(p.id, {
      code: p.code,
      name: p.name,
      threshold: money(p.rule?.threshold),
      off: money(p.rule?.off),
      perMultiple: !!p.rule?.perMultiple,
      cap: p.rule?.cap ? money(p.rule.cap) : null,
    });
  }
  return { takeBack, rules };
}
