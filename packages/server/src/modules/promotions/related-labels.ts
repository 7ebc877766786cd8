import type { Context } from '../../core/context';
import type { Label } from '../../core/labels';

type LabelOf = (ctx: Context, id: number | null | undefined) => Promise<Label | null>;

/*
 * Coupons, draw entries and birthday offers name a customer and an order, which belong to sales; sales
 * depends on this module (its orders are priced here), so it lends their labels at start
 * (services.ts) instead of this module importing it. The labels are per request (core `labels`).
 */
const lent: { customer: LabelOf; order: LabelOf } = { customer: async () => null, order: async () => null };

export function useRelatedLabels(labels: { customer: LabelOf; order: LabelOf }) {
  Object.assign(lent, labels);
}

export const customerLabelOf: LabelOf = (ctx, id) => lent.customer(ctx, id);
export const orderLabelOf: LabelOf = (ctx, id) => lent.order(ctx, id);
