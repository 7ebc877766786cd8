import ExcelJS from 'exceljs';
import { Field, ObjectType } from 'type-graphql';
import type { Context } from './context';
import { visibleColumns } from './permissions/guard';
import { now } from './dates';

@ObjectType({ description: 'A file produced by an export; only the columns the user may see.' })
export class ExportFile {
  @Field() filename: string;
  @Field() contentType: string;
  @Field({
    description:
      'The file itself: CSV text (UTF-8 with BOM so Excel reads Chinese), or base64 for an xlsx (see encoding).',
  })
  content: string;
  @Field({ description: '"utf-8" (text) or "base64" (binary, e.g. xlsx).' }) encoding: string;
  @Field(() => [String]) columns: string[];
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return: `-2+3+cmd|' /C calc'!A0`) gets a leading apostrophe. Numbers, also negative ones and
 * decimal strings such as "-12.50", stay numbers.
 */
export function neutraliseFormula(s: string): string {
  return FORMULA.test(s) && !NUMBER.test(s) ? `'${s}` : s;
}

/** The import side: a leading apostrophe that an export put before a formula character is taken off again. */
export const unneutraliseFormula = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

const cell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.join(' ') : String(v);
  const safe = neutraliseFormula(s);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * Exports use the same field rule as the API: a sensitive column the user may not see is
 * dropped (and reported in hiddenFields), never exported blank.
 */
export function exportCsv<T>(
  ctx: Context,
  typeName: string,
  name: string,
  columns: readonly string[],
  rows: T[],
  get: (row: T, col: string) => unknown,
  /** the header cell per column (in the requester's language); the key when absent */
  headers: Partial<Record<string, string>> = {},
): ExportFile {
  const cols = visibleColumns(ctx, typeName, columns);
  const lines = [
    cols.map((c) => cell(headers[c] ?? c)).join(','),
    ...rows.map((r) => cols.map((c) => cell(get(r, c))).join(',')),
  ];
  return {
    filename: `${name}-${now().toISOString().slice(0, 10)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: '\uFEFF' + lines.join('\r\n') + '\r\n',
    encoding: 'utf-8',
    columns: cols,
  };
}

export interface XlsxColumn {
  /** the field name; a sensitive one (by the type's registry) is dropped for users who may not see it */
  key: string;
  /** the header cell; the key when absent */
  header?: string;
  width?: number;
  /** keep as text in Excel (codes, barcodes: no 6.9E+12) */
  text?: boolean;
}

const xlsxCell = (v: unknown): ExcelJS.CellValue => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  // strings stay text cells (exceljs never writes them as formulas), and one that starts like a formula is
  // neutralised as in CSV, for whoever edits the cell or saves the sheet as CSV
  if (Array.isArray(v)) return neutraliseFormula(v.join(';'));
  return neutraliseFormula(String(v));
};

/**
 * The xlsx variant of exportCsv: the same column rule (visibleColumns), one sheet, base64 content.
 * `extraSheets` adds read-only sheets such as a template's help.
 */
export async function exportXlsx<T>(
  ctx: Context,
  typeName: string,
  name: string,
  columns: readonly XlsxColumn[],
  rows: T[],
  get: (row: T, col: string) => unknown,
  opts: { sheetName?: string; extraSheets?: Array<{ name: string; rows: unknown[][] }> } = {},
): Promise<ExportFile> {
  const keys = visibleColumns(
    ctx,
    typeName,
    columns.map((c) => c.key),
  );
  const cols = keys.map((k) => columns.find((c) => c.key === k)!);
  const wb = new ExcelJS.Workbook();
  wb.created = now();
  const ws = wb.addWorksheet(opts.sheetName ?? name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({
    header: c.header ?? c.key,
    key: c.key,
    width: c.width ?? Math.max(10, (c.header ?? c.key).length * 2 + 2),
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(cols.map((c) => xlsxCell(get(r, c.key))));
  for (const extra of opts.extraSheets ?? []) {
    const sheet = wb.addWorksheet(extra.name.slice(0, 31));
    for (const line of extra.rows) sheet.addRow(line.map(xlsxCell));
    sheet.getRow(1).font = { bold: true };
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    filename: `${name}-${now().toISOString().slice(0, 10)}.xlsx`,
    contentType: XLSX_CONTENT_TYPE,
    content: buf.toString('base64'),
    encoding: 'base64',
    columns: keys,
  };
}
