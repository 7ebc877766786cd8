import type { PickStrategy } from '@/gql/graphql';

/** One SKU row as the product editor holds it. */
export interface SkuRow {
  /** stable key for v-for */
  key: string;
  id: string | null;
  code: string;
  name: string;
  /** the name as loaded: sent only when changed, so the server keeps generating default names */
  loadedName: string;
  active: boolean;
  barcodes: string[];
  /** attribute name → value */
  attrs: Record<string, string>;
  refPurchasePrice: string;
  refSalePrice: string;
  loadedPurchase: string | null;
  loadedSale: string | null;
  /** the SKU's own pick strategy; '' follows the warehouse's */
  pickStrategy: '' | PickStrategy;
}

let seq = 0;
export function newSkuRow(patch: Partial<SkuRow> = {}): SkuRow {
  seq += 1;
  return {
    key: `n${seq}`,
    id: null,
    code: '',
    name: '',
    loadedName: '',
    active: true,
    barcodes: [],
    attrs: {},
    refPurchasePrice: '',
    refSalePrice: '',
    loadedPurchase: null,
    loadedSale: null,
    pickStrategy: '',
    ...patch,
  };
}

/** Every combination of the values, in order: [[红,S],[红,M],[蓝,S],[蓝,M]]. */
export function cartesian(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, values) => acc.flatMap((combo) => values.map((v) => [...combo, v])), [[]]);
}

/** "红, 蓝；绿" → ["红","蓝","绿"] (commas, semicolons, Chinese punctuation; de-duplicated). */
export function splitValues(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，;；、\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * New rows for the combinations of attribute values the product does not have yet; codes are the
 * product code plus a two-digit running number not used by another row (A001-01, A001-02 …).
 */
export function generateSkus(
  productCode: string,
  attributeNames: string[],
  values: string[][],
  existing: SkuRow[],
): SkuRow[] {
  const has = (combo: string[]) =>
    existing.some((r) => attributeNames.every((n, i) => same(r.attrs[n] ?? '', combo[i])));
  const codes = new Set(existing.map((r) => r.code.trim().toLowerCase()));
  const base = productCode.trim() || 'SKU';
  let n = 0;
  const nextCode = () => {
    let c: string;
    do {
      n += 1;
      c = `${base}-${String(n).padStart(2, '0')}`;
    } while (codes.has(c.toLowerCase()));
    codes.add(c.toLowerCase());
    return c;
  };
  return cartesian(values)
    .filter((combo) => combo.length && !has(combo))
    .map((combo) =>
      newSkuRow({ code: nextCode(), attrs: Object.fromEntries(attributeNames.map((name, i) => [name, combo[i]])) }),
    );
}
