import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanySettings, newProductSku, StockCost } from '../../test/fixtures';
import { codeOf, testDbKind, type TestApp } from '../../test/harness';
import { ok } from '../../test/platform-shop';
import { tplSetup, type TplSetup } from '../../test/tpl';
import { TplRequest } from './tpl.entity';

/**
 * Cancelling what a 3PL was asked to do: a sales order, a purchase order (cancelled or closed), a
 * transfer into its warehouse or a transfer out of it cancelled tells the 3PL; a 3PL that shipped
 * already refuses and the cancellation is refused whole; a confirmation that comes anyway posts
 * nothing and waits for review. A document with several requests: the 3PL is asked about each before
 * any is cancelled; one it cancels before another is refused after all is marked cancelled here too
 * and lands on the review list. A confirmed transfer request links to the transfer it posted.
 */
describe(`cancelling 3PL requests (${testDbKind})`, () => {
  let setup: TplSetup;
  let t: TestApp;
  let admin: string;
  let conn: string;
  let W3: number; // run by the 3PL
  let W1: number; // our own
  let B: { id: number; code: string };
  let customer: string;
  let channel: string;
  const simCall = (p: string, body?: unknown) => setup.simCall(p, body);
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
    setup = await tplSetup({
      key: 'k4',
      secret: 's4',
      today: '2026-11-25',
      warehouse: { code: 'TPL-X', name: '3PL 取消' },
    });
    ({ t, admin, W3, W1 } = setup);
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
    conn = await setup.connect('取消仓');
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
    await setup?.close();
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

  /** a second open request for the same document, sent (as a split order, or an older version, could leave) */
  const secondRequest = async (requestId: string) => {
    const first = await t.ds.getRepository(TplRequest).findOneByOrFail({ id: Number(requestId) });
    const { id: _id, ...rest } = first;
    const res = await t.ds
      .getRepository(TplRequest)
      .insert({ ...rest, ref: `${first.ref}B`, status: 'queued' as TplRequest['status'], attempts: 0, sentAt: null });
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    return { id: String(res.identifiers[0].id), ref: `${first.ref}B` };
  };
  const reviewsOf = async (kind: string) =>
    (
      ok(
        await t.gql(
          'query{ tplReviews { kind requestId detail params { request source errorCode errorParams { name value } } } }',
          {},
          admin,
        ),
      ).tplReviews as any[]
    ).filter((r) => r.kind === kind);

  it('several requests: the 3PL is asked about each before any is cancelled; one shipped refuses the cancellation and none is cancelled there', async () => {
    const o = await order('2');
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    const second = await secondRequest(o.requestId);
    await simCall('/_confirm', { ref: second.ref, id: 'X-S2' });
    const before = (await simCall('/_requests')).cancelled;
    const r = await cancel(o.id);
    expect(codeOf(r)).toBe('TPL_CANCEL_REFUSED');
    expect((r.errors![0].extensions as any).details).toMatchObject({ request: second.ref });
    await t.app.services.tpl.cancelChecks();
    // the first was not cancelled at the 3PL: nothing changed on either side
    expect((await simCall('/_requests')).cancelled).toEqual(before);
    expect((await requestsOf('SALES_ORDER', o.id)).map((x) => [x.ref, x.status])).toEqual([
      [second.ref, 'sent'],
      [o.ref, 'sent'],
    ]);
    expect(await orderStatus(o.id)).toBe('CONFIRMED');
    expect(await reviewsOf('cancel_split')).toEqual([]);
    // a 3PL that does not answer the question: the same, nothing cancelled anywhere
    await simCall('/_fail', { checks: 1 });
    expect(codeOf(await cancel(o.id))).toBe('TPL_UNAVAILABLE');
    expect((await simCall('/_requests')).cancelled).toEqual(before);
    // the shipped one posts; the order ships
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 1, review: 0 });
    expect(await orderStatus(o.id)).toBe('SHIPPED');
    await ledgerCheck();
  });

  it('several requests: one the 3PL ships between the question and the cancel refuses it; the one it cancelled already is cancelled here too and on the review list', async () => {
    const o = await order('3');
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    const second = await secondRequest(o.requestId);
    await simCall('/_race', { ref: second.ref });
    const r = await cancel(o.id);
    expect(codeOf(r)).toBe('TPL_CANCEL_REFUSED');
    expect((r.errors![0].extensions as any).details).toMatchObject({ request: second.ref });
    await t.app.services.tpl.cancelChecks();
    // the 3PL cancelled the first: so does the book, and a person sees why the order was kept
    expect((await simCall('/_requests')).cancelled.at(-1)).toBe(o.ref);
    expect((await requestsOf('SALES_ORDER', o.id)).map((x) => [x.ref, x.status])).toEqual([
      [second.ref, 'sent'],
      [o.ref, 'cancelled'],
    ]);
    expect(await orderStatus(o.id)).toBe('CONFIRMED');
    expect(await reserved()).toBe('3');
    const number = ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ number } }', { id: o.id }, admin)).salesOrder
      .number;
    expect(await reviewsOf('cancel_split')).toEqual([
      {
        kind: 'cancel_split',
        requestId: o.requestId,
        detail: expect.stringContaining(
          `The 3PL cancelled request ${o.ref} (${number}), but cancelling ${number} failed`,
        ),
        params: {
          request: o.ref,
          source: number,
          errorCode: 'TPL_CANCEL_REFUSED',
          errorParams: [
            { name: 'request', value: second.ref },
            { name: 'connectionId', value: conn },
          ],
        },
      },
    ]);
    // a confirmation of the cancelled one posts nothing
    await simCall('/_confirm', { ref: o.ref, id: 'X-S3' });
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 0, review: 1 });
    // asked again (the 3PL has not shipped the second after all): the order is cancelled
    expect(ok(await cancel(o.id)).cancelSalesOrder.status).toBe('CANCELLED');
    expect((await simCall('/_requests')).cancelled.at(-1)).toBe(second.ref);
    expect(await reserved()).toBe('0');
    await ledgerCheck();
  });

  it('a purchase order cancelled or closed: its advance notice is cancelled at the 3PL; a silent 3PL keeps the order as it was', async () => {
    const sup = ok(
      await t.gql(
        'mutation{ createSupplier(input:{code:"TPLX-S", name:"取消供应商", status: APPROVED}){ id } }',
        {},
        admin,
      ),
    ).createSupplier.id;
    const manager = await t.login('manager');
    const approved = async () => {
      const po = ok(
        await t.gql(
          'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id } }',
          {
            i: {
              supplierId: sup,
              warehouseId: String(W3),
              orderDate: '2026-11-18',
              lines: [{ skuId: String(B.id), qty: '7', price: '5.00' }],
            },
          },
          admin,
        ),
      ).createPurchaseOrder;
      ok(await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ id } }', { id: po.id }, admin));
      ok(await t.gql('mutation($id:ID!){ approvePurchaseOrder(id:$id){ status } }', { id: po.id }, manager));
      const asn = ok(
        await t.gql('mutation($o:ID!){ requestTplAsn(purchaseOrderId:$o){ ref } }', { o: po.id }, admin),
      ).requestTplAsn;
      expect(await t.app.services.tpl.sendRequests()).toBe(1);
      return { id: po.id as string, ref: asn.ref as string };
    };
    const poStatus = async (id: string) =>
      ok(await t.gql('query($id:ID!){ purchaseOrder(id:$id){ status } }', { id }, admin)).purchaseOrder.status;

    const p1 = await approved();
    expect(ok(await t.gql('mutation($id:ID!){ cancelPurchaseOrder(id:$id){ status } }', { id: p1.id }, admin))).toEqual(
      { cancelPurchaseOrder: { status: 'CANCELLED' } },
    );
    expect((await simCall('/_requests')).cancelled.at(-1)).toBe(p1.ref);
    expect((await requestsOf('PURCHASE_ORDER', p1.id)).map((x) => x.status)).toEqual(['cancelled']);

    const p2 = await approved();
    const CLOSE = 'mutation($id:ID!){ closePurchaseOrder(id:$id){ status } }';
    await simCall('/_fail', { checks: 1 });
    expect(codeOf(await t.gql(CLOSE, { id: p2.id }, admin))).toBe('TPL_UNAVAILABLE');
    expect(await poStatus(p2.id)).toBe('APPROVED');
    expect((await requestsOf('PURCHASE_ORDER', p2.id)).map((x) => x.status)).toEqual(['sent']);
    expect(ok(await t.gql(CLOSE, { id: p2.id }, admin)).closePurchaseOrder.status).toBe('CLOSED');
    expect((await simCall('/_requests')).cancelled.at(-1)).toBe(p2.ref);
    expect((await requestsOf('PURCHASE_ORDER', p2.id)).map((x) => x.status)).toEqual(['cancelled']);

    // the 3PL received the goods already: it refuses and the order stays approved; the receipt posts
    const p3 = await approved();
    await simCall('/_confirm', { ref: p3.ref, id: 'X-P3' });
    const r = await t.gql('mutation($id:ID!){ cancelPurchaseOrder(id:$id){ status } }', { id: p3.id }, admin);
    expect(codeOf(r)).toBe('TPL_CANCEL_REFUSED');
    expect(await poStatus(p3.id)).toBe('APPROVED');
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 1, review: 0 });
    expect(await poStatus(p3.id)).toBe('RECEIVED');
    await ledgerCheck();
  });

  it('a transfer out of the 3PL warehouse not confirmed yet is cancelled at the 3PL; one it shipped refuses; a request with a document is cancelled with it', async () => {
    const CANCEL = 'mutation($id:ID!){ cancelTplRequest(id:$id){ id status } }';
    const transfer = async (qty: string) =>
      ok(
        await t.gql(
          'mutation($i:TplTransferInput!){ requestTplTransfer(input:$i){ id ref } }',
          { i: { warehouseId: String(W3), toWarehouseId: String(W1), lines: [{ skuId: String(B.id), qty }] } },
          admin,
        ),
      ).requestTplTransfer as { id: string; ref: string };
    const r1 = await transfer('1');
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    expect(ok(await t.gql(CANCEL, { id: r1.id }, admin)).cancelTplRequest).toEqual({ id: r1.id, status: 'cancelled' });
    expect((await simCall('/_requests')).cancelled.at(-1)).toBe(r1.ref);
    // again: nothing to cancel
    expect(codeOf(await t.gql(CANCEL, { id: r1.id }, admin))).toBe('DOCUMENT_STATE');

    const r2 = await transfer('2');
    expect(await t.app.services.tpl.sendRequests()).toBe(1);
    await simCall('/_confirm', { ref: r2.ref, id: 'X-T0' });
    const refused = await t.gql(CANCEL, { id: r2.id }, admin);
    expect(codeOf(refused)).toBe('TPL_CANCEL_REFUSED');
    expect((await simCall('/_requests')).cancelled.at(-1)).toBe(r1.ref);
    const onW3 = await onHand(W3);
    expect(await sync()).toEqual({ received: 1, duplicates: 0, posted: 1, review: 0 });
    expect(await onHand(W3)).toBe(String(Number(onW3) - 2));

    // a sales order's request goes with its order
    const o = await order('1');
    expect(codeOf(await t.gql(CANCEL, { id: o.requestId }, admin))).toBe('DOCUMENT_STATE');
    expect((await requestsOf('SALES_ORDER', o.id)).map((x) => x.status)).toEqual(['queued']);
    expect(ok(await cancel(o.id)).cancelSalesOrder.status).toBe('CANCELLED');
    await ledgerCheck();
  });
});
