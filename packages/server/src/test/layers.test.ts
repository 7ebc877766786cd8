import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';

// The import rule (ESLint jxc/server-layers, run by `pnpm lint`): what it lets through and what it refuses.
RuleTester.describe = describe;
RuleTester.it = it;

const src = path.resolve(__dirname, '..');
const at = (file: string) => path.join(src, file);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as any } });

describe('jxc/server-layers', async () => {
  const url = pathToFileURL(path.resolve(src, '../../../eslint-rules/server-layers.mjs')).href;
  const rule = (await import(url)).default as Rule.RuleModule;
  const reads = { 'modules/stock/stock-report.service.ts': ['sku'] };

  tester.run('server-layers', rule, {
    valid: [
      // another module's face: lookups, and entity classes as types (relations, GraphQL field types)
      {
        filename: at('modules/sales/x.ts'),
        code: "import { findSku, type Sku } from '../catalog';\nexport const f = (tx: any): Promise<Sku | null> => findSku(tx, 1);",
      },
      {
        filename: at('modules/auth/x.ts'),
        code: "import { Warehouse } from '../stock';\nexport const target = () => Warehouse;",
      },
      // its own tables and core's, in SQL
      {
        filename: at('modules/sales/x.ts'),
        code: "export const q = 'SELECT id FROM sales_order o JOIN customer c ON c.id = o.customer_id';",
      },
      { filename: at('modules/sales/x.ts'), code: "export const q = 'UPDATE doc_sequence SET next = next + 1';" },
      // a report listed with the tables it may read
      {
        filename: at('modules/stock/stock-report.service.ts'),
        code: "export const q = 'SELECT c.qty FROM stock_cost c JOIN sku s ON s.id = c.sku_id';",
        options: [{ reads }],
      },
      // prose is not SQL
      { filename: at('modules/stock/x.ts'), code: "export const d = 'Moves goods from warehouse to customer';" },
      // tests query any table, reaching other modules through src/test/fixtures.ts or a face, and their own module's files
      {
        filename: at('modules/sales/x.test.ts'),
        code: "import { StockCost } from '../../test/fixtures';\nexport const f = (ds: any) => ds.getRepository(StockCost);",
      },
      {
        filename: at('modules/sales/x.test.ts'),
        code: "import { Warehouse } from '../stock';\nimport { SalesOrder } from './sales-order.entity';\nexport const f = (ds: any) => [ds.getRepository(Warehouse), SalesOrder];",
      },
      {
        filename: at('core/x.int.test.ts'),
        code: "import { CompanySettings } from '../modules/system';\nexport const f = (ds: any) => ds.getRepository(CompanySettings);",
      },
    ],
    invalid: [
      {
        filename: at('modules/sales/x.ts'),
        code: "import { StockCost } from '../stock/ledger.entity';",
        errors: [{ messageId: 'moduleInternal' }],
      },
      {
        filename: at('modules/sales/x.ts'),
        code: "import { Sku } from '../catalog';\nexport const f = (tx: any) => tx.find(Sku, { where: { id: 1 } });",
        errors: [{ messageId: 'foreignEntity' }],
      },
      {
        filename: at('modules/stocktake/x.ts'),
        code: "import { StockCost } from '../stock';\nexport const f = (ds: any) => ds.getRepository(StockCost).find();",
        errors: [{ messageId: 'foreignEntity' }],
      },
      {
        filename: at('modules/sales/x.ts'),
        code: "export const q = 'UPDATE stock_cost SET reserved = 0 WHERE sku_id = ?';",
        errors: [{ messageId: 'foreignWrite' }],
      },
      {
        filename: at('modules/purchasing/x.ts'),
        code: "import { lockRows } from '../../core/sql';\nexport const f = (tx: any) => lockRows(tx, 'supplier', [1]);",
        errors: [{ messageId: 'foreignWrite' }],
      },
      {
        filename: at('modules/sales/x.ts'),
        code: 'export const q = (ids: number[]) => `SELECT id, name FROM warehouse WHERE id IN (${ids.join()})`;',
        errors: [{ messageId: 'foreignRead' }],
      },
      {
        filename: at('modules/stock/stock-report.service.ts'),
        code: "export const q = 'SELECT id FROM category';",
        options: [{ reads }],
        errors: [{ messageId: 'foreignRead' }],
      },
      {
        filename: at('core/x.ts'),
        code: "import { User } from '../modules/auth';",
        errors: [{ messageId: 'coreUp' }],
      },
      // a test does not import another module's internal files either
      {
        filename: at('modules/sales/x.test.ts'),
        code: "import { StockCost } from '../stock/ledger.entity';",
        errors: [{ messageId: 'testInternal' }],
      },
      {
        filename: at('core/x.int.test.ts'),
        code: "import { hashPassword } from '../modules/auth/password';",
        errors: [{ messageId: 'testInternal' }],
      },
      {
        filename: at('x.int.test.ts'),
        code: "export { Role } from './modules/auth/role.entity';",
        errors: [{ messageId: 'testInternal' }],
      },
    ],
  });
});
