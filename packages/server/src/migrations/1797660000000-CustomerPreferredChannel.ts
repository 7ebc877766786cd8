import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A customer's preferred contact channel (SMS, WECHAT, EMAIL, PHONE; none: the rule from phone and e-mail). */
export class CustomerPreferredChannel1797660000000 implements MigrationInterface {
  name = 'CustomerPreferredChannel1797660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `customer` ADD `preferred_channel` varchar(10) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `customer` DROP COLUMN `preferred_channel`');
  }
}
