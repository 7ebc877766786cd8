import type { FieldProblem } from '../../core/errors';
import { conditionProblems, type StorageNeeds } from '../../domain/storage';
import { Decimal, isDecimalString } from '../../core/decimal';

/**
 * The rules a product must satisfy, as pure functions over a "draft": the whole product as it
 * would be after the change (existing SKUs merged with the input ones). The API and the Excel
 * import both go through here; the import maps the field paths back to rows and columns.
 */
export interface SkuDraft {
  /** "skus[2]" for a SKU from the input; null for an existing SKU the input does not mention */
  path: string | null;
  id?: number;
  code: string;
  name: string;
  attributes: Array<{ name: string; value: string }>;
  /** undefined: keep the existing barcodes */
  barcodes?: string[];
  refPurchasePrice?: string | null;
  refSalePrice?: string | null;
  /** null: the warehouse's pick strategy */
  pickStrategy?: 'auto' | 'fefo' | 'fifo' | null;
  active: boolean;
}

export interface ProductDraft {
  id?: number;
  code: string;
  name: string;
  categoryId: number | null;
  brandId: number | null;
  baseUnit: string;
  unitScale: number;
  shelfLifeDays: number | null;
  storageCondition: string | null;
  storage: StorageNeeds;
  batchTracked: boolean;
  serialTracked: boolean;
  attributeNames: string[];
  active: boolean;
  units: Array<{ name: string; factor: string }>;
  skus: SkuDraft[];
}

export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const BARCODE_RE = /^[\x21-\x7E]{1,64}$/;
export const LIMITS = {
  productCode: 40,
  skuCode: 60,
  name: 200,
  skuName: 255,
  unit: 20,
  storage: 100,
  attrName: 30,
  attrValue: 60,
  skusPerProduct: 500,
  unitsPerProduct: 20,
  barcodesPerSku: 20,
};

/** null when fine, else why not. Decimal columns are DECIMAL(18,6): 12 integer digits, 6 decimals. */
export function decimalProblem(v: string, opts: { positive?: boolean } = {}): string | null {
  if (!isDecimalString(v)) return 'Not a decimal number; write it like "12.5".';
  const d = new Decimal(v);
  if (opts.positive ? d.lte(0) : d.lt(0)) return opts.positive ? 'Must be greater than 0.' : 'Must not be negative.';
  if (d.decimalPlaces() > 6) return 'At most 6 decimals.';
  if (d.abs().gte('1e12')) return 'Too large (at most 12 digits before the point).';
  return null;
}

export const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const defaultSkuName = (productName: string, attributes: Array<{ value: string }>) =>
  [productName.trim(), ...attributes.map((a) => a.value.trim())].filter(Boolean).join(' ').slice(0, LIMITS.skuName);

function text(problems: FieldProblem[], field: string, v: string | null | undefined, max: number, required: boolean) {
  const s = (v ?? '').trim();
  if (required && !s) problems.push({ field, message: 'Required.' });
  else if (s.length > max) problems.push({ field, message: `At most ${max} characters.` });
}

/** Checks one product draft on its own (no database). */
export function checkProductDraft(d: ProductDraft, opts: { requireSkus: boolean }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  text(problems, 'code', d.code, LIMITS.productCode, true);
  if (d.code.trim() && !CODE_RE.test(d.code.trim()))
    problems.push({ field: 'code', message: 'Letters, digits, _ . - only.' });
  text(problems, 'name', d.name, LIMITS.name, true);
  text(problems, 'baseUnit', d.baseUnit, LIMITS.unit, true);
  if (!Number.isInteger(d.unitScale) || d.unitScale < 0 || d.unitScale > 6)
    problems.push({ field: 'unitScale', message: 'Must be a whole number from 0 to 6.' });
  if (
    d.shelfLifeDays !== null &&
    (!Number.isInteger(d.shelfLifeDays) || d.shelfLifeDays < 0 || d.shelfLifeDays > 36500)
  ) {
    problems.push({ field: 'shelfLifeDays', message: 'Must be a whole number of days from 0 to 36500.' });
  }
  text(problems, 'storageCondition', d.storageCondition, LIMITS.storage, false);
  for (const p of conditionProblems(d.storage)) problems.push({ field: `storageNeeds.${p.field}`, message: p.message });

  d.attributeNames.forEach((n, i) => {
    text(problems, `attributeNames[${i}]`, n, LIMITS.attrName, true);
    if (n.trim() && d.attributeNames.findIndex((m) => sameName(m, n)) < i)
      problems.push({ field: `attributeNames[${i}]`, message: `"${n}" is listed twice.` });
  });

  if (d.units.length > LIMITS.unitsPerProduct)
    problems.push({ field: 'units', message: `At most ${LIMITS.unitsPerProduct} units.` });
  d.units.forEach((u, i) => {
    text(problems, `units[${i}].name`, u.name, LIMITS.unit, true);
    if (u.name.trim() && sameName(u.name, d.baseUnit))
      problems.push({ field: `units[${i}].name`, message: `"${u.name}" is the base unit.` });
    else if (u.name.trim() && d.units.findIndex((v) => sameName(v.name, u.name)) < i)
      problems.push({ field: `units[${i}].name`, message: `"${u.name}" is listed twice.` });
    const fp = decimalProblem(u.factor, { positive: true });
    if (fp) problems.push({ field: `units[${i}].factor`, message: fp });
  });

  if (opts.requireSkus && !d.skus.length)
    problems.push({ field: 'skus', message: 'A product needs at least one SKU.' });
  if (d.skus.length > LIMITS.skusPerProduct)
    problems.push({ field: 'skus', message: `At most ${LIMITS.skusPerProduct} SKUs per product.` });

  const codes = new Map<string, string>();
  const barcodes = new Map<string, string>();
  const combos = new Map<string, string>();
  for (const s of d.skus) {
    const at = s.path ?? 'attributeNames';
    const label = s.path ? '' : `SKU ${s.code}: `;
    if (s.path) {
      text(problems, `${s.path}.code`, s.code, LIMITS.skuCode, true);
      if (s.code.trim() && !CODE_RE.test(s.code.trim()))
        problems.push({ field: `${s.path}.code`, message: 'Letters, digits, _ . - only.' });
      const seen = codes.get(s.code.trim().toLowerCase());
      if (seen) problems.push({ field: `${s.path}.code`, message: `The same code as ${seen}.` });
      else if (s.code.trim()) codes.set(s.code.trim().toLowerCase(), s.path);
      text(problems, `${s.path}.name`, s.name, LIMITS.skuName, false);
      for (const k of ['refPurchasePrice', 'refSalePrice'] as const) {
        const v = s[k];
        const p = v === null || v === undefined ? null : decimalProblem(v);
        if (p) problems.push({ field: `${s.path}.${k}`, message: p });
      }
      if ((s.barcodes?.length ?? 0) > LIMITS.barcodesPerSku)
        problems.push({ field: `${s.path}.barcodes`, message: `At most ${LIMITS.barcodesPerSku} barcodes.` });
      s.barcodes?.forEach((b, j) => {
        const f = `${s.path}.barcodes[${j}]`;
        if (!BARCODE_RE.test(b))
          problems.push({ field: f, message: 'A barcode is 1–64 visible characters without spaces.' });
        else if (barcodes.has(b)) problems.push({ field: f, message: `The same barcode as ${barcodes.get(b)}.` });
        else barcodes.set(b, f);
      });
    }
    // attributes: exactly one non-empty value for each of the product's attribute names
    const names = s.attributes.map((a) => a.name);
    const missing = d.attributeNames.filter((n) => !names.some((m) => sameName(m, n)));
    const extra = names.filter((m) => !d.attributeNames.some((n) => sameName(m, n)));
    const twice = names.filter((m, i) => names.findIndex((x) => sameName(x, m)) < i);
    if (missing.length || extra.length || twice.length) {
      const why = [
        missing.length ? `no value for ${missing.join(', ')}` : '',
        extra.length
          ? `${extra.join(', ')} is not one of the product's attributes (${d.attributeNames.join(', ') || 'none'})`
          : '',
        twice.length ? `${twice.join(', ')} given twice` : '',
      ].filter(Boolean);
      problems.push({ field: s.path ? `${s.path}.attributes` : at, message: label + why.join('; ') + '.' });
    } else {
      s.attributes.forEach((a, j) => {
        if (s.path) text(problems, `${s.path}.attributes[${j}].value`, a.value, LIMITS.attrValue, true);
      });
      if (d.attributeNames.length) {
        const key = d.attributeNames
          .map((n) =>
            s.attributes
              .find((a) => sameName(a.name, n))!
              .value.trim()
              .toLowerCase(),
          )
          .join('\u0000');
        const other = combos.get(key);
        if (other)
          problems.push({
            field: s.path ? `${s.path}.attributes` : at,
            message: `${label}The same attribute values as ${other}.`,
          });
        else combos.set(key, s.path ?? `SKU ${s.code}`);
      }
    }
  }
  return problems;
}

/** "a=1;b=2" → [{ name, value }], for Excel cells. Also accepts "：" / "；" as typed on Chinese keyboards. */
export function parsePairs(v: string): Array<{ name: string; value: string }> | string {
  const parts = v
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: Array<{ name: string; value: string }> = [];
  for (const p of parts) {
    const m = /^([^=＝:：]+)[=＝:：](.*)$/.exec(p);
    if (!m || !m[1].trim() || !m[2].trim()) return `"${p}" is not name=value.`;
    out.push({ name: m[1].trim(), value: m[2].trim() });
  }
  return out;
}

export const splitList = (v: string) =>
  v
    .split(/[;；,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
