/** A zone's conditions or a product's storage needs, as the forms edit them (whole °C, whole % RH). */
export interface StorageConditions {
  tempMin: number | null;
  tempMax: number | null;
  humidityMin: number | null;
  humidityMax: number | null;
  dark: boolean;
  hazardClass: string | null;
  foodGrade: boolean;
}

export const noConditions = (): StorageConditions => ({
  tempMin: null,
  tempMax: null,
  humidityMin: null,
  humidityMax: null,
  dark: false,
  hazardClass: null,
  foodGrade: false,
});

/** The input the API takes (a blank hazard class is none). */
export const conditionsInput = (c: StorageConditions): StorageConditions => ({
  ...c,
  hazardClass: c.hazardClass?.trim() || null,
});

const range = (min: number | null, max: number | null, unit: string) =>
  min !== null && max !== null
    ? `${min}–${max} ${unit}`
    : min !== null
      ? `≥ ${min} ${unit}`
      : max !== null
        ? `≤ ${max} ${unit}`
        : '';

/** A short line for tables: "2–8 °C · ≤ 60 % RH · 避光 · 3 类 · 食品级". */
export function conditionsText(
  c: StorageConditions,
  t: (key: string, args?: Record<string, unknown>) => string,
): string {
  return [
    range(c.tempMin, c.tempMax, '°C'),
    range(c.humidityMin, c.humidityMax, '% RH'),
    c.dark ? t('storage.dark') : '',
    c.hazardClass ? t('storage.hazardShort', { c: c.hazardClass }) : '',
    c.foodGrade ? t('storage.foodGrade') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
