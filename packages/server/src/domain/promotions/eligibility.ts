/** Which lines a rule covers, and whether a sale's moment falls in a promotion's period, weekdays and hours. */
import type { Cart, Eligibility, LineSet } from './types';

export interface LineFacts {
  sku: string;
  categories: readonly string[];
  brand: string | null;
}

/** A LineSet made of Sets, built once per promotion. */
export interface LineMatcher {
  (line: LineFacts): boolean;
}

const toSet = (xs: readonly string[] | undefined) => (xs && xs.length ? new Set(xs) : null);

export function lineMatcher(s: LineSet | undefined): LineMatcher {
  const skus = toSet(s?.skus);
  const cats = toSet(s?.categories);
  const brands = toSet(s?.brands);
  const exSkus = toSet(s?.excludeSkus);
  const exCats = toSet(s?.excludeCategories);
  const exBrands = toSet(s?.excludeBrands);
  const anyInclude = skus || cats || brands;
  return (l) => {
    if (exSkus?.has(l.sku)) return false;
    if (exBrands && l.brand !== null && exBrands.has(l.brand)) return false;
    if (exCats && l.categories.some((c) => exCats.has(c))) return false;
    if (!anyInclude) return true;
    return (
      !!skus?.has(l.sku) ||
      (!!brands && l.brand !== null && brands.has(l.brand)) ||
      (!!cats && l.categories.some((c) => cats.has(c)))
    );
  };
}

export const AT_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/;
export const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** ISO weekday (1 Monday … 7 Sunday) of a 'YYYY-MM-DD…' business date; the date is only a calendar label here. */
export function isoWeekday(at: string): number {
  const d = new Date(Date.UTC(+at.slice(0, 4), +at.slice(5, 7) - 1, +at.slice(8, 10))).getUTCDay();
  return d === 0 ? 7 : d;
}

/** A daily window; `to` is exclusive, and a window whose end is before its start runs past midnight. */
export function inHours(hhmm: string, w: { from: string; to: string }): boolean {
  return w.from < w.to ? hhmm >= w.from && hhmm < w.to : hhmm >= w.from || hhmm < w.to;
}

export type CartMiss =
  | { detail: 'CHANNEL' | 'STORE' | 'TIER'; params: Record<string, string>; text: string }
  | { detail: 'TIME' | 'WEEKDAY' | 'HOURS'; params: Record<string, string>; text: string };

/** The first cart-level condition the sale fails (channel, store, tier, period, weekday, hours), or null. */
export function cartMiss(e: Eligibility | undefined, cart: Cart): CartMiss | null {
  if (!e) return null;
  if (e.channels?.length && !e.channels.includes(cart.channel))
    return { detail: 'CHANNEL', params: { channel: cart.channel }, text: `not for channel ${cart.channel}` };
  if (e.stores?.length && (cart.store === null || !e.stores.includes(cart.store)))
    return {
      detail: 'STORE',
      params: { store: cart.store ?? '' },
      text: cart.store === null ? 'only in named stores' : `not for store ${cart.store}`,
    };
  if (e.tiers?.length && (cart.tier === null || !e.tiers.includes(cart.tier)))
    return {
      detail: 'TIER',
      params: { tier: cart.tier ?? '' },
      text: cart.tier === null ? 'only for named customer tiers' : `not for tier ${cart.tier}`,
    };
  if ((e.from && cart.at < e.from) || (e.to && cart.at >= e.to)) {
    const from = e.from ?? '';
    const to = e.to ?? '';
    return { detail: 'TIME', params: { from, to }, text: `outside its period ${from || '…'} – ${to || '…'}` };
  }
  if (e.weekdays?.length) {
    const wd = isoWeekday(cart.at);
    if (!e.weekdays.includes(wd))
      return { detail: 'WEEKDAY', params: { weekday: String(wd) }, text: `not on weekday ${wd}` };
  }
  if (e.hours?.length) {
    const hhmm = cart.at.slice(11, 16);
    if (!e.hours.some((w) => inHours(hhmm, w))) {
      const hours = e.hours.map((w) => `${w.from}–${w.to}`).join(', ');
      return { detail: 'HOURS', params: { hours }, text: `outside its hours ${hours}` };
    }
  }
  return null;
}
