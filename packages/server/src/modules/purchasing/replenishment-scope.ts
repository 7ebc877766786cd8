import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import type { PageInput } from '../../core/paging';
import type { ReplenishmentQuery, Suggestion } from './replenishment.service';

/** A warehouse outside the user's warehouses does not exist for them (as on the stock pages). */
export function inWarehouseScope(ctx: Context, warehouseId: string | number): number {
  const id = Number(warehouseId) || -1;
  const scope = ctx.user?.warehouseIds;
  if (scope && !scope.includes(id)) throw notFound('This warehouse');
  return id;
}

/** The suggestion's steps from the inventory position on carry the book quantity (onHand + onOrder − reserved). */
const FIRST_BOOK_STEP = 'inventoryPosition';

/**
 * What one who counts blind may see of a warehouse's replenishment while a count is open there
 * (stock module's BlindCounts: "counters never see the book"): for a SKU under the count, the book
 * quantities, the suggestion and its arithmetic from the inventory position on are withheld (named in
 * extensions.hiddenFields), and "needs ordering" leaves the SKU out, so that neither its rows nor the
 * count of them tells whether the book is below the order-up-to level.
 */
async function blindView(ctx: Context, warehouseId: number) {
  const blind = await ctx.services.blindCounts.view(ctx, [warehouseId]);
  const hides = (skuId: number) => !blind.empty && blind.hides(warehouseId, skuId);
  const withhold = (r: Suggestion): Suggestion => {
    if (!hides(r.skuId)) return r;
    const cut = r.steps.findIndex((s) => s.label === FIRST_BOOK_STEP);
    return {
      ...r,
      onHand: blind.withhold('ReplenishmentSuggestion', 'onHand', true, r.onHand),
      notForSale: blind.withhold('ReplenishmentSuggestion', 'notForSale', true, r.notForSale),
      suggested: blind.withhold('ReplenishmentSuggestion', 'suggested', true, r.suggested),
      steps: cut < 0 ? r.steps : r.steps.slice(0, cut),
    };
  };
  return { hides: blind.empty ? undefined : hides, withhold };
}

/** The replenishment queries as a user may see them: the warehouse in their scope, blind counts respected. */
export async function suggestionsFor(ctx: Context, warehouseId: string, filter: ReplenishmentQuery) {
  const w = inWarehouseScope(ctx, warehouseId);
  const v = await blindView(ctx, w);
  return (await ctx.services.replenishment.suggestions(w, { ...filter, hidden: v.hides })).map(v.withhold);
}

export async function pageFor(ctx: Context, warehouseId: string, filter: ReplenishmentQuery, page?: PageInput | null) {
  const w = inWarehouseScope(ctx, warehouseId);
  const v = await blindView(ctx, w);
  const p = await ctx.services.replenishment.page(w, { ...filter, hidden: v.hides }, page);
  return { ...p, items: p.items.map(v.withhold) };
}

export async function forecastFor(ctx: Context, warehouseId: string, skuId: string) {
  const w = inWarehouseScope(ctx, warehouseId);
  const v = await blindView(ctx, w);
  const f = await ctx.services.replenishment.forecast(w, Number(skuId) || -1);
  return { ...f, suggestion: v.withhold(f.suggestion) };
}
