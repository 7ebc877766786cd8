import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The purchase and sales order lists of one warehouse, newest first: (warehouse, order date) holds
 * the id, so a page's ids (and a page-number jump's offset) come from the index alone.
 */
export class ListWarehouseIndexes1797650000000 implements MigrationInterface {
  name = 'ListWarehouseIndexes1797650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX `IDX_purchase_order_wh_date` ON `purchase_order` (`warehouse_id`, `order_date`)');
    await q.query('CREATE INDEX `IDX_sales_order_wh_date` ON `sales_order` (`warehouse_id`, `order_date`)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `IDX_sales_order_wh_date` ON `sales_order`');
    await q.query('DROP INDEX `IDX_purchase_order_wh_date` ON `purchase_order`');
  }
}
