import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanySettings, newProductSku, StockCost, StockLedgerEntry } from '../../test/fixtures';
import { codeOf, testDbKind, type TestApp } from '../../test/harness';
import { tplSetup, type TplSetup } from '../../test/tpl';
import { Batch } from '../stock';

const REQ_FIELDS = 'id ref kind status attempts lastError lines { key sku qty confirmed }';
const REVIEW_FIELDS =
  'id kind status requestId skuId bookQty tplQty detail documentId params { confirmation request source transfer sku unknownSku given bookQty tplQty snapshotDate errorCode errorParams { name value } lines { problem line sku requestedSku given requested confirmed open } }';
/** a review item's params with the empty ones left out (what the console renders it from) */
const paramsOf = (r: any) => {
  const { lines, errorParams, transfer, unknownSku, ...rest } = r.params;
  return {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)),
    ...(transfer ? { transfer } : {}),
    ...(unknownSku ? { unknownSku } : {}),
    ...(errorParams.length ? { errorParams } : {}),
    ...(lines.length
      ? { lines: lines.map((l: any) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== null))) }
      : {}),
  };
};

/**
 * A warehouse run by a 3PL, against the simulator process: the keeper's own postings there are
 * refused; an ASN and a shipment go out as requests (through a failing send, with no price in them),
 * the 3PL's confirmations post once however often they come (short ones leave a review item;
 * unknown or over-confirmations change nothing), and the snapshot's difference is resolved by an
 * adjustment with its reason. Stock ends exact and the ledger replays clean.
 */
describe(`3PL warehouses (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let keeper: string;
  let setup: TplSetup;
  let sim: TplSetup['sim'];
  let conn: string;
  let W3: number; // run by the 3PL
  let W1: number; // our own
  let A: { id: number; code: string };
  let B: { id: number; code: string };
  let po: { id: string; lines: Array<{ id: string }> };
  let so: { id: string; lines: Array<{ id: string }> };
  let shipRef: string;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const simCall = (_method: 'GET' | 'POST', p: string, body?: unknown) => setup.simCall(p, body);
  const onHand = async (w: number, skuId: number) =>
    (await t.ds.getRepository(StockCost).findOneBy({ warehouseId: w, skuId }))?.qty ?? null;
  const stock = async () =>
    [await onHand(W3, A.id), await onHand(W3, B.id)].map((q) => (q === null ? null : Number(q).toString()));
  const sync = async () =>
    ok(
      await t.gql(
        'mutation($c:ID!){ syncTpl(connectionId:$c){ received duplicates posted review } }',
        { c: conn },
        admin,
      ),
    ).syncTpl;
  const reviews = async () =>
    ok(await t.gql(`query{ tplReviews { ${REVIEW_FIELDS} } }`, {}, admin)).tplReviews as any[];
  const request = async (id: string) =>
    (ok(await t.gql(`query{ tplRequests { ${REQ_FIELDS} } }`, {}, admin)).tplRequests as any[]).find(
      (r) => r.id === id,
    );
  const ledgerCheck = async () => {
    const s = await t.ds.getRepository(CompanySettings).findOneByOrFail({ id: 1 });
    expect(await t.app.services.posting.check(s.costingMethod as any)).toEqual([]);
  };

  beforeAll(async () => {
    setup = await tplSetup({
      key: 'k3',
      secret: 's3',
      today: '2026-11-25',
      warehouse: { code: 'TPL-W', name: '顺丰仓 3PL' },
    });
    ({ t, admin, sim, W3, W1 } = setup);
    keeper = await t.login('warehouse');
    const a = await newProductSku(t.ds, 'TPL-A', { batchTracked: true, shelfLifeDays: 720 });
    const b = await newProductSku(t.ds, 'TPL-B');
    A = { id: a.id, code: a.code };
    B = { id: b.id, code: b.code };
  }, 60_000);
  afterAll(async () => {
    await setup?.close();
  });

  it('connects a warehouse to its 3PL; bad input changes nothing', async () => {
    const CONNECT = 'mutation($i:ConnectTplInput!){ connectTpl(input:$i){ id warehouseId active } }';
    const base = { name: '顺丰仓', warehouseId: String(W3), baseUrl: sim.url, clientKey: 'k3', secret: 's3' };
    expect(codeOf(await t.gql(CONNECT, { i: { ...base, baseUrl: 'ftp://x' } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(CONNECT, { i: { ...base, warehouseId: '99999' } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(CONNECT, { i: base }, keeper))).toBe('FORBIDDEN');
    expect(ok(await t.gql('query{ tplConnections { id } }', {}, admin)).tplConnections).toEqual([]);
    // whoever may send goods there learns the warehouse is the 3PL's (the console offers no receiving there)
    const operated = async () => {
      const dest = ok(await t.gql('{ transferDestinations { id tplOperated } }', {}, keeper)).transferDestinations;
      const whs = ok(await t.gql('{ warehouses { items { id tplOperated } } }', {}, admin)).warehouses.items;
      return [dest, whs].map((l: any[]) =>
        [String(W3), String(W1)].map((id) => l.find((w) => w.id === id).tplOperated),
      );
    };
    expect(await operated()).toEqual([
      [false, false],
      [false, false],
    ]);
    const c = ok(await t.gql(CONNECT, { i: base }, admin)).connectTpl;
    expect(c).toMatchObject({ warehouseId: String(W3), active: true });
    conn = c.id;
    expect(await operated()).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(codeOf(await t.gql(CONNECT, { i: base }, admin))).toBe('BAD_USER_INPUT');
  });

  it('a purchase order into the 3PL warehouse goes as an ASN (retried, no prices); its short, twice-sent confirmation posts once', async () => {
    const sup = ok(
      await t.gql(
        'mutation{ createSupplier(input:{code:"TPL-S", name:"3PL 供应商", status: APPROVED}){ id } }',
        {},
        admin,
      ),
    ).createSupplier.id;
    po = ok(
      await t.gql(
        'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id lines { id } } }',
        {
          i: {
            supplierId: sup,
            warehouseId: String(W3),
            orderDate: '2026-11-18',
            lines: [
              { skuId: String(A.id), qty: '100', price: '10.00' },
              { skuId: String(B.id), qty: '40', price: '5.00' },
            ],
          },
        },
        admin,
      ),
    ).createPurchaseOrder;
    ok(await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ id } }', { id: po.id }, admin));
    const manager = await t.login('manager');
    ok(await t.gql('mutation($id:ID!){ approvePurchaseOrder(id:$id){ status } }', { id: po.id }, manager));
    // the keeper cannot receive into it: the 3PL does
    const direct = await t.gql(
      'mutation($i:ReceivePurchaseOrderInput!){ receivePurchaseOrder(input:$i){ id } }',
      { i: { orderId: po.id, lines: [{ orderLineId: po.lines[1].id, acceptedQty: '40' }] } },
      admin,
    );
    expect(codeOf(direct)).toBe('TPL_OPERATED');
    expect(await stock()).toEqual([null, null]);

    const asn = ok(
      await t.gql(`mutation($o:ID!){ requestTplAsn(purchaseOrderId:$o){ ${REQ_FIELDS} } }`, { o: po.id }, admin),
    ).requestTplAsn;
    expect(asn).toMatchObject({ kind: 'asn', status: 'queued', attempts: 0 });
    expect(
      codeOf(await t.gql('mutation($o:ID!){ requestTplAsn(purchaseOrderId:$o){ id } }', { o: po.id }, admin)),
    ).toBe('TPL_REQUEST_OPEN');
    // the 3PL fails once: the request stays queued with its error, and goes on the next run
    await simCall('POST', '/_fail', { requests: 1 });
    expect(await t.app.services.tpl.sendRequests()).toBe(0);
    expect(await request(asn.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'The 3PL answered HTTP 500.',
    });
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    expect(await request(asn.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    const sent = (await simCall('GET', '/_requests')).requests;
    expect(sent).toEqual([
      {
        ref: asn.ref,
        kind: 'asn',
        lines: [
          { line: po.lines[0].id, sku: A.code, name: 'TPL-A TPL-A', unit: '件', qty: '100' },
          { line: po.lines[1].id, sku: B.code, name: 'TPL-B TPL-B', unit: '件', qty: '40' },
        ],
        party: expect.objectContaining({ supplierId: sup }),
      },
    ]);
    // the field rule of 3PL payloads: never a price, a cost or an amount
    expect(JSON.stringify(sent)).not.toMatch(/price|cost|amount|value|10\.00|5\.00/i);

    // the 3PL received all of A (60 of batch L1, 40 of L2) and 36 of 40 B, and sends that confirmation twice
    await simCall('POST', '/_confirm', {
      ref: asn.ref,
      id: 'ASN-C1',
      date: '2026-11-20',
      twice: true,
      lines: [
        { line: po.lines[0].id, qty: '60', batch: 'L1', expiry: '2028-06-30' },
        { line: po.lines[1].id, qty: '36' },
        { line: po.lines[0].id, qty: '40', batch: 'L2', expiry: '2028-09-30' },
      ],
    });
    expect(await sync()).toEqual({ received: 1, duplicates: 1, posted: 1, review: 0 });
    expect(await stock()).toEqual(['100', '36']);
    // posted by batch, each with the expiry the 3PL gave
    const entries = await t.ds
      .getRepository(StockLedgerEntry)
      .find({ where: { warehouseId: W3, skuId: A.id }, order: { id: 'ASC' } });
    const batches = await Promise.all(
      entries.map(async (e) => {
        const b = await t.ds.getRepository(Batch).findOneByOrFail({ id: e.batchId });
        return [b.batchNo, b.expiryDate, Number(e.qty).toString(), e.businessDate];
      }),
    );
    expect(batches).toEqual([
      ['L1', '2028-06-30', '60', '2026-11-20'],
      ['L2', '2028-09-30', '40', '2026-11-20'],
    ]);
    const r = await request(asn.id);
    expect(r.status).toBe('short');
    expect(r.lines.map((l: any) => [l.sku, l.qty, l.confirmed])).toEqual([
      [A.code, '100', '100'],
      [B.code, '40', '36'],
    ]);
    expect((await reviews()).map((x) => [x.kind, x.requestId])).toEqual([['short', asn.id]]);
    // what the console renders in its reader's language; detail says the same in English
    const poNumber = ok(await t.gql('query($id:ID!){ purchaseOrder(id:$id){ number } }', { id: po.id }, admin))
      .purchaseOrder.number;
    const [shortItem] = await reviews();
    expect(paramsOf(shortItem)).toEqual({
      confirmation: 'ASN-C1',
      request: asn.ref,
      source: poNumber,
      lines: [{ problem: 'short', sku: B.code, requested: '40', confirmed: '36' }],
    });
    expect(shortItem.detail).toBe(
      `${asn.ref} (${poNumber}) confirmed short: ${B.code} 36 of 40. The confirmed quantity was posted.`,
    );
    // nothing new in the feed: nothing more happens
    expect(await sync()).toEqual({ received: 0, duplicates: 0, posted: 0, review: 0 });
    await ledgerCheck();
  });

  it('a sales order confirmed in the 3PL warehouse becomes its request; the short confirmation posts what went by batch, and a crash before it was marked posts nothing twice', async () => {
    const channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"TPL-CH", name:"3PL 渠道", kind: OFFLINE_STORE}){ id } }',
        {},
        admin,
      ),
    ).saveSalesChannel.id;
    const customer = ok(
      await t.gql(
        'mutation{ createCustomer(input:{code:"TPL-C", name:"3PL 客户", creditLimit:"100000.00"}){ id } }',
        {},
        admin,
      ),
    ).createCustomer.id;
    so = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
        {
          i: {
            customerId: customer,
            channelId: channel,
            warehouseId: String(W3),
            orderDate: '2026-11-21',
            shipTo: '上海市 浦东新区 1 号',
            lines: [
              { skuId: String(A.id), qty: '30', unitPrice: '20.00' },
              { skuId: String(B.id), qty: '10', unitPrice: '8.00' },
            ],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: so.id }, admin));
    // the confirmation wrote its shipment request (in its own transaction); a second one is refused while it waits
    const STATUS = `query($id:ID!){ tplStatusOf(sourceType:"SALES_ORDER", sourceId:$id){ connectionName requests { ${REQ_FIELDS} } } }`;
    const status = ok(await t.gql(STATUS, { id: so.id }, admin)).tplStatusOf;
    expect(status.connectionName).toBe('顺丰仓');
    expect(status.requests.map((r: any) => [r.kind, r.status, r.attempts])).toEqual([['shipment', 'queued', 0]]);
    expect(status.requests[0].lines.map((l: any) => [l.key, l.sku, l.qty, l.confirmed])).toEqual([
      [so.lines[0].id, A.code, '30', '0'],
      [so.lines[1].id, B.code, '10', '0'],
    ]);
    expect(
      codeOf(await t.gql('mutation($o:ID!){ requestTplShipment(salesOrderId:$o){ id } }', { o: so.id }, admin)),
    ).toBe('TPL_REQUEST_OPEN');
    const SHIP = 'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id } }';
    const direct = await t.gql(
      SHIP,
      { i: { orderId: so.id, businessDate: '2026-11-22', lines: [{ orderLineId: so.lines[1].id, qty: '1' }] } },
      admin,
    );
    expect(direct.errors?.[0]).toMatchObject({ extensions: { code: 'TPL_OPERATED' } });
    expect(await stock()).toEqual(['100', '36']);

    const req = status.requests[0];
    shipRef = req.ref;
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    const sent = (await simCall('GET', '/_requests')).requests.at(-1);
    expect(sent).toEqual({
      ref: req.ref,
      kind: 'shipment',
      lines: [
        { line: so.lines[0].id, sku: A.code, name: 'TPL-A TPL-A', unit: '件', qty: '30' },
        { line: so.lines[1].id, sku: B.code, name: 'TPL-B TPL-B', unit: '件', qty: '10' },
      ],
      party: expect.objectContaining({ shipTo: '上海市 浦东新区 1 号' }),
    });
    expect(JSON.stringify(sent)).not.toMatch(/price|cost|amount|value|20\.00|8\.00/i);

    // the 3PL picked A from both batches (20 of L2, which FEFO would not have taken first, and 10 of
    // L1), found only 8 of 10 B (not batch-tracked: its lot label is not a batch here), and confirms
    // late (dated the 22nd, pulled on the 25th)
    await simCall('POST', '/_confirm', {
      ref: req.ref,
      id: 'SHIP-C1',
      date: '2026-11-22',
      lines: [
        { line: so.lines[0].id, qty: '20', batch: 'L2' },
        { line: so.lines[1].id, qty: '8', batch: 'LOT-9' },
        { line: so.lines[0].id, qty: '10', batch: 'L1' },
      ],
    });
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 1, review: 0 });
    expect(await stock()).toEqual(['70', '28']);
    // posted by batch: the shipment's ledger rows are the 3PL's picks, at their cost
    const shipped = await t.ds.query(
      "SELECT e.sku_id, e.batch_id, e.qty, e.value, e.business_date FROM stock_ledger e WHERE e.document_type = 'sales_shipment' AND e.warehouse_id = ? ORDER BY e.id",
      [W3],
    );
    const batchNo = async (id: number) =>
      id ? (await t.ds.getRepository(Batch).findOneByOrFail({ id: Number(id) })).batchNo : null;
    expect(
      await Promise.all(
        shipped.map(async (e: any) => [
          Number(e.sku_id) === A.id ? 'A' : 'B',
          await batchNo(e.batch_id),
          Number(e.qty).toString(),
          Number(e.value).toFixed(2),
          e.business_date,
        ]),
      ),
    ).toEqual([
      ['A', 'L2', '-20', '-200.00', '2026-11-22'],
      ['A', 'L1', '-10', '-100.00', '2026-11-22'],
      ['B', null, '-8', '-40.00', '2026-11-22'],
    ]);
    const lots = await t.ds.query(
      'SELECT b.batch_no, SUM(e.qty) AS qty FROM stock_ledger e JOIN batch b ON b.id = e.batch_id WHERE e.warehouse_id = ? AND e.sku_id = ? GROUP BY b.batch_no ORDER BY b.batch_no',
      [W3, A.id],
    );
    expect(lots.map((r: any) => [r.batch_no, Number(r.qty).toString()])).toEqual([
      ['L1', '50'],
      ['L2', '20'],
    ]);
    const order = ok(
      await t.gql('query($id:ID!){ salesOrder(id:$id){ status lines { shippedQty } } }', { id: so.id }, admin),
    ).salesOrder;
    expect(order).toEqual({ status: 'PARTLY_SHIPPED', lines: [{ shippedQty: '30' }, { shippedQty: '8' }] });
    expect((await request(req.id)).status).toBe('short');

    // a crash right after the shipment posted, before its confirmation was marked: the next run
    // posts nothing twice (the shipment's idempotency key is the confirmation's) and marks it
    const [conf] = await t.ds.query("SELECT id FROM tpl_confirmation WHERE confirmation_id = 'SHIP-C1'");
    const before = JSON.stringify([
      { key: so.lines[0].id, skuId: A.id, sku: A.code, name: 'TPL-A TPL-A', unit: '件', qty: '30', confirmed: '0' },
      { key: so.lines[1].id, skuId: B.id, sku: B.code, name: 'TPL-B TPL-B', unit: '件', qty: '10', confirmed: '0' },
    ]);
    await t.ds.query("UPDATE tpl_confirmation SET state = 'received', posted_id = NULL WHERE id = ?", [conf.id]);
    await t.ds.query("UPDATE tpl_request SET line_items = ?, status = 'sent' WHERE id = ?", [before, Number(req.id)]);
    await t.ds.query("DELETE FROM tpl_review WHERE request_id = ? AND kind = 'short'", [Number(req.id)]);
    expect(await t.app.services.tpl.processPending()).toEqual({ posted: 1, review: 0 });
    expect(await stock()).toEqual(['70', '28']);
    const shipments = await t.ds.query('SELECT id FROM sales_shipment WHERE order_id = ?', [Number(so.id)]);
    expect(shipments.length).toBe(1);
    const [marked] = await t.ds.query('SELECT state, posted_type, posted_id FROM tpl_confirmation WHERE id = ?', [
      conf.id,
    ]);
    expect([marked.state, marked.posted_type, Number(marked.posted_id)]).toEqual([
      'posted',
      'sales_shipment',
      Number(shipments[0].id),
    ]);
    expect((await request(req.id)).lines.map((l: any) => l.confirmed)).toEqual(['30', '8']);
    expect((await reviews()).map((x) => [x.kind, x.requestId])).toEqual([
      ['short', (await reviews())[0].requestId],
      ['short', req.id],
    ]);
    await ledgerCheck();
  });

  it('a confirmation for an unknown request, or for more than was requested, lands on the review list and changes nothing', async () => {
    await simCall('POST', '/_confirm', { ref: 'TPL999999', id: 'X-1', lines: [{ line: '1', sku: A.code, qty: '5' }] });
    // B: 10 requested, 8 confirmed: 2 are open, 5 is more
    await simCall('POST', '/_confirm', { ref: shipRef, id: 'X-2', lines: [{ line: so.lines[1].id, qty: '5' }] });
    const ledgerRows = await t.ds.getRepository(StockLedgerEntry).count();
    expect(await sync()).toEqual({ received: 2, duplicates: 0, posted: 0, review: 2 });
    expect(await stock()).toEqual(['70', '28']);
    expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(ledgerRows);
    const list = await reviews();
    expect(list.slice(2).map((x) => [x.kind, x.requestId])).toEqual([
      ['unknown_request', null],
      ['over', (await request(list[1].requestId)).id],
    ]);
    expect(list[3].detail).toContain('5 confirmed, 2 open of 10 requested');
    expect(paramsOf(list[2])).toEqual({ confirmation: 'X-1', request: 'TPL999999' });
    expect(paramsOf(list[3])).toEqual({
      confirmation: 'X-2',
      request: shipRef,
      lines: [{ problem: 'over', line: so.lines[1].id, sku: B.code, confirmed: '5', open: '2', requested: '10' }],
    });
    expect((await request(list[1].requestId)).lines.map((l: any) => l.confirmed)).toEqual(['30', '8']);
  });

  it("the daily snapshot's difference is listed, never adjusted silently; resolving it posts the adjustment with its reason", async () => {
    // the 3PL counts 70 A (as the book) and 27 B (the book says 28)
    await simCall('POST', '/_stock', { sku: A.code, qty: '70' });
    await simCall('POST', '/_stock', { sku: B.code, qty: '27' });
    const RECONCILE = `mutation($c:ID!){ reconcileTpl(connectionId:$c){ ${REVIEW_FIELDS} } }`;
    const diffs = ok(await t.gql(RECONCILE, { c: conn }, admin)).reconcileTpl;
    expect(diffs.map((d: any) => [d.kind, d.skuId, d.bookQty, d.tplQty])).toEqual([
      ['stock_diff', String(B.id), '28.000000', '27.000000'],
    ]);
    expect(paramsOf(diffs[0])).toEqual({ sku: B.code, bookQty: '28', tplQty: '27', snapshotDate: '2026-11-25' });
    expect(diffs[0].detail).toBe(`${B.code}: the 3PL counts 27, the book says 28 (2026-11-25).`);
    expect(await stock()).toEqual(['70', '28']);
    // the same day again: the same one item, nothing new
    expect(ok(await t.gql(RECONCILE, { c: conn }, admin)).reconcileTpl.map((d: any) => d.id)).toEqual([diffs[0].id]);

    const RESOLVE = `mutation($id:ID!,$a:Boolean!,$n:String!){ resolveTplReview(id:$id, adjust:$a, note:$n){ ${REVIEW_FIELDS} note } }`;
    expect(codeOf(await t.gql(RESOLVE, { id: diffs[0].id, a: true, n: ' ' }, admin))).toBe('BAD_USER_INPUT');
    const short = (await reviews()).find((x) => x.kind === 'short')!;
    expect(codeOf(await t.gql(RESOLVE, { id: short.id, a: true, n: '补发' }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(RESOLVE, { id: diffs[0].id, a: true, n: '破损' }, keeper))).toBe('FORBIDDEN');
    expect(await stock()).toEqual(['70', '28']);
    const done = ok(await t.gql(RESOLVE, { id: diffs[0].id, a: true, n: '3PL 破损 1 件' }, admin)).resolveTplReview;
    expect(done).toMatchObject({ status: 'adjusted', note: '3PL 破损 1 件' });
    expect(await stock()).toEqual(['70', '27']);
    const [doc] = await t.ds.query('SELECT type, status, memo FROM stock_document WHERE id = ?', [
      Number(done.documentId),
    ]);
    expect([doc.type, doc.status]).toEqual(['adjustment', 'posted']);
    expect(doc.memo).toContain('3PL 破损 1 件');
    expect(codeOf(await t.gql(RESOLVE, { id: diffs[0].id, a: false, n: 'again' }, admin))).toBe('TPL_REVIEW_CLOSED');
    // the short receipt is accepted as it is
    expect(
      ok(await t.gql(RESOLVE, { id: short.id, a: false, n: '供应商少发 4 件' }, admin)).resolveTplReview.status,
    ).toBe('dismissed');
    await ledgerCheck();
  });

  it('a transfer out of the 3PL warehouse goes as a request and posts when confirmed', async () => {
    const r = ok(
      await t.gql(
        `mutation($i:TplTransferInput!){ requestTplTransfer(input:$i){ ${REQ_FIELDS} } }`,
        { i: { warehouseId: String(W3), toWarehouseId: String(W1), lines: [{ skuId: String(A.id), qty: '10' }] } },
        admin,
      ),
    ).requestTplTransfer;
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    await simCall('POST', '/_confirm', {
      ref: r.ref,
      id: 'TR-1',
      date: '2026-11-24',
      lines: [{ line: '1', qty: '10', batch: 'L1' }],
    });
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 1, review: 0 });
    expect(await stock()).toEqual(['60', '27']);
    expect((await request(r.id)).status).toBe('done');
    const [doc] = await t.ds.query('SELECT type, status, to_warehouse_id FROM stock_document WHERE memo LIKE ?', [
      `3PL ${r.ref}%`,
    ]);
    expect([doc.type, doc.status, Number(doc.to_warehouse_id)]).toEqual(['transfer', 'in_transit', W1]);
    await ledgerCheck();
  });

  it('a transfer into the 3PL warehouse goes as an advance notice when it leaves; the 3PL confirmation receives it (no keeper may)', async () => {
    const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number status } }`;
    ok(
      await t.gql(
        POST,
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: String(W1),
            lines: [{ skuId: String(B.id), qty: '5', unitCost: '5.00' }],
          },
          k: 'tpl-in-0',
        },
        admin,
      ),
    );
    const tr = ok(
      await t.gql(
        POST,
        {
          i: {
            type: 'TRANSFER',
            warehouseId: String(W1),
            toWarehouseId: String(W3),
            lines: [{ skuId: String(B.id), qty: '5' }],
          },
          k: 'tpl-in-1',
        },
        admin,
      ),
    ).createAndPostStockDocument;
    expect(tr.status).toBe('IN_TRANSIT');
    // the notice was written with the departure
    const asn = (
      ok(await t.gql(`query{ tplRequests { ${REQ_FIELDS} sourceType sourceId sourceNumber } }`, {}, admin))
        .tplRequests as any[]
    ).find((r) => r.sourceType === 'stock_document');
    expect(asn).toMatchObject({ kind: 'asn', status: 'queued', sourceId: tr.id, sourceNumber: tr.number });
    expect(asn.lines).toEqual([{ key: '1', sku: B.code, qty: '5', confirmed: '0' }]);
    // the arrival is the 3PL's to confirm
    expect(codeOf(await t.gql('mutation($id:ID!){ receiveTransfer(id:$id){ id } }', { id: tr.id }, admin))).toBe(
      'TPL_OPERATED',
    );
    expect(await stock()).toEqual(['60', '27']);
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    const sent = (await simCall('GET', '/_requests')).requests.at(-1);
    expect(sent).toMatchObject({ ref: asn.ref, kind: 'asn', party: { transfer: tr.number } });
    await simCall('POST', '/_confirm', { ref: asn.ref, id: 'TI-1', date: '2026-11-25', twice: true });
    expect(await sync()).toEqual({ received: 1, duplicates: 1, posted: 1, review: 0 });
    expect(await stock()).toEqual(['60', '32']);
    expect((await request(asn.id)).status).toBe('done');
    const [doc] = await t.ds.query('SELECT status FROM stock_document WHERE id = ?', [Number(tr.id)]);
    expect(doc.status).toBe('posted');
    await ledgerCheck();
  });

  it("a document's 3PL side shows its requests; one the 3PL did not take is sent again at once, a confirmed one never", async () => {
    const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number } }`;
    const STATUS = `query($t:String!,$id:ID!){ tplStatusOf(sourceType:$t, sourceId:$id){ connectionName requests { id ref kind status attempts lastError } } }`;
    const RESEND = 'mutation($id:ID!){ resendTplRequest(id:$id){ id status attempts lastError } }';
    ok(
      await t.gql(
        POST,
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: String(W1),
            lines: [{ skuId: String(B.id), qty: '2', unitCost: '5.00' }],
          },
          k: 'tpl-rs-0',
        },
        admin,
      ),
    );
    const tr = ok(
      await t.gql(
        POST,
        {
          i: {
            type: 'TRANSFER',
            warehouseId: String(W1),
            toWarehouseId: String(W3),
            lines: [{ skuId: String(B.id), qty: '2' }],
          },
          k: 'tpl-rs-1',
        },
        admin,
      ),
    ).createAndPostStockDocument;
    await simCall('POST', '/_fail', { requests: 1 });
    expect(await t.app.services.tpl.sendRequests()).toBe(0);
    const st = ok(await t.gql(STATUS, { t: 'STOCK_DOCUMENT', id: tr.id }, admin)).tplStatusOf;
    expect(st.connectionName).toBe('顺丰仓');
    expect(st.requests).toHaveLength(1);
    expect(st.requests[0]).toMatchObject({ kind: 'asn', status: 'queued', attempts: 1 });
    expect(st.requests[0].lastError).toContain('500');
    expect(codeOf(await t.gql(RESEND, { id: st.requests[0].id }, keeper))).toBe('FORBIDDEN');
    expect(ok(await t.gql(RESEND, { id: st.requests[0].id }, admin)).resendTplRequest).toEqual({
      id: st.requests[0].id,
      status: 'sent',
      attempts: 2,
      lastError: null,
    });
    // sent again: the same reference, which the 3PL takes once
    expect(ok(await t.gql(RESEND, { id: st.requests[0].id }, admin)).resendTplRequest.status).toBe('sent');
    const got = (await simCall('GET', '/_requests')).requests.filter((r: any) => r.ref === st.requests[0].ref);
    expect(got).toHaveLength(2);
    // a confirmed one is not sent again; an order outside any 3PL has none
    const done = (await t.app.services.tpl.requests(conn, 'done'))[0];
    expect(codeOf(await t.gql(RESEND, { id: String(done.id) }, admin))).toBe('DOCUMENT_STATE');
    expect(codeOf(await t.gql(STATUS, { t: 'INVOICE', id: '1' }, admin))).toBe('BAD_USER_INPUT');
  });
  it('the rest of a short-shipped order goes as a new request and ships the batch the 3PL names; an unknown batch posts nothing and waits for review', async () => {
    const STATUS = `query($id:ID!){ tplStatusOf(sourceType:"SALES_ORDER", sourceId:$id){ requests { ${REQ_FIELDS} } } }`;
    const REST = `mutation($o:ID!){ requestTplShipment(salesOrderId:$o){ ${REQ_FIELDS} } }`;
    const lots = async () =>
      (
        await t.ds.query(
          'SELECT b.batch_no, SUM(e.qty) AS qty FROM stock_ledger e JOIN batch b ON b.id = e.batch_id WHERE e.warehouse_id = ? AND e.sku_id = ? GROUP BY b.batch_no ORDER BY b.batch_no',
          [W3, A.id],
        )
      ).map((r: any) => [r.batch_no, Number(r.qty).toString()]);
    expect(await stock()).toEqual(['60', '32']);
    expect(await lots()).toEqual([
      ['L1', '40'],
      ['L2', '20'],
    ]);
    // the order shipped 8 of 10 B: what is left goes as a new request (only the open line)
    expect(await t.app.services.tpl.sendRequests()).toBe(0);
    const rest = ok(await t.gql(REST, { o: so.id }, admin)).requestTplShipment;
    expect(rest).toMatchObject({ kind: 'shipment', status: 'queued' });
    expect(rest.lines).toEqual([{ key: so.lines[1].id, sku: B.code, qty: '2', confirmed: '0' }]);
    expect(codeOf(await t.gql(REST, { o: so.id }, admin))).toBe('TPL_REQUEST_OPEN');
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    await simCall('POST', '/_confirm', { ref: rest.ref, id: 'SHIP-C2', date: '2026-11-25' });
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 1, review: 0 });
    expect(await stock()).toEqual(['60', '30']);
    const order = ok(
      await t.gql(
        'query($id:ID!){ salesOrder(id:$id){ status lines { shippedQty reservedQty } } }',
        { id: so.id },
        admin,
      ),
    ).salesOrder;
    expect(order).toEqual({
      status: 'SHIPPED',
      lines: [
        { shippedQty: '30', reservedQty: '0' },
        { shippedQty: '10', reservedQty: '0' },
      ],
    });
    expect(
      ok(await t.gql(STATUS, { id: so.id }, admin)).tplStatusOf.requests.map((r: any) => [r.ref, r.status]),
    ).toEqual([
      [rest.ref, 'done'],
      [shipRef, 'short'],
    ]);

    // a new order in the 3PL warehouse: the 3PL confirms a batch unknown here; nothing is posted
    const o2 = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
        {
          i: {
            customerId: (await t.ds.query("SELECT id FROM customer WHERE code = 'TPL-C'"))[0].id.toString(),
            channelId: (await t.ds.query("SELECT id FROM sales_channel WHERE code = 'TPL-CH'"))[0].id.toString(),
            warehouseId: String(W3),
            orderDate: '2026-11-25',
            shipTo: '杭州市 西湖区 2 号',
            lines: [{ skuId: String(A.id), qty: '5', unitPrice: '20.00' }],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: o2.id }, admin));
    const [r2] = ok(await t.gql(STATUS, { id: o2.id }, admin)).tplStatusOf.requests;
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    expect((await simCall('GET', '/_requests')).requests.at(-1)).toEqual({
      ref: r2.ref,
      kind: 'shipment',
      lines: [{ line: o2.lines[0].id, sku: A.code, name: 'TPL-A TPL-A', unit: '件', qty: '5' }],
      party: expect.objectContaining({ shipTo: '杭州市 西湖区 2 号' }),
    });
    const ledgerRows = await t.ds.getRepository(StockLedgerEntry).count();
    await simCall('POST', '/_confirm', {
      ref: r2.ref,
      id: 'SHIP-C3',
      date: '2026-11-25',
      lines: [{ line: o2.lines[0].id, qty: '5', batch: 'NOPE' }],
    });
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 0, review: 1 });
    expect(await t.ds.getRepository(StockLedgerEntry).count()).toBe(ledgerRows);
    expect(await stock()).toEqual(['60', '30']);
    expect((await reviews()).filter((x) => x.requestId === r2.id).map((x) => x.kind)).toEqual(['failed']);
    expect((await request(r2.id)).lines.map((l: any) => l.confirmed)).toEqual(['0']);
    // the same confirmation again changes nothing
    await simCall('POST', '/_confirm', {
      ref: r2.ref,
      id: 'SHIP-C3',
      lines: [{ line: o2.lines[0].id, qty: '5', batch: 'NOPE' }],
    });
    expect(await sync()).toEqual({ received: 0, duplicates: 1, posted: 0, review: 0 });
    // the 3PL corrects it with a new confirmation: batch L2
    await simCall('POST', '/_confirm', {
      ref: r2.ref,
      id: 'SHIP-C4',
      date: '2026-11-25',
      lines: [{ line: o2.lines[0].id, qty: '5', batch: 'L2' }],
    });
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 1, review: 0 });
    expect(await stock()).toEqual(['55', '30']);
    expect(await lots()).toEqual([
      ['L1', '40'],
      ['L2', '15'],
    ]);
    expect((await request(r2.id)).status).toBe('done');
    await ledgerCheck();
  });
});
