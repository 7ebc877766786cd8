import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';

/**
 * 仓储费: a warehouse's (a 3PL's) fees for a month, entered by an accountant: storage, allocated to
 * the SKUs by their space-days (base-unit-days on hand), and handling, by the ledger lines they moved.
 */
@ObjectType()
@Entity('warehouse_fee')
@Index(['warehouseId', 'month'], { unique: true })
export class WarehouseFee {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field({ description: 'YYYY-MM' }) @Column({ type: 'varchar', length: 7 }) month: string;
  @Field(() => DecimalScalar) @DecimalColumn(18, 2) storage: string;
  @Field(() => DecimalScalar) @DecimalColumn(18, 2) handling: string;
  @Field() @Column({ type: 'varchar', length: 200, default: '' }) memo: string;
  @Field(() => ID) @Column({ name: 'updated_by', type: 'int' }) updatedBy: number;
  @Field(() => Date) @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}
