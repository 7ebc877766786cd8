import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerReportIndex1795582261667 implements MigrationInterface {
  name = 'LedgerReportIndex1795582261667';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_45fa413a3916488fcb7fcbf938\` ON \`stock_ledger\``);
    await q.query(
      `CREATE INDEX \`IDX_stock_ledger_report\` ON \`stock_ledger\` (\`business_date\`, \`document_type\`, \`warehouse_id\`, \`sku_id\`, \`qty\`, \`value\`)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX \`IDX_stock_ledger_report\` ON \`stock_ledger\``);
    await q.query(`CREATE INDEX \`IDX_45fa413a3916488fcb7fcbf938\` ON \`stock_ledger\` (\`business_date\`)`);
  }
}
