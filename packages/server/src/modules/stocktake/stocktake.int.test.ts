import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Bin, seedCatalog, StockBalance, StockLedgerEntry, User } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { StocktakeCount, StocktakeLine } from './stocktake.entity';

const CREATE_AND_POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number } }`;
const ST_FIELDS = `id number kind status freezePostings version adjustmentId adjustmentNumber availableActions
  progress { lines pending recount settled }`;
const CREATE = `mutation($i:CreateStocktakeInput!){ createStocktake(input:$i){ ${ST_FIELDS} } }`;
const GET = `query($id:ID!){ stocktake(id:$id){ ${ST_FIELDS}
  accuracy { linesCounted linesRight accuracyPct gainValue lossValue netValue estimated } } }`;
const LINES = `query($id:ID!,$f:StocktakeLineFilter){ stocktakeLines(stocktakeId:$id, filter:$f){ total items {
  id lineNo binCode skuCode batchNo found status recountCause countsDone myCount mayCount bookQty finalQty differenceQty
  reason value counts { round counterName qty } } } }`;
const COUNT = `mutation($i:RecordCountInput!){ recordStocktakeCount(input:$i){ id status recountCause countsDone myCount finalQty } }`;
const FINISH = 'mutation($id:ID!,$v:Int!){ finishStocktakeCounting(id:$id, version:$v){ status version } }';
const REASONS =
  'mutation($id:ID!,$r:[LineReasonInput!]!){ setStocktakeReasons(stocktakeId:$id, reasons:$r){ id reason note } }';
const APPROVE = `mutation($id:ID!,$v:Int!){ approveStocktake(id:$id, version:$v){ ${ST_FIELDS} } }`;
const BINS = 'query($id:ID!){ stocktakeBins(stocktakeId:$id){ binId code lines toCount recount settled } }';
const SCAN =
  'query($id:ID!,$c:String!){ stocktakeScan(stocktakeId:$id, code:$c){ kind binId binCode skuId skuCode unit batchTracked inCount } }';
const ACCURACY = `query($g:AccuracyGroup!){ stocktakeAccuracy(groupBy:$g){ key label counts linesCounted linesRight accuracyPct gainValue lossValue netValue } }`;
const DOC = `query($id:ID!){ stockDocument(id:$id){ number type status sourceType sourceId sourceNumber memo
  lines { skuId qty binId batchNo unitCost value } } }`;

describe(`stocktakes: a full count with two blind counters, a recount, reasons and approval (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let W2: string;
  let A01: string;
  let A02: string;
  let stId: string;
  let version: number;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  let keySeq = 0;
  const post = (i: object, who = 'admin') => t.gql(CREATE_AND_POST, { i, k: `st-${++keySeq}` }, tok[who]);
  const counted = () => t.ds.getRepository(StocktakeCount).count();
  const state = async () => ({
    counts: await counted(),
    lines: await t.ds.getRepository(StocktakeLine).count(),
    ledger: await t.ds.getRepository(StockLedgerEntry).count(),
  });
  const count = (who: string, binId: string, skuId: number, qty: string, batchNo?: string) =>
    t.gql(
      COUNT,
      { i: { stocktakeId: stId, binId, skuId: String(skuId), qty, ...(batchNo ? { batchNo } : {}) } },
      tok[who],
    );
  const lines = async (who = 'manager', f?: object) =>
    ok(await t.gql(LINES, { id: stId, f }, tok[who])).stocktakeLines.items as any[];

  beforeAll(async () => {
    t = await testApp();
    c = await seedCatalog(t.ds);
    const w1 = c.warehouses[0];
    await addUser(t.ds, 'keeper2', ['warehouse'], { displayName: '周仓管 Zhou', warehouseIds: [w1.id] });
    await addUser(t.ds, 'manager2', ['manager'], { displayName: '吴经理 Wu' });
    for (const u of ['admin', 'manager', 'manager2', 'accountant', 'warehouse', 'keeper2']) tok[u] = await t.login(u);
    W1 = String(w1.id);
    W2 = String(c.warehouses[1].id);
    [A01, A02] = c.bins.map((b) => String(b.id));
    await t.ds
      .getRepository(Bin)
      .save({ warehouseId: c.warehouses[1].id, zoneId: null, code: 'B-01', active: true, version: 1 });
    // the book: tea 10 @ 10.00 in A-01 and 5 @ 13.00 in A-02 (average 11.00); rice 20.5 kg @ 8.00 in A-01;
    // milk batch M1 6 @ 3.00 in A-02; and tea 4 @ 9.00 in W2
    ok(
      await post({
        type: 'OTHER_IN',
        warehouseId: W1,
        businessDate: '2026-11-20',
        lines: [
          { skuId: String(c.tea.id), qty: '10', unitCost: '10.00', binId: A01 },
          { skuId: String(c.tea.id), qty: '5', unitCost: '13.00', binId: A02 },
          { skuId: String(c.rice.id), qty: '20.5', unitCost: '8.00', binId: A01 },
          { skuId: String(c.milk.id), qty: '6', unitCost: '3.00', binId: A02, batchNo: 'M1', expiryDate: '2027-06-30' },
        ],
      }),
    );
    ok(
      await post({
        type: 'OTHER_IN',
        warehouseId: W2,
        businessDate: '2026-11-20',
        lines: [{ skuId: String(c.tea.id), qty: '4', unitCost: '9.00' }],
      }),
    );
  });
  afterAll(() => t.close());

  it('a manager opens a full count: the book is snapshotted per bin × SKU × batch and postings there freeze', async () => {
    const keeperTry = await t.gql(CREATE, { i: { kind: 'FULL', warehouseId: W1 } }, tok.warehouse);
    expect(codeOf(keeperTry)).toBe('FORBIDDEN');
    const st = ok(await t.gql(CREATE, { i: { kind: 'FULL', warehouseId: W1 } }, tok.manager)).createStocktake;
    expect(st).toMatchObject({
      number: 'PD-20261125-0001',
      kind: 'FULL',
      status: 'COUNTING',
      freezePostings: true,
      progress: { lines: 4, pending: 4, recount: 0, settled: 0 },
      availableActions: ['EDIT', 'SUBMIT', 'CANCEL'],
    });
    stId = st.id;
    expect((await lines()).map((l) => [l.lineNo, l.binCode, l.skuCode, l.batchNo, l.bookQty])).toEqual([
      [1, 'A-01', 'P-TEA-1', '', '10'],
      [2, 'A-01', 'P-RICE-1', '', '20.5'],
      [3, 'A-02', 'P-TEA-1', '', '5'],
      [4, 'A-02', 'P-MILK-1', 'M1', '6'],
    ]);
    // another full count of the same warehouse while this one is open
    expect(codeOf(await t.gql(CREATE, { i: { kind: 'FULL', warehouseId: W1 } }, tok.manager))).toBe(
      'COUNT_IN_PROGRESS',
    );
  });

  it('postings in the frozen warehouse are refused with COUNT_IN_PROGRESS and change nothing; other warehouses go on', async () => {
    const before = await state();
    const balances = await t.ds.getRepository(StockBalance).find({ order: { id: 'ASC' } });
    const frozen = await post({ type: 'OTHER_OUT', warehouseId: W1, lines: [{ skuId: String(c.tea.id), qty: '1' }] });
    expect(codeOf(frozen)).toBe('COUNT_IN_PROGRESS');
    expect(frozen.errors![0].extensions!.details).toMatchObject({ number: 'PD-20261125-0001', warehouseId: W1 });
    // a transfer into it too
    const into = await t.gql(
      'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
      { i: { type: 'TRANSFER', warehouseId: W2, toWarehouseId: W1, lines: [{ skuId: String(c.tea.id), qty: '1' }] } },
      tok.admin,
    );
    const sent = ok(
      await t.gql(
        'mutation($id:ID!){ postStockDocument(id:$id){ status } }',
        { id: into.data.createStockDocument.id },
        tok.admin,
      ),
    );
    expect(sent.postStockDocument.status).toBe('IN_TRANSIT');
    const arrive = await t.gql(
      'mutation($id:ID!){ receiveTransfer(id:$id){ status } }',
      { id: into.data.createStockDocument.id },
      tok.admin,
    );
    expect(codeOf(arrive)).toBe('COUNT_IN_PROGRESS');
    expect(
      await t.ds.getRepository(StockBalance).find({ where: { warehouseId: Number(W1) }, order: { id: 'ASC' } }),
    ).toEqual(balances.filter((b) => b.warehouseId === Number(W1)));
    expect((await state()).ledger).toBe(before.ledger + 1); // only the transfer's departure from W2
    ok(await post({ type: 'OTHER_OUT', warehouseId: W2, lines: [{ skuId: String(c.tea.id), qty: '1' }] }));
  });

  it('counters see where and what to count, never the book, the other counts or the differences', async () => {
    const bins = ok(await t.gql(BINS, { id: stId }, tok.warehouse)).stocktakeBins;
    expect(bins.map((b: any) => [b.code, b.lines, b.toCount])).toEqual([
      ['', 0, 0],
      ['A-01', 2, 2],
      ['A-02', 2, 2],
    ]);
    const scan = async (code: string) => ok(await t.gql(SCAN, { id: stId, c: code }, tok.warehouse)).stocktakeScan;
    expect(await scan('A-02')).toMatchObject({ kind: 'BIN', binCode: 'A-02', inCount: true });
    expect(await scan('P-MILK-1')).toMatchObject({
      kind: 'SKU',
      skuCode: 'P-MILK-1',
      unit: '件',
      batchTracked: true,
      inCount: true,
    });
    expect(await scan('nothing')).toMatchObject({ kind: 'UNKNOWN' });
    const r = await t.gql(LINES, { id: stId }, tok.warehouse);
    const items = ok(r).stocktakeLines.items;
    expect(
      items.every(
        (l: any) => l.bookQty === null && l.finalQty === null && l.differenceQty === null && l.value === null,
      ),
    ).toBe(true);
    expect(r.extensions?.hiddenFields).toEqual(
      expect.arrayContaining(['StocktakeLine.bookQty', 'StocktakeLine.differenceQty', 'StocktakeLine.value']),
    );
    const acc = await t.gql(GET, { id: stId }, tok.warehouse);
    expect(ok(acc).stocktake.accuracy).toBeNull();
    // the accountant reads the count (book quantities) but counts nothing
    expect((await lines('accountant'))[0].bookQty).toBe('10');
    expect(codeOf(await count('accountant', A01, c.tea.id, '10'))).toBe('FORBIDDEN');
  });

  it('two keepers count blind; where they differ or stray from the book a third person recounts', async () => {
    // keeper 1 (warehouse)
    ok(await count('warehouse', A01, c.tea.id, '10'));
    ok(await count('warehouse', A01, c.rice.id, '21.5'));
    ok(await count('warehouse', A02, c.tea.id, '4'));
    ok(await count('warehouse', A02, c.milk.id, '6', 'M1'));
    // a found one: rice in A-02, which the book does not have there
    const found = ok(await count('warehouse', A02, c.rice.id, '2')).recordStocktakeCount;
    expect(found).toMatchObject({ status: 'PENDING', countsDone: 1, myCount: '2', finalQty: null });
    // keeper 2 counts the same lines without seeing keeper 1's figures
    const k2 = (await lines('keeper2', { toCount: true })).map((l) => [
      l.binCode,
      l.skuCode,
      l.countsDone,
      l.myCount,
      l.counts[0].qty,
    ]);
    expect(k2).toEqual([
      ['A-01', 'P-TEA-1', 1, null, null],
      ['A-01', 'P-RICE-1', 1, null, null],
      ['A-02', 'P-TEA-1', 1, null, null],
      ['A-02', 'P-MILK-1', 1, null, null],
      ['A-02', 'P-RICE-1', 1, null, null],
    ]);
    const st = async (r: any) => ok(r).recordStocktakeCount.status;
    expect(await st(await count('keeper2', A01, c.tea.id, '10'))).toBe('SETTLED');
    expect(await st(await count('keeper2', A01, c.rice.id, '21.5'))).toBe('RECOUNT'); // agreed, but 1 kg off the book
    expect(await st(await count('keeper2', A02, c.tea.id, '3'))).toBe('RECOUNT'); // 4 ≠ 3
    expect(await st(await count('keeper2', A02, c.milk.id, '6', 'M1'))).toBe('SETTLED');
    expect(await st(await count('keeper2', A02, c.rice.id, '2'))).toBe('RECOUNT'); // not on the book
    const recount = (await lines('warehouse', { status: 'RECOUNT' })).map((l) => [
      l.skuCode,
      l.binCode,
      l.recountCause,
      l.mayCount,
    ]);
    expect(recount).toEqual([
      ['P-RICE-1', 'A-01', 'BEYOND_TOLERANCE', false],
      ['P-TEA-1', 'A-02', 'COUNTERS_DIFFER', false],
      ['P-RICE-1', 'A-02', 'BEYOND_TOLERANCE', false],
    ]);
  });

  it('refuses bad counts with a clear code and changes nothing', async () => {
    const before = await state();
    // the same person twice (a second count, and a recount by a first counter)
    expect(codeOf(await count('warehouse', A01, c.rice.id, '21.5'))).toBe('SAME_COUNTER');
    expect(codeOf(await count('keeper2', A02, c.tea.id, '3'))).toBe('SAME_COUNTER');
    // a settled line takes no more counts
    expect(codeOf(await count('manager2', A01, c.tea.id, '10'))).toBe('DOCUMENT_STATE');
    // a bin of another warehouse, an unknown bin
    const b01 = String((await t.ds.getRepository(Bin).findOneByOrFail({ code: 'B-01' })).id);
    expect(codeOf(await count('manager2', b01, c.tea.id, '1'))).toBe('BIN_NOT_IN_COUNT');
    expect(codeOf(await count('manager2', '999999', c.tea.id, '1'))).toBe('BIN_NOT_IN_COUNT');
    // negative, too many decimals for 件, a batch-tracked SKU without its batch
    const neg = await count('manager2', A02, c.tea.id, '-1');
    expect(codeOf(neg)).toBe('BAD_USER_INPUT');
    expect(neg.errors![0].extensions!.details.fields).toEqual([
      { field: 'qty', message: 'A count cannot be negative.' },
    ]);
    expect(codeOf(await count('manager2', A02, c.tea.id, '2.5'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await count('manager2', A01, c.milk.id, '1'))).toBe('BAD_USER_INPUT');
    // finishing while recounts are open
    const v = ok(await t.gql(GET, { id: stId }, tok.manager)).stocktake.version;
    const early = await t.gql(FINISH, { id: stId, v }, tok.manager);
    expect(codeOf(early)).toBe('COUNT_INCOMPLETE');
    expect(early.errors![0].extensions!.details).toEqual({ pending: 0, recount: 3 });
    expect(await state()).toEqual(before);
  });

  it('a third person recounts; the recount is final', async () => {
    ok(await count('manager2', A01, c.rice.id, '21.5'));
    ok(await count('manager2', A02, c.tea.id, '3'));
    const last = ok(await count('manager2', A02, c.rice.id, '2')).recordStocktakeCount;
    expect(last).toMatchObject({ status: 'SETTLED', finalQty: '2', countsDone: 3 });
    const all = await lines('manager');
    expect(
      all.map((l) => [
        l.lineNo,
        l.binCode,
        l.skuCode,
        l.bookQty,
        l.finalQty,
        l.differenceQty,
        l.counts.map((x: any) => x.qty).join('/'),
      ]),
    ).toEqual([
      [1, 'A-01', 'P-TEA-1', '10', '10', '0', '10/10'],
      [2, 'A-01', 'P-RICE-1', '20.5', '21.5', '1', '21.5/21.5/21.5'],
      [3, 'A-02', 'P-TEA-1', '5', '3', '-2', '4/3/3'],
      [4, 'A-02', 'P-MILK-1', '6', '6', '0', '6/6'],
      [5, 'A-02', 'P-RICE-1', '0', '2', '2', '2/2/2'],
    ]);
    expect(all[4].found).toBe(true);
    // the manager sees the differences' values at the current cost before approving
    expect(all.map((l) => l.value)).toEqual(['0.00', '8.00', '-22.00', '0.00', '16.00']);
    expect(all[2].counts.map((x: any) => x.counterName)).toEqual(['孙仓管 Sun', '周仓管 Zhou', '吴经理 Wu']);
    const acc = ok(await t.gql(GET, { id: stId }, tok.manager)).stocktake;
    expect(acc.accuracy).toEqual({
      linesCounted: 5,
      linesRight: 2,
      accuracyPct: '40.00',
      gainValue: '24.00',
      lossValue: '22.00',
      netValue: '2.00',
      estimated: true,
    });
    version = ok(await t.gql(FINISH, { id: stId, v: acc.version }, tok.manager)).finishStocktakeCounting.version;
  });

  it('every difference needs its reason; nobody who counted approves', async () => {
    const before = await state();
    const noReason = await t.gql(APPROVE, { id: stId, v: version }, tok.manager);
    expect(codeOf(noReason)).toBe('REASON_REQUIRED');
    expect(noReason.errors![0].extensions!.details).toEqual({ lines: [2, 3, 5] });
    const l = await lines('manager', { withDifference: true });
    expect(l.map((x) => x.lineNo)).toEqual([2, 3, 5]);
    // a keeper may not filter by the difference they may not see
    expect(codeOf(await t.gql(LINES, { id: stId, f: { withDifference: true } }, tok.warehouse))).toBe('FORBIDDEN');
    ok(
      await t.gql(
        REASONS,
        {
          id: stId,
          r: [
            { lineId: l[0].id, reason: 'RECEIVING_ERROR', note: '收货时少记 1 kg' },
            { lineId: l[1].id, reason: 'THEFT_LOSS', note: '' },
            { lineId: l[2].id, reason: 'UNKNOWN' },
          ],
        },
        tok.manager,
      ),
    );
    version = ok(await t.gql(GET, { id: stId }, tok.manager)).stocktake.version;
    // manager2 recounted: they may not approve
    const own = await t.gql(APPROVE, { id: stId, v: version }, tok.manager2);
    expect(codeOf(own)).toBe('OWN_COUNT_APPROVAL');
    expect(codeOf(await t.gql(APPROVE, { id: stId, v: version }, tok.warehouse))).toBe('FORBIDDEN');
    expect((await state()).ledger).toBe(before.ledger);
  });

  it('approval posts one adjustment with the count as its source: ledger rows and values exact', async () => {
    const ledgerBefore = await t.ds.getRepository(StockLedgerEntry).count();
    const st = ok(await t.gql(APPROVE, { id: stId, v: version }, tok.manager)).approveStocktake;
    expect(st).toMatchObject({ status: 'APPROVED', adjustmentNumber: 'TZ-20261125-0001', availableActions: [] });
    const doc = ok(await t.gql(DOC, { id: st.adjustmentId }, tok.manager)).stockDocument;
    expect(doc).toMatchObject({
      type: 'ADJUSTMENT',
      status: 'POSTED',
      sourceType: 'stocktake',
      sourceId: stId,
      sourceNumber: 'PD-20261125-0001',
      memo: '盘点 Stocktake PD-20261125-0001',
    });
    expect(doc.lines).toEqual([
      { skuId: String(c.rice.id), qty: '1', binId: A01, batchNo: null, unitCost: '8.000000', value: '8.00' },
      { skuId: String(c.tea.id), qty: '-2', binId: A02, batchNo: null, unitCost: '11.000000', value: '-22.00' },
      { skuId: String(c.rice.id), qty: '2', binId: A02, batchNo: null, unitCost: '8.000000', value: '16.00' },
    ]);
    const rows = await t.ds.getRepository(StockLedgerEntry).find({
      where: { documentId: Number(st.adjustmentId), documentType: 'adjustment' },
      order: { documentLineId: 'ASC' },
    });
    expect(
      rows.map((r) => [r.warehouseId, r.binId, r.skuId, r.batchId, r.kind, r.costSource, r.qty, r.unitCost, r.value]),
    ).toEqual([
      [Number(W1), Number(A01), c.rice.id, 0, 'in', 'price', '1', '8.000000', '8.00'],
      [Number(W1), Number(A02), c.tea.id, 0, 'out', 'method', '-2', '11.000000', '-22.00'],
      [Number(W1), Number(A02), c.rice.id, 0, 'in', 'price', '2', '8.000000', '16.00'],
    ]);
    expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(ledgerBefore + 3);
    // the shelf is the book now
    const bal = await t.ds.getRepository(StockBalance).find({ where: { warehouseId: Number(W1) } });
    const q = (bin: string, sku: number) =>
      bal.filter((b) => b.binId === Number(bin) && b.skuId === sku).map((b) => b.qty);
    expect([q(A01, c.tea.id), q(A01, c.rice.id), q(A02, c.tea.id), q(A02, c.rice.id)]).toEqual([
      ['10'],
      ['21.5'],
      ['3'],
      ['2'],
    ]);
    expect(await t.app.services.posting.check('moving_average')).toEqual([]);
    // accuracy as posted
    const after = ok(await t.gql(GET, { id: stId }, tok.manager)).stocktake;
    expect(after.accuracy).toEqual({
      linesCounted: 5,
      linesRight: 2,
      accuracyPct: '40.00',
      gainValue: '24.00',
      lossValue: '22.00',
      netValue: '2.00',
      estimated: false,
    });
    // the count is closed: postings in W1 go on
    ok(await post({ type: 'OTHER_OUT', warehouseId: W1, lines: [{ skuId: String(c.tea.id), qty: '1', binId: A01 }] }));
  });

  it('accuracy over time by warehouse, counter and reason; values for those who may read costs', async () => {
    const by = async (g: string, who = 'manager') => ok(await t.gql(ACCURACY, { g }, tok[who])).stocktakeAccuracy;
    expect(await by('WAREHOUSE')).toEqual([
      {
        key: W1,
        label: c.warehouses[0].name,
        counts: 1,
        linesCounted: 5,
        linesRight: 2,
        accuracyPct: '40.00',
        gainValue: '24.00',
        lossValue: '22.00',
        netValue: '2.00',
      },
    ]);
    const users = await t.ds.getRepository(User).find();
    const idOf = (u: string) => String(users.find((x) => x.username === u)!.id);
    const counters = (await by('COUNTER')).map((r: any) => [
      r.key,
      r.label,
      r.linesCounted,
      r.linesRight,
      r.accuracyPct,
    ]);
    expect(counters).toEqual(
      [
        [idOf('warehouse'), '孙仓管 Sun', 5, 4, '80.00'],
        [idOf('keeper2'), '周仓管 Zhou', 5, 5, '100.00'],
        [idOf('manager2'), '吴经理 Wu', 3, 3, '100.00'],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
    expect((await by('REASON')).map((r: any) => [r.key, r.linesCounted, r.gainValue, r.lossValue])).toEqual([
      ['receiving_error', 1, '8.00', '0.00'],
      ['theft_loss', 1, '0.00', '22.00'],
      ['unknown', 1, '16.00', '0.00'],
    ]);
    expect((await by('MONTH')).map((r: any) => [r.key, r.linesCounted])).toEqual([['2026-11', 5]]);
    // the accountant reads the figures; a keeper does not
    expect((await by('WAREHOUSE', 'accountant'))[0].gainValue).toBe('24.00');
    expect(codeOf(await t.gql(ACCURACY, { g: 'WAREHOUSE' }, tok.warehouse))).toBe('FORBIDDEN');
  });
});
