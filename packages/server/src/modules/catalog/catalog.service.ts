import { Brackets, In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { Decimal } from '../../core/decimal';
import { badInput, conflict, forbidden, notFound, type FieldProblem } from '../../core/errors';
import { clampPage, type Page, type PageInput } from '../../core/paging';
import { assertMayUseFields, can, sensitivePermission } from '../../core/permissions/guard';
import type { AuditService } from '../audit';
import type {
  CreateBrandInput,
  CreateCategoryInput,
  CreateProductInput,
  LoadedProduct,
  LoadedSku,
  ProductFilter,
  ProductSort,
  SkuFilter,
  SkuInput,
  SkuSort,
  UpdateBrandInput,
  UpdateCategoryInput,
  UpdateProductInput,
} from './catalog.types';
import { Brand, Category } from './category.entity';
import { Product, ProductUnit } from './product.entity';
import {
  checkProductDraft,
  CODE_RE,
  defaultSkuName,
  sameName,
  type ProductDraft,
  type SkuDraft,
} from './product-rules';
import { Sku, SkuBarcode } from './sku.entity';
import { isSqlite } from '../../core/sql';

/** A product as stored: the row, its SKUs, units and each SKU's barcodes. */
export interface ExistingProduct {
  product: Product;
  skus: Sku[];
  units: ProductUnit[];
  barcodes: Map<number, string[]>;
}

export interface SaveResult {
  product: Product;
  created: boolean;
  skusCreated: number;
  skusUpdated: number;
}

const CHUNK = 500;
export const EXPORT_MAX_ROWS = 50_000;

export function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** A LIKE pattern with the user's % and _ taken literally ('!' is the escape: one character in SQLite and MySQL alike). */
const likeContains = (s: string) => `%${s.trim().toLowerCase().replace(/[!%_]/g, '!$&')}%`;
const likePrefix = (s: string) => `${s.trim().replace(/[!%_]/g, '!$&')}%`;

const productSnapshot = (e: ExistingProduct) => ({
  code: e.product.code,
  name: e.product.name,
  categoryId: e.product.categoryId,
  brandId: e.product.brandId,
  baseUnit: e.product.baseUnit,
  unitScale: e.product.unitScale,
  shelfLifeDays: e.product.shelfLifeDays,
  storageCondition: e.product.storageCondition,
  batchTracked: e.product.batchTracked,
  serialTracked: e.product.serialTracked,
  attributeNames: e.product.attributeNames,
  active: e.product.active,
  version: e.product.version,
  units: e.units.map((u) => ({ name: u.name, factor: u.factor })),
  skus: e.skus.map((s) => ({
    code: s.code,
    name: s.name,
    attributes: s.attributes,
    barcodes: e.barcodes.get(s.id) ?? [],
    refPurchasePrice: s.refPurchasePrice,
    refSalePrice: s.refSalePrice,
    active: s.active,
    version: s.version,
  })),
});

const categorySnapshot = (c: Category) => ({
  code: c.code,
  name: c.name,
  parentId: c.parentId,
  path: c.path,
  version: c.version,
});

const isUniqueViolation = (e: unknown) => {
  const x = e as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  const code = x.driverError?.code ?? x.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || (x.driverError?.errno ?? x.errno) === 1062;
};

/** The reference prices are sensitive: who may not see one may not set it either (reliability 11). */
export function assertMaySetPrices(ctx: Context, setting: Array<'refPurchasePrice' | 'refSalePrice'>) {
  const denied = [...new Set(setting)].filter((f) => {
    const p = sensitivePermission('Sku', f);
    return p && !can(ctx, p);
  });
  if (denied.length) {
    throw forbidden(`You may not set ${denied.map((f) => `Sku.${f}`).join(', ')}.`, {
      fields: denied.map((f) => `Sku.${f}`),
    });
  }
}

export class CatalogService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private get mysql() {
    return !isSqlite(this.ds);
  }

  /** Row locks where the database has them (SQLite serialises writers anyway). */
  private lock<T extends object>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return this.mysql ? qb.setLock('pessimistic_write') : qb;
  }

  /** `col IN (values)` compared case-insensitively on both databases (MySQL's collation already is). */
  private inCi(col: string, values: string[], param: string): [string, Record<string, unknown>] {
    return this.mysql
      ? [`${col} IN (:...${param})`, { [param]: values }]
      : [`LOWER(${col}) IN (:...${param})`, { [param]: values.map((v) => v.toLowerCase()) }];
  }

  // ---------------------------------------------------------------- categories

  categories(): Promise<Category[]> {
    return this.ds.getRepository(Category).find({ order: { path: 'ASC' }, take: 20_000 });
  }

  async category(id: string | number): Promise<Category> {
    const c = await this.ds.getRepository(Category).findOne({ where: { id: Number(id) || -1 } });
    if (!c) throw notFound('This category');
    return c;
  }

  private checkCategoryFields(problems: FieldProblem[], code: string | undefined, name: string | undefined) {
    if (code !== undefined) {
      const c = code.trim();
      if (!c || c.length > 30 || !CODE_RE.test(c))
        problems.push({ field: 'code', message: 'A code is 1–30 letters, digits, _ . -.' });
    }
    if (name !== undefined && (!name.trim() || name.trim().length > 100))
      problems.push({ field: 'name', message: 'A name is 1–100 characters.' });
  }

  private async codeTaken(tx: EntityManager, code: string, exceptId?: number): Promise<boolean> {
    const [w, p] = this.inCi('c.code', [code.trim()], 'codes');
    const found = await tx.getRepository(Category).createQueryBuilder('c').where(w, p).getMany();
    return found.some((c) => c.id !== exceptId);
  }

  async createCategory(ctx: Context, input: CreateCategoryInput): Promise<Category> {
    const problems: FieldProblem[] = [];
    this.checkCategoryFields(problems, input.code, input.name);
    if (problems.length) throw badInput(problems);
    return inTransaction(this.ds, async (tx) => {
      const parent = input.parentId
        ? await tx.findOne(Category, { where: { id: Number(input.parentId) || -1 } })
        : null;
      if (input.parentId && !parent) throw badInput([{ field: 'parentId', message: 'This category does not exist.' }]);
      if (await this.codeTaken(tx, input.code))
        throw badInput([{ field: 'code', message: 'This code is taken.' }], 'This category code is taken.');
      const c = await tx.save(
        tx.create(Category, {
          code: input.code.trim(),
          name: input.name.trim(),
          parentId: parent?.id ?? null,
          path: '/',
          version: 1,
        }),
      );
      c.path = `${parent?.path ?? '/'}${c.id}/`;
      if (c.path.length > 255) throw badInput([{ field: 'parentId', message: 'The category tree is too deep here.' }]);
      await tx.update(Category, { id: c.id }, { path: c.path });
      await this.audit.record(tx, ctx, {
        action: 'category.create',
        entityType: 'Category',
        entityId: c.id,
        after: categorySnapshot(c),
      });
      return c;
    });
  }

  async updateCategory(ctx: Context, input: UpdateCategoryInput): Promise<Category> {
    const problems: FieldProblem[] = [];
    this.checkCategoryFields(problems, input.code ?? undefined, input.name ?? undefined);
    if (problems.length) throw badInput(problems);
    const id = Number(input.id) || -1;
    return inTransaction(this.ds, async (tx) => {
      const before = await tx.findOne(Category, { where: { id } });
      if (!before) throw notFound('This category');
      if (input.code && (await this.codeTaken(tx, input.code, id)))
        throw badInput([{ field: 'code', message: 'This code is taken.' }], 'This category code is taken.');
      const patch: Partial<Category> = { version: input.version + 1 };
      if (input.code) patch.code = input.code.trim();
      if (input.name) patch.name = input.name.trim();
      const res = await tx
        .createQueryBuilder()
        .update(Category)
        .set(patch)
        .where('id = :id AND version = :v', { id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(Category, { where: { id } });
      await this.audit.record(tx, ctx, {
        action: 'category.update',
        entityType: 'Category',
        entityId: id,
        before: categorySnapshot(before),
        after: categorySnapshot(after),
      });
      return after;
    });
  }

  /** Moves a category (and its subtree) under another parent, or to the root; refuses cycles. */
  async moveCategory(
    ctx: Context,
    idArg: string,
    version: number,
    parentIdArg: string | null | undefined,
  ): Promise<Category> {
    const id = Number(idArg) || -1;
    return inTransaction(this.ds, async (tx) => {
      const before = await this.lock(
        tx.getRepository(Category).createQueryBuilder('c').where('c.id = :id', { id }),
      ).getOne();
      if (!before) throw notFound('This category');
      let parent: Category | null = null;
      if (parentIdArg) {
        parent = await this.lock(
          tx
            .getRepository(Category)
            .createQueryBuilder('c')
            .where('c.id = :id', { id: Number(parentIdArg) || -1 }),
        ).getOne();
        if (!parent) throw badInput([{ field: 'parentId', message: 'This category does not exist.' }]);
        if (parent.path.startsWith(before.path)) {
          throw badInput(
            [{ field: 'parentId', message: 'A category cannot move under itself or one of its own subcategories.' }],
            'That move would make a cycle.',
          );
        }
      }
      const oldPrefix = before.path;
      const newPrefix = `${parent?.path ?? '/'}${before.id}/`;
      const subtree = await this.lock(
        tx
          .getRepository(Category)
          .createQueryBuilder('c')
          .where('c.path LIKE :p AND c.id <> :id', { p: `${oldPrefix}%`, id }),
      ).getMany();
      if ([before, ...subtree].some((c) => newPrefix.length + c.path.length - oldPrefix.length > 255)) {
        throw badInput([{ field: 'parentId', message: 'The category tree would be too deep.' }]);
      }
      const res = await tx
        .createQueryBuilder()
        .update(Category)
        .set({ parentId: parent?.id ?? null, path: newPrefix, version: version + 1 })
        .where('id = :id AND version = :v', { id, v: version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      for (const c of subtree)
        await tx.update(Category, { id: c.id }, { path: newPrefix + c.path.slice(oldPrefix.length) });
      const after = await tx.findOneOrFail(Category, { where: { id } });
      await this.audit.record(tx, ctx, {
        action: 'category.move',
        entityType: 'Category',
        entityId: id,
        before: categorySnapshot(before),
        after: { ...categorySnapshot(after), subtreeMoved: subtree.length },
      });
      return after;
    });
  }

  // ---------------------------------------------------------------- brands

  brands(): Promise<Brand[]> {
    return this.ds.getRepository(Brand).find({ order: { name: 'ASC' }, take: 20_000 });
  }

  private checkBrandName(name: string) {
    if (!name.trim() || name.trim().length > 100)
      throw badInput([{ field: 'name', message: 'A name is 1–100 characters.' }]);
  }

  private async brandTaken(tx: EntityManager, name: string, exceptId?: number) {
    const [w, p] = this.inCi('b.name', [name.trim()], 'names');
    return (await tx.getRepository(Brand).createQueryBuilder('b').where(w, p).getMany()).some((b) => b.id !== exceptId);
  }

  async createBrand(ctx: Context, input: CreateBrandInput): Promise<Brand> {
    this.checkBrandName(input.name);
    return inTransaction(this.ds, async (tx) => {
      if (await this.brandTaken(tx, input.name))
        throw badInput([{ field: 'name', message: 'This brand exists.' }], 'This brand exists.');
      const b = await tx.save(tx.create(Brand, { name: input.name.trim(), version: 1 }));
      await this.audit.record(tx, ctx, {
        action: 'brand.create',
        entityType: 'Brand',
        entityId: b.id,
        after: { name: b.name, version: 1 },
      });
      return b;
    });
  }

  async updateBrand(ctx: Context, input: UpdateBrandInput): Promise<Brand> {
    this.checkBrandName(input.name);
    const id = Number(input.id) || -1;
    return inTransaction(this.ds, async (tx) => {
      const before = await tx.findOne(Brand, { where: { id } });
      if (!before) throw notFound('This brand');
      if (await this.brandTaken(tx, input.name, id))
        throw badInput([{ field: 'name', message: 'This brand exists.' }], 'This brand exists.');
      const res = await tx
        .createQueryBuilder()
        .update(Brand)
        .set({ name: input.name.trim(), version: input.version + 1 })
        .where('id = :id AND version = :v', { id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(Brand, { where: { id } });
      await this.audit.record(tx, ctx, {
        action: 'brand.update',
        entityType: 'Brand',
        entityId: id,
        before: { name: before.name, version: before.version },
        after: { name: after.name, version: after.version },
      });
      return after;
    });
  }

  /** Brands by name (case-insensitive) for the import; the missing ones are created when `create`. */
  async brandsByName(tx: EntityManager, names: string[]): Promise<Map<string, Brand>> {
    const out = new Map<string, Brand>();
    for (const part of chunks([...new Set(names.map((n) => n.trim()).filter(Boolean))])) {
      const [w, p] = this.inCi('b.name', part, 'names');
      for (const b of await tx.getRepository(Brand).createQueryBuilder('b').where(w, p).getMany())
        out.set(b.name.toLowerCase(), b);
    }
    return out;
  }

  async ensureBrands(tx: EntityManager, ctx: Context, names: string[]): Promise<Map<string, Brand>> {
    const found = await this.brandsByName(tx, names);
    for (const n of [...new Set(names.map((x) => x.trim()).filter(Boolean))]) {
      if (found.has(n.toLowerCase())) continue;
      const b = await tx.save(tx.create(Brand, { name: n, version: 1 }));
      await this.audit.record(tx, ctx, {
        action: 'brand.create',
        entityType: 'Brand',
        entityId: b.id,
        after: { name: b.name, version: 1, via: 'import' },
      });
      found.set(n.toLowerCase(), b);
    }
    return found;
  }

  async categoriesByCode(tx: EntityManager, codes: string[]): Promise<Map<string, Category>> {
    const out = new Map<string, Category>();
    for (const part of chunks([...new Set(codes.map((c) => c.trim()).filter(Boolean))])) {
      const [w, p] = this.inCi('c.code', part, 'codes');
      for (const c of await tx.getRepository(Category).createQueryBuilder('c').where(w, p).getMany())
        out.set(c.code.toLowerCase(), c);
    }
    return out;
  }

  // ---------------------------------------------------------------- product lists

  private async subtreeCondition(categoryId: string): Promise<{ sql: string; params: Record<string, unknown> }> {
    const cat = await this.ds.getRepository(Category).findOne({ where: { id: Number(categoryId) || -1 } });
    // an unknown category matches nothing
    if (!cat) return { sql: '1 = 0', params: {} };
    return {
      sql: 'p.category_id IN (SELECT c.id FROM category c WHERE c.path LIKE :catPath)',
      params: { catPath: `${cat.path}%` },
    };
  }

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
      const c = await this.subtreeCondition(filter.categoryId);
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

  async listProducts(
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
  async allProducts(filter?: ProductFilter | null): Promise<LoadedProduct[]> {
    const qb = await this.productQuery(filter);
    const skuCount = await this.ds
      .getRepository(Sku)
      .createQueryBuilder('sc')
      .where(`sc.product_id IN (${qb.clone().select('p.id').getQuery()})`, qb.getParameters())
      .getCount();
    if (skuCount > EXPORT_MAX_ROWS)
      throw badInput(
        [{ field: 'filter', message: `At most ${EXPORT_MAX_ROWS} rows per export.` }],
        `This export would have ${skuCount} rows; the limit is ${EXPORT_MAX_ROWS}. Narrow the filter.`,
      );
    const rows = await this.sortProducts(qb, 'CODE').getMany();
    return this.withRelations(rows);
  }

  async getProduct(id: string | number): Promise<LoadedProduct> {
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
    const barcodes = await this.barcodesOf(
      skus.map((s) => s.id),
      em,
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

  private async barcodesOf(skuIds: number[], em: EntityManager = this.ds.manager): Promise<Map<number, string[]>> {
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

  // ---------------------------------------------------------------- SKU lists (pickers)

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
      const c = await this.subtreeCondition(filter.categoryId);
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
      qb.orderBy(this.mysql ? col : `CAST(${col} AS REAL)`, 'ASC');
    } else if (sort === 'NAME') qb.orderBy('s.name', 'ASC');
    else qb.orderBy('s.code', 'ASC');
    return qb.addOrderBy('s.id', 'ASC');
  }

  async listSkus(
    ctx: Context,
    filter?: SkuFilter | null,
    sort?: SkuSort | null,
    page?: PageInput | null,
  ): Promise<Page<LoadedSku>> {
    const { offset, limit } = clampPage(page);
    const qb = this.sortSkus(ctx, await this.skuQuery(filter), sort);
    const total = await qb.clone().getCount();
    const rows = await qb.offset(offset).limit(limit).getMany();
    return { items: await this.skusWithRelations(rows), total, offset, limit };
  }

  async allSkus(ctx: Context, filter?: SkuFilter | null): Promise<LoadedSku[]> {
    const qb = this.sortSkus(ctx, await this.skuQuery(filter), 'CODE');
    const total = await qb.clone().getCount();
    if (total > EXPORT_MAX_ROWS)
      throw badInput(
        [{ field: 'filter', message: `At most ${EXPORT_MAX_ROWS} rows per export.` }],
        `This export would have ${total} rows; the limit is ${EXPORT_MAX_ROWS}. Narrow the filter.`,
      );
    return this.skusWithRelations(await qb.getMany());
  }

  async skuByBarcode(barcode: string): Promise<LoadedSku | null> {
    const b = await this.ds.getRepository(SkuBarcode).findOne({ where: { barcode: barcode.trim() } });
    if (!b) return null;
    const sku = await this.ds.getRepository(Sku).findOne({ where: { id: b.skuId } });
    return sku ? (await this.skusWithRelations([sku]))[0] : null;
  }

  /** Barcodes, product and the product's units for a page of SKUs, in batched queries. */
  async skusWithRelations(rows: Sku[]): Promise<LoadedSku[]> {
    if (!rows.length) return rows;
    const barcodes = await this.barcodesOf(rows.map((s) => s.id));
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
    return this.getProduct(sku.productId);
  }

  async barcodesOfSku(sku: LoadedSku): Promise<string[]> {
    return sku.barcodes ?? (await this.barcodesOf([sku.id])).get(sku.id) ?? [];
  }

  // ---------------------------------------------------------------- writing products

  /** Loads products with SKUs, units and barcodes, keyed by id (batched; used inside transactions). */
  async loadExisting(tx: EntityManager, ids: number[]): Promise<Map<number, ExistingProduct>> {
    const out = new Map<number, ExistingProduct>();
    if (!ids.length) return out;
    for (const part of chunks(ids))
      for (const p of await tx.find(Product, { where: { id: In(part) } }))
        out.set(p.id, { product: p, skus: [], units: [], barcodes: new Map() });
    const skus: Sku[] = [];
    for (const part of chunks(ids)) {
      skus.push(...(await tx.find(Sku, { where: { productId: In(part) }, order: { id: 'ASC' } })));
      for (const u of await tx.find(ProductUnit, { where: { productId: In(part) }, order: { id: 'ASC' } }))
        out.get(u.productId)?.units.push(u);
    }
    const barcodes = await this.barcodesOf(
      skus.map((s) => s.id),
      tx,
    );
    for (const s of skus) {
      const e = out.get(s.productId)!;
      e.skus.push(s);
      e.barcodes.set(s.id, barcodes.get(s.id) ?? []);
    }
    return out;
  }

  /** The product as it would be after `input` (a create when `existing` is undefined). */
  buildDraft(
    input: Partial<CreateProductInput> & { skus?: SkuInput[] | null; active?: boolean | null },
    existing?: ExistingProduct,
  ): ProductDraft {
    const p = existing?.product;
    const pick = <T>(v: T | undefined, old: T, dflt: T): T => (v !== undefined ? v : p ? old : dflt);
    const name = (input.name ?? p?.name ?? '').trim();
    const nameChanged = !!p && name !== p.name;
    const idOf = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? null : Number(v) || -1);
    const draft: ProductDraft = {
      id: p?.id,
      code: (input.code ?? p?.code ?? '').trim(),
      name,
      categoryId: input.categoryId !== undefined ? idOf(input.categoryId) : (p?.categoryId ?? null),
      brandId: input.brandId !== undefined ? idOf(input.brandId) : (p?.brandId ?? null),
      baseUnit: (input.baseUnit ?? p?.baseUnit ?? '').trim(),
      unitScale: input.unitScale ?? p?.unitScale ?? 0,
      shelfLifeDays: pick(
        input.shelfLifeDays ?? (input.shelfLifeDays === null ? null : undefined),
        p?.shelfLifeDays ?? null,
        null,
      ),
      storageCondition: pick(
        input.storageCondition === undefined ? undefined : input.storageCondition?.trim() || null,
        p?.storageCondition ?? null,
        null,
      ),
      batchTracked: input.batchTracked ?? p?.batchTracked ?? false,
      serialTracked: input.serialTracked ?? p?.serialTracked ?? false,
      attributeNames: (input.attributeNames ?? p?.attributeNames ?? []).map((n) => n.trim()),
      active: input.active ?? p?.active ?? true,
      units: (input.units ?? existing?.units ?? []).map((u) => ({ name: u.name.trim(), factor: u.factor })),
      skus: [],
    };
    // attributes in the order of the product's attribute names (so are default SKU names)
    const rank = (n: string) => {
      const i = draft.attributeNames.findIndex((m) => sameName(m, n));
      return i < 0 ? draft.attributeNames.length : i;
    };
    const ordered = (xs: Array<{ name: string; value: string }>) => [...xs].sort((a, b) => rank(a.name) - rank(b.name));
    const inputs = input.skus ?? [];
    const used = new Set<number>();
    const regenerate = (s: Sku, attrs: Array<{ value: string }>) =>
      nameChanged && s.name === defaultSkuName(p!.name, s.attributes) ? defaultSkuName(name, attrs) : s.name;
    inputs.forEach((si, i) => {
      const path = `skus[${i}]`;
      const old = existing?.skus.find((s) => !used.has(s.id) && sameName(s.code, si.code));
      const attributes = ordered(
        (si.attributes ?? old?.attributes ?? []).map((a) => ({ name: a.name.trim(), value: a.value.trim() })),
      );
      if (old) used.add(old.id);
      draft.skus.push({
        path,
        id: old?.id,
        code: si.code.trim(),
        name: si.name?.trim() || (old ? regenerate(old, attributes) : defaultSkuName(name, attributes)),
        attributes,
        barcodes: si.barcodes ? si.barcodes.map((b) => b.trim()) : old ? undefined : [],
        refPurchasePrice: si.refPurchasePrice !== undefined ? si.refPurchasePrice : (old?.refPurchasePrice ?? null),
        refSalePrice: si.refSalePrice !== undefined ? si.refSalePrice : (old?.refSalePrice ?? null),
        pickStrategy: si.pickStrategy !== undefined ? si.pickStrategy : (old?.pickStrategy ?? null),
        active: si.active ?? old?.active ?? true,
      });
    });
    for (const s of existing?.skus ?? []) {
      if (used.has(s.id)) continue;
      draft.skus.push({
        path: null,
        id: s.id,
        code: s.code,
        name: regenerate(s, s.attributes),
        attributes: s.attributes,
        barcodes: undefined,
        refPurchasePrice: s.refPurchasePrice,
        refSalePrice: s.refSalePrice,
        pickStrategy: s.pickStrategy,
        active: s.active,
      });
    }
    return draft;
  }

  /**
   * The checks that need the database, for many drafts at once (the import checks thousands):
   * codes and barcodes unique against stored rows and across the drafts, category and brand exist.
   * Returns the problems per draft, in order.
   */
  async checkAgainstDb(
    tx: EntityManager,
    drafts: ProductDraft[],
    existing: Map<number, ExistingProduct>,
  ): Promise<FieldProblem[][]> {
    const problems: FieldProblem[][] = drafts.map(() => []);
    const lc = (s: string) => s.toLowerCase();

    // product codes
    const codes = drafts.map((d) => d.code).filter(Boolean);
    const stored = new Map<string, number>();
    for (const part of chunks([...new Set(codes)])) {
      const [w, p] = this.inCi('p.code', part, 'codes');
      for (const r of await tx
        .getRepository(Product)
        .createQueryBuilder('p')
        .select(['p.id', 'p.code'])
        .where(w, p)
        .getMany())
        stored.set(lc(r.code), r.id);
    }
    const seenCodes = new Map<string, number>();
    drafts.forEach((d, i) => {
      if (!d.code) return;
      const id = stored.get(lc(d.code));
      if (id !== undefined && id !== d.id)
        problems[i].push({ field: 'code', message: `Product code ${d.code} is taken.` });
      else if (seenCodes.has(lc(d.code)))
        problems[i].push({ field: 'code', message: `Product code ${d.code} appears twice.` });
      seenCodes.set(lc(d.code), i);
    });

    // category and brand
    const catIds = [...new Set(drafts.map((d) => d.categoryId).filter((x): x is number => x !== null))];
    const brandIds = [...new Set(drafts.map((d) => d.brandId).filter((x): x is number => x !== null))];
    const cats = new Set<number>();
    const brands = new Set<number>();
    for (const part of chunks(catIds))
      for (const c of await tx.find(Category, { where: { id: In(part) }, select: { id: true } })) cats.add(c.id);
    for (const part of chunks(brandIds))
      for (const b of await tx.find(Brand, { where: { id: In(part) }, select: { id: true } })) brands.add(b.id);
    drafts.forEach((d, i) => {
      if (d.categoryId !== null && !cats.has(d.categoryId))
        problems[i].push({ field: 'categoryId', message: 'This category does not exist.' });
      if (d.brandId !== null && !brands.has(d.brandId))
        problems[i].push({ field: 'brandId', message: 'This brand does not exist.' });
    });

    // SKU codes: new or changed SKUs must not take another product's code, nor another draft's
    const skuCodes = drafts.flatMap((d) => d.skus.filter((s) => s.path && s.code).map((s) => s.code));
    const storedSku = new Map<string, { id: number; productId: number }>();
    for (const part of chunks([...new Set(skuCodes)])) {
      const [w, p] = this.inCi('s.code', part, 'codes');
      for (const r of await tx
        .getRepository(Sku)
        .createQueryBuilder('s')
        .select(['s.id', 's.code', 's.productId'])
        .where(w, p)
        .getMany())
        storedSku.set(lc(r.code), { id: r.id, productId: r.productId });
    }
    const seenSku = new Map<string, number>();
    drafts.forEach((d, i) => {
      for (const s of d.skus) {
        if (!s.path || !s.code) continue;
        const hit = storedSku.get(lc(s.code));
        if (hit && hit.id !== s.id)
          problems[i].push({ field: `${s.path}.code`, message: `SKU code ${s.code} is taken.` });
        else if (seenSku.has(lc(s.code)) && seenSku.get(lc(s.code)) !== i)
          problems[i].push({
            field: `${s.path}.code`,
            message: `SKU code ${s.code} appears in another product of this file.`,
          });
        seenSku.set(lc(s.code), i);
      }
    });

    // barcodes: free, or held by a SKU of the same product whose barcodes this change replaces
    const wanted = drafts.flatMap((d) => d.skus.flatMap((s) => (s.path ? (s.barcodes ?? []) : [])));
    const owner = new Map<string, { skuId: number; code: string; productId: number }>();
    for (const part of chunks([...new Set(wanted)])) {
      const rows = await tx
        .getRepository(SkuBarcode)
        .createQueryBuilder('b')
        .innerJoin(Sku, 's', 's.id = b.sku_id')
        .select(['b.barcode AS barcode', 'b.sku_id AS skuId', 's.code AS code', 's.product_id AS productId'])
        .where('b.barcode IN (:...bs)', { bs: part })
        .getRawMany<{ barcode: string; skuId: number | string; code: string; productId: number | string }>();
      for (const r of rows)
        owner.set(r.barcode, { skuId: Number(r.skuId), code: r.code, productId: Number(r.productId) });
    }
    const seenBarcode = new Map<string, number>();
    drafts.forEach((d, i) => {
      const replacing = new Set(d.skus.filter((s) => s.id !== undefined && s.barcodes !== undefined).map((s) => s.id!));
      for (const s of d.skus) {
        if (!s.path) continue;
        (s.barcodes ?? []).forEach((b, j) => {
          const o = owner.get(b);
          const field = `${s.path}.barcodes[${j}]`;
          if (o && !(o.productId === d.id && replacing.has(o.skuId)))
            problems[i].push({ field, message: `Barcode ${b} is already used by SKU ${o.code}.` });
          else if (seenBarcode.has(b) && seenBarcode.get(b) !== i)
            problems[i].push({ field, message: `Barcode ${b} appears in another product of this file.` });
          seenBarcode.set(b, i);
        });
      }
    });
    void existing;
    return problems;
  }

  /**
   * Writes a checked draft: the product row, units (by name), SKUs (by code; never deleted) and
   * barcodes, plus the audit row with before and after. An existing product's version must already
   * have been claimed by the caller (conditional UPDATE).
   */
  async applyDraft(
    tx: EntityManager,
    ctx: Context,
    d: ProductDraft,
    existing: ExistingProduct | undefined,
    action: string,
  ): Promise<SaveResult> {
    const fields = {
      code: d.code,
      name: d.name,
      categoryId: d.categoryId,
      brandId: d.brandId,
      baseUnit: d.baseUnit,
      unitScale: d.unitScale,
      shelfLifeDays: d.shelfLifeDays,
      storageCondition: d.storageCondition,
      batchTracked: d.batchTracked,
      serialTracked: d.serialTracked,
      attributeNames: d.attributeNames,
      active: d.active,
    };
    let productId: number;
    if (!existing) {
      const saved = await tx.save(tx.create(Product, { ...fields, version: 1 }));
      productId = saved.id;
    } else {
      productId = existing.product.id;
      await tx.update(Product, { id: productId }, fields);
    }

    // units, matched by name
    const oldUnits = existing?.units ?? [];
    const gone = oldUnits.filter((u) => !d.units.some((n) => n.name === u.name));
    if (gone.length) await tx.delete(ProductUnit, { id: In(gone.map((u) => u.id)) });
    for (const u of d.units) {
      const old = oldUnits.find((o) => o.name === u.name);
      if (!old) await tx.insert(ProductUnit, { productId, name: u.name, factor: u.factor });
      else if (!decimalEq(old.factor, u.factor)) await tx.update(ProductUnit, { id: old.id }, { factor: u.factor });
    }

    // SKUs
    let skusCreated = 0;
    let skusUpdated = 0;
    const skuIds = new Map<SkuDraft, number>();
    for (const s of d.skus) {
      const old = s.id !== undefined ? existing?.skus.find((x) => x.id === s.id) : undefined;
      if (!old) {
        const r = await tx.insert(Sku, {
          productId,
          code: s.code,
          name: s.name,
          attributes: s.attributes,
          refPurchasePrice: s.refPurchasePrice ?? null,
          refSalePrice: s.refSalePrice ?? null,
          pickStrategy: (s.pickStrategy ?? null) as Sku['pickStrategy'],
          active: s.active,
          version: 1,
        });
        skuIds.set(s, Number(r.identifiers[0].id));
        skusCreated++;
        continue;
      }
      skuIds.set(s, old.id);
      const patch: Partial<Sku> = {};
      if (s.code !== old.code) patch.code = s.code;
      if (s.name !== old.name) patch.name = s.name;
      if (JSON.stringify(s.attributes) !== JSON.stringify(old.attributes)) patch.attributes = s.attributes;
      if (!decimalEq(s.refPurchasePrice, old.refPurchasePrice)) patch.refPurchasePrice = s.refPurchasePrice ?? null;
      if (!decimalEq(s.refSalePrice, old.refSalePrice)) patch.refSalePrice = s.refSalePrice ?? null;
      if ((s.pickStrategy ?? null) !== (old.pickStrategy ?? null))
        patch.pickStrategy = (s.pickStrategy ?? null) as Sku['pickStrategy'];
      if (s.active !== old.active) patch.active = s.active;
      const oldCodes = existing!.barcodes.get(old.id) ?? [];
      const barcodesChanged =
        s.barcodes !== undefined &&
        (s.barcodes.length !== oldCodes.length || s.barcodes.some((b, i) => b !== oldCodes[i]));
      if (Object.keys(patch).length || barcodesChanged) {
        await tx
          .createQueryBuilder()
          .update(Sku)
          .set({ ...patch, version: () => 'version + 1' })
          .where('id = :id', { id: old.id })
          .execute();
        skusUpdated++;
      }
    }

    // barcodes: all removals first, so a barcode can move between SKUs of this product
    const adds: Array<{ skuId: number; barcode: string }> = [];
    for (const s of d.skus) {
      if (s.barcodes === undefined) continue;
      const skuId = skuIds.get(s)!;
      const old = existing?.barcodes.get(skuId) ?? [];
      const drop = old.filter((b) => !s.barcodes!.includes(b));
      if (drop.length) await tx.delete(SkuBarcode, { skuId, barcode: In(drop) });
      for (const b of s.barcodes) if (!old.includes(b)) adds.push({ skuId, barcode: b });
    }
    for (const part of chunks(adds)) await tx.insert(SkuBarcode, part);

    const after = (await this.loadExisting(tx, [productId])).get(productId)!;
    await this.audit.record(tx, ctx, {
      action,
      entityType: 'Product',
      entityId: productId,
      ...(existing ? { before: productSnapshot(existing) } : {}),
      after: productSnapshot(after),
    });
    return { product: after.product, created: !existing, skusCreated, skusUpdated };
  }

  /** Which sensitive SKU fields an input sets (absent = unchanged; null = cleared, which is setting too). */
  static pricesSet(
    skus: Array<{ refPurchasePrice?: string | null; refSalePrice?: string | null }>,
  ): Array<'refPurchasePrice' | 'refSalePrice'> {
    const out: Array<'refPurchasePrice' | 'refSalePrice'> = [];
    for (const s of skus) {
      if (s.refPurchasePrice !== undefined) out.push('refPurchasePrice');
      if (s.refSalePrice !== undefined) out.push('refSalePrice');
    }
    return out;
  }

  async createProduct(ctx: Context, input: CreateProductInput): Promise<LoadedProduct> {
    assertMaySetPrices(ctx, CatalogService.pricesSet(input.skus));
    const draft = this.buildDraft(input);
    const own = checkProductDraft(draft, { requireSkus: true });
    return this.mapUnique(() =>
      inTransaction(this.ds, async (tx) => {
        const db = (await this.checkAgainstDb(tx, [draft], new Map()))[0];
        const problems = [...own, ...db];
        if (problems.length) throw badInput(problems);
        const r = await this.applyDraft(tx, ctx, draft, undefined, 'product.create');
        return (await this.withRelations([r.product], tx))[0];
      }),
    );
  }

  /** Optimistic edit: the version is claimed by the UPDATE's WHERE before anything else is read. */
  async updateProduct(ctx: Context, input: UpdateProductInput): Promise<LoadedProduct> {
    assertMaySetPrices(ctx, CatalogService.pricesSet(input.skus ?? []));
    const id = Number(input.id) || -1;
    return this.mapUnique(() =>
      inTransaction(this.ds, async (tx) => {
        const claimed = await tx
          .createQueryBuilder()
          .update(Product)
          .set({ version: input.version + 1 })
          .where('id = :id AND version = :v', { id, v: input.version })
          .execute();
        if (!claimed.affected) {
          const now = await tx.findOne(Product, { where: { id } });
          if (!now) throw notFound('This product');
          throw conflict(now.version);
        }
        const existing = (await this.loadExisting(tx, [id])).get(id)!;
        existing.product.version = input.version; // the before-image is the version the editor read
        const draft = this.buildDraft(input, existing);
        const problems = [
          ...checkProductDraft(draft, { requireSkus: true }),
          ...(await this.checkAgainstDb(tx, [draft], new Map([[id, existing]])))[0],
        ];
        if (problems.length) throw badInput(problems);
        const r = await this.applyDraft(tx, ctx, draft, existing, 'product.update');
        return (await this.withRelations([r.product], tx))[0];
      }),
    );
  }

  /** A unique index caught a race the checks could not see (two writers at once): a clear input error, not a 500. */
  private async mapUnique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (isUniqueViolation(e))
        throw badInput(
          [{ field: 'code', message: 'A code or barcode was taken by someone else just now.' }],
          'A code or barcode was taken by someone else just now; reload and try again.',
        );
      throw e;
    }
  }

  /** Claims the versions of existing products for an import (conditional UPDATE); CONFLICT if one changed meanwhile. */
  async claimVersions(tx: EntityManager, existing: Map<number, ExistingProduct>): Promise<void> {
    for (const e of existing.values()) {
      const res = await tx
        .createQueryBuilder()
        .update(Product)
        .set({ version: e.product.version + 1 })
        .where('id = :id AND version = :v', { id: e.product.id, v: e.product.version })
        .execute();
      if (!res.affected) {
        const now = await tx.findOne(Product, { where: { id: e.product.id } });
        throw conflict(now?.version ?? e.product.version);
      }
    }
  }

  async productIdsByCode(tx: EntityManager, codes: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks([...new Set(codes.filter(Boolean))])) {
      const [w, p] = this.inCi('p.code', part, 'codes');
      for (const r of await tx
        .getRepository(Product)
        .createQueryBuilder('p')
        .select(['p.id', 'p.code'])
        .where(w, p)
        .getMany())
        out.set(r.code.toLowerCase(), r.id);
    }
    return out;
  }

  get dataSource() {
    return this.ds;
  }

  get auditService() {
    return this.audit;
  }
}

function decimalEq(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  try {
    return new Decimal(a).eq(b);
  } catch {
    return a === b;
  }
}
