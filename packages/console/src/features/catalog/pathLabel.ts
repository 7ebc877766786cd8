import { i18n } from '@/shared/i18n';

/**
 * A BAD_USER_INPUT field path as words: `skus[2].barcodes[0]` → "SKU 3 · 条码 1",
 * `units[0].factor` → "换算单位 1 · 换算系数", `code` → "编码".
 */
export function pathLabel(path: string): string {
  const { t, te } = i18n.global;
  return path
    .split('.')
    .map((part) => {
      const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
      if (!m) return part;
      const [, name, idx] = m;
      if (idx !== undefined && te(`catalog.paths.${name}`)) return t(`catalog.paths.${name}`, { n: Number(idx) + 1 });
      const label = te(`catalog.fields.${name}`)
        ? t(`catalog.fields.${name}`)
        : te(`fields.${name}`)
          ? t(`fields.${name}`)
          : name;
      return idx !== undefined ? `${label} ${Number(idx) + 1}` : label;
    })
    .join(' · ');
}
