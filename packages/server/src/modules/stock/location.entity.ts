import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 货区: a part of a warehouse with its own storage condition. */
@ObjectType()
@Entity('zone')
@Index(['warehouseId', 'code'], { unique: true })
export class Zone {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field() @Column({ type: 'varchar', length: 30 }) code: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => String, {
    nullable: true,
    description: 'A free note on the conditions (the structured ones below decide).',
  })
  @Column({ name: 'storage_condition', type: 'varchar', length: 100, nullable: true })
  storageCondition: string | null;
  @Field(() => Int, { nullable: true, description: 'Kept at or above this temperature (whole °C).' })
  @Column({ name: 'temp_min', type: 'int', nullable: true })
  tempMin: number | null;
  @Field(() => Int, { nullable: true, description: 'Kept at or below this temperature (whole °C).' })
  @Column({ name: 'temp_max', type: 'int', nullable: true })
  tempMax: number | null;
  @Field(() => Int, { nullable: true, description: 'Relative humidity kept at or above (whole %).' })
  @Column({ name: 'humidity_min', type: 'int', nullable: true })
  humidityMin: number | null;
  @Field(() => Int, { nullable: true, description: 'Relative humidity kept at or below (whole %).' })
  @Column({ name: 'humidity_max', type: 'int', nullable: true })
  humidityMax: number | null;
  @Field({ description: 'Out of the light (避光).' }) @Column({ type: 'boolean', default: false }) dark: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The dangerous-goods class (GB 6944, e.g. "3" or "2.1") this zone is licensed for; null: none.',
  })
  @Column({ name: 'hazard_class', type: 'varchar', length: 10, nullable: true })
  hazardClass: string | null;
  @Field({ description: 'Fit for food (食品级).' })
  @Column({ name: 'food_grade', type: 'boolean', default: false })
  foodGrade: boolean;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** 货位: a bin in a zone. */
@ObjectType()
@Entity('bin')
@Index(['warehouseId', 'code'], { unique: true })
export class Bin {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field(() => ID, { nullable: true }) @Column({ name: 'zone_id', type: 'int', nullable: true }) zoneId: number | null;
  @Field() @Column({ type: 'varchar', length: 30 }) code: string;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Field({
    description:
      '隔离区: stock in this bin is never picked or reserved for a sale, and other issues take it only when they name the bin.',
  })
  @Column({ type: 'boolean', default: false })
  quarantine: boolean;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}

/** A batch (lot) of a SKU; received_at orders FIFO picking, expiry orders FEFO. */
@ObjectType()
@Entity('batch')
@Index(['skuId', 'batchNo'], { unique: true })
export class Batch {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Field() @Column({ name: 'batch_no', type: 'varchar', length: 60 }) batchNo: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'expiry_date', type: 'varchar', length: 10, nullable: true })
  expiryDate: string | null;
  @Field(() => Date) @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt: Date;
}
