import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DecimalColumn, QuantityColumn } from '../../core/decimal';

/**
 * 月结快照: the closing quantity and value of a warehouse × SKU at the end of a month — the Σ of
 * its ledger rows dated up to that day, so valuation at a date reads one snapshot plus at most a
 * month of ledger rows. Only pairs with something on the book (quantity or value not zero) have a
 * row. Kept exact: a posting that appends rows dated in or before a snapshotted month rebuilds
 * those months' rows of its warehouse × SKU in its own transaction (see `snapshots.ts`).
 */
@Entity('stock_snapshot')
export class StockSnapshot {
  /** YYYY-MM */
  @PrimaryColumn({ type: 'varchar', length: 7 }) month: string;
  @PrimaryColumn({ name: 'warehouse_id', type: 'int' }) warehouseId: number;
  @PrimaryColumn({ name: 'sku_id', type: 'int' }) skuId: number;
  @QuantityColumn() qty: string;
  @DecimalColumn(18, 2) value: string;
}

/** The months that have a snapshot (a month without a row here has none, whatever stock_snapshot holds). */
@Entity('stock_snapshot_month')
export class StockSnapshotMonth {
  /** YYYY-MM */
  @PrimaryColumn({ type: 'varchar', length: 7 }) month: string;
  /** its last day (YYYY-MM-DD): the snapshot holds every ledger row dated up to it */
  @Column({ name: 'end_date', type: 'varchar', length: 10 }) endDate: string;
  @Column({ name: 'written_at', type: 'datetime', precision: 3 }) writtenAt: Date;
}
