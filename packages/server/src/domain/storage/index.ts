/**
 * 储存条件: whether a zone's conditions suit what a product needs. Pure (no database): the stock
 * module asks it when goods go into a bin, the console when a form names a bin.
 *
 * Temperatures are whole °C, humidity whole % RH. A product names what it needs (a range it must be
 * kept within, darkness, a food-grade place, the hazard class it belongs to); a zone names what it
 * offers (the range it is kept within, dark, food-grade, the hazard class it is licensed for).
 */
export interface ZoneConditions {
  tempMin: number | null;
  tempMax: number | null;
  humidityMin: number | null;
  humidityMax: number | null;
  dark: boolean;
  /** the hazard class (GB 6944: '1' … '9', or a division like '2.1') this zone is licensed to hold */
  hazardClass: string | null;
  foodGrade: boolean;
}

export interface StorageNeeds {
  tempMin: number | null;
  tempMax: number | null;
  humidityMin: number | null;
  humidityMax: number | null;
  dark: boolean;
  /** the product is dangerous goods of this class */
  hazardClass: string | null;
  foodGrade: boolean;
}

export type StorageMismatch = 'TEMPERATURE' | 'HUMIDITY' | 'DARK' | 'HAZARD' | 'FOOD_GRADE';

export const NO_CONDITIONS: ZoneConditions = {
  tempMin: null,
  tempMax: null,
  humidityMin: null,
  humidityMax: null,
  dark: false,
  hazardClass: null,
  foodGrade: false,
};

/** Whether the product needs anything at all (a product without needs fits everywhere). */
export const hasNeeds = (n: StorageNeeds): boolean =>
  n.tempMin !== null ||
  n.tempMax !== null ||
  n.humidityMin !== null ||
  n.humidityMax !== null ||
  n.dark ||
  n.hazardClass !== null ||
  n.foodGrade;

/** A zone range [zMin, zMax] lies within what is needed [nMin, nMax]; a bound the zone does not state is not assured. */
function within(zMin: number | null, zMax: number | null, nMin: number | null, nMax: number | null): boolean {
  if (nMin !== null && (zMin === null || zMin < nMin)) return false;
  if (nMax !== null && (zMax === null || zMax > nMax)) return false;
  return true;
}

/**
 * What the zone does not assure of the product's needs, in a fixed order (empty: it fits). A bin
 * outside any zone assures nothing (pass NO_CONDITIONS). Dangerous goods go only to a zone licensed
 * for their class; food-grade goods never share a zone licensed for dangerous goods.
 */
export function storageMismatches(zone: ZoneConditions, needs: StorageNeeds): StorageMismatch[] {
  const out: StorageMismatch[] = [];
  if (!within(zone.tempMin, zone.tempMax, needs.tempMin, needs.tempMax)) out.push('TEMPERATURE');
  if (!within(zone.humidityMin, zone.humidityMax, needs.humidityMin, needs.humidityMax)) out.push('HUMIDITY');
  if (needs.dark && !zone.dark) out.push('DARK');
  if (needs.hazardClass !== null && zone.hazardClass !== needs.hazardClass) out.push('HAZARD');
  if (needs.foodGrade && (!zone.foodGrade || zone.hazardClass !== null)) out.push('FOOD_GRADE');
  return out;
}

/** Problems of a range as entered (both bounds or either; min ≤ max; within physical limits). */
export function rangeProblem(min: number | null, max: number | null, lo: number, hi: number): string | null {
  for (const v of [min, max])
    if (v !== null && (!Number.isInteger(v) || v < lo || v > hi)) return `Whole numbers from ${lo} to ${hi}.`;
  if (min !== null && max !== null && min > max) return 'The lower bound is above the upper bound.';
  return null;
}

export const HAZARD_CLASS_RE = /^[1-9](\.[1-6])?$/;

/** Field problems of conditions or needs as entered (field names relative to the input object). */
export function conditionProblems(c: Partial<ZoneConditions>): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const t = rangeProblem(c.tempMin ?? null, c.tempMax ?? null, -80, 80);
  if (t) out.push({ field: 'tempMin', message: t });
  const h = rangeProblem(c.humidityMin ?? null, c.humidityMax ?? null, 0, 100);
  if (h) out.push({ field: 'humidityMin', message: h });
  if (c.hazardClass && !HAZARD_CLASS_RE.test(c.hazardClass))
    out.push({ field: 'hazardClass', message: 'A class of GB 6944: 1–9, or a division like 2.1.' });
  return out;
}

/** Conditions as entered, every field present (absent: none). */
export function normalizeConditions(c: Partial<ZoneConditions> | null | undefined): ZoneConditions {
  return {
    tempMin: c?.tempMin ?? null,
    tempMax: c?.tempMax ?? null,
    humidityMin: c?.humidityMin ?? null,
    humidityMax: c?.humidityMax ?? null,
    dark: !!c?.dark,
    hazardClass: c?.hazardClass?.trim() || null,
    foodGrade: !!c?.foodGrade,
  };
}
