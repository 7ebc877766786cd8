import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn } from '../../core/decimal';

/**
 * A warehouse run by a third-party warehouse (3PL, 第三方仓储): where its API is, the key and
 * secret jxc calls it with, and how far the confirmations were read. One connection per warehouse;
 * while it is active the keepers post no shipment, transfer out or purchase receipt there: those
 * go to the 3PL as requests and post when it confirms.
 */
@ObjectType({ description: 'A warehouse operated by a third-party warehouse (3PL) and its connection.' })
@Entity('tpl_connection')
@Index(['warehouseId'], { unique: true })
export class TplConnection {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => ID) @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Field() @Column({ name: 'base_url', type: 'varchar', length: 300 }) baseUrl: string;
  @Field() @Column({ name: 'client_key', type: 'varchar', length: 100 }) clientKey: string;
  /** sent as the bearer token; never shown again */
  @Column({ type: 'varchar', length: 200 }) secret: string;
  /** whose name the confirmations post in (the admin who connected it): audit rows and idempotency keys */
  @Column({ name: 'acting_user_id', type: 'int' }) actingUserId: number;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
  /** the 3PL's confirmation feed: where the next pull starts */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  cursor: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_pull_at', type: 'datetime', precision: 3, nullable: true })
  lastPullAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The last pull or send error (null: it went well).' })
  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;
  @Field(() => String, { nullable: true, description: 'The business day of the last stock snapshot reconciled.' })
  @Column({ name: 'last_snapshot_date', type: 'varchar', length: 10, nullable: true })
  lastSnapshotDate: string | null;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

export enum TplRequestKind {
  /** a sales order's goods: pick and send to the customer */
  SHIPMENT = 'shipment',
  /** goods to another warehouse of ours */
  TRANSFER = 'transfer',
  /** an advance shipping notice: a purchase order's goods will arrive */
  ASN = 'asn',
}

export enum TplRequestStatus {
  /** written, not yet accepted by the 3PL (the outbox) */
  QUEUED = 'queued',
  /** the 3PL accepted it */
  SENT = 'sent',
  /** confirmed in full */
  DONE = 'done',
  /** confirmed short: the confirmed quantity posted, a review item left */
  SHORT = 'short',
  /** its document was cancelled before the 3PL confirmed anything (the 3PL was told, or never had it) */
  CANCELLED = 'cancelled',
}

/** One line of a request: what to pick or expect. Never a price (the field rule of 3PL payloads). */
export interface TplRequestLine {
  /** the order line (shipments, ASNs) or the line number (transfers) the confirmation answers */
  key: string;
  skuId: number;
  sku: string;
  name: string;
  unit: string;
  qty: string;
  confirmed: string;
}

/**
 * A request to the 3PL and its outbox row at once: written in the transaction that decides it, sent
 * by a worker (`tpl.send`) that retries with backoff (the lease is the next attempt's time).
 */
@ObjectType({ description: 'A request to a 3PL: a shipment, a transfer out or an advance shipping notice.' })
@Entity('tpl_request')
@Index(['connectionId', 'status'])
@Index(['sourceType', 'sourceId'])
export class TplRequest {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'connection_id', type: 'int' }) connectionId: number;
  @Field({ description: 'The reference the 3PL confirms against.' })
  @Column({ type: 'varchar', length: 40, unique: true })
  ref: string;
  @Field(() => String, { description: 'shipment, transfer or asn.' })
  @Column({ type: 'varchar', length: 10 })
  kind: TplRequestKind;
  @Field(() => String, { description: 'queued, sent, done, short or cancelled.' })
  @Column({ type: 'varchar', length: 10 })
  status: TplRequestStatus;
  @Field({ description: 'sales_order, purchase_order or transfer.' })
  @Column({ name: 'source_type', type: 'varchar', length: 20 })
  sourceType: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'source_id', type: 'int', nullable: true }) sourceId:
    number | null;
  @Field({
    description:
      "The sales or purchase order number, or the other warehouse's code of a transfer (its destination; its source when it comes in).",
  })
  @Column({ name: 'source_number', type: 'varchar', length: 60, default: '' })
  sourceNumber: string;
  /** a transfer's other warehouse: its destination (kind transfer), its source (kind asn, a transfer coming in) */
  @Field(() => ID, {
    nullable: true,
    description:
      "A transfer's other warehouse: the destination of one out (TRANSFER), the source of one coming in (ASN).",
  })
  @Column({ name: 'to_warehouse_id', type: 'int', nullable: true })
  toWarehouseId: number | null;
  /** the lines (JSON TplRequestLine[]) */
  @Column({ name: 'line_items', type: 'text' }) lines: string;
  /** where to send / from whom (JSON), no prices */
  @Column({ type: 'text' }) party: string;
  @Field(() => Int) @Column({ type: 'int', default: 0 }) attempts: number;
  /** held by a sender, or the next attempt after a failure (the database clock) */
  @Column({ name: 'lease_until', type: 'datetime', precision: 3, nullable: true }) leaseUntil: Date | null;
  @Field(() => String, { nullable: true })
  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

export enum TplConfirmationState {
  /** stored, not yet posted (a crash here: the next pull or sweep posts it) */
  RECEIVED = 'received',
  POSTED = 'posted',
  /** on the review list, nothing posted */
  REVIEW = 'review',
}

/** A confirmation as the 3PL sent it, stored before anything is posted: once per (connection, confirmation id). */
@ObjectType({ description: 'A confirmation from a 3PL and what became of it.' })
@Entity('tpl_confirmation')
@Index(['connectionId', 'confirmationId'], { unique: true })
@Index(['state'])
export class TplConfirmation {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'connection_id', type: 'int' }) connectionId: number;
  @Field() @Column({ name: 'confirmation_id', type: 'varchar', length: 64 }) confirmationId: string;
  @Field() @Column({ name: 'request_ref', type: 'varchar', length: 64 }) requestRef: string;
  @Field(() => String) @Column({ type: 'varchar', length: 10 }) state: TplConfirmationState;
  /** the 3PL's message (JSON) */
  @Column({ type: 'text' }) raw: string;
  @Field(() => String, { nullable: true, description: 'sales_shipment, purchase_receipt or transfer.' })
  @Column({ name: 'posted_type', type: 'varchar', length: 20, nullable: true })
  postedType: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'posted_id', type: 'int', nullable: true }) postedId:
    number | null;
  @Field(() => Date) @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt: Date;
}

export enum TplReviewKind {
  /** confirmed less than requested: the confirmed quantity posted */
  SHORT = 'short',
  /** confirmed more than requested (or a SKU not requested): nothing posted */
  OVER = 'over',
  /** a confirmation for a request jxc does not know: nothing posted */
  UNKNOWN_REQUEST = 'unknown_request',
  /** the posting was refused (e.g. closed period, the book has not enough): nothing posted */
  FAILED = 'failed',
  /** a confirmation of a request whose document was cancelled: nothing posted */
  CANCELLED = 'cancelled',
  /** the 3PL's snapshot and the book differ for a SKU */
  STOCK_DIFF = 'stock_diff',
  /**
   * the 3PL cancelled this request but its document's cancellation failed (another request refused):
   * cancelled here too, the document kept; someone sends it again or cancels the document
   */
  CANCEL_SPLIT = 'cancel_split',
}

export enum TplReviewStatus {
  OPEN = 'open',
  /** an adjustment was posted */
  ADJUSTED = 'adjusted',
  DISMISSED = 'dismissed',
  /** a newer snapshot listed the SKU again */
  SUPERSEDED = 'superseded',
}

/** An item for a person: a short, over or unknown confirmation, a refused posting, or a stock difference. */
@ObjectType({ description: 'A 3PL item waiting for a person (never adjusted silently).' })
@Entity('tpl_review')
@Index(['connectionId', 'status'])
export class TplReview {
  @Field(() => ID) @PrimaryGeneratedColumn() id: number;
  @Field(() => ID) @Column({ name: 'connection_id', type: 'int' }) connectionId: number;
  @Field(() => String, { description: 'short, over, unknown_request, failed, cancelled, stock_diff or cancel_split.' })
  @Column({ type: 'varchar', length: 16 })
  kind: TplReviewKind;
  @Field(() => String, { description: 'open, adjusted, dismissed or superseded.' })
  @Column({ type: 'varchar', length: 12 })
  status: TplReviewStatus;
  @Field(() => ID, { nullable: true }) @Column({ name: 'request_id', type: 'int', nullable: true }) requestId:
    number | null;
  @Field(() => ID, { nullable: true })
  @Column({ name: 'confirmation_id', type: 'int', nullable: true })
  confirmationId: number | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'sku_id', type: 'int', nullable: true }) skuId: number | null;
  @Field(() => String, { nullable: true, description: 'Stock differences: what the book says.' })
  @DecimalColumn(18, 6, { name: 'book_qty', nullable: true })
  bookQty: string | null;
  @Field(() => String, { nullable: true, description: 'Stock differences: what the 3PL counts.' })
  @DecimalColumn(18, 6, { name: 'tpl_qty', nullable: true })
  tplQty: string | null;
  @Field(() => String, { nullable: true, description: 'The snapshot day (stock differences).' })
  @Column({ name: 'snapshot_date', type: 'varchar', length: 10, nullable: true })
  snapshotDate: string | null;
  @Field({
    description:
      "What happened, in English (for API clients and logs). The console renders `params` in its reader's language instead.",
  })
  @Column({ type: 'varchar', length: 500 })
  detail: string;
  /** what it is about as data (JSON of `TplReviewParamsJson`, tpl-review.ts); null on items from before it was kept */
  @Column({ type: 'text', nullable: true }) params: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true }) note:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The adjustment posted when it was resolved.' })
  @Column({ name: 'document_id', type: 'int', nullable: true })
  documentId: number | null;
  @Field(() => Date) @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;
}
