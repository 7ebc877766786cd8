import ExcelJS from 'exceljs';
import type { TestApp } from './harness';

const EXPORT = `mutation ($input: ListExportInput!) {
  exportList(input: $input) { rows job { id } file { filename columns content } }
}`;

/** The first sheet's rows as text (empty cells as ''; trailing empty cells are not written). */
export async function sheetRows(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as any);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) =>
    rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))),
  );
  return rows;
}

/**
 * `exportList` as the console's ExportButton calls it: the columns as [key, header] (headers in Chinese,
 * as a zh-CN page sends them), the filter as JSON, value labels per column.
 */
export function exportListAs(
  t: TestApp,
  token: string,
  list: string,
  columns: Array<[string, string]>,
  filter?: unknown,
  values: Record<string, Record<string, string>> = {},
) {
  return t.gql<any>(
    EXPORT,
    {
      input: {
        list,
        filter: filter === undefined ? null : JSON.stringify(filter),
        columns: columns.map(([key, header]) => ({
          key,
          header,
          values: values[key] ? Object.entries(values[key]).map(([value, label]) => ({ value, label })) : null,
        })),
      },
    },
    token,
  );
}

/** The exported file's columns and rows (header row first), and the fields reported hidden. */
export async function exportedFile(...args: Parameters<typeof exportListAs>) {
  const r = await exportListAs(...args);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return {
    columns: r.data.exportList.file.columns as string[],
    rows: await sheetRows(r.data.exportList.file.content),
    hidden: r.extensions?.hiddenFields as string[] | undefined,
  };
}
