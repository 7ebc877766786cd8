import { Brackets, In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { assertExportSize, barcodesOf, chunks, likeContains, likePrefix, subtreeCondition } from './catalog-query';
import type { LoadedProduct, LoadedSku, ProductFilter, ProductSort } from './catalog.types';
import { Brand, Category } from './category.entity';
import { Product, ProductUnit } from './product.entity';
import { Sku } from './sku.entity';

/** Product lists and one product with its SKUs, units, category and brand (batched, never a query per row). */
export class ProductService {
  constructor(private readonly ds: DataSource) {}

  private async productQuery(filter?: ProductFilter | null): Promise<SelectQueryBuilder<Product>> {
    const qb = this.ds.getRepository(Product).createQueryBuilder('p');
    if (filter?.search?.trim()) {
      const s = likeContains(filter.search);
      const bp = likePrefix(filter.search);
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("LOWER(p.code) LIKE :s ESCAPE '!'", { s })
            .orWhere("LOWER(p.name) LIKE :s ESCAPE '!'", { s })
            .orWhere(
              "p.id IN (SELECT s1.product_id FROM sku s1 WHERE LOWER(s1.code) LIKE :s ESCAPE '!' OR LOWER(s1.name) LIKE :s ESCAPE '!')",
              { s },
            )
            .orWhere(
              "p.id IN (SELECT s2.product_id FROM sku s2 JOIN sku_barcode b2 ON b2.sku_id = s2.id WHERE b2.barcode LIKE :bp ESCAPE '!')",
              { bp },
            ),
        ),
      );
    }
    if (filter?.categoryId) {
      const c = await subtreeCondition(this.ds, filter.categoryId);
      qb.andWhere(c.sql, c.params);
    }
    if (filter?.brandId) qb.andWhere('p.brand_id = :brandId', { brandId: Number(filter.brandId) || -1 });
    if (filter?.active !== undefined && filter.active !== null)
      qb.andWhere('p.active = :active', { active: filter.active });
    if (filter?.batchTracked !== undefined && filter.batchTracked !== null)
      qb.andWhere('p.batch_tracked = :bt', { bt: filter.batchTracked });
    return qb;
  }

  private sortProducts(qb: SelectQueryBuilder<Product>, sort?: ProductSort | null) {
    if (sort === 'NAME') qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC');
    else if (sort === 'NEWEST') qb.orderBy('p.id', 'DESC');
    else qb.orderBy('p.code', 'ASC').addOrderBy('p.id', 'ASC');
    return qb;
  }

  async list(
    ctx: Context,
    filter?: ProductFilter | null,
    sort?: ProductSort | null,
    page?: PageInput | null,
  ): Promise<Page<LoadedProduct>> {
    void ctx;
    const { offset, limit } = clampPage(page);
    const qb = this.sortProducts(await this.productQuery(filter), sort);
    const [rows, total] = await qb.skip(offset).take(limit).getManyAndCount();
    return { items: await this.withRelations(rows), total, offset, limit };
  }

  /** For exports: every matching product (and its SKUs), refused above EXPORT_MAX_ROWS SKUs. */
  async all(filter?: ProductFilter | null): Promise<LoadedProduct[]> {
    const qb = await this.productQuery(filter);
    const skuCount = await this.ds
      .getRepository(Sku)
      .createQueryBuilder('sc')
      .where(`sc.product_id IN (${qb.clone().select('p.id').getQuery()})`, qb.getParameters())
      .getCount();
    assertExportSize(skuCount);
    const rows = await this.sortProducts(qb, 'CODE').getMany();
    return this.withRelations(rows);
  }

  async get(id: string | number): Promise<LoadedProduct> {
    const p = await this.ds.getRepository(Product).findOne({ where: { id: Number(id) || -1 } });
    if (!p) throw notFound('This product');
    return (await this.withRelations([p]))[0];
  }

  /** SKUs (with barcodes), units, category and brand for a page of products: five queries, not five per row. */
  async withRelations(rows: Product[], em: EntityManager = this.ds.manager): Promise<LoadedProduct[]> {
    if (!rows.length) return rows;
    const ids = rows.map((r) => r.id);
    const skus: Sku[] = [];
    const units: ProductUnit[] = [];
    for (const part of chunks(ids)) {
      skus.push(...(await em.find(Sku, { where: { productId: In(part) }, order: { id: 'ASC' } })));
      units.push(...(await em.find(ProductUnit, { where: { productId: In(part) }, order: { id: 'ASC' } })));
    }
    const barcodes = await barcodesOf(
      em,
      skus.map((s) => s.id),
    );
    const catIds = [...new Set(rows.map((r) => r.categoryId).filter((x): x is number => x !== null))];
    const brandIds = [...new Set(rows.map((r) => r.brandId).filter((x): x is number => x !== null))];
    const cats = new Map<number, Category>();
    const brands = new Map<number, Brand>();
    for (const part of chunks(catIds))
      for (const c of await em.find(Category, { where: { id: In(part) } })) cats.set(c.id, c);
    for (const part of chunks(brandIds))
      for (const b of await em.find(Brand, { where: { id: In(part) } })) brands.set(b.id, b);
    const out = rows as LoadedProduct[];
    const byId = new Map(out.map((p) => [p.id, p]));
    for (const p of out) {
      p.skus = [];
      p.units = [];
      p.category = p.categoryId !== null ? (cats.get(p.categoryId) ?? null) : null;
      p.brand = p.brandId !== null ? (brands.get(p.brandId) ?? null) : null;
    }
    for (const u of units) byId.get(u.productId)?.units!.push(u);
    for (const s of skus as LoadedSku[]) {
      s.barcodes = barcodes.get(s.id) ?? [];
      s.product = byId.get(s.productId);
      s.product?.skus!.push(s);
    }
    return out;
  }
}
