import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `purchase_order_line.price_deviates`: a line without an agreed price deviates from none (it was
 * flagged, so the order showed both 偏离协议价 and 无协议价). The missing agreement is `agreed_price` NULL.
 */
export class NoAgreementNoDeviation1797820000000 implements MigrationInterface {
  name = 'NoAgreementNoDeviation1797820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('UPDATE `purchase_order_line` SET `price_deviates` = 0 WHERE `agreed_price` IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('UPDATE `purchase_order_line` SET `price_deviates` = 1 WHERE `agreed_price` IS NULL');
  }
}
