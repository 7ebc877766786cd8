type T = (key: string, params?: Record<string, unknown>) => string;

/** One step of a priced line (the engine's structured step), translated. */
export function stepText(
  s: { kind: string; promotionCode?: string | null; couponCode?: string | null; discount: string; amount: string },
  t: T,
): string {
  const p = { code: s.promotionCode ?? s.couponCode ?? '', discount: s.discount, amount: s.amount };
  switch (s.kind) {
    case 'LIST':
      return t('promotions.steps.LIST', p);
    case 'LINE_PROMOTION':
    case 'ORDER_PROMOTION':
      return t('promotions.steps.PROMOTION', p);
    case 'COUPON':
      return t('promotions.steps.COUPON', p);
    case 'GIFT':
      return t('promotions.steps.GIFT', p);
    default:
      return t('promotions.steps.ROUNDING', p);
  }
}

const PROMOTION = /^promotion (\S+) \(.*\): −(\d+\.\d{2}) = (-?\d+\.\d{2})$/;
const COUPON = /^coupon (\S+): −(\d+\.\d{2}) = (-?\d+\.\d{2})$/;
const GIFT = /^gift of promotion (\S+) \(.*\): −(\d+\.\d{2}) = 0\.00$/;
const NET = /^net (\d+\.\d{2}) = (\d+\.\d{2}) per unit$/;

/** The promotion steps an order line stores as text (domain/promotions' sentences), translated; null: not one. */
export function storedPromotionStep(step: string, t: T): string | null {
  let m: RegExpExecArray | null;
  if ((m = PROMOTION.exec(step))) return t('promotions.steps.PROMOTION', { code: m[1], discount: m[2], amount: m[3] });
  if ((m = COUPON.exec(step))) return t('promotions.steps.COUPON', { code: m[1], discount: m[2], amount: m[3] });
  if ((m = GIFT.exec(step))) return t('promotions.steps.GIFT', { code: m[1] });
  if ((m = NET.exec(step))) return t('promotions.steps.NET', { amount: m[1], unit: m[2] });
  return null;
}
