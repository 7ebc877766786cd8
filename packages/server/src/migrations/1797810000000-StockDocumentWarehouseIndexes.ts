import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stock document list of one warehouse, newest first: its filter is `warehouse_id = w OR
 * to_warehouse_id = w` (a transfer shows in both warehouses), so the page's ids are the merge of two
 * ordered ranges, (warehouse, business date) and (destination warehouse, business date); each holds
 * the id, so a page-number jump's offset reads index entries only.
 */
export class StockDocumentWarehouseIndexes1797810000000 implements MigrationInterface {
  name = 'StockDocumentWarehouseIndexes1797810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `IDX_stock_document_wh_date` ON `stock_document` (`warehouse_id`, `business_date`)');
    await q.query(
      'CREATE INDEX `IDX_stock_document_to_wh_date` ON `stock_document` (`to_warehouse_id`, `business_date`)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `IDX_stock_document_to_wh_date` ON `stock_document`');
    await q.query('DROP INDEX `IDX_stock_document_wh_date` ON `stock_document`');
  }
}
