import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';
import { P } from '../../core/permissions/catalogue';
import { SensitiveField } from '../../core/permissions/guard';

@ObjectType()
@InputType('SkuAttributeInput')
export class SkuAttribute {
  @Field({ description: 'e.g. 颜色' }) name: string;
  @Field({ description: 'e.g. 红' }) value: string;
}

/** How an issue picks batches: FEFO (first expiry first out), FIFO (first received first out), or AUTO. */
export enum PickStrategyKind {
  AUTO = 'auto',
  FEFO = 'fefo',
  FIFO = 'fifo',
}
registerEnumType(PickStrategyKind, {
  name: 'PickStrategy',
  description:
    'AUTO: FEFO for goods with expiry dates, FIFO by receipt date otherwise; FEFO or FIFO chosen explicitly. Expired batches are never picked for a sale.',
});

@ObjectType({ description: 'A stock-keeping unit: one variant of a product.' })
@Entity('sku')
export class Sku {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Index() @Column({ name: 'product_id', type: 'int' }) productId: number;
  @Field() @Column({ type: 'varchar', length: 60, unique: true }) code: string;
  @Field({ description: 'Product name plus the attribute values.' })
  @Index()
  @Column({ type: 'varchar', length: 255 })
  name: string;
  @Field(() => [SkuAttribute])
  @Column({ type: 'simple-json' })
  attributes: SkuAttribute[];

  @SensitiveField('Sku', () => DecimalScalar, P.CatalogPurchasePriceRead, 'Reference purchase price per base unit.')
  @DecimalColumn(18, 6, { name: 'ref_purchase_price', nullable: true })
  refPurchasePrice: string | null;

  @SensitiveField('Sku', () => DecimalScalar, P.CatalogSalePriceRead, 'Reference sale price per base unit.')
  @DecimalColumn(18, 6, { name: 'ref_sale_price', nullable: true })
  refSalePrice: string | null;

  @Field(() => PickStrategyKind, {
    nullable: true,
    description: "This SKU's pick strategy where it differs from the warehouse's; null: the warehouse's.",
  })
  @Column({ name: 'pick_strategy', type: 'varchar', length: 8, nullable: true })
  pickStrategy: PickStrategyKind | null;

  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

@ObjectType()
@Entity('sku_barcode')
export class SkuBarcode {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Index() @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field() @Column({ type: 'varchar', length: 64, unique: true }) barcode: string;
}
