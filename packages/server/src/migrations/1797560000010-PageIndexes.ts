import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the pages at scale read: a warehouse's window of demand in one covering range ("needs
 * ordering" over every SKU of a warehouse), and the order of the stock document and purchase order
 * lists (newest first), so their first and 1,000th pages at 1,000,000 documents read an index
 * instead of sorting every row.
 */
export class PageIndexes1797560000010 implements MigrationInterface {
  name = 'PageIndexes1797560000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX `IDX_replenishment_demand_window` ON `replenishment_demand` (`warehouse_id`, `day`, `sku_id`, `qty`)',
    );
    await q.query('CREATE INDEX `IDX_stock_document_date` ON `stock_document` (`business_date`)');
    await q.query('CREATE INDEX `IDX_purchase_order_date` ON `purchase_order` (`order_date`)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `IDX_purchase_order_date` ON `purchase_order`');
    await q.query('DROP INDEX `IDX_stock_document_date` ON `stock_document`');
    await q.query('DROP INDEX `IDX_replenishment_demand_window` ON `replenishment_demand`');
  }
}
