import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Print templates (打印模板), one per document type. */
export class PrintTemplates1797590000000 implements MigrationInterface {
  name = 'PrintTemplates1797590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`print_template\` (\`id\` int NOT NULL AUTO_INCREMENT, \`doc_type\` varchar(30) NOT NULL, \`header_text\` varchar(500) NOT NULL DEFAULT '', \`logo\` text NOT NULL, \`fields\` text NOT NULL, \`signature_lines\` text NOT NULL, \`footer_text\` varchar(500) NOT NULL DEFAULT '', \`version\` int NOT NULL DEFAULT '1', UNIQUE INDEX \`UQ_print_template_doc_type\` (\`doc_type\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE \`print_template\``);
  }
}
