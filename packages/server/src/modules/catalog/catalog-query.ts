import { In, type DataSource, type EntityManager } from 'typeorm';
import { badInput } from '../../core/errors';
import { Category } from './category.entity';
import { SkuBarcode } from './sku.entity';

/** Reading and writing in parts: at most this many ids in one `IN (…)`. */
const CHUNK = 500;
export const EXPORT_MAX_ROWS = 50_000;

export function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** A LIKE pattern with the user's % and _ taken literally ('!' is the escape: one character in SQLite and MySQL alike). */
export const likeContains = (s: string) => `%${s.trim().toLowerCase().replace(/[!%_]/g, '!$&')}%`;
export const likePrefix = (s: string) => `${s.trim().replace(/[!%_]/g, '!$&')}%`;

/** An export refused above EXPORT_MAX_ROWS rows. */
export function assertExportSize(rows: number) {
  if (rows > EXPORT_MAX_ROWS)
    throw badInput(
      [{ field: 'filter', message: `At most ${EXPORT_MAX_ROWS} rows per export.` }],
      `This export would have ${rows} rows; the limit is ${EXPORT_MAX_ROWS}. Narrow the filter.`,
    );
}

/** Products (alias p) in a category's subtree; an unknown category matches nothing. */
export async function subtreeCondition(
  db: DataSource | EntityManager,
  categoryId: string,
): Promise<{ sql: string; params: Record<string, unknown> }> {
  const cat = await db.getRepository(Category).findOne({ where: { id: Number(categoryId) || -1 } });
  // an unknown category matches nothing
  if (!cat) return { sql: '1 = 0', params: {} };
  return {
    sql: 'p.category_id IN (SELECT c.id FROM category c WHERE c.path LIKE :catPath)',
    params: { catPath: `${cat.path}%` },
  };
}

/** Each SKU's barcodes, in the order they were added. */
export async function barcodesOf(em: EntityManager, skuIds: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  for (const part of chunks(skuIds)) {
    for (const b of await em.find(SkuBarcode, { where: { skuId: In(part) }, order: { id: 'ASC' } })) {
      const list = map.get(b.skuId) ?? [];
      list.push(b.barcode);
      map.set(b.skuId, list);
    }
  }
  return map;
}
