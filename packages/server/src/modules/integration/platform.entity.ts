import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn } from '../../core/decimal';

/** A store's connection to its online platform: where to pull orders from, as whom, and how far it got. */
@ObjectType({ description: 'An online store connected to its platform (orders in, shipments out).' })
@Entity('platform_connection')
export class PlatformConnection {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field({ description: 'The adapter: simshop (cursor-paged, signed requests).' })
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
