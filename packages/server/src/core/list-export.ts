import { coerceInputValue, isInputType, isNonNullType, type GraphQLSchema } from 'graphql';
import type { Context } from './context';
import { badInput, forbidden } from './errors';
import { exportXlsx, neutraliseFormula, type ExportFile } from './export';
import type { Page } from './paging';
import type { Permission } from './permissions/catalogue';
import { can, securityLog, visibleColumns } from './permissions/guard';

/**
 * One list's export, declared by the module that owns the list (next to its service): which
 * permission the list needs, the GraphQL type whose field rules its columns follow, the filter input
 * type it takes (the list query's own), how to read a page of rows (the list's own service, so the
 * row scope is the list's) and how to read each column of a row.
 *
 * The console sends the columns its page shows (keys and headers in the user's language); the server
 * keeps only the keys the list declares and, of those, the ones the user may see (`visibleColumns`).
 */
export interface ListExportColumn<R> {
  get: (ctx: Context, row: R) => unknown | Promise<unknown>;
  /** the sensitive field this column shows, `field` on the list's type or `Type.field`; the key when absent */
  field?: string;
  /** keep as text in Excel (codes, phone numbers) */
  text?: boolean;
  /** the TypeScript enum (registered with GraphQL) the value belongs to: the file names it as GraphQL does */
  enum?: Record<string, string | number>;
}

export interface ListExport<R = any, F = any> {
  /** the name the console asks for (`purchaseOrders`) */
  name: string;
  /** every one of these is needed (the list query's `@Allow`) */
  permissions: Permission[];
  /** further checks of the list query (e.g. a count reader) */
  assert?: (ctx: Context) => void;
  typeName: string;
  /** the GraphQL input type of the list's filter; none when the list takes no filter */
  filterType?: string;
  /**
   * a list query that takes its filter as arguments (`bins(warehouseId, zoneId …)`): the filter is an
   * object of that query's arguments (all but `page`), read as the query reads them
   */
  filterArgsOf?: string;
  /** a page of the list, as the list query reads it */
  page: (
    ctx: Context,
    filter: F | undefined,
    page: { offset: number; limit: number; after?: string | null },
  ) => Promise<Page<R> | R[]>;
  columns: Record<string, ListExportColumn<R>>;
  /** the file's name (before the date) */
  fileName?: string;
}

export interface ExportColumnRequest {
  key: string;
  header: string;
  /** value → the text to write instead (an enum's label in the user's language) */
  values?: Array<{ value: string; label: string }> | null;
}

const registry = new Map<string, ListExport>();

/** The composition root registers every module's list exports once. */
export function registerListExports(exports: ListExport[]) {
  for (const e of exports) registry.set(e.name, e);
}

export const listExportNames = () => [...registry.keys()].sort();

export function listExport(name: string): ListExport {
  const e = registry.get(name);
  if (!e) throw badInput([{ field: 'list', message: `No list "${name}" can be exported.` }]);
  return e;
}

/** The list's own permission, checked as its query checks it (FORBIDDEN, logged). */
export function assertMayExport(ctx: Context, e: ListExport) {
  const missing = e.permissions.filter((p) => !can(ctx, p));
  if (missing.length) {
    securityLog({
      event: 'forbidden',
      user: ctx.user?.username,
      requestId: ctx.requestId,
      field: `export:${e.name}`,
      missing,
    });
    throw forbidden('You do not have permission to do this.', { permissions: missing });
  }
  e.assert?.(ctx);
}

/** The filter as the list's query would have read it (the same input type, its defaults and checks). */
export function parseListFilter(schema: GraphQLSchema, e: ListExport, json: string | null | undefined): unknown {
  if (json === null || json === undefined || json === '' || json === 'null') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw badInput([{ field: 'filter', message: 'The filter is not JSON.' }]);
  }
  if (e.filterArgsOf) return parseFilterArgs(schema, e, raw);
  if (!e.filterType) {
    if (raw && typeof raw === 'object' && Object.keys(raw).length)
      throw badInput([{ field: 'filter', message: `The list "${e.name}" takes no filter.` }]);
    return undefined;
  }
  const type = schema.getType(e.filterType);
  if (!type || !isInputType(type)) throw new Error(`export ${e.name}: no input type ${e.filterType}`);
  const problems: Array<{ field: string; message: string }> = [];
  const value = coerceInputValue(raw, type, (path, _invalid, error) =>
    problems.push({ field: ['filter', ...path].join('.'), message: error.message }),
  );
  if (problems.length) throw badInput(problems);
  return value;
}

/** The filter as the arguments of the list's query: each coerced to its type, defaults applied, required ones asked. */
function parseFilterArgs(schema: GraphQLSchema, e: ListExport, raw: unknown): Record<string, unknown> {
  const field = schema.getQueryType()?.getFields()[e.filterArgsOf!];
  if (!field) throw new Error(`export ${e.name}: no query ${e.filterArgsOf}`);
  const given = (raw ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || Array.isArray(given))
    throw badInput([{ field: 'filter', message: 'The filter is not an object.' }]);
  const args = field.args.filter((a) => a.name !== 'page');
  const problems: Array<{ field: string; message: string }> = [];
  for (const k of Object.keys(given))
    if (!args.some((a) => a.name === k))
      problems.push({ field: `filter.${k}`, message: `The list "${e.name}" has no filter "${k}".` });
  const out: Record<string, unknown> = {};
  for (const a of args) {
    const v = given[a.name] === undefined ? a.defaultValue : given[a.name];
    if (v === undefined && !isNonNullType(a.type)) continue;
    const value = coerceInputValue(v ?? null, a.type, (path, _invalid, error) =>
      problems.push({ field: ['filter', a.name, ...path].join('.'), message: error.message }),
    );
    out[a.name] = value;
  }
  if (problems.length) throw badInput(problems);
  return out;
}

/** The columns asked for that the list declares and the user may see (the others reported hidden). */
export function exportColumns(ctx: Context, e: ListExport, asked: ExportColumnRequest[]): ExportColumnRequest[] {
  const unknown = asked.filter((c) => !e.columns[c.key]);
  if (unknown.length)
    throw badInput(
      unknown.map((c) => ({ field: `columns.${c.key}`, message: `The list "${e.name}" has no column "${c.key}".` })),
    );
  return asked.filter((c) => {
    const field = e.columns[c.key].field ?? c.key;
    const [type, name] = field.includes('.') ? field.split('.', 2) : [e.typeName, field];
    return visibleColumns(ctx, type, [name]).length > 0;
  });
}

/** How many rows the filter gives (one page read). */
export async function countListRows(ctx: Context, e: ListExport, filter: unknown): Promise<number> {
  const first = await e.page(ctx, filter, { offset: 0, limit: 1 });
  return Array.isArray(first) ? first.length : first.total;
}

/**
 * Every row of the list (through its own service, 200 at a time, up to `max`), each column's cell
 * read, enum values written as their labels. `progress` hears the rows read so far and the total.
 */
export async function readListRows(
  ctx: Context,
  e: ListExport,
  filter: unknown,
  cols: ExportColumnRequest[],
  max: number,
  progress?: (done: number, total: number) => Promise<void> | void,
): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  const labels = new Map(cols.map((c) => [c.key, new Map((c.values ?? []).map((v) => [v.value, v.label]))]));
  const enumNames = new Map(
    cols.map((c) => [c.key, new Map(Object.entries(e.columns[c.key].enum ?? {}).map(([k, v]) => [String(v), k]))]),
  );
  let after: string | null = null; // lists that page by keyset: follow their cursor (no deep offsets)
  for (let offset = 0; ; offset += 200) {
    const page = await e.page(ctx, filter, { offset, limit: 200, after });
    const items = Array.isArray(page) ? page.slice(offset, offset + 200) : page.items;
    const capped = !Array.isArray(page) && 'totalCapped' in page && page.totalCapped === true;
    // a capped total (TOTAL_CAP or more) is no end: read until the cursor runs out
    const total = Array.isArray(page) ? page.length : capped ? Infinity : page.total;
    after = Array.isArray(page) || !('cursor' in page) ? null : ((page.cursor as string | null) ?? null);
    for (const row of items) {
      const cells: Record<string, unknown> = {};
      for (const c of cols) {
        const raw = await e.columns[c.key].get(ctx, row);
        const v = raw === null || raw === undefined ? raw : (enumNames.get(c.key)!.get(String(raw)) ?? raw);
        const label = v === null || v === undefined ? undefined : labels.get(c.key)!.get(String(v));
        cells[c.key] = label ?? v;
      }
      out.push(cells);
      if (out.length >= max) break;
    }
    await progress?.(out.length, Math.min(total, max));
    if (out.length >= max || out.length >= total || !items.length || (capped && !after)) break;
  }
  return out;
}

/** The rows as an xlsx with the console's headers (neutralised like any cell). */
export function listXlsx(
  ctx: Context,
  e: ListExport,
  cols: ExportColumnRequest[],
  rows: Array<Record<string, unknown>>,
): Promise<ExportFile> {
  return exportXlsx(
    ctx,
    e.typeName,
    e.fileName ?? e.name,
    cols.map((c) => ({ key: c.key, header: neutraliseFormula(c.header), text: e.columns[c.key].text })),
    rows,
    (r, c) => r[c],
    { sheetName: e.fileName ?? e.name },
  );
}
