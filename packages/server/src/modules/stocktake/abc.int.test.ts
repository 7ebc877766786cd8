import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRole, addUser, newProductSku, seedCatalog, StockLedgerEntry } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { exportedFile, exportListAs } from '../../test/list-export';
import { Stocktake } from './stocktake.entity';

const CREATE_AND_POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id } }`;
const RECOMPUTE = 'mutation($w:ID!){ recomputeAbcClasses(warehouseId:$w){ skus a b c periodFrom periodTo } }';
const CLASSES = `query($w:ID!,$c:AbcClass){ abcClasses(warehouseId:$w, abcClass:$c){ total items {
  skuCode abcClass computedClass manualClass rank issuedValue share cumulative lastCountedOn nextCountDue } } }`;
const SET =
  'mutation($w:ID!,$s:ID!,$c:AbcClass){ setAbcClass(warehouseId:$w, skuId:$s, abcClass:$c){ abcClass manualClass } }';
const PLAN =
  'query($w:ID!,$d:String){ cycleCountPlan(warehouseId:$w, asOf:$d){ skuCode abcClass lastCountedOn dueOn overdueDays } }';
const CREATE = `mutation($i:CreateStocktakeInput!){ createStocktake(input:$i){ id number kind freezePostings version
  progress { lines } } }`;
const LINES = `query($id:ID!){ stocktakeLines(stocktakeId:$id){ items { id skuCode binCode batchNo bookQty status finalQty differenceQty movedQty value } } }`;
const COUNT = 'mutation($i:RecordCountInput!){ recordStocktakeCount(input:$i){ status } }';
const FINISH = 'mutation($id:ID!,$v:Int!){ finishStocktakeCounting(id:$id, version:$v){ version } }';
const REASONS = 'mutation($id:ID!,$r:[LineReasonInput!]!){ setStocktakeReasons(stocktakeId:$id, reasons:$r){ id } }';
const APPROVE = 'mutation($id:ID!,$v:Int!){ approveStocktake(id:$id, version:$v){ status adjustmentNumber } }';
const GET = 'query($id:ID!){ stocktake(id:$id){ version } }';

describe(`ABC classes and cycle counts from them (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let s4: string;
  let s5: string;
  let s6: string;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  let keySeq = 0;
  const post = (i: object) => t.gql(CREATE_AND_POST, { i, k: `abc-${++keySeq}` }, tok.admin);

  beforeAll(async () => {
    t = await testApp();
    c = await seedCatalog(t.ds);
    await addUser(t.ds, 'keeper2', ['warehouse'], { displayName: '周仓管 Zhou', warehouseIds: [c.warehouses[0].id] });
    for (const u of ['admin', 'manager', 'warehouse', 'keeper2']) tok[u] = await t.login(u);
    W1 = String(c.warehouses[0].id);
    s4 = String((await newProductSku(t.ds, 'S4')).id);
    s5 = String((await newProductSku(t.ds, 'S5')).id);
    s6 = String((await newProductSku(t.ds, 'S6')).id);
    const [tea, rice, milk] = [c.tea.id, c.rice.id, c.milk.id].map(String);
    // a year ago (outside the 12 months): S5 received and half issued — not counted in its value
    ok(
      await post({
        type: 'OTHER_IN',
        warehouseId: W1,
        businessDate: '2025-11-01',
        lines: [{ skuId: s5, qty: '20', unitCost: '5.00' }],
      }),
    );
    ok(
      await post({ type: 'OTHER_OUT', warehouseId: W1, businessDate: '2025-11-20', lines: [{ skuId: s5, qty: '10' }] }),
    );
    ok(
      await post({
        type: 'OTHER_IN',
        warehouseId: W1,
        businessDate: '2026-11-01',
        lines: [
          { skuId: tea, qty: '100', unitCost: '10.00' },
          { skuId: rice, qty: '100', unitCost: '8.00' },
          { skuId: milk, qty: '50', unitCost: '3.00', batchNo: 'M1', expiryDate: '2027-06-30' },
          { skuId: s4, qty: '100', unitCost: '1.00' },
        ],
      }),
    );
    // issued in the period: tea 700.00, rice 200.00, milk 60.00, S4 40.00 — 1,000.00 in all
    ok(
      await post({
        type: 'OTHER_OUT',
        warehouseId: W1,
        businessDate: '2026-11-10',
        lines: [
          { skuId: tea, qty: '70' },
          { skuId: rice, qty: '25' },
          { skuId: milk, qty: '20' },
          { skuId: s4, qty: '40' },
        ],
      }),
    );
  });
  afterAll(() => t.close());

  it('computes classes per warehouse from the value issued over 12 months (80 / 95 %)', async () => {
    expect(codeOf(await t.gql(RECOMPUTE, { w: W1 }, tok.warehouse))).toBe('FORBIDDEN');
    expect(ok(await t.gql(RECOMPUTE, { w: W1 }, tok.manager)).recomputeAbcClasses).toEqual({
      skus: 5,
      a: 2,
      b: 1,
      c: 2,
      periodFrom: '2025-11-26',
      periodTo: '2026-11-25',
    });
    const rows = ok(await t.gql(CLASSES, { w: W1 }, tok.manager)).abcClasses.items;
    expect(rows.map((r: any) => [r.skuCode, r.rank, r.issuedValue, r.share, r.cumulative, r.abcClass])).toEqual([
      ['P-TEA-1', 1, '700.00', '70.0000', '70.0000', 'A'],
      ['P-RICE-1', 2, '200.00', '20.0000', '90.0000', 'A'],
      ['P-MILK-1', 3, '60.00', '6.0000', '96.0000', 'B'],
      ['S4-1', 4, '40.00', '4.0000', '100.0000', 'C'],
      ['S5-1', 5, '0.00', '0.0000', '100.0000', 'C'],
    ]);
    // a keeper sees no classes; an accountant would see no values without stock.cost.read
    expect(codeOf(await t.gql(CLASSES, { w: W1 }, tok.warehouse))).toBe('FORBIDDEN');
  });

  it('a class fixed by hand wins and survives a recompute', async () => {
    expect(ok(await t.gql(SET, { w: W1, s: s5, c: 'A' }, tok.manager)).setAbcClass).toEqual({
      abcClass: 'A',
      manualClass: 'A',
    });
    ok(await t.gql(RECOMPUTE, { w: W1 }, tok.manager));
    const a = ok(await t.gql(CLASSES, { w: W1, c: 'A' }, tok.manager)).abcClasses.items;
    expect(a.map((r: any) => [r.skuCode, r.computedClass, r.manualClass])).toEqual([
      ['P-TEA-1', 'A', null],
      ['P-RICE-1', 'A', null],
      ['S5-1', 'C', 'A'],
    ]);
  });

  it('plans cycle counts by class review days; a SKU without a class cannot be cycle-counted', async () => {
    const plan = ok(await t.gql(PLAN, { w: W1 }, tok.manager)).cycleCountPlan;
    expect(plan.map((p: any) => [p.skuCode, p.abcClass, p.dueOn, p.overdueDays])).toEqual([
      ['P-TEA-1', 'A', '2026-11-25', 0],
      ['P-RICE-1', 'A', '2026-11-25', 0],
      ['S5-1', 'A', '2026-11-25', 0],
      ['P-MILK-1', 'B', '2026-11-25', 0],
      ['S4-1', 'C', '2026-11-25', 0],
    ]);
    const before = await t.ds.getRepository(Stocktake).count();
    const r = await t.gql(
      CREATE,
      { i: { kind: 'CYCLE', warehouseId: W1, skuIds: [s6, String(c.tea.id)] } },
      tok.manager,
    );
    expect(codeOf(r)).toBe('SKU_NOT_CLASSIFIED');
    expect(r.errors![0].extensions!.details).toMatchObject({ skuIds: [s6], skus: 'S6-1' });
    expect(await t.ds.getRepository(Stocktake).count()).toBe(before);
  });

  it('a cycle count of class A does not freeze: moves during the count are accounted for', async () => {
    const st = ok(
      await t.gql(CREATE, { i: { kind: 'CYCLE', warehouseId: W1, abcClass: 'A', toleranceQty: '1' } }, tok.manager),
    ).createStocktake;
    expect(st).toMatchObject({ kind: 'CYCLE', freezePostings: false, progress: { lines: 3 } });
    // goods leave while the count runs
    ok(await post({ type: 'OTHER_OUT', warehouseId: W1, lines: [{ skuId: String(c.tea.id), qty: '5' }] }));
    const count = (who: string, skuId: string, qty: string) =>
      t.gql(COUNT, { i: { stocktakeId: st.id, binId: '0', skuId, qty } }, tok[who]);
    // milk is class B: not in this count
    expect(codeOf(await count('warehouse', String(c.milk.id), '30'))).toBe('SKU_NOT_IN_COUNT');
    for (const who of ['warehouse', 'keeper2']) {
      ok(await count(who, String(c.tea.id), '25'));
      ok(await count(who, String(c.rice.id), '75'));
      ok(await count(who, s5, '9'));
    }
    const lines = ok(await t.gql(LINES, { id: st.id }, tok.manager)).stocktakeLines.items;
    expect(lines.map((l: any) => [l.skuCode, l.bookQty, l.status, l.finalQty, l.differenceQty])).toEqual([
      ['P-TEA-1', '30', 'SETTLED', '25', '0'], // 30 on the book, 5 left during the count
      ['P-RICE-1', '75', 'SETTLED', '75', '0'],
      ['S5-1', '10', 'SETTLED', '9', '-1'], // within the tolerance of 1: no recount
    ]);
    let v = ok(await t.gql(GET, { id: st.id }, tok.manager)).stocktake.version;
    ok(await t.gql(FINISH, { id: st.id, v }, tok.manager));
    ok(
      await t.gql(
        REASONS,
        { id: st.id, r: [{ lineId: lines[2].id, reason: 'DAMAGE', note: '包装破损' }] },
        tok.manager,
      ),
    );
    v = ok(await t.gql(GET, { id: st.id }, tok.manager)).stocktake.version;
    expect(ok(await t.gql(APPROVE, { id: st.id, v }, tok.manager)).approveStocktake).toEqual({
      status: 'APPROVED',
      adjustmentNumber: 'TZ-20261125-0001',
    });
    const after = ok(await t.gql(LINES, { id: st.id }, tok.manager)).stocktakeLines.items;
    expect(after.map((l: any) => [l.skuCode, l.movedQty, l.differenceQty, l.value])).toEqual([
      ['P-TEA-1', '-5', '0', '0.00'],
      ['P-RICE-1', '0', '0', '0.00'],
      ['S5-1', '0', '-1', '-5.00'],
    ]);
    const rows = await t.ds.getRepository(StockLedgerEntry).find({ where: { documentType: 'adjustment' } });
    expect(rows.map((r) => [r.skuId, r.qty, r.value])).toEqual([[Number(s5), '-1', '-5.00']]);
    expect(await t.app.services.posting.check('moving_average')).toEqual([]);
  });

  it('an approved count moves its SKUs to their next due day; the plan makes the next cycle count', async () => {
    const rows = ok(await t.gql(CLASSES, { w: W1, c: 'A' }, tok.manager)).abcClasses.items;
    expect(rows.map((r: any) => [r.skuCode, r.lastCountedOn, r.nextCountDue])).toEqual([
      ['P-TEA-1', '2026-11-25', '2026-12-02'],
      ['P-RICE-1', '2026-11-25', '2026-12-02'],
      ['S5-1', '2026-11-25', '2026-12-02'],
    ]);
    expect(ok(await t.gql(PLAN, { w: W1 }, tok.manager)).cycleCountPlan.map((p: any) => p.skuCode)).toEqual([
      'P-MILK-1',
      'S4-1',
    ]);
    // a week on, class A is due again (the never counted are due whatever the day)
    expect(
      ok(await t.gql(PLAN, { w: W1, d: '2026-12-02' }, tok.manager)).cycleCountPlan.map((p: any) => [
        p.skuCode,
        p.dueOn,
      ]),
    ).toEqual([
      ['P-TEA-1', '2026-12-02'],
      ['P-RICE-1', '2026-12-02'],
      ['S5-1', '2026-12-02'],
      ['P-MILK-1', '2026-12-02'],
      ['S4-1', '2026-12-02'],
    ]);
    expect(
      ok(await t.gql(PLAN, { w: W1, d: '2026-12-01' }, tok.manager)).cycleCountPlan.map((p: any) => p.skuCode),
    ).toEqual(['P-MILK-1', 'S4-1']);
    const st = ok(
      await t.gql(CREATE, { i: { kind: 'CYCLE', warehouseId: W1, duePlan: true } }, tok.manager),
    ).createStocktake;
    const lines = ok(await t.gql(LINES, { id: st.id }, tok.manager)).stocktakeLines.items;
    expect(lines.map((l: any) => [l.skuCode, l.batchNo, l.bookQty])).toEqual([
      ['P-MILK-1', 'M1', '30'],
      ['S4-1', '', '60'],
    ]);
  });

  it('exports the analysis page’s tables: accuracy by counter and by reason, ABC classes, the plan; values by stock.cost.read', async () => {
    await addRole(t.ds, 'x_counts', ['stock.count.read', 'stock.warehouse.read']);
    await addUser(t.ds, 'x_counter', ['x_counts']);
    tok.counter = await t.login('x_counter');
    const acc: Array<[string, string]> = [
      ['label', '分组'],
      ['counts', '盘点次数'],
      ['linesCounted', '盘点行'],
      ['linesRight', '准确行'],
      ['accuracyPct', '准确率'],
      ['gainValue', '盘盈金额'],
      ['lossValue', '盘亏金额'],
    ];
    const byCounter = { groupBy: 'COUNTER', filter: { warehouseId: W1 } };
    const manager = await exportedFile(t, tok.manager, 'stocktakeAccuracy', acc, byCounter);
    // both keepers counted the three lines (S5 one short, within the tolerance): the loss 1 × 5.00
    expect(manager.rows).toEqual([
      acc.map(([, h]) => h),
      ['孙仓管 Sun', '1', '3', '3', '100.00', '0.00', '5.00'],
      ['周仓管 Zhou', '1', '3', '3', '100.00', '0.00', '5.00'],
    ]);
    const counter = await exportedFile(t, tok.counter, 'stocktakeAccuracy', acc, byCounter);
    expect(counter.columns).toEqual(['label', 'counts', 'linesCounted', 'linesRight', 'accuracyPct']);
    expect(counter.hidden).toEqual(['StocktakeAccuracy.gainValue', 'StocktakeAccuracy.lossValue']);
    expect(counter.rows.slice(1)).toEqual(manager.rows.slice(1).map((r) => r.slice(0, 5)));
    // by reason: the page writes the reason's key as its label
    const reasons = await exportedFile(
      t,
      tok.manager,
      'stocktakeAccuracy',
      [['key', '分组'], ...acc.slice(1)],
      { groupBy: 'REASON', filter: { warehouseId: W1 } },
      { key: { damage: '损坏' } },
    );
    expect(reasons.rows).toEqual([acc.map(([, h]) => h), ['损坏', '1', '1', '0', '0.00', '0.00', '5.00']]);
    expect(codeOf(await exportListAs(t, tok.warehouse, 'stocktakeAccuracy', acc, byCounter))).toBe('FORBIDDEN');
    expect(codeOf(await exportListAs(t, tok.manager, 'stocktakeAccuracy', acc, { groupBy: 'NOPE' }))).toBe(
      'BAD_USER_INPUT',
    );

    const abc: Array<[string, string]> = [
      ['rank', '排名'],
      ['skuCode', 'SKU'],
      ['abcClass', 'ABC 分类'],
      ['issuedValue', '出库金额'],
      ['share', '占比'],
      ['cumulative', '累计占比'],
      ['lastCountedOn', '上次盘点'],
      ['nextCountDue', '下次盘点'],
    ];
    const classes = await exportedFile(t, tok.manager, 'abcClasses', abc, { warehouseId: W1, abcClass: 'A' });
    expect(classes.rows).toEqual([
      abc.map(([, h]) => h),
      ['1', 'P-TEA-1 龙井 250g', 'A', '700.00', '70.0000', '70.0000', '2026-11-25', '2026-12-02'],
      ['2', 'P-RICE-1 东北大米', 'A', '200.00', '20.0000', '90.0000', '2026-11-25', '2026-12-02'],
      ['5', 'S5-1 S5', 'A', '0.00', '0.0000', '100.0000', '2026-11-25', '2026-12-02'], // fixed by hand
    ]);
    const classesCounter = await exportedFile(t, tok.counter, 'abcClasses', abc, { warehouseId: W1 });
    expect(classesCounter.hidden).toEqual(['AbcClassification.issuedValue']);
    expect(classesCounter.rows).toEqual([
      ['排名', 'SKU', 'ABC 分类', '占比', '累计占比', '上次盘点', '下次盘点'],
      ['1', 'P-TEA-1 龙井 250g', 'A', '70.0000', '70.0000', '2026-11-25', '2026-12-02'],
      ['2', 'P-RICE-1 东北大米', 'A', '20.0000', '90.0000', '2026-11-25', '2026-12-02'],
      ['3', 'P-MILK-1 鲜牛奶', 'B', '6.0000', '96.0000'],
      ['4', 'S4-1 S4', 'C', '4.0000', '100.0000'],
      ['5', 'S5-1 S5', 'A', '0.0000', '100.0000', '2026-11-25', '2026-12-02'],
    ]);

    const plan: Array<[string, string]> = [
      ['skuCode', 'SKU'],
      ['abcClass', 'ABC 分类'],
      ['lastCountedOn', '上次盘点'],
      ['dueOn', '应盘日期'],
      ['overdueDays', '逾期天数'],
    ];
    const planFile = await exportedFile(t, tok.counter, 'cycleCountPlan', plan, { warehouseId: W1 });
    expect(planFile.rows).toEqual([
      plan.map(([, h]) => h),
      ['P-MILK-1 鲜牛奶', 'B', '', '2026-11-25', '0'],
      ['S4-1 S4', 'C', '', '2026-11-25', '0'],
    ]);
    expect(codeOf(await exportListAs(t, tok.counter, 'cycleCountPlan', plan, {}))).toBe('BAD_USER_INPUT');
  });
});
