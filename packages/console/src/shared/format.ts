import { reactive } from 'vue';
import { currentLocale } from './i18n';
import { formatDecimal } from './money';
import { client } from './urql';
import { NumberFormatQuery } from './sessionQueries';

/**
 * One format per kind of number, everywhere in the console (tables, cards, prints, charts' labels):
 * - money: 2 places, thousands separators ("2,315,139.44");
 * - qty: as many places as it has, no trailing zeros, thousands separators ("24,580", "1.5");
 * - unit (unit prices and unit costs): at least 2 and at most the company's `unitCostPlaces`
 *   places, trailing zeros past the second dropped ("85.15", "12.3457").
 * All by string operations: a decimal never becomes a JS number.
 */
export type NumberKind = 'money' | 'qty' | 'unit';

export const numberFormat = reactive({ unitCostPlaces: 4, currency: 'CNY', loaded: false });

/** Reads the company's number format once per session (any signed-in user may). */
export async function loadNumberFormat(): Promise<void> {
  const r = await client.query(NumberFormatQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (r.data?.numberFormat) Object.assign(numberFormat, r.data.numberFormat, { loaded: true });
}

const PLAIN = /^-?\d+(\.\d+)?$/;

function trimPast(text: string, keep: number): string {
  const dot = text.indexOf('.');
  if (dot < 0) return text;
  let end = text.length;
  while (end > dot + 1 + keep && text[end - 1] === '0') end--;
  return end === dot + 1 ? text.slice(0, dot) : text.slice(0, end);
}

export function formatMoney(value: string | null | undefined): string {
  return formatDecimal(value, 2);
}

export function formatQty(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const v = String(value).trim();
  if (!PLAIN.test(v)) return v;
  const places = (v.split('.')[1] ?? '').length;
  return trimPast(formatDecimal(v, places), 0);
}

export function formatUnit(value: string | null | undefined, places = numberFormat.unitCostPlaces): string {
  if (value === null || value === undefined || value === '') return '';
  return trimPast(formatDecimal(value, places), 2);
}

export function formatNumber(kind: NumberKind, value: string | null | undefined): string {
  return kind === 'qty' ? formatQty(value) : kind === 'unit' ? formatUnit(value) : formatMoney(value);
}

/** For Element Plus columns: `:formatter="qtyFormatter"`. */
export const qtyFormatter = (_row: unknown, _col: unknown, v: string | null | undefined) => formatQty(v);
export const unitFormatter = (_row: unknown, _col: unknown, v: string | null | undefined) => formatUnit(v);

/** A date and time as users read it, in the console's language, on a 24-hour clock; '' for none. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  return new Date(value).toLocaleString(currentLocale() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
