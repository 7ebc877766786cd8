import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A client's subscription: which events go to which URL, signed with its secret. */
@ObjectType({ description: 'Events of some types sent to a URL of an API client, signed (HMAC-SHA256).' })
@Entity('webhook_subscription')
@Index(['clientId'])
export class WebhookSubscription {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'client_id', type: 'int' }) clientId: number;
  @Field() @Column({ type: 'varchar', length: 500 }) url: string;
  /** JSON array of event types */
  @Column({ type: 'text' }) events: string;
  /** the signing secret (needed in clear to sign; shown once) */
  @Column({ type: 'varchar', length: 80 }) secret: string;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/**
 * The webhook outbox: one row per event, written in the transaction of the change (so it exists iff
 * the change committed), with one delivery per matching subscription written beside it.
 */
@Entity('webhook_event')
export class WebhookEvent {
  @PrimaryGeneratedColumn() id: number;
  /** the stable id receivers deduplicate by */
  @Index({ unique: true }) @Column({ name: 'event_id', type: 'varchar', length: 36 }) eventId: string;
  @Column({ type: 'varchar', length: 40 }) type: string;
  @Column({ name: 'ref_type', type: 'varchar', length: 30 }) refType: string;
  @Column({ name: 'ref_id', type: 'int' }) refId: number;
  @Column({ name: 'ref_number', type: 'varchar', length: 40, nullable: true }) refNumber: string | null;
  @Column({ name: 'warehouse_id', type: 'int', nullable: true }) warehouseId: number | null;
  @Column({ name: 'customer_id', type: 'int', nullable: true }) customerId: number | null;
  /** JSON, unfiltered: each receiver gets it through its field rules */
  @Column({ type: 'text' }) data: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

export enum DeliveryStatus {
  PENDING = 'pending',
  DELIVERED = 'delivered',
  /** no success within 24 hours (replay sends it again) */
  FAILED = 'failed',
}

/** One event for one subscription: retried with backoff until delivered or its deadline. */
@Entity('webhook_delivery')
@Index(['status', 'nextAttemptAt'])
@Index(['orderingKey', 'id'])
@Index(['subscriptionId', 'id'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'event_id', type: 'int' }) eventId: number;
  @Column({ name: 'subscription_id', type: 'int' }) subscriptionId: number;
  /** subscription + document: a delivery waits for the earlier ones of its key (in order per document) */
  @Column({ name: 'ordering_key', type: 'varchar', length: 80 }) orderingKey: string;
  @Column({ type: 'varchar', length: 12 }) status: DeliveryStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 }) nextAttemptAt: Date;
  /** a dispatcher holds it until then (a crashed one's lease runs out and another sends it) */
  @Column({ name: 'lease_until', type: 'datetime', precision: 3, nullable: true }) leaseUntil: Date | null;
  @Column({ name: 'deadline_at', type: 'datetime', precision: 3 }) deadlineAt: Date;
  @Column({ name: 'last_status', type: 'int', nullable: true }) lastStatus: number | null;
  @Column({ name: 'last_latency_ms', type: 'int', nullable: true }) lastLatencyMs: number | null;
  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true }) lastError: string | null;
  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true }) deliveredAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/** The delivery log: every attempt with its answer. */
@ObjectType({ description: 'One attempt to deliver an event.' })
@Entity('webhook_attempt')
@Index(['deliveryId'])
export class WebhookAttempt {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'delivery_id', type: 'int' }) deliveryId: number;
  @Field(() => Int) @Column({ type: 'int' }) attempt: number;
  @Field(() => Date) @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Field(() => Int, { nullable: true, description: 'The HTTP status the receiver answered; null: no answer.' })
  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;
  @Field(() => Int) @Column({ name: 'latency_ms', type: 'int' }) latencyMs: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true }) error:
    string | null;
  @Field() @Column({ type: 'boolean' }) ok: boolean;
}
