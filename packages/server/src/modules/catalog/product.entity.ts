import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalScalar, QuantityColumn } from '../../core/decimal';

/** SPU: what the SKUs share (name, category, units, tracking). */
@ObjectType()
@Entity('product')
export class Product {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 40, unique: true }) code: string;
  @Field() @Index() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ name: 'category_id', type: 'int', nullable: true })
  categoryId: number | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'brand_id', type: 'int', nullable: true }) brandId:
    number | null;
  @Field({ description: 'Base unit, e.g. 件, kg.' })
  @Column({ name: 'base_unit', type: 'varchar', length: 20 })
  baseUnit: string;
  @Field(() => Int, { description: 'Decimals a quantity in the base unit may have (0 for pieces, 3 for kg).' })
  @Column({ name: 'unit_scale', type: 'int', default: 0 })
  unitScale: number;
  @Field(() => Int, { nullable: true, description: 'Shelf life in days.' })
  @Column({ name: 'shelf_life_days', type: 'int', nullable: true })
  shelfLifeDays: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A free note, e.g. "2–8 °C", "dry, < 60 % RH"; the structured needs (storage*) decide which zones fit.',
  })
  @Column({ name: 'storage_condition', type: 'varchar', length: 100, nullable: true })
  storageCondition: string | null;
  @Field(() => Int, { nullable: true, description: 'Must be kept at or above this temperature (whole °C).' })
  @Column({ name: 'storage_temp_min', type: 'int', nullable: true })
  storageTempMin: number | null;
  @Field(() => Int, { nullable: true, description: 'Must be kept at or below this temperature (whole °C).' })
  @Column({ name: 'storage_temp_max', type: 'int', nullable: true })
  storageTempMax: number | null;
  @Field(() => Int, { nullable: true, description: 'Relative humidity at or above (whole %).' })
  @Column({ name: 'storage_humidity_min', type: 'int', nullable: true })
  storageHumidityMin: number | null;
  @Field(() => Int, { nullable: true, description: 'Relative humidity at or below (whole %).' })
  @Column({ name: 'storage_humidity_max', type: 'int', nullable: true })
  storageHumidityMax: number | null;
  @Field({ description: 'Must be kept out of the light (避光).' })
  @Column({ name: 'storage_dark', type: 'boolean', default: false })
  storageDark: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Dangerous goods of this class (GB 6944, e.g. "3"); null: none.',
  })
  @Column({ name: 'hazard_class', type: 'varchar', length: 10, nullable: true })
  hazardClass: string | null;
  @Field({ description: 'Needs a food-grade zone.' })
  @Column({ name: 'storage_food_grade', type: 'boolean', default: false })
  storageFoodGrade: boolean;
  @Field() @Column({ name: 'batch_tracked', type: 'boolean', default: false }) batchTracked: boolean;
  @Field() @Column({ name: 'serial_tracked', type: 'boolean', default: false }) serialTracked: boolean;
  @Field(() => [String], { description: 'Attribute names the SKUs vary by, e.g. ["颜色", "尺码"].' })
  @Column({ name: 'attribute_names', type: 'simple-json' })
  attributeNames: string[];
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** A conversion unit: 1 箱 = 12 件 is { name: '箱', factor: '12' }. */
@ObjectType()
@Entity('product_unit')
@Index(['productId', 'name'], { unique: true })
export class ProductUnit {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'product_id', type: 'int' }) productId: number;
  @Field() @Column({ type: 'varchar', length: 20 }) name: string;
  @Field(() => DecimalScalar, { description: 'How many base units one of this unit is.' })
  @QuantityColumn()
  factor: string;
}
