import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalScalar } from '../../core/decimal';

export enum AlertKind {
  /** a posting took what is available (on hand − reserved) below the safety stock */
  LOW_STOCK = 'low_stock',
  /** counting of a stocktake finished: it waits for a manager's approval */
  COUNT_AWAITING_APPROVAL = 'count_review',
}
registerEnumType(AlertKind, { name: 'AlertKind' });

/**
 * The outbox (发件箱): an alert written in the transaction of what caused it (a posting, a count
 * finishing), so it exists exactly when its cause does. The dispatcher turns each row into one
 * notification per recipient and marks it dispatched in one transaction: none is lost when the
 * server stops, none is made twice.
 */
@Entity('alert_outbox')
@Index(['dispatchedAt'])
export class AlertOutbox {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 30 }) kind: AlertKind;
  @Column({ name: 'warehouse_id', type: 'int', nullable: true }) warehouseId: number | null;
  @Column({ name: 'sku_id', type: 'int', nullable: true }) skuId: number | null;
  /** the document it is about (a stocktake, the posting that crossed the level) */
  @Column({ name: 'ref_type', type: 'varchar', length: 20, nullable: true }) refType: string | null;
  @Column({ name: 'ref_id', type: 'int', nullable: true }) refId: number | null;
  @Column({ name: 'ref_number', type: 'varchar', length: 40, nullable: true }) refNumber: string | null;
  /** quantities only (JSON): an alert carries no price, whoever receives it */
  @Column({ type: 'text' }) payload: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'dispatched_at', type: 'datetime', precision: 3, nullable: true }) dispatchedAt: Date | null;
}

/** One alert for one user: the notification centre's row. */
@ObjectType({ description: 'An alert for the signed-in user (quantities only, never prices).' })
@Entity('notification')
@Index(['outboxId', 'userId'], { unique: true })
@Index(['userId', 'readAt'])
export class Notification {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'user_id', type: 'int' }) userId: number;
  @Column({ name: 'outbox_id', type: 'int' }) outboxId: number;
  @Field(() => AlertKind) @Column({ type: 'varchar', length: 30 }) kind: AlertKind;
  @Field(() => ID, { nullable: true }) @Column({ name: 'warehouse_id', type: 'int', nullable: true }) warehouseId:
    number | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'sku_id', type: 'int', nullable: true }) skuId: number | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'ref_type', type: 'varchar', length: 20, nullable: true })
  refType: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'ref_id', type: 'int', nullable: true }) refId: number | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'ref_number', type: 'varchar', length: 40, nullable: true })
  refNumber: string | null;
  @Column({ type: 'text' }) payload: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
}

@ObjectType({ description: 'The figures of an alert (quantities).' })
export class AlertFigures {
  @Field(() => DecimalScalar, { nullable: true, description: 'Available (on hand − reserved) after the posting.' })
  available: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'The safety stock it fell below.' })
  safetyStock: string | null;
}
