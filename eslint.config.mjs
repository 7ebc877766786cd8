// One lint config for both packages. Formatting is Prettier's job (eslint-config-prettier turns off what it owns).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import serverLayers from './eslint-rules/server-layers.mjs';

/**
 * The console's layers, top to bottom: app/ (composition root: main, App, router assembly), layout/ and
 * features/, components/, shared/ (urql client, i18n, session and permissions, errors, formatting).
 * Imports only point down; a file under src/<dir> may not import these (by alias or relative path).
 */
const CONSOLE_LAYERS = {
  layout: ['app'],
  features: ['app', 'layout'],
  components: ['app', 'layout', 'features'],
  shared: ['app', 'layout', 'features', 'components'],
};
const consoleLayers = Object.entries(CONSOLE_LAYERS).map(([dir, banned]) => ({
  files: [`packages/console/src/${dir}/**/*.{ts,vue}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((b) => ({
          regex: `^(@/|(\\.\\./)+)${b}(/|$)`,
          message: `console layers: ${dir}/ may not import ${b}/ (imports point down; see ARCHITECTURE.md, Console)`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'packages/console/src/gql/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'vue/multi-word-component-names': 'off',
      // form parts edit fields of the model object their page owns (props.form.x = …); replacing a prop stays an error
      'vue/no-mutating-props': ['error', { shallowOnly: true }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    plugins: { jxc: { rules: { 'server-layers': serverLayers } } },
    rules: {
      'jxc/server-layers': [
        'error',
        {
          // Reports that read other modules' tables in SQL, joining them to filter, sort and name
          // large lists in the database; each lists exactly the tables it may read (never write).
          reads: {
            'modules/purchasing/replenishment.service.ts': [
              'stock_balance',
              'stock_cost',
              'sku',
              'product',
              'category',
            ],
            // the demand history's rebuild and check read the ledger they are kept from
            'modules/purchasing/demand.ts': ['stock_ledger', 'stock_document'],
            'modules/stock/stock-report.service.ts': ['sku', 'product', 'category'],
            // promotions' rows naming a customer or an order follow the customer and warehouse scope
            // (sales depends on promotions, so the owner and order conditions are written in SQL)
            'modules/promotions/customer-scope.ts': ['customer', 'sales_order'],
            // the posting engine reads the picked SKUs' pick strategy (catalog's column) with its
            // warehouses' facts: one round trip fewer while the cost heads are locked
            'modules/stock/posting-sql.ts': ['sku'],
            // the cost and margin analysis: posted sales documents, the ledger and the names to group by
            'modules/analytics/analytics-sql.ts': [
              'sales_shipment',
              'sales_shipment_line',
              'sales_return',
              'sales_return_line',
              'sales_order',
              'customer',
              'customer_tier',
              'sales_channel',
              'sales_store',
              'app_user',
              'sku',
              'product',
              'category',
              'brand',
              'warehouse',
              'stock_ledger',
              'stock_cost',
              'stock_balance',
              'batch',
              'purchase_receipt',
              'purchase_receipt_line',
              'purchase_order',
              // the supplier statement: what a supplier owes back for invoiced goods returned
              'purchase_return',
              // a purchaser's prices against the agreed and the last price (staff performance)
              'purchase_order_line',
              'supplier',
              'supplier_qualification',
              'customer_payment',
              'stock_document',
              'stock_document_line',
              'stocktake_count',
              'stocktake_line',
              'sales_invoice',
              'supplier_invoice',
              'supplier_payment',
            ],
          },
        },
      ],
    },
  },
  ...consoleLayers,
  prettier,
);
