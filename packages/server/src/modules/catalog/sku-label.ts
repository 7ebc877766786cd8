import type { Context } from '../../core/context';
import { labels } from '../../core/labels';

const skuLabels = labels('sku', 'sku', { code: 'code', name: 'name' });

/** A SKU's code and name for field resolvers: the SKUs of a whole list in one query per request. */
export async function skuLabel(ctx: Context, skuId: number): Promise<{ code: string; name: string }> {
  return (await skuLabels(ctx, skuId)) ?? { code: '', name: '' };
}
