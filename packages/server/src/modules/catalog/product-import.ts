import ExcelJS from 'exceljs';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, type FieldProblem } from '../../core/errors';
import { exportXlsx, unneutraliseFormula, type ExportFile, type XlsxColumn } from '../../core/export';
import { Decimal, isDecimalString } from '../../core/decimal';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit';
import type { BrandService } from './brand.service';
import type { CategoryService } from './category.service';
import { assertMaySetPrices, type ExistingProduct, type ProductWriter } from './product-writer';
import type { LoadedProduct, ProductImportReport, SkuInput } from './catalog.types';
import { checkProductDraft, parsePairs, splitList, type ProductDraft } from './product-rules';

export const IMPORT_MAX_ROWS = 10_000;

/**
 * The import/export sheet: one row per SKU. The header row must name each column once, by its
 * Chinese label or its English key (any order, case and spaces ignored). Required columns:
 * productCode, productName, baseUnit, skuCode; any other may be left out.
 *
 * On an existing product (matched by productCode) a column that is present sets the value and a
 * blank product-level cell clears it (category, brand, units, shelf life, storage, flags). SKU-level
 * cells (attributes, barcodes, prices) that are blank leave the SKU's value as it is, so a file
 * exported without the price columns you may not see never clears them. Rows of one product repeat
 * the product columns or leave them blank; a different value is an error.
 */
export const IMPORT_COLUMNS = [
  {
    key: 'productCode',
    header: '商品编码',
    required: true,
    level: 'product',
    text: true,
    help: '商品(SPU)编码：字母、数字、_ . -，最长 40；同一商品的多行(多个 SKU)使用相同编码',
    example: 'TS-001',
  },
  { key: 'productName', header: '商品名称', required: true, level: 'product', help: '最长 200 字', example: '纯棉T恤' },
  {
    key: 'categoryCode',
    header: '分类编码',
    required: false,
    level: 'product',
    text: true,
    help: '已有分类的编码(不会自动创建)',
    example: 'CLOTHES',
  },
  {
    key: 'brand',
    header: '品牌',
    required: false,
    level: 'product',
    help: '品牌名称；不存在时自动创建',
    example: '优品',
  },
  { key: 'baseUnit', header: '基本单位', required: true, level: 'product', help: '如 件、kg', example: '件' },
  {
    key: 'unitScale',
    header: '单位小数位',
    required: false,
    level: 'product',
    help: '基本单位允许的小数位数 0–6，空=0',
    example: '0',
  },
  {
    key: 'units',
    header: '换算单位',
    required: false,
    level: 'product',
    help: '单位=含多少基本单位，多个用分号分隔',
    example: '箱=12;盒=6',
  },
  { key: 'shelfLifeDays', header: '保质期天数', required: false, level: 'product', help: '整数天数', example: '365' },
  {
    key: 'storageCondition',
    header: '储存条件',
    required: false,
    level: 'product',
    help: '如 2–8 °C',
    example: '常温干燥',
  },
  {
    key: 'batchTracked',
    header: '批次管理',
    required: false,
    level: 'product',
    help: '是/否 (Y/N, 1/0)',
    example: '否',
  },
  {
    key: 'serialTracked',
    header: '序列号管理',
    required: false,
    level: 'product',
    help: '是/否 (Y/N, 1/0)',
    example: '否',
  },
  {
    key: 'skuCode',
    header: 'SKU编码',
    required: true,
    level: 'sku',
    text: true,
    help: 'SKU 编码，全局唯一，最长 60',
    example: 'TS-001-RED-M',
  },
  {
    key: 'attributes',
    header: '规格属性',
    required: false,
    level: 'sku',
    help: '属性=值，多个用分号分隔；同一商品各 SKU 的属性名相同',
    example: '颜色=红;尺码=M',
  },
  {
    key: 'barcodes',
    header: '条码',
    required: false,
    level: 'sku',
    text: true,
    help: '多个用分号分隔；全局唯一',
    example: '6901234567892;6901234567908',
  },
  {
    key: 'refPurchasePrice',
    header: '参考进价',
    required: false,
    level: 'sku',
    help: '≥ 0，最多 6 位小数；需要查看进价的权限',
    example: '25.5',
  },
  {
    key: 'refSalePrice',
    header: '参考售价',
    required: false,
    level: 'sku',
    help: '≥ 0，最多 6 位小数；需要查看售价的权限',
    example: '59',
  },
] as const satisfies ReadonlyArray<
  XlsxColumn & {
    key: string;
    header: string;
    required: boolean;
    level: 'product' | 'sku';
    help: string;
    example: string;
  }
>;

export type ImportKey = (typeof IMPORT_COLUMNS)[number]['key'];
const COLUMN = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c])) as Record<
  ImportKey,
  (typeof IMPORT_COLUMNS)[number]
>;

const norm = (s: string) => s.replace(/[\s_()（）]/g, '').toLowerCase();
const HEADER_INDEX = new Map<string, ImportKey>(
  IMPORT_COLUMNS.flatMap((c) => [[norm(c.header), c.key] as const, [norm(c.key), c.key] as const]),
);

const fileError = (message: string) => badInput([{ field: 'fileBase64', message }], message);

/** Any cell value as the text a user typed. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 1e15 ? BigInt(v).toString() : String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.error) return '';
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
  }
  // what an export neutralised (a leading apostrophe before = + - @) comes back as it was
  return unneutraliseFormula(String(v).trim());
}

interface SheetRow {
  row: number;
  cells: string[];
}

/**
 * Reads the first sheet: the header and the data rows, refusing more than IMPORT_MAX_ROWS data rows.
 * The whole workbook is read from its central directory (ExcelJS's load), not with its streaming reader:
 * that one ends early now and then (about 1 read in 1,000 of the same file) and misses xl/workbook.xml,
 * refusing a good file as unreadable. The request body limit bounds the file's size.
 */
export async function readSheet(buf: Buffer): Promise<{ header: string[]; rows: SheetRow[] }> {
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) {
    if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0)
      throw fileError('This is an old Excel 97–2003 (.xls) file; save it as .xlsx and try again.');
    throw fileError('The file is not an Excel workbook (.xlsx).');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw fileError('The file is not a readable .xlsx workbook.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fileError('The workbook has no sheet.');
  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  for (let n = 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const values = (row.values as unknown[]) ?? [];
    const cells = values.slice(1).map(cellText);
    if (!cells.some(Boolean)) continue;
    if (!header) {
      if (n !== 1) throw fileError('The header row must be row 1.');
      header = cells;
      continue;
    }
    if (rows.length >= IMPORT_MAX_ROWS) {
      throw badInput(
        [{ field: 'fileBase64', message: `At most ${IMPORT_MAX_ROWS} data rows per file.` }],
        `The file has more than ${IMPORT_MAX_ROWS} data rows; the limit is ${IMPORT_MAX_ROWS} per import. Split it into several files.`,
      );
    }
    rows.push({ row: n, cells });
  }
  if (!header) throw fileError('The sheet is empty: row 1 must be the header row.');
  return { header, rows };
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', 'on']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', 'x', 'off', '']);

interface ParsedRow {
  row: number;
  v: Partial<Record<ImportKey, string>>;
  errors: Array<{ column: string; message: string }>;
  unitScale?: number;
  shelfLifeDays?: number | null;
  batchTracked?: boolean;
  serialTracked?: boolean;
  units?: Array<{ name: string; factor: string }>;
  attributes?: Array<{ name: string; value: string }>;
  barcodes?: string[];
  refPurchasePrice?: string;
  refSalePrice?: string;
}

interface Group {
  code: string;
  rows: ParsedRow[];
  existing?: ExistingProduct;
  draft?: ProductDraft;
  brandName?: string | null;
}

const normalizeDecimal = (s: string) => (isDecimalString(s) ? new Decimal(s).toFixed() : s);

/** The product sheet (xlsx): its template, the export in the same layout, and the all-or-nothing import. */
export class ProductImport {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly categories: CategoryService,
    private readonly brands: BrandService,
    private readonly writer: ProductWriter,
  ) {}

  /** The template: the header (only the columns this user may set) and a help sheet. */
  template(ctx: Context): Promise<ExportFile> {
    const cols = IMPORT_COLUMNS.map((c) => ({ key: c.key, header: c.header, text: 'text' in c ? c.text : undefined }));
    return exportXlsx(ctx, 'Sku', 'product-import-template', cols, [], () => null, {
      sheetName: '商品导入',
      extraSheets: [
        {
          name: '说明 Help',
          rows: [
            ['列 (Chinese header)', 'English header', '必填 required', '说明', '示例 example'],
            ...IMPORT_COLUMNS.map((c) => [c.header, c.key, c.required ? '是' : '否', c.help, c.example]),
            [],
            [
              '每行一个 SKU；同一商品的多个 SKU 使用相同的商品编码。One row per SKU; rows of one product share its product code.',
            ],
            [`每次最多 ${IMPORT_MAX_ROWS} 行。At most ${IMPORT_MAX_ROWS} data rows per file.`],
            ['任何一行有错误时不导入任何数据。If any row is wrong, nothing is imported.'],
          ],
        },
      ],
    });
  }

  /** The import sheet for these products, one row per SKU (the same layout as the template). */
  export(ctx: Context, products: LoadedProduct[], categoryCodes: Map<number, string>): Promise<ExportFile> {
    const rows = products.flatMap((p) => (p.skus ?? []).map((s) => ({ p, s })));
    const cols = IMPORT_COLUMNS.map((c) => ({ key: c.key, header: c.header, text: 'text' in c ? c.text : undefined }));
    const yes = (b: boolean) => (b ? '是' : '否');
    return exportXlsx(
      ctx,
      'Sku',
      'products',
      cols,
      rows,
      ({ p, s }, col) => {
        switch (col as ImportKey) {
          case 'productCode':
            return p.code;
          case 'productName':
            return p.name;
          case 'categoryCode':
            return p.categoryId !== null ? (categoryCodes.get(p.categoryId) ?? '') : '';
          case 'brand':
            return p.brand?.name ?? '';
          case 'baseUnit':
            return p.baseUnit;
          case 'unitScale':
            return p.unitScale;
          case 'units':
            return (p.units ?? []).map((u) => `${u.name}=${new Decimal(u.factor).toFixed()}`).join(';');
          case 'shelfLifeDays':
            return p.shelfLifeDays;
          case 'storageCondition':
            return p.storageCondition;
          case 'batchTracked':
            return yes(p.batchTracked);
          case 'serialTracked':
            return yes(p.serialTracked);
          case 'skuCode':
            return s.code;
          case 'attributes':
            return s.attributes.map((a) => `${a.name}=${a.value}`).join(';');
          case 'barcodes':
            return (s.barcodes ?? []).join(';');
          case 'refPurchasePrice':
            return s.refPurchasePrice === null ? null : new Decimal(s.refPurchasePrice).toFixed();
          case 'refSalePrice':
            return s.refSalePrice === null ? null : new Decimal(s.refSalePrice).toFixed();
          default:
            return null;
        }
      },
      { sheetName: '商品导入' },
    );
  }

  async run(ctx: Context, fileBase64: string, dryRun: boolean): Promise<ProductImportReport> {
    const b64 = fileBase64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
    if (!b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw fileError('The file is not base64-encoded.');
    const { header, rows } = await readSheet(Buffer.from(b64, 'base64'));

    // the header row: every column known, none twice, the required ones there
    const colIndex = new Map<ImportKey, number>();
    const headerOf = new Map<ImportKey, string>();
    const problems: FieldProblem[] = [];
    header.forEach((h, i) => {
      if (!h) return;
      const key = HEADER_INDEX.get(norm(h));
      if (!key) problems.push({ field: `header.${h}`, message: `Unknown column "${h}".` });
      else if (colIndex.has(key)) problems.push({ field: `header.${h}`, message: `Column "${h}" appears twice.` });
      else {
        colIndex.set(key, i);
        headerOf.set(key, h);
      }
    });
    for (const c of IMPORT_COLUMNS)
      if (c.required && !colIndex.has(c.key))
        problems.push({ field: `header.${c.header}`, message: `Required column "${c.header}" (${c.key}) is missing.` });
    if (problems.length) {
      throw badInput(
        problems,
        `The header row does not match the template: ${problems.map((p) => p.message).join(' ')}`,
      );
    }
    const has = (k: ImportKey) => colIndex.has(k);
    const colName = (k: ImportKey) => headerOf.get(k) ?? COLUMN[k].header;

    // reliability 11: a price column you may not see cannot be set by import either
    const setting = (['refPurchasePrice', 'refSalePrice'] as const).filter(
      (k) => has(k) && rows.some((r) => r.cells[colIndex.get(k)!]),
    );
    assertMaySetPrices(ctx, [...setting]);

    // cell formats, row by row
    const parsed: ParsedRow[] = rows.map((r) => {
      const v: Partial<Record<ImportKey, string>> = {};
      for (const [k, i] of colIndex) v[k] = (r.cells[i] ?? '').trim();
      const p: ParsedRow = { row: r.row, v, errors: [] };
      const err = (k: ImportKey, message: string) => p.errors.push({ column: colName(k), message });
      for (const k of ['productCode', 'skuCode'] as const) if (!v[k]) err(k, 'Required.'); // name, base unit: on a product's first row (the rules)
      if (has('unitScale')) {
        if (!v.unitScale) p.unitScale = 0;
        else if (/^\d+$/.test(v.unitScale)) p.unitScale = Number(v.unitScale);
        else err('unitScale', 'Must be a whole number from 0 to 6.');
      }
      if (has('shelfLifeDays')) {
        if (!v.shelfLifeDays) p.shelfLifeDays = null;
        else if (/^\d+$/.test(v.shelfLifeDays)) p.shelfLifeDays = Number(v.shelfLifeDays);
        else err('shelfLifeDays', 'Must be a whole number of days.');
      }
      for (const k of ['batchTracked', 'serialTracked'] as const) {
        if (!has(k)) continue;
        const t = (v[k] ?? '').toLowerCase();
        if (YES.has(t)) p[k] = true;
        else if (NO.has(t)) p[k] = false;
        else err(k, 'Write 是 or 否 (Y/N).');
      }
      if (has('units')) {
        const u = parsePairs(v.units ?? '');
        if (typeof u === 'string') err('units', `${u} Write units like 箱=12;盒=6.`);
        else p.units = u.map((x) => ({ name: x.name, factor: normalizeDecimal(x.value) }));
      }
      if (has('attributes') && v.attributes) {
        const a = parsePairs(v.attributes);
        if (typeof a === 'string') err('attributes', `${a} Write attributes like 颜色=红;尺码=M.`);
        else p.attributes = a;
      }
      if (has('barcodes') && v.barcodes) p.barcodes = splitList(v.barcodes);
      for (const k of ['refPurchasePrice', 'refSalePrice'] as const) if (has(k) && v[k]) p[k] = normalizeDecimal(v[k]!);
      return p;
    });

    // rows → products
    const groups = new Map<string, Group>();
    for (const p of parsed) {
      const code = p.v.productCode ?? '';
      if (!code) continue;
      const g = groups.get(code.toLowerCase()) ?? { code, rows: [] };
      groups.set(code.toLowerCase(), g);
      const first = g.rows[0];
      if (first) {
        // product columns repeat the first row's value or stay blank
        for (const c of IMPORT_COLUMNS) {
          if (c.level !== 'product' || c.key === 'productCode' || !has(c.key)) continue;
          const mine = p.v[c.key] ?? '';
          if (mine && mine !== (first.v[c.key] ?? ''))
            p.errors.push({
              column: colName(c.key),
              message: `Differs from row ${first.row} of the same product ("${first.v[c.key] ?? ''}").`,
            });
        }
      }
      g.rows.push(p);
    }

    const report: ProductImportReport = {
      ok: false,
      dryRun,
      rowCount: rows.length,
      rows: [],
      created: 0,
      updated: 0,
      skusCreated: 0,
      skusUpdated: 0,
      brandsCreated: [],
    };

    return inTransaction(this.ds, async (tx) => {
      const list = [...groups.values()];
      const cats = has('categoryCode')
        ? await this.categories.byCode(
            tx,
            list.map((g) => g.rows[0].v.categoryCode ?? ''),
          )
        : new Map();
      const brands = has('brand')
        ? await this.brands.byName(
            tx,
            list.map((g) => g.rows[0].v.brand ?? ''),
          )
        : new Map();
      const ids = await this.writer.idsByCode(
        tx,
        list.map((g) => g.code),
      );
      const existing = await this.writer.loadExisting(tx, [...ids.values()]);

      for (const g of list) {
        const f = g.rows[0];
        const e = ids.has(g.code.toLowerCase()) ? existing.get(ids.get(g.code.toLowerCase())!) : undefined;
        g.existing = e;
        const input: Parameters<ProductWriter['buildDraft']>[0] = {
          code: f.v.productCode,
          name: f.v.productName,
          baseUnit: f.v.baseUnit,
        };
        if (has('categoryCode')) {
          const cc = f.v.categoryCode ?? '';
          const cat = cc ? cats.get(cc.toLowerCase()) : null;
          if (cc && !cat) f.errors.push({ column: colName('categoryCode'), message: `Category ${cc} does not exist.` });
          input.categoryId = cat ? String(cat.id) : null;
        }
        if (has('brand')) {
          const bn = f.v.brand ?? '';
          const b = bn ? brands.get(bn.toLowerCase()) : null;
          input.brandId = b ? String(b.id) : null;
          g.brandName = bn && !b ? bn : null;
        }
        if (has('unitScale')) input.unitScale = f.unitScale;
        if (has('shelfLifeDays')) input.shelfLifeDays = f.shelfLifeDays;
        if (has('storageCondition')) input.storageCondition = f.v.storageCondition || null;
        if (has('batchTracked')) input.batchTracked = f.batchTracked;
        if (has('serialTracked')) input.serialTracked = f.serialTracked;
        if (has('units')) input.units = f.units ?? [];
        if (has('attributes') && (!e || g.rows.some((r) => r.attributes?.length))) {
          const names = (g.rows.find((r) => r.attributes?.length)?.attributes ?? []).map((a) => a.name);
          input.attributeNames = names;
        }
        input.skus = g.rows.map((r): SkuInput => ({
          code: r.v.skuCode ?? '',
          ...(r.attributes ? { attributes: r.attributes } : {}),
          ...(r.barcodes ? { barcodes: r.barcodes } : {}),
          ...(r.refPurchasePrice !== undefined ? { refPurchasePrice: r.refPurchasePrice } : {}),
          ...(r.refSalePrice !== undefined ? { refSalePrice: r.refSalePrice } : {}),
        }));
        g.draft = this.writer.buildDraft(input, e);
      }

      const drafts = list.map((g) => g.draft!);
      const dbProblems = await this.writer.checkAgainstDb(tx, drafts, existing);
      list.forEach((g, i) => {
        const all = [...checkProductDraft(g.draft!, { requireSkus: true }), ...dbProblems[i]];
        for (const pr of all) this.place(g, pr, colName);
      });

      report.rows = parsed.filter((p) => p.errors.length).map((p) => ({ row: p.row, errors: dedupe(p.errors) }));
      report.ok = report.rows.length === 0;
      report.created = list.filter((g) => !g.existing).length;
      report.updated = list.length - report.created;
      report.skusCreated = drafts.reduce((n, d) => n + d.skus.filter((s) => s.path && s.id === undefined).length, 0);
      report.skusUpdated = drafts.reduce((n, d) => n + d.skus.filter((s) => s.path && s.id !== undefined).length, 0);
      report.brandsCreated = [...new Set(list.map((g) => g.brandName).filter((x): x is string => !!x))];

      if (report.ok && !dryRun && list.length) {
        const made = await this.brands.ensure(tx, ctx, report.brandsCreated);
        for (const g of list) if (g.brandName) g.draft!.brandId = made.get(g.brandName.toLowerCase())!.id;
        await this.writer.claimVersions(
          tx,
          new Map(list.filter((g) => g.existing).map((g) => [g.existing!.product.id, g.existing!])),
        );
        report.skusCreated = 0;
        report.skusUpdated = 0;
        for (const g of list) {
          const r = await this.writer.applyDraft(
            tx,
            ctx,
            g.draft!,
            g.existing,
            g.existing ? 'product.import.update' : 'product.import.create',
          );
          report.skusCreated += r.skusCreated;
          report.skusUpdated += r.skusUpdated;
        }
      } else report.dryRun = true;
      // one summary row (and never the file itself) in the audit trail
      await this.audit.record(tx, ctx, {
        action: 'product.import',
        entityType: 'Product',
        after: {
          dryRun: report.dryRun,
          ok: report.ok,
          rowCount: report.rowCount,
          rowsWithErrors: report.rows.length,
          created: report.created,
          updated: report.updated,
          skusCreated: report.skusCreated,
          skusUpdated: report.skusUpdated,
          brandsCreated: report.brandsCreated,
        },
      });
      return report;
    });
  }

  /** Puts a rule's field path ("skus[2].barcodes[0]", "units[1].factor", "code") on its row and column. */
  private place(g: Group, pr: FieldProblem, colName: (k: ImportKey) => string) {
    const first = g.rows[0];
    const m = /^skus\[(\d+)\](?:\.(\w+))?/.exec(pr.field);
    if (m) {
      const row = g.rows[Number(m[1])] ?? first;
      const key: ImportKey =
        (
          {
            code: 'skuCode',
            name: 'skuCode',
            attributes: 'attributes',
            barcodes: 'barcodes',
            refPurchasePrice: 'refPurchasePrice',
            refSalePrice: 'refSalePrice',
          } as Record<string, ImportKey>
        )[m[2] ?? 'code'] ?? 'skuCode';
      row.errors.push({ column: colName(key), message: pr.message });
      return;
    }
    const head = pr.field.replace(/\[.*$/, '').replace(/\..*$/, '');
    const key: ImportKey =
      (
        {
          code: 'productCode',
          name: 'productName',
          categoryId: 'categoryCode',
          brandId: 'brand',
          baseUnit: 'baseUnit',
          unitScale: 'unitScale',
          shelfLifeDays: 'shelfLifeDays',
          storageCondition: 'storageCondition',
          attributeNames: 'attributes',
          units: 'units',
          skus: 'skuCode',
        } as Record<string, ImportKey>
      )[head] ?? 'productCode';
    const detail = /^units\[(\d+)\]/.exec(pr.field);
    const unit = detail ? g.draft?.units[Number(detail[1])] : undefined;
    first.errors.push({ column: colName(key), message: unit ? `${unit.name}: ${pr.message}` : pr.message });
  }
}

function dedupe(errors: Array<{ column: string; message: string }>) {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.column}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
