import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulators/spawn';
import { CompanySettings, newProductSku, StockCost } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { Warehouse } from '../stock';
import { ok } from '../../test/platform-shop';

/**
 * Cancelling what a 3PL was asked to do: a sales order (or a transfer into its warehouse) cancelled
 * tells the 3PL; a 3PL that shipped already refuses and the cancellation is refused whole; a
 * confirmation that comes anyway posts nothing and waits for review. A confirmed transfer request
 * links to the transfer it posted.
 */
describe(`cancelling 3PL requests (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let conn: string;
  let W3: number; // run by the 3PL
  let W1: number; // our own
  let B: { id: number; code: string };
  let customer: string;
  let channel: string;
  const simCall = async (p: string, body?: unknown) =>
    (await (
      await fetch(`${sim.url}${p}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer s4', 'x-client-key': 'k4' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    ).json()) as any;
  const onHand = async (w: number) =>
    Number((await t.ds.getRepository(StockCost).findOneBy({ warehouseId: w, skuId: B.id }))?.qty ?? 0).toString();
  const reserved = async () =>
    Number((await t.ds.getRepository(StockCost).findOneBy({ warehouseId: W3, skuId: B.id }))?.reserved ?? 0).toString();
  const requestsOf = async (type: string, id: string) =>
    ok(
      await t.gql(
        'query($t:String!,$id:ID!){ tplStatusOf(sourceType:$t, sourceId:$id){ requests { id ref kind status } } }',
        { t: type, id },
        admin,
      ),
    ).tplStatusOf.requests as Array<{ id: string; ref: string; kind: string; status: string }>;
  const sync = async () =>
    ok(
      await t.gql(
        'mutation($c:ID!){ syncTpl(connectionId:$c){ received duplicates posted review } }',
        { c: conn },
        admin,
      ),
    ).syncTpl;
  /** a confirmed order of qty B shipping from the 3PL's warehouse, and its request */
  const order = async (qty: string) => {
    const so = ok(
      await t.gql(
        'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id status } }',
        {
          i: {
            customerId: customer,
            channelId: channel,
            warehouseId: String(W3),
            shipTo: '上海市 1 号',
            lines: [{ skuId: String(B.id), qty, unitPrice: '8.00' }],
          },
        },
        admin,
      ),
    ).createSalesOrder;
    ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ status } }', { id: so.id }, admin));
    const [r] = await requestsOf('SALES_ORDER', so.id);
    return { id: so.id as string, ref: r.ref, requestId: r.id };
  };
  const cancel = (id: string) => t.gql('mutation($id:ID!){ cancelSalesOrder(id:$id){ status } }', { id }, admin);
  const orderStatus = async (id: string) =>
    ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ status } }', { id }, admin)).salesOrder.status;
  const ledgerCheck = async () => {
    const s = await t.ds.getRepository(CompanySettings).findOneByOrFail({ id: 1 });
    expect(await t.app.services.posting.check(s.costingMethod as any)).toEqual([]);
  };

  beforeAll(async () => {
    sim = await startSimulator('tpl', { TPL_KEY: 'k4', TPL_SECRET: 's4', TPL_TODAY: '2026-11-25' });
    t = await testApp({
      config: { alertsIntervalMs: 0, webhooksIntervalMs: 0, platformStockIntervalMs: 0, tplIntervalMs: 0 },
    });
    admin = await t.login('admin');
    W3 = (
      await t.ds.getRepository(Warehouse).save({
        code: 'TPL-X',
        name: '3PL 取消',
        kind: 'third_party' as Warehouse['kind'],
        allowNegative: false,
        active: true,
        version: 1,
      })
    ).id;
    W1 = (await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } }))[0].id;
    const b = await newProductSku(t.ds, 'TPLX-B');
    B = { id: b.id, code: b.code };
    const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id } }`;
    for (const [w, k] of [
      [W3, 'x-in-3'],
      [W1, 'x-in-1'],
    ] as const)
      ok(
        await t.gql(
          POST,
          {
            i: {
              type: 'OTHER_IN',
              warehouseId: String(w),
              lines: [{ skuId: String(B.id), qty: '50', unitCost: '5.00' }],
            },
            k,
          },
          admin,
        ),
      );
    conn = ok(
      await t.gql(
        'mutation($i:ConnectTplInput!){ connectTpl(input:$i){ id } }',
        { i: { name: '取消仓', warehouseId: String(W3), baseUrl: sim.url, clientKey: 'k4', secret: 's4' } },
        admin,
      ),
    ).connectTpl.id;
    channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"TPLX-CH", name:"取消渠道", kind: OFFLINE_STORE}){ id } }',
        {},
        admin,
      ),
    ).saveSalesChannel.id;
    customer = ok(
      await t.gql(
        'mutation{ createCustomer(input:{code:"TPLX-C", name:"取消客户", creditLimit:"100000.00"}){ id } }',
        {},
        admin,
      ),
    ).createCustomer.id;
  }, 60_000);
  afterAll(async () => {
    sim?.stop();
    await t?.close();
  });

  it('a sales order cancelled after its request went: the 3PL is told; a confirmation that comes anyway posts nothing and waits for review', async () => {
    const o = await order('3');
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    expect(await reserved()).toBe('3');
    expect(ok(await cancel(o.id)).cancelSalesOrder.status).toBe('CANCELLED');
    expect((await simCall('/_requests')).cancelled).toEqual([o.ref]);
    expect((await requestsOf('SALES_ORDER', o.id)).map((r) => r.status)).toEqual(['cancelled']);
    expect(await reserved()).toBe('0');
    // the 3PL ships it anyway: nothing posts, a review item says why
    await simCall('/_confirm', { ref: o.ref, id: 'X-1' });
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 0, review: 1 });
    const items = ok(
      await t.gql('query{ tplReviews { kind requestId detail params { confirmation request source } } }', {}, admin),
    ).tplReviews;
    expect(items).toEqual([
      {
        kind: 'cancelled',
        requestId: o.requestId,
        detail: expect.stringContaining('cancelled. Nothing was posted.'),
        params: { confirmation: 'X-1', request: o.ref, source: expect.any(String) },
      },
    ]);
    expect(await onHand(W3)).toBe('50');
    // resending a cancelled request is refused
    expect(codeOf(await t.gql('mutation($id:ID!){ resendTplRequest(id:$id){ id } }', { id: o.requestId }, admin))).toBe(
      'DOCUMENT_STATE',
    );
    await ledgerCheck();
  });

  it('a 3PL that shipped already refuses: the cancellation is refused with TPL_CANCEL_REFUSED and nothing changes; its confirmation posts the shipment', async () => {
    const o = await order('4');
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    await simCall('/_confirm', { ref: o.ref, id: 'X-2' });
    const r = await cancel(o.id);
    expect(codeOf(r)).toBe('TPL_CANCEL_REFUSED');
    expect((r.errors![0].extensions as any).details).toMatchObject({ request: o.ref, connectionId: Number(conn) });
    expect(r.errors![0].message).toContain('has shipped request');
    expect(await orderStatus(o.id)).toBe('CONFIRMED');
    expect((await requestsOf('SALES_ORDER', o.id)).map((x) => x.status)).toEqual(['sent']);
    expect(await reserved()).toBe('4');
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 1, review: 0 });
    expect(await orderStatus(o.id)).toBe('SHIPPED');
    expect(await onHand(W3)).toBe('46');
    await ledgerCheck();
  });

  it('a request never sent is cancelled without asking the 3PL; a 3PL that does not answer leaves the order as it was (TPL_UNAVAILABLE)', async () => {
    const quiet = await order('1');
    expect(ok(await cancel(quiet.id)).cancelSalesOrder.status).toBe('CANCELLED');
    expect((await requestsOf('SALES_ORDER', quiet.id)).map((x) => x.status)).toEqual(['cancelled']);
    expect(await t.app.services.tpl.sendRequests()).toBe(0);
    expect((await simCall('/_requests')).requests.map((x: any) => x.ref)).not.toContain(quiet.ref);

    const o = await order('2');
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    await simCall('/_fail', { cancels: 1 });
    const r = await cancel(o.id);
    expect(codeOf(r)).toBe('TPL_UNAVAILABLE');
    expect(await orderStatus(o.id)).toBe('CONFIRMED');
    expect((await requestsOf('SALES_ORDER', o.id)).map((x) => x.status)).toEqual(['sent']);
    // asked again, it answers
    expect(ok(await cancel(o.id)).cancelSalesOrder.status).toBe('CANCELLED');
    expect((await simCall('/_requests')).cancelled).toEqual([expect.any(String), o.ref]);
    expect(await reserved()).toBe('0');
  });

  it("a transfer into the 3PL's warehouse cancelled: its advance notice is cancelled at the 3PL", async () => {
    const tr = ok(
      await t.gql(
        `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id } }`,
        {
          i: {
            type: 'TRANSFER',
            warehouseId: String(W1),
            toWarehouseId: String(W3),
            lines: [{ skuId: String(B.id), qty: '5' }],
          },
          k: 'x-tr-1',
        },
        admin,
      ),
    ).createAndPostStockDocument;
    const [asn] = await requestsOf('STOCK_DOCUMENT', tr.id);
    expect(asn).toMatchObject({ kind: 'asn', status: 'queued' });
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    ok(await t.gql('mutation($id:ID!){ cancelStockDocument(id:$id){ status } }', { id: tr.id }, admin));
    expect((await requestsOf('STOCK_DOCUMENT', tr.id)).map((x) => x.status)).toEqual(['cancelled']);
    expect((await simCall('/_requests')).cancelled.at(-1)).toBe(asn.ref);
    expect(await onHand(W1)).toBe('50');
    await ledgerCheck();
  });

  it('a confirmed transfer request links to the transfer it posted', async () => {
    const FIELDS = 'id ref kind status transfers { id number }';
    const r = ok(
      await t.gql(
        `mutation($i:TplTransferInput!){ requestTplTransfer(input:$i){ ${FIELDS} } }`,
        { i: { warehouseId: String(W3), toWarehouseId: String(W1), lines: [{ skuId: String(B.id), qty: '6' }] } },
        admin,
      ),
    ).requestTplTransfer;
    expect(r.transfers).toEqual([]);
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    await simCall('/_confirm', { ref: r.ref, id: 'X-T1', lines: [{ line: '1', qty: '4' }] });
    await simCall('/_confirm', { ref: r.ref, id: 'X-T2', lines: [{ line: '1', qty: '2' }] });
    expect(await sync()).toMatchObject({ received: 2, posted: 2 });
    const docs: Array<{ id: number; number: string }> = await t.ds.query(
      'SELECT id, number FROM stock_document WHERE memo LIKE ? ORDER BY id',
      [`3PL ${r.ref}%`],
    );
    expect(docs).toHaveLength(2);
    const listed = (ok(await t.gql(`query{ tplRequests { ${FIELDS} } }`, {}, admin)).tplRequests as any[]).find(
      (x) => x.id === r.id,
    );
    expect(listed).toMatchObject({ status: 'done' });
    expect(listed.transfers).toEqual(docs.map((d) => ({ id: String(d.id), number: d.number })));
    // a shipment request links no transfer
    const shipments = (ok(await t.gql(`query{ tplRequests { ${FIELDS} } }`, {}, admin)).tplRequests as any[]).filter(
      (x) => x.kind === 'shipment',
    );
    expect(shipments.every((x) => x.transfers.length === 0)).toBe(true);
    await ledgerCheck();
  });
});
