import type { Context } from '../../core/context';
import type { NearExpiryRow, SlowStockRow } from './analytics.types';

/** 呆滞库存 as its query answers it: quantities and values withheld where the user counts blind. */
export async function slowStockRows(ctx: Context, days: number, warehouseId?: string | null): Promise<SlowStockRow[]> {
  const rows = await ctx.services.analytics.slowStock(ctx, days, warehouseId ?? undefined);
  const blind = await ctx.services.blindCounts.view(ctx, null);
  return rows.map((r) => ({
    ...r,
    qty: blind.withhold('SlowStockRow', 'qty', blind.hides(r.warehouseId, r.skuId), r.qty),
    value: blind.withhold('SlowStockRow', 'value', blind.hides(r.warehouseId, r.skuId), r.value),
  }));
}

/** 近效期库存 as its query answers it (blind counts as above). */
export async function nearExpiryRows(
  ctx: Context,
  days: number,
  warehouseId?: string | null,
): Promise<NearExpiryRow[]> {
  const rows = await ctx.services.analytics.nearExpiry(ctx, days, warehouseId ?? undefined);
  const blind = await ctx.services.blindCounts.view(ctx, null);
  return rows.map((r) => ({
    ...r,
    qty: blind.withhold('NearExpiryRow', 'qty', blind.hides(r.warehouseId, r.skuId), r.qty),
    value: blind.withhold('NearExpiryRow', 'value', blind.hides(r.warehouseId, r.skuId), r.value),
  }));
}
