import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';

/** 销售目标: a salesperson's revenue target for a month, set by a manager. */
@ObjectType()
@Entity('sales_target')
@Index(['userId', 'month'], { unique: true })
export class SalesTarget {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'user_id', type: 'int' }) userId: number;
  @Field({ description: 'YYYY-MM' }) @Column({ type: 'varchar', length: 7 }) month: string;
  @Field(() => DecimalScalar) @DecimalColumn(18, 2) revenue: string;
  @Field(() => ID) @Column({ name: 'updated_by', type: 'int' }) updatedBy: number;
  @Field(() => Date) @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
}
