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
  @Field(() => String, { nullable: true })
  @Column({ name: 'storage_condition', type: 'varchar', length: 100, nullable: true })
  storageCondition: string | null;
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
