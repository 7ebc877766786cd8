import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, DecimalScalar } from '../../core/decimal';

/** 对账确认: a customer or supplier confirmed a statement's closing balance for a period. */
@ObjectType()
@Entity('statement_confirmation')
@Index(['party', 'partyId', 'dateTo'])
export class StatementConfirmation {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field({ description: 'CUSTOMER or SUPPLIER' }) @Column({ type: 'varchar', length: 10 }) party: string;
  @Field(() => ID) @Column({ name: 'party_id', type: 'int' }) partyId: number;
  @Field() @Column({ name: 'date_from', type: 'varchar', length: 10 }) dateFrom: string;
  @Field() @Column({ name: 'date_to', type: 'varchar', length: 10 }) dateTo: string;
  @Field(() => DecimalScalar) @DecimalColumn(18, 2) closing: string;
  @Field({ description: 'Who confirmed on their side.' })
  @Column({ name: 'confirmed_by', type: 'varchar', length: 100 })
  confirmedBy: string;
  @Field() @Column({ type: 'varchar', length: 500, default: '' }) note: string;
  @Field(() => ID) @Column({ name: 'recorded_by', type: 'int' }) recordedBy: number;
  @Field(() => Date) @Column({ name: 'recorded_at', type: 'datetime', precision: 3 }) recordedAt: Date;
}
