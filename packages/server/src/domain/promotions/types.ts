/**
 * The promotion engine's inputs and outputs. Everything on the wire is a decimal string: amounts with
 * up to 2 decimals, unit prices up to 6, quantities up to 6, percentages up to 4. Times are the
 * company's business time as 'YYYY-MM-DDTHH:mm' (the caller converts; the engine has no clock).
 */

export type LineKind = 'PERCENT_OFF' | 'FIXED_PRICE' | 'TIER_PRICE' | 'BUNDLE_PRICE' | 'BUY_X_GET_Y';
export type OrderKind = 'THRESHOLD_OFF' | 'ORDER_PERCENT';
export type PromotionKind = LineKind | OrderKind;

export const LINE_KINDS: readonly LineKind[] = [
  'PERCENT_OFF',
  'FIXED_PRICE',
  'TIER_PRICE',
  'BUNDLE_PRICE',
  'BUY_X_GET_Y',
];
export const ORDER_KINDS: readonly OrderKind[] = ['THRESHOLD_OFF', 'ORDER_PERCENT'];

export interface CartLine {
  /** the caller's key for the line (unique in the cart) */
  id: string;
  sku: string;
  /** the line's category and its ancestors, so a rule on a parent category matches */
  categories: string[];
  brand: string | null;
  qty: string;
  /** unit price from the price list (tier, channel, date): the first step */
  listPrice: string;
  /** unit cost, only for a promotion's budget when it gives this SKU away; never shown */
  unitCost?: string | null;
}

export interface Cart {
  customerId: string | null;
  tier: string | null;
  channel: string;
  store: string | null;
  /** business time of the sale, 'YYYY-MM-DDTHH:mm' */
  at: string;
  lines: CartLine[];
}

/** Which lines a rule covers. Empty include lists: every line; exclusions win over inclusions. */
export interface LineSet {
  skus?: string[];
  categories?: string[];
  brands?: string[];
  excludeSkus?: string[];
  excludeCategories?: string[];
  excludeBrands?: string[];
}

export interface Eligibility extends LineSet {
  /** empty or absent: any */
  channels?: string[];
  stores?: string[];
  tiers?: string[];
  /** 'YYYY-MM-DDTHH:mm', inclusive; absent: open */
  from?: string | null;
  /** 'YYYY-MM-DDTHH:mm', exclusive; absent: open */
  to?: string | null;
  /** daily windows 'HH:mm'–'HH:mm' (end exclusive; a window may cross midnight), e.g. a flash sale 10:00–12:00 */
  hours?: Array<{ from: string; to: string }>;
  /** ISO weekdays 1 (Monday) … 7 */
  weekdays?: number[];
  /** the covered lines together, at least (quantity in base units) */
  minQty?: string | null;
  /** the covered lines' amount when the promotion is reached in the sequence, at least */
  minAmount?: string | null;
}

export interface Limits {
  /** orders per customer */
  perCustomer?: number | null;
  /** orders in total */
  total?: number | null;
  /** discount plus gift cost, at most (2 decimals) */
  budget?: string | null;
}

/** What has been used so far (the module counts it; the engine only compares). */
export interface Usage {
  total: number;
  byCustomer: number;
  /** discount plus gift cost consumed so far */
  spent: string;
}

export interface GiftSpec {
  sku: string;
  categories?: string[];
  brand?: string | null;
  /** shown as the gift's value; the gift line itself is priced 0 */
  listPrice: string;
  /** for the budget; the list price is used when unknown */
  unitCost?: string | null;
}

export type PromotionRule =
  /** percent off the covered lines (0 < percent ≤ 100) */
  | { kind: 'PERCENT_OFF'; percent: string }
  /** the covered lines at this unit price (never raises a price) */
  | { kind: 'FIXED_PRICE'; price: string }
  /** quantity breaks over the covered lines together: the highest tier reached applies, as a percent off or a unit price */
  | { kind: 'TIER_PRICE'; tiers: Array<{ minQty: string; percent?: string | null; price?: string | null }> }
  /** the set (each SKU × qty) for this price, as many times as the cart holds it (at most maxTimes) */
  | { kind: 'BUNDLE_PRICE'; items: Array<{ sku: string; qty: string }>; price: string; maxTimes?: number | null }
  /** for each buyQty of the covered lines, getQty free: of the same SKU (gift null) or of the gift SKU */
  | { kind: 'BUY_X_GET_Y'; buyQty: string; getQty: string; gift: GiftSpec | null; maxTimes?: number | null }
  /** 满减: once (满300减50) or per multiple with a cap (每满300减50, 最多减150) */
  | { kind: 'THRESHOLD_OFF'; threshold: string; off: string; perMultiple: boolean; cap?: string | null }
  /** percent off the covered lines' amount at the order level, with an optional cap */
  | { kind: 'ORDER_PERCENT'; percent: string; cap?: string | null };

export interface Promotion {
  id: string;
  name: string;
  /** smaller runs first; among exclusive ones of the same benefit, smaller wins */
  priority: number;
  /** an exclusive promotion is used alone (不与其他优惠同享); coupons still apply */
  exclusive: boolean;
  rule: PromotionRule;
  eligibility?: Eligibility;
  limits?: Limits;
  usage?: Usage;
}

export interface Coupon {
  code: string;
  batch: string;
  name?: string;
  kind: 'AMOUNT_OFF' | 'PERCENT_OFF';
  /** the amount off, or the percent off */
  value: string;
  /** PERCENT_OFF: at most this much */
  maxOff?: string | null;
  /** the covered lines after promotions, at least */
  minSpend?: string | null;
  /** 'YYYY-MM-DDTHH:mm', inclusive */
  validFrom: string;
  /** 'YYYY-MM-DDTHH:mm', exclusive */
  validTo: string;
  /** issued to this customer only; null: anyone holding the code (printed) */
  customerId?: string | null;
  /** uses of this code in total (1: single use) and so far */
  maxUses: number;
  used: number;
  /** uses of this batch by one customer, at most; and by this cart's customer so far */
  perCustomer?: number | null;
  usedByCustomer?: number;
  lines?: LineSet;
}

export interface PriceInput {
  cart: Cart;
  promotions: Promotion[];
  coupons?: Coupon[];
  /** subsets the optimiser may price (see engine.ts); 256 by default */
  maxEvaluations?: number;
}

// ---- output ------------------------------------------------------------------------------------

export type StepKind = 'LIST' | 'LINE_PROMOTION' | 'ORDER_PROMOTION' | 'COUPON' | 'ROUNDING' | 'GIFT';

export interface LineStep {
  kind: StepKind;
  promotionId?: string;
  couponCode?: string;
  /** taken off the line by this step (2 decimals, ≥ 0) */
  discount: string;
  /** the line's amount after this step */
  amount: string;
  /** an English sentence with codes; the console translates known shapes */
  text: string;
}

export interface PricedLine {
  id: string;
  sku: string;
  qty: string;
  gift: boolean;
  /** a gift line: the promotion that gave it */
  promotionId: string | null;
  listPrice: string;
  listAmount: string;
  /** net amount after every step (2 decimals) */
  amount: string;
  /** amount ÷ qty (6 decimals) */
  unitPrice: string;
  discount: string;
  steps: LineStep[];
  /** what each promotion and coupon took off this line: returns and reports use it */
  allocations: Array<{ promotionId?: string; couponCode?: string; amount: string }>;
}

export type NotAppliedReason =
  'NOT_ELIGIBLE' | 'NO_BENEFIT' | 'BEATEN_BY_EXCLUSIVE' | 'NOT_BEST' | 'BUDGET_SPENT' | 'LIMIT_REACHED';

export interface AppliedPromotion {
  promotionId: string;
  name: string;
  kind: PromotionKind;
  /** taken off the price */
  discount: string;
  giftQty: string | null;
  /** list value of the gifts */
  giftValue: string | null;
  /** what the budget is charged: discount + gift cost (may reveal cost: the module guards it) */
  budgetUse: string;
  lineIds: string[];
  text: string;
}

export interface NotApplied {
  promotionId: string;
  name: string;
  reason: NotAppliedReason;
  /** why, in a word: CHANNEL, STORE, TIER, TIME, HOURS, WEEKDAY, NO_LINES, MIN_QTY, MIN_AMOUNT, THRESHOLD, … */
  detail: string;
  params: Record<string, string>;
  text: string;
}

export type CouponRejection =
  | 'COUPON_NOT_YET_VALID'
  | 'COUPON_EXPIRED'
  | 'COUPON_USED_UP'
  | 'COUPON_OTHER_CUSTOMER'
  | 'COUPON_CUSTOMER_LIMIT'
  | 'COUPON_SAME_BATCH'
  | 'COUPON_NO_LINES'
  | 'COUPON_BELOW_MIN_SPEND';

export interface AppliedCoupon {
  code: string;
  batch: string;
  discount: string;
  lineIds: string[];
}

export interface RejectedCoupon {
  code: string;
  reason: CouponRejection;
  params: Record<string, string>;
  text: string;
}

export interface PricedCart {
  lines: PricedLine[];
  listTotal: string;
  discountTotal: string;
  total: string;
  /** list value of the gift lines (they are priced 0) */
  giftValue: string;
  applied: AppliedPromotion[];
  notApplied: NotApplied[];
  coupons: AppliedCoupon[];
  rejectedCoupons: RejectedCoupon[];
  /** how many promotion sets were priced, and whether every candidate was */
  search: { evaluated: number; exhaustive: boolean };
}

export type PromotionErrorCode =
  | 'PROMOTION_INVALID_DISCOUNT'
  | 'PROMOTION_INVALID_RULE'
  | 'PROMOTION_EXCLUSIVE_OVERLAP'
  | 'PROMOTION_EXCLUSIVE_AMBIGUOUS'
  | 'COUPON_INVALID'
  | 'CART_INVALID';

/** Bad input: the module turns it into a DomainError with the same code. */
export class PromotionError extends Error {
  constructor(
    readonly code: PromotionErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
