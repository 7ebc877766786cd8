import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 采购退货 after the supplier invoiced the goods: what the supplier owes back for them (a debit note),
 * which the payables and the supplier statement count against the invoices.
 */
export class PurchaseReturnCredit1797900000000 implements MigrationInterface {
  name = 'PurchaseReturnCredit1797900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE `purchase_return` ADD `credit` decimal(18,2) NOT NULL DEFAULT '0.00'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `purchase_return` DROP COLUMN `credit`');
  }
}
