/** The line model shared by DocForm/LineEditor (stock, purchase and sales documents). */

export interface SkuOption {
  id: string;
  code: string;
  name: string;
  baseUnit: string;
  unitScale: number;
  barcodes: string[];
  units: { name: string; factor: string }[];
  product: { batchTracked: boolean };
}

export interface EditorLine {
  /** A client-side key for v-for. */
  key: string;
  sku: SkuOption | null;
  /** The SKU id even before its details are loaded. */
  skuId: string;
  unit: string;
  qty: string;
  unitCost: string;
  binId: string;
  toBinId: string;
  batchNo: string;
  expiryDate: string;
  /** Why a short-dated or expired batch is received (asked for within the warning days). */
  expiryReason: string;
  /** Read-only results of a posted line (null when withheld). */
  postedUnitCost?: string | null;
  value?: string | null;
  /** The documents whose re-costing changed the posted value (null when withheld). */
  costChanges?: ReadonlyArray<CostChangeView> | null;
}

/** One re-costing of a posted figure, as CostChangesTag shows it. */
export interface CostChangeView {
  causeType: string;
  causeNumber: string;
  action: string;
  causeDate?: string | null;
  delta: string;
}

/** What the editor shows besides SKU, unit and quantity. */
export interface LineColumns {
  /** 'edit': an input; 'show': the posted figure (HiddenCell when withheld); false: no column. */
  unitCost?: 'edit' | 'show' | false;
  value?: boolean;
  bin?: boolean;
  toBin?: boolean;
  batch?: boolean;
  expiry?: boolean;
  /**
   * Receiving: the day the goods come in and the company's warning days; a batch whose expiry is
   * past or within them is flagged and asks for a reason (EXPIRY_REASON_REQUIRED otherwise).
   */
  expiryCheck?: { on: string; warningDays: number } | null;
  /** Quantities may be negative (adjustments). */
  signedQty?: boolean;
  /** The i18n key of the unit cost column's label (sales orders: the unit price). */
  costLabel?: string;
}

export interface LineLookup {
  searchSkus: (text: string) => Promise<SkuOption[]>;
  skuByBarcode: (barcode: string) => Promise<SkuOption | null>;
}

let seq = 0;
export function newLine(patch: Partial<EditorLine> = {}): EditorLine {
  seq += 1;
  return {
    key: `l${seq}`,
    sku: null,
    skuId: '',
    unit: '',
    qty: '',
    unitCost: '',
    binId: '',
    toBinId: '',
    batchNo: '',
    expiryDate: '',
    expiryReason: '',
    ...patch,
  };
}

/** "3" + 1 → "4" on the digit string (a scanned item adds one); null when not a whole number. */
export function incrementWhole(qty: string): string | null {
  if (!/^\d{1,15}$/.test(qty.trim())) return null;
  return (BigInt(qty.trim()) + 1n).toString();
}

/** A line's quantity in the base unit: a conversion unit (箱 ×12) is multiplied out exactly. */
export function baseQty(l: EditorLine): string {
  const u = l.sku?.units.find((x) => x.name === l.unit);
  if (!u || u.factor === '1') return l.qty.trim();
  return multiplyDecimal(l.qty.trim(), u.factor);
}

/** Exact product of two non-negative decimal strings (quantities never pass through a float). */
export function multiplyDecimal(a: string, b: string): string {
  // anything else goes to the server as typed, which answers with a translated error
  if (!/^\d+(\.\d+)?$/.test(a) || !/^\d+(\.\d+)?$/.test(b)) return a;
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const scale = af.length + bf.length;
  const digits = (BigInt(ai + af) * BigInt(bi + bf)).toString().padStart(scale + 1, '0');
  if (!scale) return digits;
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/0+$/, '').replace(/\.$/, '');
}

/** Whole days from one YYYY-MM-DD day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A batch's expiry on the day it is received, as the server classifies it: expired (its last day
 * of use has passed), expiring (within the warning days; the reason is required), or null (no
 * date, or later). `days` is what is left (negative: days since it expired).
 */
export function shortDated(
  expiryDate: string | null | undefined,
  on: string,
  warningDays: number,
): { expired: boolean; days: number } | null {
  if (!expiryDate || !/^\d{4}-\d{2}-\d{2}$/.test(expiryDate) || !/^\d{4}-\d{2}-\d{2}$/.test(on)) return null;
  const days = daysBetween(on, expiryDate);
  if (days > warningDays) return null;
  return { expired: days < 0, days };
}
