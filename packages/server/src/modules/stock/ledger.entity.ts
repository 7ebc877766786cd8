import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalColumn, QuantityColumn } from '../../core/decimal';

/**
 * 库存流水: append-only. One row per document line × bin × batch, with signed quantity, unit cost
 * and value; re-costing a later issue after a back-dated posting appends a row of quantity 0 and
 * the value difference, so no posted row is ever updated.
 */
@Entity('stock_ledger')
@Index(['warehouseId', 'skuId', 'businessDate'])
@Index(['documentId'])
// corrections and reversals of an entry are found by it (cancellations, returns, re-costing)
@Index(['refEntryId'])
// covers the period reports (valuation at a date, cost of goods issued in a period) so they read the index only
@Index('IDX_stock_ledger_report', ['businessDate', 'documentType', 'warehouseId', 'skuId', 'qty', 'value'])
export class StockLedgerEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Column({ name: 'bin_id', type: 'int', default: 0 }) binId: number;
  @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Column({ name: 'batch_id', type: 'int', default: 0 }) batchId: number;
  @Column({ name: 'document_id', type: 'int' }) documentId: number;
  @Column({ name: 'document_line_id', type: 'int' }) documentLineId: number;
  @Column({ name: 'document_type', type: 'varchar', length: 20 }) documentType: string;
  @Column({ name: 'document_number', type: 'varchar', length: 40 }) documentNumber: string;
  /** in, out, or recost (quantity 0: a later value correction of the entry it adjusts) */
  @Column({ type: 'varchar', length: 8 }) kind: 'in' | 'out' | 'recost';
  /**
   * Where the value came from: price (an inbound at a given unit cost), method (the costing
   * method decided it), fixed (a given value), reverse (minus its share of the value of the entry
   * it reverses), transfer (an arrival: minus the value its departure has). Replaying the ledger needs this to reproduce every value.
   */
  @Column({ name: 'cost_source', type: 'varchar', length: 8 }) costSource:
    'price' | 'method' | 'fixed' | 'reverse' | 'transfer';
  /** recost: the entry corrected; reverse: the entry reversed; transfer (an arrival): its departure */
  @Column({ name: 'ref_entry_id', type: 'bigint', nullable: true }) refEntryId: string | null;
  /** recost: the document whose posting changed the value (a back-dated receipt, a cancellation …) */
  @Column({ name: 'cause_type', type: 'varchar', length: 20, nullable: true }) causeType: string | null;
  @Column({ name: 'cause_id', type: 'int', nullable: true }) causeId: number | null;
  @Column({ name: 'cause_number', type: 'varchar', length: 40, nullable: true }) causeNumber: string | null;
  /** recost: what the cause did — post (a posting, a receipt of a transfer, a return) or cancel */
  @Column({ name: 'cause_action', type: 'varchar', length: 8, nullable: true }) causeAction: 'post' | 'cancel' | null;
  /** recost: the business date of the cause (the day the back-dated posting or the cancellation is dated) */
  @Column({ name: 'cause_date', type: 'varchar', length: 10, nullable: true }) causeDate: string | null;
  @Column({ name: 'business_date', type: 'varchar', length: 10 }) businessDate: string;
  @QuantityColumn() qty: string;
  @DecimalColumn(18, 6, { name: 'unit_cost' }) unitCost: string;
  @DecimalColumn(18, 2) value: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/**
 * 现存量 per warehouse × bin × SKU × batch (0 = none), kept in the posting transaction. Value is
 * costed per warehouse × SKU, so it lives on stock_cost, not here.
 */
@Entity('stock_balance')
// warehouse and SKU lead, so picking the balances of some SKUs in a warehouse locks just those rows
@Index('UQ_stock_balance_key', ['warehouseId', 'skuId', 'binId', 'batchId'], { unique: true })
@Index(['skuId'])
export class StockBalance {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @Column({ name: 'bin_id', type: 'int', default: 0 }) binId: number;
  @Column({ name: 'sku_id', type: 'int' }) skuId: number;
  @Column({ name: 'batch_id', type: 'int', default: 0 }) batchId: number;
  @QuantityColumn({ default: '0.000000' }) qty: string;
  @QuantityColumn({ default: '0.000000' }) reserved: string;
}

/**
 * The costing head of a warehouse × SKU: totals, the method's state, and the last move applied.
 * Locking this row serialises postings of one warehouse × SKU, which the cost methods need.
 */
@Entity('stock_cost')
export class StockCost {
  @PrimaryColumn({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @PrimaryColumn({ name: 'sku_id', type: 'int' }) skuId: number;
  @QuantityColumn({ default: '0.000000' }) qty: string;
  @DecimalColumn(18, 2, { default: '0.00' }) value: string;
  /** reserved for confirmed sales orders (warehouse × SKU); the posting engine's upsert never touches it */
  @QuantityColumn({ default: '0.000000' }) reserved: string;
  /** JSON of the costing state (FIFO layers); empty for moving average */
  @Column({ type: 'text', nullable: true }) state: string | null;
  /** business date of the latest move applied; a move dated before it is back-dated */
  @Column({ name: 'last_date', type: 'varchar', length: 10, default: '' }) lastDate: string;
}
