import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `replenishment_suggestion`: the last suggestion per warehouse × SKU under the key of its inputs, so
 * every API process (and a restarted one) reuses what one of them computed.
 */
export class KeptSuggestions1797713000000 implements MigrationInterface {
  name = 'KeptSuggestions1797713000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE \`replenishment_suggestion\` (\`warehouse_id\` int NOT NULL, \`sku_id\` int NOT NULL, \`key_hash\` varchar(40) NOT NULL, \`suggestion_key\` text NOT NULL, \`suggested\` varchar(40) NULL, \`suggestion\` text NOT NULL, PRIMARY KEY (\`warehouse_id\`, \`sku_id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `replenishment_suggestion`');
  }
}
