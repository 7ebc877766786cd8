import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The replenishment's demand history kept by postings (per warehouse × SKU × day) and each SKU's
 * first and last day of movement per warehouse, filled from the ledger as it is. Safe to re-run:
 * the tables are made if missing and refilled from scratch.
 */
export class ReplenishmentDemand1797100000100 implements MigrationInterface {
  name = 'ReplenishmentDemand1797100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`replenishment_demand\` (\`warehouse_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`day\` varchar(10) NOT NULL, \`qty\` decimal(18,6) NOT NULL DEFAULT '0.000000', PRIMARY KEY (\`warehouse_id\`, \`sku_id\`, \`day\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`replenishment_span\` (\`warehouse_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`first_day\` varchar(10) NOT NULL, \`last_day\` varchar(10) NOT NULL, PRIMARY KEY (\`warehouse_id\`, \`sku_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
    // backfill from the ledger (value corrections are not moves; demand is shipments and other issues marked as demand)
    await q.query('DELETE FROM `replenishment_span`');
    await q.query(
      "INSERT INTO `replenishment_span` (warehouse_id, sku_id, first_day, last_day) SELECT warehouse_id, sku_id, MIN(business_date), MAX(business_date) FROM `stock_ledger` WHERE kind <> 'recost' GROUP BY warehouse_id, sku_id",
    );
    await q.query('DELETE FROM `replenishment_demand`');
    await q.query(
      "INSERT INTO `replenishment_demand` (warehouse_id, sku_id, day, qty) SELECT l.warehouse_id, l.sku_id, l.business_date, -SUM(l.qty) FROM `stock_ledger` l WHERE l.kind <> 'recost' AND (l.document_type = 'sales_shipment' OR (l.document_type = 'other_out' AND l.document_id IN (SELECT d.id FROM `stock_document` d WHERE d.counts_as_demand = 1))) GROUP BY l.warehouse_id, l.sku_id, l.business_date",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS `replenishment_span`');
    await q.query('DROP TABLE IF EXISTS `replenishment_demand`');
  }
}
