import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { Decimal } from '../../core/decimal';
import { badInput, conflict, forbidden, notFound, type FieldProblem } from '../../core/errors';
import { can, sensitivePermission } from '../../core/permissions/guard';
import { inCaseInsensitive } from '../../core/sql';
import { normalizeConditions } from '../../domain/storage';
import type { AuditService } from '../audit';
import { storageNeedsOf } from './storage-needs';
import { barcodesOf, chunks } from './catalog-query';
import type { CreateProductInput, LoadedProduct, SkuInput, UpdateProductInput } from './catalog.types';
import { Brand, Category } from './category.entity';
import { Product, ProductUnit } from './product.entity';
import type { ProductService } from './product.service';
import { checkProductDraft, defaultSkuName, sameName, type ProductDraft, type SkuDraft } from './product-rules';
import { Sku, SkuBarcode } from './sku.entity';

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

const productSnapshot = (e: ExistingProduct) => ({
  code: e.product.code,
  name: e.product.name,
  categoryId: e.product.categoryId,
  brandId: e.product.brandId,
  baseUnit: e.product.baseUnit,
  unitScale: e.product.unitScale,
  shelfLifeDays: e.product.shelfLifeDays,
  storageCondition: e.product.storageCondition,
  storageNeeds: storageNeedsOf(e.product),
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

/**
 * The product write pipeline, shared by the editor and the import: a draft is built from the input
 * and what is stored, checked on its own (product-rules) and against the database, then applied
 * with its audit row.
 */
export class ProductWriter {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly products: ProductService,
  ) {}

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
    const barcodes = await barcodesOf(
      tx,
      skus.map((s) => s.id),
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
      storage: input.storageNeeds !== undefined || !p ? normalizeConditions(input.storageNeeds) : storageNeedsOf(p),
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
      const [w, p] = inCaseInsensitive(this.ds, 'p.code', part, 'codes');
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
      const [w, p] = inCaseInsensitive(this.ds, 's.code', part, 'codes');
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
      storageTempMin: d.storage.tempMin,
      storageTempMax: d.storage.tempMax,
      storageHumidityMin: d.storage.humidityMin,
      storageHumidityMax: d.storage.humidityMax,
      storageDark: d.storage.dark,
      hazardClass: d.storage.hazardClass,
      storageFoodGrade: d.storage.foodGrade,
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

  async create(ctx: Context, input: CreateProductInput): Promise<LoadedProduct> {
    assertMaySetPrices(ctx, ProductWriter.pricesSet(input.skus));
    const draft = this.buildDraft(input);
    const own = checkProductDraft(draft, { requireSkus: true });
    return this.mapUnique(() =>
      inTransaction(this.ds, async (tx) => {
        const db = (await this.checkAgainstDb(tx, [draft], new Map()))[0];
        const problems = [...own, ...db];
        if (problems.length) throw badInput(problems);
        const r = await this.applyDraft(tx, ctx, draft, undefined, 'product.create');
        return (await this.products.withRelations([r.product], tx))[0];
      }),
    );
  }

  /** Optimistic edit: the version is claimed by the UPDATE's WHERE before anything else is read. */
  async update(ctx: Context, input: UpdateProductInput): Promise<LoadedProduct> {
    assertMaySetPrices(ctx, ProductWriter.pricesSet(input.skus ?? []));
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
        return (await this.products.withRelations([r.product], tx))[0];
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

  async idsByCode(tx: EntityManager, codes: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks([...new Set(codes.filter(Boolean))])) {
      const [w, p] = inCaseInsensitive(this.ds, 'p.code', part, 'codes');
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
}

function decimalEq(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  try {
    return new Decimal(a).eq(b);
  } catch {
    return a === b;
  }
}
