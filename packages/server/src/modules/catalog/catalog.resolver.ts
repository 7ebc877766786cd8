import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { ExportFile, exportXlsx } from '../../core/export';
import { Decimal, DecimalScalar } from '../../core/decimal';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import {
  CreateBrandInput,
  CreateCategoryInput,
  CreateProductInput,
  ProductFilter,
  ProductImportReport,
  ProductPage,
  ProductSort,
  SkuFilter,
  SkuPage,
  SkuSort,
  UpdateBrandInput,
  UpdateCategoryInput,
  UpdateProductInput,
  type LoadedProduct,
  type LoadedSku,
} from './catalog.types';
import { Brand, Category } from './category.entity';
import { Product, ProductUnit } from './product.entity';
import { Sku } from './sku.entity';

@Resolver()
export class CatalogResolver {
  // ---------- categories and brands

  @Query(() => [Category], {
    description: 'The whole category tree as one list, ordered by path (parents before children).',
  })
  @Allow(P.CatalogProductRead)
  categories(@Ctx() ctx: Context) {
    return ctx.services.categories.list();
  }

  @Mutation(() => Category)
  @Allow(P.CatalogProductManage)
  createCategory(@Arg('input') input: CreateCategoryInput, @Ctx() ctx: Context) {
    return ctx.services.categories.create(ctx, input);
  }

  @Mutation(() => Category, { description: 'Code and name; use moveCategory to change the parent.' })
  @Allow(P.CatalogProductManage)
  updateCategory(@Arg('input') input: UpdateCategoryInput, @Ctx() ctx: Context) {
    return ctx.services.categories.update(ctx, input);
  }

  @Mutation(() => Category, {
    description: 'Moves a category and its subtree under parentId (null: to the root); a cycle is refused.',
  })
  @Allow(P.CatalogProductManage)
  moveCategory(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.categories.move(ctx, id, version, parentId);
  }

  @Query(() => [Brand])
  @Allow(P.CatalogProductRead)
  brands(@Ctx() ctx: Context) {
    return ctx.services.brands.list();
  }

  @Mutation(() => Brand)
  @Allow(P.CatalogProductManage)
  createBrand(@Arg('input') input: CreateBrandInput, @Ctx() ctx: Context) {
    return ctx.services.brands.create(ctx, input);
  }

  @Mutation(() => Brand)
  @Allow(P.CatalogProductManage)
  updateBrand(@Arg('input') input: UpdateBrandInput, @Ctx() ctx: Context) {
    return ctx.services.brands.update(ctx, input);
  }

  // ---------- products and SKUs

  @Query(() => ProductPage)
  @Allow(P.CatalogProductRead)
  products(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter,
    @Arg('sort', () => ProductSort, { nullable: true }) sort?: ProductSort,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.products.list(ctx, filter, sort, page);
  }

  @Query(() => Product)
  @Allow(P.CatalogProductRead)
  product(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.products.get(id);
  }

  @Query(() => SkuPage, { description: 'SKUs for pickers, with their product, base unit and units.' })
  @Allow(P.CatalogProductRead)
  skus(
    @Ctx() ctx: Context,
    @Arg('filter', () => SkuFilter, { nullable: true }) filter?: SkuFilter,
    @Arg('sort', () => SkuSort, { nullable: true }) sort?: SkuSort,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.skus.list(ctx, filter, sort, page);
  }

  @Query(() => Sku, { nullable: true, description: 'The SKU with this exact barcode; null when none has it.' })
  @Allow(P.CatalogProductRead)
  skuByBarcode(@Arg('barcode') barcode: string, @Ctx() ctx: Context) {
    return ctx.services.skus.byBarcode(barcode);
  }

  @Mutation(() => Product, {
    description: 'A product with its SKUs (attributes, barcodes, reference prices) and units, in one transaction.',
  })
  @Allow(P.CatalogProductManage)
  createProduct(@Arg('input') input: CreateProductInput, @Ctx() ctx: Context) {
    return ctx.services.productWriter.create(ctx, input);
  }

  @Mutation(() => Product, {
    description: 'Version-checked. SKUs are added or changed by code and never deleted (deactivate them).',
  })
  @Allow(P.CatalogProductManage)
  updateProduct(@Arg('input') input: UpdateProductInput, @Ctx() ctx: Context) {
    return ctx.services.productWriter.update(ctx, input);
  }

  // ---------- Excel

  @Query(() => ExportFile, {
    description: 'The import template (xlsx, base64) with the columns you may set and a help sheet.',
  })
  @Allow(P.CatalogProductManage)
  productImportTemplate(@Ctx() ctx: Context) {
    return ctx.services.productImport.template(ctx);
  }

  @Mutation(() => ProductImportReport, {
    description:
      'Imports products from an xlsx (base64) laid out like productImportTemplate, one row per SKU. Every row is checked first; if any is wrong nothing is imported. At most 10000 data rows.',
  })
  @Allow(P.CatalogProductManage)
  importProducts(
    @Arg('fileBase64') fileBase64: string,
    @Arg('dryRun', () => Boolean, { nullable: true, defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.productImport.run(ctx, fileBase64, !!dryRun);
  }

  @Query(() => ExportFile, {
    description: 'Products as xlsx (base64), one row per SKU in the import layout; only the columns you may see.',
  })
  @Allow(P.CatalogProductRead)
  async exportProducts(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter,
  ) {
    const products = await ctx.services.products.all(filter);
    const codes = new Map((await ctx.services.categories.list()).map((c) => [c.id, c.code]));
    return ctx.services.productImport.export(ctx, products, codes);
  }

  @Query(() => ExportFile, { description: 'SKUs as xlsx (base64); only the columns you may see.' })
  @Allow(P.CatalogProductRead)
  async exportSkus(@Ctx() ctx: Context, @Arg('filter', () => SkuFilter, { nullable: true }) filter?: SkuFilter) {
    const skus = await ctx.services.skus.all(ctx, filter);
    const cols = [
      { key: 'code', header: 'SKU编码', text: true },
      { key: 'name', header: 'SKU名称', width: 30 },
      { key: 'productCode', header: '商品编码', text: true },
      { key: 'productName', header: '商品名称', width: 30 },
      { key: 'attributes', header: '规格属性' },
      { key: 'barcodes', header: '条码', text: true, width: 20 },
      { key: 'baseUnit', header: '基本单位' },
      { key: 'units', header: '换算单位' },
      { key: 'active', header: '启用' },
      { key: 'refPurchasePrice', header: '参考进价' },
      { key: 'refSalePrice', header: '参考售价' },
    ];
    return exportXlsx(
      ctx,
      'Sku',
      'skus',
      cols,
      skus,
      (s, c) => {
        switch (c) {
          case 'productCode':
            return s.product?.code;
          case 'productName':
            return s.product?.name;
          case 'attributes':
            return s.attributes.map((a) => `${a.name}=${a.value}`).join(';');
          case 'barcodes':
            return s.barcodes ?? [];
          case 'baseUnit':
            return s.product?.baseUnit;
          case 'units':
            return (s.product?.units ?? []).map((u) => `${u.name}=${new Decimal(u.factor).toFixed()}`).join(';');
          case 'active':
            return s.active && s.product?.active !== false ? '是' : '否';
          default:
            return (s as unknown as Record<string, unknown>)[c];
        }
      },
      { sheetName: 'SKU' },
    );
  }
}

/** Product's relations: loaded per page by the service; loaded here only for a product that came without them. */
@Resolver(() => Product)
export class ProductFieldResolver {
  @FieldResolver(() => [Sku])
  async skus(@Root() p: LoadedProduct, @Ctx() ctx: Context) {
    return p.skus ?? (await ctx.services.products.get(p.id)).skus!;
  }

  @FieldResolver(() => [ProductUnit], { description: 'Conversion units (1 箱 = 12 基本单位).' })
  async units(@Root() p: LoadedProduct, @Ctx() ctx: Context) {
    return p.units ?? (await ctx.services.products.get(p.id)).units!;
  }

  @FieldResolver(() => Category, { nullable: true })
  async category(@Root() p: LoadedProduct, @Ctx() ctx: Context) {
    if (p.category !== undefined) return p.category;
    return (await ctx.services.products.get(p.id)).category ?? null;
  }

  @FieldResolver(() => Brand, { nullable: true })
  async brand(@Root() p: LoadedProduct, @Ctx() ctx: Context) {
    if (p.brand !== undefined) return p.brand;
    return (await ctx.services.products.get(p.id)).brand ?? null;
  }
}

@Resolver(() => Sku)
export class SkuFieldResolver {
  @FieldResolver(() => [String])
  barcodes(@Root() s: LoadedSku, @Ctx() ctx: Context) {
    return ctx.services.skus.barcodes(s);
  }

  @FieldResolver(() => Product)
  product(@Root() s: LoadedSku, @Ctx() ctx: Context) {
    return ctx.services.skus.productOf(s);
  }

  @FieldResolver(() => String)
  async productName(@Root() s: LoadedSku, @Ctx() ctx: Context) {
    return (await ctx.services.skus.productOf(s)).name;
  }

  @FieldResolver(() => String, { description: "The product's base unit." })
  async baseUnit(@Root() s: LoadedSku, @Ctx() ctx: Context) {
    return (await ctx.services.skus.productOf(s)).baseUnit;
  }

  @FieldResolver(() => Int, { description: 'Decimals allowed in the base unit.' })
  async unitScale(@Root() s: LoadedSku, @Ctx() ctx: Context) {
    return (await ctx.services.skus.productOf(s)).unitScale;
  }

  @FieldResolver(() => [ProductUnit], { description: "The product's conversion units." })
  async units(@Root() s: LoadedSku, @Ctx() ctx: Context) {
    const p = await ctx.services.skus.productOf(s);
    return p.units ?? (await ctx.services.products.get(p.id)).units!;
  }
}

void DecimalScalar;
