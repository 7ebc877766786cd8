import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BalanceKeyOrder1795582405574 implements MigrationInterface {
  name = 'BalanceKeyOrder1795582405574';

  async up(q: QueryRunner): Promise<void> {
    // the new unique key first, so uniqueness holds throughout
    await q.query(
      `CREATE UNIQUE INDEX \`UQ_stock_balance_key\` ON \`stock_balance\` (\`warehouse_id\`, \`sku_id\`, \`bin_id\`, \`batch_id\`)`,
    );
    await q.query(`DROP INDEX \`IDX_49e9008b7bc7355f1de6eee79b\` ON \`stock_balance\``);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`UQ_stock_balance_key\` ON \`stock_balance\``);
    await q.query(
      `CREATE UNIQUE INDEX \`IDX_49e9008b7bc7355f1de6eee79b\` ON \`stock_balance\` (\`warehouse_id\`, \`bin_id\`, \`sku_id\`, \`batch_id\`)`,
    );
  }
}
