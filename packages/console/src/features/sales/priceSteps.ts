import { storedPromotionStep } from '@/features/promotions/steps';
import { translateStep } from './usePriceLists';

type T = (key: string, params?: Record<string, unknown>) => string;
const CHANGED = /^changed by (.+) to (-?\d+(?:\.\d+)?)$/;
const EXCHANGE = /^exchange for return (\S+) at the original price$/;

/**
 * One step of how an order line's price came about, translated: the pricing's own steps (price
 * list, promotions, rounding), and the order's (a price changed by hand, an exchange).
 */
export function priceStep(
  step: string,
  t: T,
  names: { tier?: (c: string) => string; channel?: (c: string) => string } = {},
): string {
  let m: RegExpExecArray | null;
  if ((m = CHANGED.exec(step))) return t('orders.steps.changed', { who: m[1], price: m[2] });
  if ((m = EXCHANGE.exec(step))) return t('orders.steps.exchange', { number: m[1] });
  const promo = storedPromotionStep(step, t);
  if (promo !== null) return promo;
  return translateStep(step, t, { tier: names.tier ?? ((c) => c), channel: names.channel ?? ((c) => c) });
}
