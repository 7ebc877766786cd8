import { Field, ObjectType } from 'type-graphql';
import type { Context } from './context';
import { visibleColumns } from './permissions/guard';

@ObjectType({ description: 'A file produced by an export; only the columns the user may see.' })
export class ExportFile {
  @Field() filename: string;
  @Field() contentType: string;
  @Field({ description: 'The file itself (CSV, UTF-8 with BOM so Excel reads Chinese).' }) content: string;
  @Field(() => [String]) columns: string[];
}

const cell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join(' ') : String(v);
  // a leading = + - @ would make a spreadsheet run it as a formula
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * Exports use the same field rule as the API: a sensitive column the user may not see is
 * dropped (and reported in hiddenFields), never exported blank.
 */
export function exportCsv<T>(ctx: Context, typeName: string, name: string, columns: readonly string[], rows: T[], get: (row: T, col: string) => unknown): ExportFile {
  const cols = visibleColumns(ctx, typeName, columns);
  const lines = [cols.join(','), ...rows.map((r) => cols.map((c) => cell(get(r, c))).join(','))];
  return {
    filename: `${name}-${new Date().toISOString().slice(0, 10)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: '\uFEFF' + lines.join('\r\n') + '\r\n',
    columns: cols,
  };
}
