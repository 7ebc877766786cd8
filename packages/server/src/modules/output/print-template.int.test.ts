import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

const TEMPLATE = `query ($d: PrintDocType!) { printTemplate(docType: $d) { docType headerText logo fields signatureLines footerText version } }`;
const SAVE = `mutation ($i: SavePrintTemplateInput!) { savePrintTemplate(input: $i) { docType headerText logo fields signatureLines footerText version } }`;
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe(`print templates (${testDbKind})`, () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp();
    for (const r of ['admin', 'warehouse', 'sales']) tokens[r] = await t.login(r);
  });
  afterAll(() => t.close());

  it('prints with the defaults until an admin saves a template, then with the saved one', async () => {
    const d = await t.gql<any>(TEMPLATE, { d: 'DELIVERY_NOTE' }, tokens.warehouse);
    expect(d.errors).toBeUndefined();
    expect(d.data!.printTemplate).toMatchObject({
      version: 0,
      logo: '',
      signatureLines: ['发货人', '承运人', '收货人'],
      fields: [
        'orderDate',
        'customer',
        'warehouse',
        'shipTo',
        'skuCode',
        'skuName',
        'qty',
        'shipped',
        'picks',
        'unitPrice',
        'amount',
        'total',
      ],
    });
    const input = {
      docType: 'DELIVERY_NOTE',
      headerText: '上海示范贸易有限公司 · 浦东新区 1 号',
      logo: PNG,
      // the order of the catalogue wins, whatever order they are sent in
      fields: ['skuName', 'customer', 'qty', 'skuCode', 'shipTo'],
      signatureLines: ['仓管', ' ', '收货人'],
      footerText: '货物请当面点清',
      version: 0,
    };
    const saved = await t.gql<any>(SAVE, { i: input }, tokens.admin);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.savePrintTemplate).toEqual({
      docType: 'DELIVERY_NOTE',
      headerText: '上海示范贸易有限公司 · 浦东新区 1 号',
      logo: PNG,
      fields: ['customer', 'shipTo', 'skuCode', 'skuName', 'qty'],
      signatureLines: ['仓管', '收货人'],
      footerText: '货物请当面点清',
      version: 1,
    });
    expect((await t.gql<any>(TEMPLATE, { d: 'DELIVERY_NOTE' }, tokens.warehouse)).data!.printTemplate.version).toBe(1);
    // the others keep their defaults
    expect((await t.gql<any>(TEMPLATE, { d: 'STOCKTAKE' }, tokens.warehouse)).data!.printTemplate.version).toBe(0);
    // a supplier's statement (对账单) prints with its own signature lines
    expect((await t.gql<any>(TEMPLATE, { d: 'SUPPLIER_STATEMENT' }, tokens.warehouse)).data!.printTemplate).toEqual({
      docType: 'SUPPLIER_STATEMENT',
      headerText: '',
      logo: '',
      fields: ['party', 'period', 'opening', 'date', 'kind', 'number', 'debit', 'credit', 'balance', 'closing'],
      signatureLines: ['制表', '供应商确认（盖章）'],
      footerText: '',
      version: 0,
    });
    // a stale version is a conflict and changes nothing
    const stale = await t.gql(SAVE, { i: { ...input, headerText: 'x' } }, tokens.admin);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await t.gql<any>(TEMPLATE, { d: 'DELIVERY_NOTE' }, tokens.admin)).data!.printTemplate.headerText).toBe(
      input.headerText,
    );
    const second = await t.gql<any>(
      SAVE,
      { i: { ...input, logo: 'https://cdn.example.com/logo.png', version: 1 } },
      tokens.admin,
    );
    expect(second.data!.savePrintTemplate).toMatchObject({ version: 2, logo: 'https://cdn.example.com/logo.png' });
  });

  it('refuses a keeper, unknown fields, a logo that is not an image and too many signature lines', async () => {
    const base = {
      docType: 'SALES_ORDER',
      headerText: '',
      logo: '',
      fields: ['qty'],
      signatureLines: [],
      footerText: '',
      version: 0,
    };
    expect(codeOf(await t.gql(SAVE, { i: base }, tokens.warehouse))).toBe('FORBIDDEN');
    for (const bad of [
      { fields: ['qty', 'cost'] },
      { logo: 'javascript:alert(1)' },
      { logo: 'data:image/svg+xml;base64,PHN2Zz4=' },
      { logo: `data:image/png;base64,${'A'.repeat(60_000)}` },
      { signatureLines: ['1', '2', '3', '4', '5', '6', '7'] },
    ]) {
      const r = await t.gql(SAVE, { i: { ...base, ...bad } }, tokens.admin);
      expect(codeOf(r), JSON.stringify(bad).slice(0, 60)).toBe('BAD_USER_INPUT');
    }
    expect((await t.gql<any>(TEMPLATE, { d: 'SALES_ORDER' }, tokens.admin)).data!.printTemplate.version).toBe(0);
  });
});
