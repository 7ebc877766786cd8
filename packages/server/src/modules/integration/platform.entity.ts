import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn } from '../../core/decimal';

/** A store's connection to its online platform: where to pull orders from, as whom, and how far it got. */
@ObjectType({ description: 'An online store connected to its platform (orders in, shipments out).' })
@Entity('platform_connection')
@Index(['shopKey'], { unique: true })
export class PlatformConnection {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field({
    description: 'The adapter: simshop (cursor-paged, signed requests) or pagemall (page-numbered, OAuth-like tokens).',
  })
  @Column({ type: 'varchar', length: 20 })
  kind: string;
  @Field(() => ID, { description: 'The sales store (and so the channel) its orders belong to.' })
  @Column({ name: 'store_id', type: 'int' })
  storeId: number;
  @Field(() => ID, { description: 'The customer its orders are booked to.' })
  @Column({ name: 'customer_id', type: 'int' })
  customerId: number;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field() @Column({ name: 'base_url', type: 'varchar', length: 300 }) baseUrl: string;
  @Field() @Column({ name: 'app_key', type: 'varchar', length: 100 }) appKey: string;
  @Column({ name: 'app_secret', type: 'varchar', length: 200 }) appSecret: string;
  /** where the next pull starts */
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 100, nullable: true }) cursor:
    string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_sync_at', type: 'datetime', precision: 3, nullable: true })
  lastSyncAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The last sync error (null: it went well).' })
  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;
  @Field(() => String, { description: 'Units of each SKU kept back from the store (safety buffer).' })
  @DecimalColumn(18, 6, { name: 'stock_buffer', default: '0.000000' })
  stockBuffer: string;
  @Field(() => Int, {
    description: "The store's share (percent) of what is left, when several stores sell from one warehouse.",
  })
  @Column({ name: 'stock_share', type: 'int', default: 100 })
  stockShare: number;
  @Field(() => Date, { nullable: true, description: 'When available stock was last pushed to the store.' })
  @Column({ name: 'last_stock_push_at', type: 'datetime', precision: 3, nullable: true })
  lastStockPushAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The last stock push error (null: it went well).' })
  @Column({ name: 'last_stock_error', type: 'varchar', length: 300, nullable: true })
  lastStockError: string | null;
  /** where the next refund pull starts */
  @Column({ name: 'refund_cursor', type: 'varchar', length: 100, nullable: true }) refundCursor: string | null;
  /**
   * The shop at its platform (`shopKey` in platform.service: the platform kind, the API's origin and
   * the app key, hashed): unique, so a shop is connected once and its orders never imported twice.
   * Null only on connections made before it was kept that repeat an earlier one.
   */
  @Column({ name: 'shop_key', type: 'varchar', length: 64, nullable: true }) shopKey: string | null;
}

/**
 * A store's SKU whose available stock changed and is not pushed yet (the stock push outbox): written
 * in the posting's transaction, one row per store × SKU however many postings; `seq` counts the
 * changes, so a push that read the stock before a later change leaves the row for the next push.
 */
@Entity('platform_stock_push')
@Index(['connectionId', 'skuId'], { unique: true })
export class PlatformStockPush {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'connection_id', type: 'int' }) connectionId: number;
  @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Column({ type: 'int', default: 1 }) seq: number;
  /** a dispatcher holds it until then (core/jobs: the database clock) */
  @Column({ name: 'lease_until', type: 'datetime', precision: 3, nullable: true }) leaseUntil: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

export enum PlatformOrderState {
  /** a sales order was made */
  IMPORTED = 'imported',
  /** waits for its SKUs to be mapped (the review list) */
  HELD = 'held',
}

/** A platform order seen once: at most one sales order per (connection, platform order id). */
@ObjectType({ description: 'A platform order and the sales order it became.' })
@Entity('platform_order')
@Index(['connectionId', 'platformOrderId'], { unique: true })
@Index(['salesOrderId'])
export class PlatformOrder {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'connection_id', type: 'int' }) connectionId: number;
  @Field() @Column({ name: 'platform_order_id', type: 'varchar', length: 64 }) platformOrderId: string;
  @Field(() => String, { description: 'imported or held (waiting for its SKUs).' })
  @Column({ type: 'varchar', length: 10 })
  state: PlatformOrderState;
  @Field(() => ID, { nullable: true }) @Column({ name: 'sales_order_id', type: 'int', nullable: true }) salesOrderId:
    number | null;
  /** the platform's order as received (JSON), to import once its SKUs are mapped */
  @Column({ type: 'text' }) raw: string;
  @Field(() => String, { nullable: true })
  @Column({ name: 'tracking_no', type: 'varchar', length: 64, nullable: true })
  trackingNo: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'shipment_pushed_at', type: 'datetime', precision: 3, nullable: true })
  shipmentPushedAt: Date | null;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/** A platform SKU code mapped to one of ours (when the codes differ). */
@ObjectType({ description: "A platform's SKU code and our SKU it stands for." })
@Entity('platform_sku_map')
@Index(['connectionId', 'platformSku'], { unique: true })
export class PlatformSkuMap {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'connection_id', type: 'int' }) connectionId: number;
  @Field() @Column({ name: 'platform_sku', type: 'varchar', length: 64 }) platformSku: string;
  @Field(() => ID, { nullable: true, description: 'null: not mapped yet (on the review list).' })
  @Column({ name: 'sku_id', type: 'int', nullable: true })
  skuId: number | null;
  @Field(() => Int, { description: 'Held orders waiting for it.' })
  @Column({ type: 'int', default: 0 })
  waiting: number;
}

export enum PlatformRefundState {
  /** a sales return was posted for it */
  RETURNED = 'returned',
  /** waits for a person (unknown order, not shipped, more than shipped): the review list */
  REVIEW = 'review',
  /** a person looked at it and put it aside */
  DISMISSED = 'dismissed',
}

/** A platform refund seen once: at most one sales return per (connection, platform refund id). */
@ObjectType({ description: 'A refund from a platform and the sales return it became (or why it waits for review).' })
@Entity('platform_refund')
@Index(['connectionId', 'platformRefundId'], { unique: true })
export class PlatformRefund {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'connection_id', type: 'int' }) connectionId: number;
  @Field() @Column({ name: 'platform_refund_id', type: 'varchar', length: 64 }) platformRefundId: string;
  @Field() @Column({ name: 'platform_order_id', type: 'varchar', length: 64 }) platformOrderId: string;
  @Field(() => String, { description: 'returned, review or dismissed.' })
  @Column({ type: 'varchar', length: 10 })
  state: PlatformRefundState;
  @Field(() => String, {
    nullable: true,
    description:
      'Why it waits: REFUND_UNKNOWN_ORDER, REFUND_NOT_SHIPPED, REFUND_UNKNOWN_SKU, REFUND_TOO_MUCH, or the error code of the return.',
  })
  @Column({ type: 'varchar', length: 40, nullable: true })
  problem: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 300, nullable: true }) message:
    string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'sales_return_id', type: 'int', nullable: true }) salesReturnId:
    number | null;
  /** the platform's refund as received (JSON), to try again */
  @Column({ type: 'text' }) raw: string;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/**
 * A shipment's tracking number to tell the platform (the shipment push outbox): written by the
 * `order.shipped` event in the shipment's transaction, sent by a worker, kept with its outcome.
 */
@ObjectType({ description: "A shipment's tracking number pushed back to the platform (or waiting to be)." })
@Entity('platform_shipment_push')
@Index(['shipmentId'], { unique: true })
@Index(['orderRowId'])
export class PlatformShipmentPush {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'connection_id', type: 'int' }) connectionId: number;
  /** the platform_order row */
  @Column({ name: 'order_row_id', type: 'int' }) orderRowId: number;
  @Field(() => ID) @Column({ name: 'shipment_id', type: 'int' }) shipmentId: number;
  @Field() @Column({ name: 'tracking_no', type: 'varchar', length: 64 }) trackingNo: string;
  @Field() @Column({ type: 'varchar', length: 40, default: '' }) carrier: string;
  @Field(() => Int) @Column({ type: 'int', default: 0 }) attempts: number;
  @Field(() => String, { nullable: true })
  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;
  /** not before then (a lease while sending, a backoff after a failure; the database clock) */
  @Column({ name: 'lease_until', type: 'datetime', precision: 3, nullable: true }) leaseUntil: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the platform took it (null: not yet).' })
  @Column({ name: 'pushed_at', type: 'datetime', precision: 3, nullable: true })
  pushedAt: Date | null;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
