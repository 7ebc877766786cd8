import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockLedgerEntry } from './ledger.entity';
import { StockDocument } from './stock-document.entity';

const CREATE = 'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id status version } }';
const POST =
  'mutation($id:ID!,$k:String){ postStockDocument(id:$id, idempotencyKey:$k){ id number status lines { qty baseQty unitCost value } } }';
const CANCEL = 'mutation($id:ID!){ cancelStockDocument(id:$id){ id status } }';
const RECEIVE = 'mutation($id:ID!){ receiveTransfer(id:$id){ id status } }';
const LEVEL =
  'query($f:StockLevelFilter){ stockLevels(filter:$f){ total items { warehouseCode skuCode onHand available unitCost value } } }';

describe(`stock ledger and posting engine (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let W2: string;
  const check = async () => expect(await t.app.services.posting.check('moving_average')).toEqual([]);

  /** Creates and posts a document; returns the posted document. */
  const doc = async (type: string, lines: object[], extra: Record<string, unknown> = {}, token = admin) => {
    const created = await t.gql(CREATE, { i: { type, warehouseId: W1, lines, ...extra } }, token);
    expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
    const posted = await t.gql(POST, { id: created.data.createStockDocument.id }, token);
    if (!extra.mayFail) expect(posted.errors, JSON.stringify(posted.errors)).toBeUndefined();
    return { id: created.data.createStockDocument.id as string, ...posted };
  };
  const level = async (sku: { id: number }, w = W1) => {
    const r = await t.gql(LEVEL, { f: { warehouseId: w, skuId: String(sku.id), includeZero: true } }, admin);
    return r.data.stockLevels.items[0];
  };

  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
    W2 = String(c.warehouses[1].id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('receives at a price and issues at the moving average, exactly', async () => {
    const r1 = await doc('OTHER_IN', [{ skuId: String(c.tea.id), qty: '10', unitCost: '10.00' }], {
      businessDate: '2026-11-02',
    });
    expect(r1.data.postStockDocument.number).toBe('QR-20261102-0001');
    expect(r1.data.postStockDocument.lines[0]).toMatchObject({ value: '100.00', unitCost: '10.000000' });
    await doc('OTHER_IN', [{ skuId: String(c.tea.id), qty: '10', unitCost: '12.00' }], { businessDate: '2026-11-04' });
    const out = await doc('OTHER_OUT', [{ skuId: String(c.tea.id), qty: '5' }], { businessDate: '2026-11-06' });
    expect(out.data.postStockDocument.lines[0]).toMatchObject({ value: '-55.00', unitCost: '11.000000' });
    expect(await level(c.tea)).toMatchObject({ onHand: '15', available: '15', value: '165.00', unitCost: '11.000000' });
    await check();
  });

  it('converts units: 1 箱 = 12 件; refuses unknown units, too many decimals, zero and negative quantities, naming the line', async () => {
    const r = await doc('OTHER_IN', [{ skuId: String(c.tea.id), qty: '1', unit: '箱', unitCost: '11.00' }], {
      businessDate: '2026-11-06',
    });
    expect(r.data.postStockDocument.lines[0]).toMatchObject({ qty: '1', baseQty: '12', value: '132.00' });
    expect(await level(c.tea)).toMatchObject({ onHand: '27', value: '297.00' });
    const bad = await t.gql(
      CREATE,
      {
        i: {
          type: 'OTHER_OUT',
          warehouseId: W1,
          lines: [
            { skuId: String(c.tea.id), qty: '1', unit: '桶' },
            { skuId: String(c.tea.id), qty: '1.5' },
            { skuId: String(c.rice.id), qty: '0' },
            { skuId: String(c.rice.id), qty: '-2' },
            { skuId: '99999', qty: '1' },
          ],
        },
      },
      admin,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.details.fields.map((f: any) => f.field)).toEqual([
      'lines[0].unit',
      'lines[1].qty',
      'lines[2].qty',
      'lines[3].qty',
      'lines[4].skuId',
    ]);
    const rice = await doc('OTHER_IN', [{ skuId: String(c.rice.id), qty: '2.125', unitCost: '4.80' }], {
      businessDate: '2026-11-06',
    });
    expect(rice.data.postStockDocument.lines[0].value).toBe('10.20');
    expect(
      codeOf(
        await t.gql(
          CREATE,
          {
            i: {
              type: 'OTHER_IN',
              warehouseId: W1,
              lines: [{ skuId: String(c.rice.id), qty: '1.0005', unitCost: '1' }],
            },
          },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          CREATE,
          {
            i: { type: 'OTHER_IN', warehouseId: '777', lines: [{ skuId: String(c.rice.id), qty: '1', unitCost: '1' }] },
          },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    await check();
  });

  it('refuses to issue more than is on hand, listing every short line, and leaves no trace', async () => {
    const ledgerBefore = await t.ds.getRepository(StockLedgerEntry).count();
    const created = await t.gql(
      CREATE,
      {
        i: {
          type: 'OTHER_OUT',
          warehouseId: W1,
          businessDate: '2026-11-10',
          lines: [
            { skuId: String(c.tea.id), qty: '5' },
            { skuId: String(c.tea.id), qty: '100' },
            { skuId: String(c.rice.id), qty: '3' },
          ],
        },
      },
      admin,
    );
    const r = await t.gql(POST, { id: created.data.createStockDocument.id }, admin);
    expect(codeOf(r)).toBe('INSUFFICIENT_STOCK');
    const lines = r.errors![0].extensions!.details.lines;
    expect(lines.map((l: any) => [l.index, l.short])).toEqual([
      [1, '78'],
      [2, '0.875'],
    ]);
    expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(ledgerBefore);
    const d = await t.ds
      .getRepository(StockDocument)
      .findOneByOrFail({ id: Number(created.data.createStockDocument.id) });
    expect(d).toMatchObject({ status: 'draft', number: null });
    // the failed posting used no number: the next issue of that day is -0001
    const ok = await doc('OTHER_OUT', [{ skuId: String(c.rice.id), qty: '1' }], { businessDate: '2026-11-10' });
    expect(ok.data.postStockDocument.number).toBe('QC-20261110-0001');
    expect(codeOf(await t.gql(POST, { id: ok.id }, admin))).toBe('DOCUMENT_NOT_DRAFT');
    await check();
  });

  it('a back-dated receipt re-costs the later issue with a value correction, equal to a replay', async () => {
    const before = await level(c.tea);
    await doc('OTHER_IN', [{ skuId: String(c.tea.id), qty: '10', unitCost: '7.00' }], { businessDate: '2026-11-03' });
    // replay by hand: R 10@10 (11-02), R 10@7 (11-03), R 10@12 (11-04), I 5 (11-06) at 290/30, R 12@11 (11-06)
    const recost = await t.ds.getRepository(StockLedgerEntry).findBy({ kind: 'recost' });
    expect(recost).toHaveLength(1);
    expect(recost[0]).toMatchObject({ qty: '0', businessDate: '2026-11-06' });
    // the issue was 55.00; at 290 / 30 it is round2(5 × 290 / 30) = 48.33
    expect(recost[0].value).toBe('6.67');
    // an issue dated before the stock arrived is refused, whatever is on hand today
    const early = await t.gql(
      CREATE,
      {
        i: {
          type: 'OTHER_OUT',
          warehouseId: W1,
          businessDate: '2026-11-01',
          lines: [{ skuId: String(c.tea.id), qty: '1' }],
        },
      },
      admin,
    );
    const refused = await t.gql(POST, { id: early.data.createStockDocument.id }, admin);
    expect(codeOf(refused)).toBe('INSUFFICIENT_STOCK');
    expect(refused.errors![0].extensions!.details.lines[0]).toMatchObject({ index: 0, date: '2026-11-01', short: '1' });
    const after = await level(c.tea);
    expect(after.onHand).toBe('37');
    expect(after.value).toBe('373.67'); // 297.00 + 70.00 + 6.67
    expect(before.value).toBe('297.00');
    await check();
    const card = (
      await t.gql(
        `{ stockCard(warehouseId:"${W1}", skuId:"${c.tea.id}") { openingQty closingQty closingValue rows { businessDate kind qty value balanceQty balanceValue } } }`,
        {},
        admin,
      )
    ).data.stockCard;
    expect(card.closingQty).toBe('37');
    expect(card.closingValue).toBe('373.67');
    expect(card.rows.map((r: any) => r.kind)).toEqual(['in', 'in', 'in', 'out', 'in', 'recost']);
  });

  it('cancelling posts reversing entries and restores stock and value exactly', async () => {
    const before = await level(c.tea);
    const out = await doc('OTHER_OUT', [{ skuId: String(c.tea.id), qty: '7' }], { businessDate: '2026-11-12' });
    const mid = await level(c.tea);
    expect(mid.onHand).toBe('30');
    const cancelled = await t.gql(CANCEL, { id: out.id }, admin);
    expect(cancelled.data.cancelStockDocument.status).toBe('CANCELLED');
    expect(await level(c.tea)).toMatchObject({ onHand: before.onHand, value: before.value });
    expect(codeOf(await t.gql(CANCEL, { id: out.id }, admin))).toBe('DOCUMENT_STATE');
    await check();
  });

  it('transfers: out into transit, in at the value that left', async () => {
    const created = await t.gql(
      CREATE,
      { i: { type: 'TRANSFER', warehouseId: W1, toWarehouseId: W2, lines: [{ skuId: String(c.tea.id), qty: '6' }] } },
      admin,
    );
    const id = created.data.createStockDocument.id;
    const shipped = await t.gql(POST, { id }, admin);
    expect(shipped.data.postStockDocument.status).toBe('IN_TRANSIT');
    const actions = async () =>
      (await t.gql('query($id:ID!){ stockDocument(id:$id){ availableActions } }', { id }, admin)).data.stockDocument
        .availableActions;
    expect(await actions()).toEqual(['RECEIVE_TRANSFER', 'CANCEL']);
    expect(shipped.data.postStockDocument.number).toMatch(/^TR-\d{8}-0001$/);
    const left = shipped.data.postStockDocument.lines[0].value;
    expect((await level(c.tea)).onHand).toBe('31');
    expect(await level(c.tea, W2)).toBeUndefined();
    expect((await t.gql(RECEIVE, { id }, admin)).data.receiveTransfer.status).toBe('POSTED');
    expect(await actions()).toEqual(['CANCEL']);
    const there = await level(c.tea, W2);
    expect(there.onHand).toBe('6');
    expect(there.value).toBe(left.replace('-', ''));
    await check();
  });

  it('idempotency: a retried post returns the first result; another request with the key is refused', async () => {
    const created = await t.gql(
      CREATE,
      { i: { type: 'OTHER_IN', warehouseId: W1, lines: [{ skuId: String(c.rice.id), qty: '1', unitCost: '5' }] } },
      admin,
    );
    const id = created.data.createStockDocument.id;
    const n = await t.ds.getRepository(StockLedgerEntry).count();
    const [a, b] = await Promise.all([t.gql(POST, { id, k: 'key-1' }, admin), t.gql(POST, { id, k: 'key-1' }, admin)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data.postStockDocument.number).toBe(b.data.postStockDocument.number);
    expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(n + 1);
    const again = await t.gql(POST, { id, k: 'key-1' }, admin);
    expect(again.data.postStockDocument.number).toBe(a.data.postStockDocument.number);
    const other = await t.gql(
      CREATE,
      { i: { type: 'OTHER_IN', warehouseId: W1, lines: [{ skuId: String(c.rice.id), qty: '1', unitCost: '5' }] } },
      admin,
    );
    expect(codeOf(await t.gql(POST, { id: other.data.createStockDocument.id, k: 'key-1' }, admin))).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    await check();
  });

  it('two issues racing for the last units: exactly one succeeds, nothing oversold', async () => {
    await doc('OTHER_IN', [{ skuId: String(c.rice.id), qty: '10', unitCost: '5' }], { warehouseId: W2 });
    const mk = async () =>
      (
        await t.gql(
          CREATE,
          { i: { type: 'OTHER_OUT', warehouseId: W2, lines: [{ skuId: String(c.rice.id), qty: '6' }] } },
          admin,
        )
      ).data.createStockDocument.id;
    for (let round = 0; round < 3; round++) {
      const ids = [await mk(), await mk()];
      const res = await Promise.all(ids.map((id) => t.gql(POST, { id }, admin)));
      const ok = res.filter((r) => !r.errors);
      const failed = res.filter((r) => r.errors);
      if (round === 0) {
        expect(ok).toHaveLength(1);
        expect(failed.map(codeOf)).toEqual(['INSUFFICIENT_STOCK']);
      } else expect(ok).toHaveLength(0);
    }
    expect((await level(c.rice, W2)).onHand).toBe('4');
    await check();
  });

  it('batch-tracked SKUs need a batch in; issues pick FEFO; a missing batch is refused', async () => {
    const noBatch = await t.gql(
      CREATE,
      { i: { type: 'OTHER_IN', warehouseId: W1, lines: [{ skuId: String(c.milk.id), qty: '5', unitCost: '3' }] } },
      admin,
    );
    expect(codeOf(noBatch)).toBe('BAD_USER_INPUT');
    await doc('OTHER_IN', [
      {
        skuId: String(c.milk.id),
        qty: '5',
        unitCost: '3',
        batchNo: 'L2',
        expiryDate: '2026-12-20',
        binId: String(c.bins[0].id),
        // within the 30 warning days of today (2026-11-25): received with a reason
        expiryReason: '短保质期鲜奶 fresh milk',
      },
      {
        skuId: String(c.milk.id),
        qty: '5',
        unitCost: '3',
        batchNo: 'L1',
        expiryDate: '2026-12-10',
        binId: String(c.bins[1].id),
        expiryReason: '短保质期鲜奶 fresh milk',
      },
    ]);
    await doc('OTHER_OUT', [{ skuId: String(c.milk.id), qty: '7' }]);
    const bins = (
      await t.gql(`{ binBalances(warehouseId:"${W1}", skuId:"${c.milk.id}") { binCode batchNo qty } }`, {}, admin)
    ).data.binBalances;
    expect(bins).toEqual([{ binCode: 'A-01', batchNo: 'L2', qty: '3' }]);
    const missing = await t.gql(
      CREATE,
      { i: { type: 'OTHER_OUT', warehouseId: W1, lines: [{ skuId: String(c.milk.id), qty: '1', batchNo: 'NOPE' }] } },
      admin,
    );
    expect(codeOf(await t.gql(POST, { id: missing.data.createStockDocument.id }, admin))).toBe('BAD_USER_INPUT');
    await check();
  });

  it('warehouse keepers see quantities but never costs; sales neither; accountants everything', async () => {
    const keeper = await t.login('warehouse');
    const k = await t.gql(LEVEL, { f: { skuId: String(c.tea.id) } }, keeper);
    expect(k.data.stockLevels.items[0].onHand).toBe('31');
    expect(k.data.stockLevels.items[0].value).toBeNull();
    expect(k.data.stockLevels.items[0].unitCost).toBeNull();
    expect(k.extensions!.hiddenFields).toEqual(['StockLevel.unitCost', 'StockLevel.value']);
    const card = await t.gql(
      `{ stockCard(warehouseId:"${W1}", skuId:"${c.tea.id}") { closingQty closingValue rows { qty value unitCost balanceValue } } }`,
      {},
      keeper,
    );
    expect(card.data.stockCard.closingQty).toBe('31');
    expect(
      card.data.stockCard.rows.every((r: any) => r.value === null && r.unitCost === null && r.balanceValue === null),
    ).toBe(true);
    const docs = await t.gql(
      '{ stockDocuments(page:{limit:5}) { items { number lines { qty unitCost value } } } }',
      {},
      keeper,
    );
    expect(
      docs.data.stockDocuments.items
        .flatMap((d: any) => d.lines)
        .every((l: any) => l.value === null && l.unitCost === null),
    ).toBe(true);
    expect(codeOf(await t.gql('{ stockLevels(sort: VALUE) { total } }', {}, keeper))).toBe('FORBIDDEN');
    const exp = await t.gql('{ exportStockLevels { columns content } }', {}, keeper);
    expect(exp.data.exportStockLevels.columns).not.toContain('value');
    expect(exp.data.exportStockLevels.columns).toContain('onHand');
    // headers in the requester's language, zh-CN by default
    expect(exp.data.exportStockLevels.content.replace(/^\ufeff/, '').split(/\r?\n/)[0]).toBe(
      '仓库,SKU 编码,商品名称,单位,现有库存,已预留,已过期,隔离中,可用',
    );
    const expEn = await t.gql('{ exportStockLevels { content } }', {}, keeper, { 'accept-language': 'en' });
    expect(expEn.data.exportStockLevels.content.replace(/^\ufeff/, '').split(/\r?\n/)[0]).toBe(
      'Warehouse,SKU code,Name,Unit,On hand,Reserved,Expired,Quarantined,Available',
    );
    const docsCsv = await t.gql('{ exportStockDocuments { columns content } }', {}, keeper);
    expect(docsCsv.data.exportStockDocuments.columns).toEqual(expect.arrayContaining(['number', 'qty']));
    expect(docsCsv.data.exportStockDocuments.columns).not.toContain('value');
    expect(docsCsv.data.exportStockDocuments.content).toContain('QR-20261102-0001');
    // keepers may not type a cost either
    expect(
      codeOf(
        await t.gql(
          CREATE,
          { i: { type: 'OTHER_IN', warehouseId: W1, lines: [{ skuId: String(c.tea.id), qty: '1', unitCost: '1' }] } },
          keeper,
        ),
      ),
    ).toBe('FORBIDDEN');
    const sales = await t.login('sales');
    const s = await t.gql(`{ valuation(date:"2030-01-01", groupBy: WAREHOUSE) { key qty value } }`, {}, sales);
    expect(s.data.valuation.every((r: any) => r.value === null)).toBe(true);
    const acc = await t.login('accountant');
    const a = await t.gql(`{ valuation(date:"2030-01-01", groupBy: WAREHOUSE) { key qty value } }`, {}, acc);
    expect(a.data.valuation.every((r: any) => /^\d+\.\d{2}$/.test(r.value))).toBe(true);
  });

  it('valuation at a date and cost of goods issued per period add up from the ledger', async () => {
    const v = (
      await t.gql(`{ valuation(date:"2026-11-05", groupBy: SKU, warehouseId:"${W1}") { key qty value } }`, {}, admin)
    ).data.valuation;
    // on 11-05: 10@10 + 10@7 + 10@12 = 30 units, 290.00
    expect(v.find((r: any) => r.key === String(c.tea.id))).toEqual({
      key: String(c.tea.id),
      qty: '30',
      value: '290.00',
    });
    const cogi = (
      await t.gql(
        `{ costOfGoodsIssued(from:"2026-11-01", to:"2026-11-30", groupBy: SKU, warehouseId:"${W1}") { key qty value } }`,
        {},
        admin,
      )
    ).data.costOfGoodsIssued;
    // tea: the issue of 5 re-costed to 48.33; the issue of 7 was cancelled
    expect(cogi.find((r: any) => r.key === String(c.tea.id))).toEqual({
      key: String(c.tea.id),
      qty: '5',
      value: '48.33',
    });
  });

  it('filters stock levels by a category and its subtree', async () => {
    const q = 'query($f:StockLevelFilter){ stockLevels(filter:$f){ total items { skuCode } } }';
    const all = (await t.gql(q, { f: { warehouseId: W1, categoryId: String(c.category.id) } }, admin)).data.stockLevels;
    expect(all.items.map((i: any) => i.skuCode).sort()).toEqual(['P-MILK-1', 'P-RICE-1', 'P-TEA-1']);
    // a child category with only the rice product in it
    const child = await t.ds.query(
      "INSERT INTO category (parent_id, code, name, path, version) VALUES (?, 'RICE', '米', '/', 1)",
      [c.category.id],
    );
    const childId = child.insertId ?? (await t.ds.query("SELECT id FROM category WHERE code = 'RICE'"))[0].id;
    await t.ds.query('UPDATE category SET path = ? WHERE id = ?', [`/${c.category.id}/${childId}/`, childId]);
    await t.ds.query('UPDATE product SET category_id = ? WHERE id = (SELECT product_id FROM sku WHERE id = ?)', [
      childId,
      c.rice.id,
    ]);
    expect(
      (await t.gql(q, { f: { warehouseId: W1, categoryId: String(childId) } }, admin)).data.stockLevels.items,
    ).toEqual([{ skuCode: 'P-RICE-1' }]);
    expect(
      (await t.gql(q, { f: { warehouseId: W1, categoryId: String(c.category.id) } }, admin)).data.stockLevels.total,
    ).toBe(3);
  });

  it('refuses posting into a closed period', async () => {
    const s = (await t.gql('{ companySettings { version } }', {}, admin)).data.companySettings;
    await t.gql(
      'mutation($i:UpdateSettingsInput!){ updateCompanySettings(input:$i){ version } }',
      { i: { version: s.version, closedThrough: '2026-10-31' } },
      admin,
    );
    const created = await t.gql(
      CREATE,
      {
        i: {
          type: 'OTHER_IN',
          warehouseId: W1,
          businessDate: '2026-10-15',
          lines: [{ skuId: String(c.tea.id), qty: '1', unitCost: '1' }],
        },
      },
      admin,
    );
    expect(codeOf(await t.gql(POST, { id: created.data.createStockDocument.id }, admin))).toBe('PERIOD_CLOSED');
    await check();
  });
});
