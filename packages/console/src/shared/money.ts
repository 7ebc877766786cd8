/**
 * Formats a decimal string with thousands separators and a fixed number of places, by string
 * operations only (money never becomes a JS number).
 */
export function formatDecimal(value: string | null | undefined, places = 2): string {
  if (value === null || value === undefined || value === '') return '';
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) return value;
  const [, sign, intRaw, fracRaw = ''] = m;
  let int = intRaw.replace(/^0+(?=\d)/, '') || '0';
  let frac = fracRaw;
  if (frac.length > places) {
    // round half up on the digit string
    const keep = frac.slice(0, places);
    const roundUp = Number(frac[places]) >= 5;
    frac = keep;
    if (roundUp) {
      const digits = (int + frac).split('').map(Number);
      let i = digits.length - 1;
      while (i >= 0) {
        if (digits[i] === 9) {
          digits[i] = 0;
          i--;
        } else {
          digits[i]++;
          break;
        }
      }
      let joined = digits.join('');
      if (i < 0) joined = '1' + joined;
      int = joined.slice(0, joined.length - places) || '0';
      frac = joined.slice(joined.length - places);
    }
  }
  frac = frac.padEnd(places, '0');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const isZero = /^[0,]*$/.test(grouped) && /^0*$/.test(frac);
  return `${sign && !isZero ? '-' : ''}${grouped}${places > 0 ? '.' + frac : ''}`;
}

/** "0.130000" → "13%" ; "0.065" → "6.5%" (string shifting, no floating point). */
export function formatRate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac = ''] = m;
  const f = frac.padEnd(2, '0');
  const whole = ((int || '0') + f.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const rest = f.slice(2).replace(/0+$/, '');
  return `${sign}${whole}${rest ? '.' + rest : ''}%`;
}

export const DECIMAL_RE = /^-?\d{1,15}(\.\d{1,6})?$/;

/** Exact a − b − … of decimal strings (quantities never pass through a float); null when one is not a decimal. */
export function subtractDecimals(a: string, ...rest: string[]): string | null {
  const all = [a, ...rest].map((x) => x.trim());
  if (!all.every((x) => /^-?\d+(\.\d+)?$/.test(x))) return null;
  const scale = Math.max(...all.map((x) => (x.split('.')[1] ?? '').length));
  const scaled = all.map((x) => {
    const neg = x.startsWith('-');
    const [i, f = ''] = x.replace('-', '').split('.');
    const v = BigInt(i + f.padEnd(scale, '0'));
    return neg ? -v : v;
  });
  const v = scaled.slice(1).reduce((acc, x) => acc - x, scaled[0]);
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const out = scale
    ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/0+$/, '').replace(/\.$/, '')
    : digits;
  return (neg && out !== '0' ? '-' : '') + out;
}

/** What is left, never below zero: max(0, a − b − …). */
export function leftOver(a: string, ...rest: string[]): string {
  const d = subtractDecimals(a, ...rest);
  return d === null || d.startsWith('-') ? '0' : d;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Exact Σ of decimal strings (totals rows, per-day sums): scaled to the longest fraction and
 * added as BigInt, never through a JS number. Keeps that many places ("1.50" + "2.50" → "4.00").
 * null when any value is null (withheld) or not a decimal; "0" for an empty list.
 */
export function sumDecimals(values: ReadonlyArray<string | null | undefined>): string | null {
  const all: string[] = [];
  for (const v of values) {
    if (v === null || v === undefined || !PLAIN_DECIMAL.test(v.trim())) return null;
    all.push(v.trim());
  }
  if (!all.length) return '0';
  const scale = Math.max(...all.map((x) => (x.split('.')[1] ?? '').length));
  const total = all.reduce((acc, x) => {
    const neg = x.startsWith('-');
    const [i, f = ''] = x.replace('-', '').split('.');
    const v = BigInt(i + f.padEnd(scale, '0'));
    return acc + (neg ? -v : v);
  }, 0n);
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(scale + 1, '0');
  const out = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return (neg ? '-' : '') + out;
}

/** -1, 0 or 1 for a decimal string, read from its digits; null when it is not a decimal. */
export function decimalSign(value: string | null | undefined): -1 | 0 | 1 | null {
  if (value === null || value === undefined || !PLAIN_DECIMAL.test(value.trim())) return null;
  const v = value.trim();
  if (/^-?[0.]+$/.test(v)) return 0;
  return v.startsWith('-') ? -1 : 1;
}
