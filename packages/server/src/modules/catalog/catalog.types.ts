import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalInput } from '../../core/decimal-input';
import { Paginated } from '../../core/paging';
import type { Brand, Category } from './category.entity';
import { Product, type ProductUnit } from './product.entity';
import { PickStrategyKind, Sku, SkuAttribute } from './sku.entity';

/** A product as the API hands it out: its SKUs, units, category and brand loaded per page in batches. */
export type LoadedProduct = Product & {
  skus?: LoadedSku[];
  units?: ProductUnit[];
  category?: Category | null;
  brand?: Brand | null;
};
/** A SKU with its barcodes and its product (for pickers: name, base unit, units). */
export type LoadedSku = Sku & { barcodes?: string[]; product?: LoadedProduct };

// ---------- categories and brands ----------

@InputType()
export class CreateCategoryInput {
  @Field() code: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true, description: 'null or absent: a root category' }) parentId?: string | null;
}

@InputType()
export class UpdateCategoryInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you read; a stale one gets CONFLICT.' }) version: number;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
}

@InputType()
export class CreateBrandInput {
  @Field() name: string;
}

@InputType()
export class UpdateBrandInput {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field() name: string;
}

// ---------- products ----------

export const ProductSort = { CODE: 'CODE', NAME: 'NAME', NEWEST: 'NEWEST' } as const;
export type ProductSort = keyof typeof ProductSort;
registerEnumType(ProductSort, { name: 'ProductSort' });

@InputType()
export class ProductFilter {
  @Field({ nullable: true, description: 'Product code or name, SKU code or name contains; barcode starts with.' })
  search?: string;
  @Field(() => ID, { nullable: true, description: 'This category and everything under it.' }) categoryId?: string;
  @Field(() => ID, { nullable: true }) brandId?: string;
  @Field({ nullable: true }) active?: boolean;
  @Field({ nullable: true }) batchTracked?: boolean;
}

export const SkuSort = {
  CODE: 'CODE',
  NAME: 'NAME',
  REF_PURCHASE_PRICE: 'REF_PURCHASE_PRICE',
  REF_SALE_PRICE: 'REF_SALE_PRICE',
} as const;
export type SkuSort = keyof typeof SkuSort;
registerEnumType(SkuSort, {
  name: 'SkuSort',
  description: 'REF_PURCHASE_PRICE needs catalog.price.purchase.read, REF_SALE_PRICE needs catalog.price.sale.read.',
});

@InputType()
export class SkuFilter {
  @Field({ nullable: true, description: 'SKU code or name, product code or name contains; barcode starts with.' })
  search?: string;
  @Field(() => ID, { nullable: true, description: 'This category and everything under it.' }) categoryId?: string;
  @Field(() => ID, { nullable: true }) productId?: string;
  @Field({ nullable: true, description: 'Exact barcode.' }) barcode?: string;
  @Field({ nullable: true, description: 'The SKU is active (and so is its product, when true).' }) active?: boolean;
}

@InputType()
export class ProductUnitInput {
  @Field({ description: 'e.g. 箱' }) name: string;
  @DecimalInput(18, 6, { description: 'Base units in one of this unit, > 0, at most 6 decimals (箱 = "12").' })
  factor: string;
}

@InputType({
  description:
    'A SKU of a product. On update, SKUs are matched by code: a known code is changed, a new one added; none is ever deleted (set active: false).',
})
export class SkuInput {
  @Field() code: string;
  @Field({ nullable: true, description: 'Defaults to the product name plus the attribute values.' }) name?: string;
  @Field(() => [SkuAttribute], { nullable: true, description: "One value for each of the product's attributeNames." })
  attributes?: SkuAttribute[];
  @Field(() => [String], { nullable: true, description: "Replaces the SKU's barcodes when given." })
  barcodes?: string[];
  @DecimalInput(18, 6, {
    nullable: true,
    description: 'Needs catalog.price.purchase.read to set (FORBIDDEN otherwise). Absent: unchanged.',
  })
  refPurchasePrice?: string | null;
  @DecimalInput(18, 6, {
    nullable: true,
    description: 'Needs catalog.price.sale.read to set (FORBIDDEN otherwise). Absent: unchanged.',
  })
  refSalePrice?: string | null;
  @Field(() => PickStrategyKind, {
    nullable: true,
    description: "Pick strategy where it differs from the warehouse's. Absent: unchanged; null: the warehouse's.",
  })
  pickStrategy?: PickStrategyKind | null;
  @Field({ nullable: true }) active?: boolean;
}

@InputType({ description: 'What a product needs of the zone it is stored in (储存条件).' })
export class StorageNeedsInput {
  @Field(() => Int, { nullable: true, description: 'Whole °C, -80 to 80.' }) tempMin?: number | null;
  @Field(() => Int, { nullable: true }) tempMax?: number | null;
  @Field(() => Int, { nullable: true, description: 'Whole % RH, 0 to 100.' }) humidityMin?: number | null;
  @Field(() => Int, { nullable: true }) humidityMax?: number | null;
  @Field({ nullable: true }) dark?: boolean;
  @Field(() => String, { nullable: true, description: 'Dangerous goods of this GB 6944 class, e.g. "3".' })
  hazardClass?: string | null;
  @Field({ nullable: true }) foodGrade?: boolean;
}

@InputType()
export class CreateProductInput {
  @Field() code: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) categoryId?: string | null;
  @Field(() => ID, { nullable: true }) brandId?: string | null;
  @Field() baseUnit: string;
  @Field(() => Int, { defaultValue: 0, description: '0–6 decimals allowed in the base unit.' }) unitScale: number;
  @Field(() => Int, { nullable: true }) shelfLifeDays?: number | null;
  @Field(() => String, { nullable: true }) storageCondition?: string | null;
  @Field(() => StorageNeedsInput, { nullable: true, description: 'None when omitted.' })
  storageNeeds?: StorageNeedsInput | null;
  @Field({ defaultValue: false }) batchTracked: boolean;
  @Field({ defaultValue: false }) serialTracked: boolean;
  @Field(() => [String], { defaultValue: [] }) attributeNames: string[];
  @Field(() => [ProductUnitInput], { defaultValue: [] }) units: ProductUnitInput[];
  @Field(() => [SkuInput], { description: 'At least one.' }) skus: SkuInput[];
}

@InputType()
export class UpdateProductInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you read; a stale one gets CONFLICT.' }) version: number;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => ID, { nullable: true, description: 'null clears it; absent leaves it.' }) categoryId?: string | null;
  @Field(() => ID, { nullable: true, description: 'null clears it; absent leaves it.' }) brandId?: string | null;
  @Field({ nullable: true }) baseUnit?: string;
  @Field(() => Int, { nullable: true }) unitScale?: number;
  @Field(() => Int, { nullable: true }) shelfLifeDays?: number | null;
  @Field(() => String, { nullable: true }) storageCondition?: string | null;
  @Field(() => StorageNeedsInput, { nullable: true, description: 'Replaces the needs when given.' })
  storageNeeds?: StorageNeedsInput | null;
  @Field({ nullable: true }) batchTracked?: boolean;
  @Field({ nullable: true }) serialTracked?: boolean;
  @Field(() => [String], { nullable: true }) attributeNames?: string[];
  @Field(() => [ProductUnitInput], { nullable: true, description: 'Replaces the conversion units when given.' })
  units?: ProductUnitInput[];
  @Field(() => [SkuInput], {
    nullable: true,
    description: 'Added or changed by code; SKUs not listed stay as they are.',
  })
  skus?: SkuInput[];
  @Field({ nullable: true }) active?: boolean;
}

export const ProductPage = Paginated(Product, 'ProductPage');
export const SkuPage = Paginated(Sku, 'SkuPage');

// ---------- Excel import ----------

@ObjectType()
export class ImportCellError {
  @Field({ description: "The column header (as in the file, or the template's name for a missing column)." })
  column: string;
  @Field() message: string;
}

@ObjectType()
export class ImportRowReport {
  @Field(() => Int, { description: 'Row number in the sheet (the header is row 1).' }) row: number;
  @Field(() => [ImportCellError]) errors: ImportCellError[];
}

@ObjectType({ description: 'Every row is checked first; if any row is wrong nothing is imported.' })
export class ProductImportReport {
  @Field({ description: 'true: the file is valid (and, unless dryRun, imported).' }) ok: boolean;
  @Field({ description: 'Nothing was written (asked for, or because of errors).' }) dryRun: boolean;
  @Field(() => Int, { description: 'Data rows read.' }) rowCount: number;
  @Field(() => [ImportRowReport], { description: 'Only rows with errors.' }) rows: ImportRowReport[];
  @Field(() => Int, { description: 'Products created (or that would be, on a dry run).' }) created: number;
  @Field(() => Int, { description: 'Products updated (or that would be).' }) updated: number;
  @Field(() => Int) skusCreated: number;
  @Field(() => Int) skusUpdated: number;
  @Field(() => [String], { description: 'Brands that did not exist and were (or would be) created.' })
  brandsCreated: string[];
}
