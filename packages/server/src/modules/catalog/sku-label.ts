import { perRequest, type Context } from '../../core/context';

/** A SKU's code and name for field resolvers: one query per SKU per request. */
export function skuLabel(ctx: Context, skuId: number): Promise<{ code: string; name: string }> {
  return perRequest(ctx, `skuLabel:${skuId}`, async () => (await ctx.services.ds.query('SELECT code, name FROM sku WHERE id = ?', [skuId]))[0] ?? { code: '', name: '' });
}
