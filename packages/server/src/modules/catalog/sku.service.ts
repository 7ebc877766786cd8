import { Brackets, In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../core/context';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { assertMayUseFields } from '../../core/permissions/guard';
import { sortableDecimal } from '../../core/sql';
import { assertExportSize, barcodesOf, chunks, likeContains, likePrefix, subtreeCondition } from './catalog-query';
import type { LoadedProduct, LoadedSku, SkuFilter, SkuSort } from './catalog.types';
import { Product, ProductUnit } from './product.entity';
import type { ProductService } from './product.service';
import { Sku, SkuBarcode } from './sku.entity';

/** SKU lists for pickers and exports, a SKU by barcode (the scanner), with barcodes, product and units. */
export class SkuService {
  constructor(
    private readonly ds: DataSource,
    private readonly products: ProductService,
  ) {}

  private async skuQuery(filter?: SkuFilter | null): Promise<SelectQueryBuilder<Sku>> {
    const qb = this.ds.getRepository(Sku).createQueryBuilder('s').innerJoin(Product, 'p', 'p.id = s.product_id');
    if (filter?.search?.trim()) {
      const s = likeContains(filter.search);
      const bp = likePrefix(filter.search);
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("LOWER(s.code) LIKE :s ESCAPE '!'", { s })
            .orWhere("LOWER(s.name) LIKE :s ESCAPE '!'", { s })
            .orWhere("LOWER(p.code) LIKE :s ESCAPE '!'", { s })
            .orWhere("LOWER(p.name) LIKE :s ESCAPE '!'", { s })
            .orWhere("s.id IN (SELECT b1.sku_id FROM sku_barcode b1 WHERE b1.barcode LIKE :bp ESCAPE '!')", { bp }),
        ),
      );
    }
    if (filter?.categoryId) {
      const c = await subtreeCondition(this.ds, filter.categoryId);
      qb.andWhere(c.sql, c.params);
    }
    if (filter?.productId) qb.andWhere('s.product_id = :pid', { pid: Number(filter.productId) || -1 });
    if (filter?.barcode)
      qb.andWhere('s.id IN (SELECT b2.sku_id FROM sku_barcode b2 WHERE b2.barcode = :bc)', {
        bc: filter.barcode.trim(),
      });
    if (filter?.active === true) qb.andWhere('s.active = :t AND p.active = :t', { t: true });
    if (filter?.active === false) qb.andWhere('(s.active = :f OR p.active = :f)', { f: false });
    return qb;
  }

  private sortSkus(ctx: Context, qb: SelectQueryBuilder<Sku>, sort?: SkuSort | null) {
    const price =
      sort === 'REF_PURCHASE_PRICE' ? 'refPurchasePrice' : sort === 'REF_SALE_PRICE' ? 'refSalePrice' : null;
    if (price) {
      assertMayUseFields(ctx, 'Sku', [price], 'sort');
      const col = price === 'refPurchasePrice' ? 's.ref_purchase_price' : 's.ref_sale_price';
      // SQLite keeps decimals as text: compare them as numbers
      qb.orderBy(sortableDecimal(this.ds, col), 'ASC');
    } else if (sort === 'NAME') qb.orderBy('s.name', 'ASC');
    else qb.orderBy('s.code', 'ASC');
    return qb.addOrderBy('s.id', 'ASC');
  }

  async list(
    ctx: Context,
    filter?: SkuFilter | null,
    sort?: SkuSort | null,
    page?: PageInput | null,
  ): Promise<Page<LoadedSku>> {
    const { offset, limit } = clampPage(page);
    const qb = this.sortSkus(ctx, await this.skuQuery(filter), sort);
    const total = await qb.clone().getCount();
    const rows = await qb.offset(offset).limit(limit).getMany();
    return { items: await this.withRelations(rows), total, offset, limit };
  }

  async all(ctx: Context, filter?: SkuFilter | null): Promise<LoadedSku[]> {
    const qb = this.sortSkus(ctx, await this.skuQuery(filter), 'CODE');
    const total = await qb.clone().getCount();
    assertExportSize(total);
    return this.withRelations(await qb.getMany());
  }

  async byBarcode(barcode: string): Promise<LoadedSku | null> {
    const b = await this.ds.getRepository(SkuBarcode).findOne({ where: { barcode: barcode.trim() } });
    if (!b) return null;
    const sku = await this.ds.getRepository(Sku).findOne({ where: { id: b.skuId } });
    return sku ? (await this.withRelations([sku]))[0] : null;
  }

  /** Barcodes, product and the product's units for a page of SKUs, in batched queries. */
  async withRelations(rows: Sku[]): Promise<LoadedSku[]> {
    if (!rows.length) return rows;
    const barcodes = await barcodesOf(
      this.ds.manager,
      rows.map((s) => s.id),
    );
    const productIds = [...new Set(rows.map((s) => s.productId))];
    const products = new Map<number, LoadedProduct>();
    const units: ProductUnit[] = [];
    for (const part of chunks(productIds)) {
      for (const p of await this.ds.getRepository(Product).find({ where: { id: In(part) } })) products.set(p.id, p);
      units.push(
        ...(await this.ds.getRepository(ProductUnit).find({ where: { productId: In(part) }, order: { id: 'ASC' } })),
      );
    }
    for (const p of products.values()) p.units = units.filter((u) => u.productId === p.id);
    const out = rows as LoadedSku[];
    for (const s of out) {
      s.barcodes = barcodes.get(s.id) ?? [];
      s.product = products.get(s.productId);
    }
    return out;
  }

  async productOf(sku: LoadedSku): Promise<LoadedProduct> {
    if (sku.product) return sku.product;
    return this.products.get(sku.productId);
  }

  async barcodes(sku: LoadedSku): Promise<string[]> {
    return sku.barcodes ?? (await barcodesOf(this.ds.manager, [sku.id])).get(sku.id) ?? [];
  }
}
