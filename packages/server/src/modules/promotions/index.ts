/**
 * The promotions module's face: the order pricing (a cart priced with the active promotions and the
 * coupons; the same pricing committed in a confirmation's transaction; released on cancellation),
 * and the types sales stores on its orders.
 */
export {
  commitOrderPricing,
  normaliseCode,
  priceOrder,
  releaseOrderPricing,
  takeBackPromotionDiscount,
  type OrderCart,
  type PricedOrder,
} from './order-pricing';
export type { PromotionService } from './promotion.service';
export type { CouponService } from './coupon.service';
export { drawUsesOfOrders, promotionUsesOfOrders, type OrderPromotionUse } from './usage-lookup';
export { promotionItems } from './effect-scope';
export { thresholdRulesForReturn, type ThresholdRule } from './return-rules';
export { promotedDays } from './promoted-days';
export { PRIZE_ORDERS_SQL, prizeOrderIds } from './draw-entries';
export { useRelatedLabels } from './related-labels';
