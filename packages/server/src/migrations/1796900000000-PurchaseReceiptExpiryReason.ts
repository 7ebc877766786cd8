import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The reason a short-dated or expired batch was received on a purchase receipt, as on stock documents. */
export class PurchaseReceiptExpiryReason1796900000000 implements MigrationInterface {
  name = 'PurchaseReceiptExpiryReason1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE `purchase_receipt_line` ADD `expiry_reason` varchar(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `purchase_receipt_line` DROP COLUMN `expiry_reason`');
  }
}
