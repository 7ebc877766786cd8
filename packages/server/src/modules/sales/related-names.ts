import { perRequestBatch, type Context } from '../../core/context';

export type Named = 'customer' | 'sales_channel' | 'sales_store' | 'warehouse' | 'app_user';

/** Names (and codes) of the customers, channels, stores, warehouses and users a list refers to: one query per table per request. */
export async function row(
  ctx: Context,
  table: Named | 'sales_order',
  id: number | null,
): Promise<{ name: string; code: string } | undefined> {
  if (id === null) return undefined;
  const cols =
    table === 'app_user'
      ? "display_name AS name, '' AS code"
      : table === 'sales_order'
        ? "'' AS name, number AS code"
        : 'name, code';
  return perRequestBatch(
    ctx,
    `row:${table}`,
    id,
    async (ids) =>
      new Map<number, { name: string; code: string }>(
        (
          await ctx.services.ds.query(
            `SELECT id, ${cols} FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`,
            ids,
          )
        ).map((r: any) => [Number(r.id), { name: r.name ?? '', code: r.code ?? '' }]),
      ),
  );
}

export const names = async (ctx: Context, table: Named, id: number | null): Promise<string | null> =>
  (await row(ctx, table, id))?.name ?? null;
export const customerCode = async (ctx: Context, id: number): Promise<string> =>
  (await row(ctx, 'customer', id))?.code ?? '';
