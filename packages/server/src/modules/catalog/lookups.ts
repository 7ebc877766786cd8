import { Decimal } from 'decimal.js';
import { In, Like, type EntityManager } from 'typeorm';
import { chunks } from './catalog-query';
import { Category } from './category.entity';
import { Product, ProductUnit } from './product.entity';
import { Sku, SkuBarcode } from './sku.entity';

/*
 * Line resolution for the documents of other modules (orders, receipts, shipments, stock
 * documents): a SKU with its product (base unit, unit scale, batch tracking, active) and the
 * product's units with their conversion factors, in the caller's transaction. The catalog owns
 * these tables; other modules read them only through here.
 */

export interface SkuLine {
  sku: Sku;
  product: Product;
  /** the product's other units and their factor to the base unit */
  units: ProductUnit[];
}

/** The SKUs among these ids that exist, each with its product and units (three queries, whatever the count). */
export async function skuLines(em: EntityManager, skuIds: number[]): Promise<Map<number, SkuLine>> {
  const out = new Map<number, SkuLine>();
  const ids = [...new Set(skuIds.filter((n) => n > 0))];
  if (!ids.length) return out;
  const skus: Sku[] = [];
  for (const part of chunks(ids)) skus.push(...(await em.find(Sku, { where: { id: In(part) } })));
  const productIds = [...new Set(skus.map((s) => s.productId))];
  const products = new Map<number, Product>();
  const units: ProductUnit[] = [];
  for (const part of chunks(productIds)) {
    for (const p of await em.find(Product, { where: { id: In(part) } })) products.set(p.id, p);
    units.push(...(await em.find(ProductUnit, { where: { productId: In(part) } })));
  }
  for (const sku of skus) {
    const product = products.get(sku.productId);
    if (product) out.set(sku.id, { sku, product, units: units.filter((u) => u.productId === product.id) });
  }
  return out;
}

/** What pricing needs of a SKU: its product's category and brand, its reference sale price, whether both are active. */
export interface SkuPriceFacts {
  categoryId: number | null;
  brandId: number | null;
  /** per base unit, 6 places as the column (null: none set) */
  refSalePrice: string | null;
  /** the SKU and its product */
  active: boolean;
}

/**
 * The SKUs among these ids that exist, with what pricing needs, in one plain query per 500 ids: a
 * 200-line quote spent more in hydrating SKU, product and unit entities than in the promotions engine.
 */
export async function skuPriceFacts(em: EntityManager, skuIds: number[]): Promise<Map<number, SkuPriceFacts>> {
  const out = new Map<number, SkuPriceFacts>();
  const ids = [...new Set(skuIds.filter((n) => n > 0))];
  for (const part of chunks(ids)) {
    const rows: Array<{
      id: number;
      price: string | null;
      sa: unknown;
      pa: unknown;
      cat: number | null;
      brand: number | null;
    }> = await em.query(
      `SELECT s.id AS id, s.ref_sale_price AS price, s.active AS sa, p.active AS pa, p.category_id AS cat, p.brand_id AS brand
         FROM sku s JOIN product p ON p.id = s.product_id WHERE s.id IN (${part.map(() => '?').join(',')})`,
      part,
    );
    for (const r of rows)
      out.set(Number(r.id), {
        categoryId: r.cat === null ? null : Number(r.cat),
        brandId: r.brand === null ? null : Number(r.brand),
        refSalePrice: r.price === null ? null : new Decimal(String(r.price)).toFixed(6),
        active: isTrue(r.sa) && isTrue(r.pa),
      });
  }
  return out;
}

/** A boolean column read raw: 1/0 on both databases (a Buffer or true on some drivers). */
const isTrue = (v: unknown) => v === true || v === 1 || v === '1' || (Buffer.isBuffer(v) && v[0] === 1);

/** One SKU, or null. */
export function findSku(em: EntityManager, id: number): Promise<Sku | null> {
  return em.findOneBy(Sku, { id: id || -1 });
}

/** Whether a category exists. */
export async function categoryExists(em: EntityManager, id: number): Promise<boolean> {
  return (await em.countBy(Category, { id: id || -1 })) > 0;
}

/** The SKU a scanner read: by its code, else by one of its barcodes; null when neither. */
export async function skuByCodeOrBarcode(em: EntityManager, code: string): Promise<Sku | null> {
  const sku = await em.findOne(Sku, { where: { code } });
  if (sku) return sku;
  const bc = await em.findOne(SkuBarcode, { where: { barcode: code } });
  return bc ? em.findOne(Sku, { where: { id: bc.skuId } }) : null;
}

/** The ids of the SKUs in a category and its subcategories; null when the category does not exist. */
export async function skuIdsInCategory(em: EntityManager, categoryId: number): Promise<number[] | null> {
  const cat = await em.findOne(Category, { where: { id: categoryId || -1 } });
  if (!cat) return null;
  const cats = await em.find(Category, { where: { path: Like(`${cat.path}%`) }, select: { id: true } });
  const ids = [...new Set([cat.id, ...cats.map((c) => c.id)])];
  const products = await em.find(Product, { where: { categoryId: In(ids) }, select: { id: true } });
  const skus = products.length
    ? await em.find(Sku, { where: { productId: In(products.map((p) => p.id)) }, select: { id: true } })
    : [];
  return skus.map((s) => s.id);
}

/** Each category with its ancestors (ids from the root, itself last), for rules on a parent category. */
export async function categoryAncestors(em: EntityManager, categoryIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  const ids = [...new Set(categoryIds.filter((n) => n > 0))];
  for (const part of chunks(ids))
    for (const c of await em.find(Category, { where: { id: In(part) } })) {
      const chain = c.path
        .split('/')
        .filter(Boolean)
        .map(Number)
        .filter((n) => n > 0 && n !== c.id);
      out.set(c.id, [...chain, c.id]);
    }
  return out;
}
