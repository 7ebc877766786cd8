import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { P } from '../../core/permissions/catalogue';
import { addRole, addUser, AuditEntry, seedCatalog, StockCost } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { SalesOrder } from './sales-order.entity';

const DOC = 'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }';
const POST_DOC = 'mutation($id:ID!){ postStockDocument(id:$id){ id } }';
const FIELDS = `id number status version total approvalReason approvalNote approvalRequestedByName rejectionNote priceDecidedByName availableActions
  lines { id lineNo qty unitPrice belowCost unitCost expectedMargin reservedQty }`;
const CREATE = `mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ ${FIELDS} } }`;
const UPDATE = `mutation($i:UpdateSalesOrderInput!){ updateSalesOrder(input:$i){ ${FIELDS} } }`;
const CONFIRM = `mutation($id:ID!,$n:String){ confirmSalesOrder(id:$id, note:$n){ ${FIELDS} } }`;
const APPROVE = `mutation($id:ID!){ approveSalesOrderPrices(id:$id){ ${FIELDS} } }`;
const REJECT = `mutation($id:ID!,$n:String!){ rejectSalesOrderPrices(id:$id, note:$n){ ${FIELDS} } }`;
const CANCEL = `mutation($id:ID!){ cancelSalesOrder(id:$id){ ${FIELDS} } }`;
const ORDER = `query($id:ID!){ salesOrder(id:$id){ ${FIELDS} } }`;
const AVAIL = 'query($w:ID!,$s:[ID!]!){ skuAvailability(warehouseId:$w, skuIds:$s){ onHand reserved available } }';

/**
 * 价格审批 (issue 11): a salesperson's order priced below cost is not refused (the refusal named the
 * lines, and bisection gave the cost): confirming sends it to 待审批 with the reason only; a price
 * approver sees the lines with cost and margin, approves (confirmed and reserved, credit and stock
 * checked again) or rejects with a note (back to draft). Nobody decides on their own order.
 */
describe(`price approval of sales orders priced below cost (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const id: Record<string, string> = {};
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  const avail = async () =>
    ok(await t.gql(AVAIL, { w: id.wh, s: [id.tea] }, tok.manager)).skuAvailability.map((a: any) => [
      a.onHand,
      a.reserved,
      a.available,
    ])[0];
  const head = (customerId: string, lines: object[]) => ({
    customerId,
    channelId: id.channel,
    warehouseId: id.wh,
    orderDate: '2026-11-20',
    lines,
  });
  /** What `fn` wrote to the security log (price-below-cost events). */
  const securityEvents = async <T>(fn: () => Promise<T>): Promise<[T, any[]]> => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.JXC_SECURITY_LOG = '1';
    try {
      const r = await fn();
      return [r, warn.mock.calls.map((c) => JSON.parse(String(c[0]))).filter((e) => e.event === 'price-below-cost')];
    } finally {
      process.env.JXC_SECURITY_LOG = '0';
      warn.mockRestore();
    }
  };
  const actions = async (orderId: string, who: string) =>
    ok(await t.gql('query($id:ID!){ salesOrder(id:$id){ availableActions } }', { id: orderId }, tok[who])).salesOrder
      .availableActions;

  beforeAll(async () => {
    t = await testApp();
    // a team lead who approves prices and takes orders, but may not sell below cost himself
    await addRole(
      t.ds,
      'lead',
      [
        P.SalesCustomerRead,
        P.SalesCustomerAll,
        P.SalesOrderRead,
        P.SalesOrderCreate,
        P.CatalogSalePriceRead,
        P.SalesPriceApprove,
      ],
      { name: 'Sales lead', nameZh: '销售主管' },
    );
    await addUser(t.ds, 'lead', ['lead'], { displayName: '主管 Lead' });
    for (const u of ['admin', 'manager', 'accountant', 'sales', 'lead']) tok[u] = await t.login(u);
    const c = await seedCatalog(t.ds);
    [id.wh, id.tea] = [String(c.warehouses[0].id), String(c.tea.id)];
    // tea: 10 @ 8.00, so the unit cost is 8.00
    const doc = ok(
      await t.gql(
        DOC,
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: id.wh,
            businessDate: '2026-11-01',
            lines: [{ skuId: id.tea, qty: '10', unitCost: '8.00' }],
          },
        },
        tok.admin,
      ),
    ).createStockDocument.id;
    ok(await t.gql(POST_DOC, { id: doc }, tok.admin));
    id.channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"STORE", name:"门店", kind: OFFLINE_STORE}){ id } }',
        {},
        tok.manager,
      ),
    ).saveSalesChannel.id;
    id.cust = ok(
      await t.gql('mutation{ createCustomer(input:{code:"C-1", name:"张三商行"}){ id } }', {}, tok.sales),
    ).createCustomer.id;
    id.credit = ok(
      await t.gql(
        'mutation{ createCustomer(input:{code:"C-2", name:"李四超市", creditLimit:"100.00"}){ id } }',
        {},
        tok.sales,
      ),
    ).createCustomer.id;
  });
  afterAll(() => t.close());

  it('a salesperson confirms a price below cost: 待审批 with the reason, no line, no cost, nothing reserved; each request is in the security log', async () => {
    const draft = await t.gql(
      CREATE,
      { i: head(id.cust, [{ skuId: id.tea, qty: '3', unitPrice: '7.50' }]) },
      tok.sales,
    );
    // the draft is saved: refusing here named the lines below cost
    const A = ok(draft).createSalesOrder;
    id.A = A.id;
    expect(A).toMatchObject({ status: 'DRAFT', total: '22.50', approvalReason: null, rejectionNote: '' });
    expect(A.lines[0]).toMatchObject({ unitPrice: '7.500000', belowCost: null, unitCost: null, expectedMargin: null });
    expect(draft.extensions?.hiddenFields).toEqual(
      expect.arrayContaining(['SalesOrderLine.belowCost', 'SalesOrderLine.unitCost', 'SalesOrderLine.expectedMargin']),
    );
    const [sent, logged] = await securityEvents(() =>
      t.gql(CONFIRM, { id: A.id, n: '老客户清库存，请批准' }, tok.sales),
    );
    const pending = ok(sent).confirmSalesOrder;
    expect(pending).toMatchObject({
      status: 'PENDING_PRICE_APPROVAL',
      approvalReason: 'PRICE_BELOW_COST',
      approvalNote: '老客户清库存，请批准',
      approvalRequestedByName: expect.any(String),
      availableActions: ['CANCEL'],
    });
    expect(pending.lines[0]).toMatchObject({ belowCost: null, unitCost: null, reservedQty: '0' });
    // the cost 8.00 is nowhere in what the salesperson gets back
    expect(JSON.stringify(sent)).not.toMatch(/"8(\.0+)?"|8\.00/);
    expect(logged).toEqual([expect.objectContaining({ user: 'sales', order: A.number, lines: 1, requestsLast24h: 1 })]);
    expect(await avail()).toEqual(['10', '0', '10']);
    // waiting orders are found by their status; the approver sees which line, the cost and the margin
    const waiting = ok(
      await t.gql(
        '{ salesOrders(filter:{status: PENDING_PRICE_APPROVAL}){ total items { number approvalReason } } }',
        {},
        tok.manager,
      ),
    ).salesOrders;
    expect(waiting).toEqual({ total: 1, items: [{ number: A.number, approvalReason: 'PRICE_BELOW_COST' }] });
    const seen = ok(await t.gql(ORDER, { id: A.id }, tok.manager)).salesOrder;
    expect(seen.availableActions).toEqual(['APPROVE', 'REJECT', 'CANCEL']);
    // (7.50 − 8.00) × 3 = −1.50
    expect(seen.lines[0]).toMatchObject({ belowCost: true, unitCost: '8.000000', expectedMargin: '-1.50' });
    // the accountant reads cost but does not approve prices
    expect(await actions(A.id, 'accountant')).toEqual([]);
    expect(codeOf(await t.gql(APPROVE, { id: A.id }, tok.accountant))).toBe('FORBIDDEN');
    // a pending order cannot be edited or confirmed again
    expect(codeOf(await t.gql(CONFIRM, { id: A.id }, tok.sales))).toBe('DOCUMENT_STATE');
    expect(
      codeOf(
        await t.gql(
          UPDATE,
          { i: { id: A.id, version: pending.version, lines: [{ skuId: id.tea, qty: '3', unitPrice: '9.00' }] } },
          tok.sales,
        ),
      ),
    ).toBe('DOCUMENT_STATE');
  });

  it('rejected with a note: back to draft, the salesperson reads the note; sent again, then approved: confirmed and reserved', async () => {
    const before = ok(await t.gql(ORDER, { id: id.A }, tok.manager)).salesOrder;
    const noNote = await t.gql(REJECT, { id: id.A, n: '  ' }, tok.manager);
    expect(codeOf(noNote)).toBe('BAD_USER_INPUT');
    expect(ok(await t.gql(ORDER, { id: id.A }, tok.manager)).salesOrder).toEqual(before);

    const back = ok(await t.gql(REJECT, { id: id.A, n: '价格太低，至少 8.20' }, tok.manager)).rejectSalesOrderPrices;
    expect(back).toMatchObject({ status: 'DRAFT', approvalReason: null, rejectionNote: '价格太低，至少 8.20' });
    const mine = ok(await t.gql(ORDER, { id: id.A }, tok.sales)).salesOrder;
    expect(mine).toMatchObject({
      status: 'DRAFT',
      rejectionNote: '价格太低，至少 8.20',
      priceDecidedByName: expect.any(String),
      availableActions: ['EDIT', 'CONFIRM', 'CANCEL'],
    });
    // still below cost at 7.90 × 3 = 23.70: waits again, the old note is gone
    const edited = ok(
      await t.gql(
        UPDATE,
        { i: { id: id.A, version: mine.version, lines: [{ skuId: id.tea, qty: '3', unitPrice: '7.90' }] } },
        tok.sales,
      ),
    ).updateSalesOrder;
    expect(edited.total).toBe('23.70');
    const [sentAgain, logged] = await securityEvents(() => t.gql(CONFIRM, { id: id.A }, tok.sales));
    // asked again: the security log counts the requests
    expect(logged).toEqual([expect.objectContaining({ user: 'sales', lines: 1, requestsLast24h: 2 })]);
    const again = ok(sentAgain).confirmSalesOrder;
    expect(again).toMatchObject({
      status: 'PENDING_PRICE_APPROVAL',
      approvalNote: '',
      rejectionNote: '',
    });
    const approved = ok(await t.gql(APPROVE, { id: id.A }, tok.manager)).approveSalesOrderPrices;
    expect(approved).toMatchObject({ status: 'CONFIRMED', approvalReason: null, availableActions: ['SHIP', 'CANCEL'] });
    // (7.90 − 8.00) × 3 = −0.30
    expect(approved.lines[0]).toMatchObject({ reservedQty: '3', belowCost: true, expectedMargin: '-0.30' });
    expect(await avail()).toEqual(['10', '3', '7']);
    const audit = await t.ds
      .getRepository(AuditEntry)
      .find({ where: { entityType: 'SalesOrder', entityId: id.A }, order: { id: 'ASC' } });
    expect(audit.map((a) => [a.action, a.username])).toEqual([
      ['salesOrder.create', 'sales'],
      ['salesOrder.requestPriceApproval', 'sales'],
      ['salesOrder.rejectPrices', 'manager'],
      ['salesOrder.update', 'sales'],
      ['salesOrder.requestPriceApproval', 'sales'],
      ['salesOrder.approvePrices', 'manager'],
    ]);
  });

  it('approving checks the credit limit and the stock again; refused, the order keeps waiting and nothing is reserved', async () => {
    // C-2 (limit 100.00): 4 × 7.00 = 28.00 below cost, waiting
    const B = ok(
      await t.gql(CREATE, { i: head(id.credit, [{ skuId: id.tea, qty: '4', unitPrice: '7.00' }]) }, tok.sales),
    ).createSalesOrder;
    expect(ok(await t.gql(CONFIRM, { id: B.id }, tok.sales)).confirmSalesOrder.status).toBe('PENDING_PRICE_APPROVAL');
    // meanwhile 5 × 16.00 = 80.00 for C-2 is confirmed (above cost: no approval)
    const C = ok(
      await t.gql(CREATE, { i: head(id.credit, [{ skuId: id.tea, qty: '5', unitPrice: '16.00' }]) }, tok.sales),
    ).createSalesOrder;
    expect(ok(await t.gql(CONFIRM, { id: C.id }, tok.sales)).confirmSalesOrder.status).toBe('CONFIRMED');
    expect(await avail()).toEqual(['10', '8', '2']);
    const over = await t.gql(APPROVE, { id: B.id }, tok.manager);
    expect(codeOf(over)).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(over.errors![0].extensions!.details).toEqual({
      creditLimit: '100.00',
      exposure: '80.00',
      order: '28.00',
      over: '8.00',
    });
    ok(await t.gql(CANCEL, { id: C.id }, tok.sales));
    // the credit fits now; the stock does not: order A holds 3, D takes 5, 2 are left for the 4 asked
    const D = ok(
      await t.gql(CREATE, { i: head(id.cust, [{ skuId: id.tea, qty: '5', unitPrice: '16.00' }]) }, tok.sales),
    ).createSalesOrder;
    ok(await t.gql(CONFIRM, { id: D.id }, tok.sales));
    expect(await avail()).toEqual(['10', '8', '2']);
    const short = await t.gql(APPROVE, { id: B.id }, tok.manager);
    expect(codeOf(short)).toBe('INSUFFICIENT_AVAILABLE');
    expect(short.errors![0].extensions!.details).toMatchObject({ line: 1, available: '2', requested: '4' });
    expect(ok(await t.gql(ORDER, { id: B.id }, tok.manager)).salesOrder.status).toBe('PENDING_PRICE_APPROVAL');
    expect(await avail()).toEqual(['10', '8', '2']);
    // the salesperson withdraws it
    expect(ok(await t.gql(CANCEL, { id: B.id }, tok.sales)).cancelSalesOrder.status).toBe('CANCELLED');
    ok(await t.gql(CANCEL, { id: D.id }, tok.sales));
    expect(await avail()).toEqual(['10', '3', '7']);
  });

  it('nobody decides on their own order; someone who may sell below cost confirms at once', async () => {
    const own = ok(
      await t.gql(CREATE, { i: head(id.cust, [{ skuId: id.tea, qty: '1', unitPrice: '6.00' }]) }, tok.lead),
    ).createSalesOrder;
    expect(ok(await t.gql(CONFIRM, { id: own.id }, tok.lead)).confirmSalesOrder.status).toBe('PENDING_PRICE_APPROVAL');
    expect(await actions(own.id, 'lead')).toEqual(['CANCEL']);
    const self = await t.gql(APPROVE, { id: own.id }, tok.lead);
    expect(codeOf(self)).toBe('SELF_APPROVAL');
    expect(codeOf(await t.gql(REJECT, { id: own.id, n: 'x' }, tok.lead))).toBe('SELF_APPROVAL');
    // the salesperson's order is the lead's to decide
    const S = ok(
      await t.gql(CREATE, { i: head(id.cust, [{ skuId: id.tea, qty: '1', unitPrice: '7.99' }]) }, tok.sales),
    ).createSalesOrder;
    ok(await t.gql(CONFIRM, { id: S.id }, tok.sales));
    expect(await actions(S.id, 'lead')).toEqual(['APPROVE', 'REJECT', 'CANCEL']);
    expect(ok(await t.gql(APPROVE, { id: S.id }, tok.lead)).approveSalesOrderPrices.status).toBe('CONFIRMED');
    ok(await t.gql(APPROVE, { id: own.id }, tok.manager));
    // the manager may sell below cost: confirmed without approval, nobody asked
    const M = ok(
      await t.gql(CREATE, { i: head(id.cust, [{ skuId: id.tea, qty: '1', unitPrice: '5.00' }]) }, tok.manager),
    ).createSalesOrder;
    const m = ok(await t.gql(CONFIRM, { id: M.id }, tok.manager)).confirmSalesOrder;
    expect(m).toMatchObject({ status: 'CONFIRMED', approvalReason: null });
    expect(await avail()).toEqual(['10', '6', '4']);
    expect((await t.ds.getRepository(SalesOrder).findOneByOrFail({ id: Number(M.id) })).approvalRequestedBy).toBeNull();
  });

  it('the check uses the cost when confirming, not when the draft was priced', async () => {
    // 9.00 is above 8.00 when the draft is saved …
    const E = ok(
      await t.gql(CREATE, { i: head(id.cust, [{ skuId: id.tea, qty: '1', unitPrice: '9.00' }]) }, tok.sales),
    ).createSalesOrder;
    // … then the cost rises to 9.50 (the head: 10 units worth 95.00)
    await t.ds
      .getRepository(StockCost)
      .update({ warehouseId: Number(id.wh), skuId: Number(id.tea) }, { value: '95.00' });
    expect(ok(await t.gql(CONFIRM, { id: E.id }, tok.sales)).confirmSalesOrder.status).toBe('PENDING_PRICE_APPROVAL');
    const seen = ok(await t.gql(ORDER, { id: E.id }, tok.manager)).salesOrder;
    expect(seen.lines[0]).toMatchObject({ belowCost: true, unitCost: '9.500000', expectedMargin: '-0.50' });
    await t.ds
      .getRepository(StockCost)
      .update({ warehouseId: Number(id.wh), skuId: Number(id.tea) }, { value: '80.00' });
  });

  it("an exchange's replacement keeps the original price when the cost has risen since: confirmed at once, no approval", async () => {
    const SHIP = 'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id lines { id } } }';
    const RETURN = 'mutation($i:SalesReturnInput!){ returnSalesGoods(input:$i){ credit replacementOrderId } }';
    const X = ok(
      await t.gql(CREATE, { i: head(id.cust, [{ skuId: id.tea, qty: '1', unitPrice: '9.00' }]) }, tok.sales),
    ).createSalesOrder;
    expect(ok(await t.gql(CONFIRM, { id: X.id }, tok.sales)).confirmSalesOrder.status).toBe('CONFIRMED');
    const S = ok(
      await t.gql(
        SHIP,
        { i: { orderId: X.id, businessDate: '2026-11-21', lines: [{ orderLineId: X.lines[0].id, qty: '1' }] } },
        tok.admin,
      ),
    ).shipSalesOrder;
    const R = ok(
      await t.gql(
        RETURN,
        {
          i: {
            shipmentId: S.id,
            businessDate: '2026-11-22',
            reason: 'DAMAGED_IN_TRANSIT',
            resolution: 'EXCHANGE',
            lines: [{ shipmentLineId: S.lines[0].id, qty: '1', disposition: 'SCRAP' }],
          },
        },
        tok.sales,
      ),
    ).returnSalesGoods;
    expect(R.credit).toBe('9.00');
    // the unit cost rises to 10.00 (9 units worth 90.00): the replacement's 9.00 is now below it
    const head0 = await t.ds
      .getRepository(StockCost)
      .findOneByOrFail({ warehouseId: Number(id.wh), skuId: Number(id.tea) });
    expect(head0.qty).toMatch(/^9(\.0+)?$/);
    await t.ds
      .getRepository(StockCost)
      .update({ warehouseId: Number(id.wh), skuId: Number(id.tea) }, { value: '90.00' });
    try {
      const [sent, logged] = await securityEvents(() =>
        t.gql(CONFIRM, { id: String(R.replacementOrderId) }, tok.sales),
      );
      const repl = ok(sent).confirmSalesOrder;
      expect(repl).toMatchObject({ status: 'CONFIRMED', approvalReason: null, total: '9.00' });
      expect(repl.lines[0]).toMatchObject({ unitPrice: '9.000000', reservedQty: '1', belowCost: null, unitCost: null });
      expect(logged).toEqual([]);
      // the approver sees it flagged below cost, yet nothing waits for a decision
      const seen = ok(await t.gql(ORDER, { id: String(R.replacementOrderId) }, tok.manager)).salesOrder;
      expect(seen.lines[0]).toMatchObject({ belowCost: true, unitCost: '10.000000', expectedMargin: '-1.00' });
      // the same price on a new order goes to approval: the exemption is the exchange's alone
      const N = ok(
        await t.gql(CREATE, { i: head(id.cust, [{ skuId: id.tea, qty: '1', unitPrice: '9.00' }]) }, tok.sales),
      ).createSalesOrder;
      expect(ok(await t.gql(CONFIRM, { id: N.id }, tok.sales)).confirmSalesOrder.status).toBe('PENDING_PRICE_APPROVAL');
      ok(await t.gql(CANCEL, { id: N.id }, tok.sales));
    } finally {
      await t.ds
        .getRepository(StockCost)
        .update({ warehouseId: Number(id.wh), skuId: Number(id.tea) }, { value: '72.00' });
    }
  });
});
