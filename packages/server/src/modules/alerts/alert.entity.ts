import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalScalar } from '../../core/decimal';

export enum AlertKind {
  /** a posting took what is available (on hand − reserved) below the safety stock */
  LOW_STOCK = 'low_stock',
  /** counting of a stocktake finished: it waits for a manager's approval */
  COUNT_AWAITING_APPROVAL = 'count_review',
  /** a batch in stock expires within settings.expiryWarningDays (the daily scan) */
  NEAR_EXPIRY = 'near_expiry',
  /** a batch in stock has expired (the daily scan) */
  EXPIRED = 'expired',
  /** a supplier qualification lapses within 30 days, or has lapsed (the daily scan) */
  QUALIFICATION_LAPSING = 'qualification',
  /** a purchase order waits for a decision at a level the recipient's role decides */
  PO_AWAITING_APPROVAL = 'po_approval',
  /** a confirmed sales order whose promised date is today or past is not shipped yet (the daily scan) */
  SO_AWAITING_SHIPMENT = 'so_to_ship',
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
  /** who hears of it beyond the kind's rule (JSON of AlertAudience): the order's salesperson, the roles of a level */
  @Column({ type: 'text', nullable: true }) audience: string | null;
  /** an alert of a scan is written once per key (a batch expiring, an order due on a day), however often the scan runs */
  @Index({ unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, nullable: true })
  dedupeKey: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'dispatched_at', type: 'datetime', precision: 3, nullable: true }) dispatchedAt: Date | null;
}

/** The day the daily scan ran (one row per business day: the scan runs once per day, whichever process gets there first). */
@Entity('alert_daily_run')
export class AlertDailyRun {
  @PrimaryColumn({ type: 'varchar', length: 10 }) day: string;
  @Column({ name: 'ran_at', type: 'datetime', precision: 3 }) ranAt: Date;
}

@ObjectType({ description: 'How many alerts of one kind a digest lists.' })
export class DigestKindCount {
  @Field(() => AlertKind) kind: AlertKind;
  @Field(() => Int) count: number;
}

/** 每日摘要: a user's unread alerts of one day, listed once (no e-mail: it is opened in the console). */
@ObjectType({ description: "A daily digest: the signed-in user's alerts that were unread when it was made." })
@Entity('alert_digest')
@Index(['userId', 'day'], { unique: true })
export class AlertDigest {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'user_id', type: 'int' }) userId: number;
  @Field({ description: 'The business day (YYYY-MM-DD) it was made for.' })
  @Column({ type: 'varchar', length: 10 })
  day: string;
  /** JSON array of notification ids, newest first */
  @Column({ name: 'notification_ids', type: 'text' }) notificationIds: string;
  @Field(() => Int) @Column({ type: 'int' }) total: number;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;
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
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Available (on hand − reserved) after the posting. Null while an open count covers it and the user counts blind.',
  })
  available: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'The safety stock it fell below.' })
  safetyStock: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Quantity in stock of the batch (expiry alerts). Null while an open count covers it and the user counts blind.',
  })
  qty: string | null;
  @Field(() => String, { nullable: true }) batchNo: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the batch expires / the qualification lapses.' })
  expiryDate: string | null;
  @Field(() => String, { nullable: true, description: 'The supplier (qualification alerts).' })
  supplierName: string | null;
  @Field(() => String, { nullable: true, description: 'The qualification, e.g. 营业执照.' })
  qualification: string | null;
  @Field(() => Int, { nullable: true, description: 'The approval level waiting (purchase orders).' })
  level: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: promised to ship by (sales orders).' })
  dueDate: string | null;
}
