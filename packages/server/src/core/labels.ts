import { perRequestBatch, type Context } from './context';

/** What a list shows of a related row: its code and its name. */
export interface Label {
  code: string;
  name: string;
}

/**
 * The one way to load related names for field resolvers (an order's customer, a line's SKU, a
 * customer's salesperson): the module that owns the table defines a loader with `labels(key,
 * table, columns)` and offers it through its face; the ids a list asks for while it resolves are
 * loaded in one `WHERE id IN (…)` per request, each id once. `code` and `name` are SQL expressions
 * over the owner's own table (`"''"` where there is none).
 */
export function labels(
  key: string,
  table: string,
  columns: { code: string; name: string },
): (ctx: Context, id: number | null | undefined) => Promise<Label | null> {
  return async (ctx, id) => {
    if (!id) return null;
    const label = await perRequestBatch(
      ctx,
      `label:${key}`,
      id,
      async (ids) =>
        new Map<number, Label>(
          (
            await ctx.services.ds.query(
              `SELECT id, ${columns.code} AS code, ${columns.name} AS name FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`,
              ids,
            )
          ).map((r: any) => [Number(r.id), { code: r.code ?? '', name: r.name ?? '' }]),
        ),
    );
    return label ?? null;
  };
}
