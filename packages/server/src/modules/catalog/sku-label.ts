import { perRequestBatch, type Context } from '../../core/context';

/** A SKU's code and name for field resolvers: the SKUs of a whole list in one query per request. */
export async function skuLabel(ctx: Context, skuId: number): Promise<{ code: string; name: string }> {
  const label = await perRequestBatch(
    ctx,
    'skuLabel',
    skuId,
    async (ids) =>
      new Map<number, { code: string; name: string }>(
        (
          await ctx.services.ds.query(
            `SELECT id, code, name FROM sku WHERE id IN (${ids.map(() => '?').join(',')})`,
            ids,
          )
        ).map((r: any) => [Number(r.id), { code: r.code, name: r.name }]),
      ),
  );
  return label ?? { code: '', name: '' };
}
