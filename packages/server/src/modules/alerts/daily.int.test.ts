import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setNow } from '../../core/dates';
import { TEST_NOW } from '../../test/clock';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { User } from '../auth';
import { AlertDigest, AlertOutbox, Notification } from './alert.entity';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id } }`;
const MINE = `{ notifications { total items { kind skuCode warehouseName refType refId refNumber read
  figures { available safetyStock qty batchNo expiryDate supplierName qualification level dueDate } } } }`;
const DIGESTS =
  '{ alertDigests { total items { id day total read byKind { kind count } notifications { kind refNumber } } } }';

/**
 * The time-driven alerts and the digest: once per business day a scan writes near-expiry and expired
 * stock (keepers of the warehouse), lapsing supplier qualifications (purchasers) and confirmed sales
 * orders due to ship (their salesperson); a submitted purchase order reaches the approvers of its
 * level in the submit's transaction. Running the scan again the same day, or the next day, sends
 * nothing twice; each user with unread alerts gets one digest per day.
 */
describe(`daily alerts and digests (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const uid: Record<string, number> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let seq = 0;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const mine = async (u: string) =>
    ok(await t.gql(MINE, {}, tok[u])).notifications.items.map((n: any) => [
      n.kind,
      n.refNumber,
      Object.fromEntries(Object.entries(n.figures).filter(([, v]) => v !== null)),
    ]);
  const outbox = async () =>
    (await t.ds.getRepository(AlertOutbox).find({ order: { id: 'ASC' } })).map((o) => [o.kind, o.dedupeKey]);
  const daily = () => t.app.services.dailyAlerts.run();
  let po: any;
  let due: any;
  let later: any;
  let draft: any;
  /** moves the clock (days later: the sessions have expired, so everyone signs in again) */
  const at = async (instant: string) => {
    setNow(instant);
    for (const u of Object.keys(tok)) tok[u] = await t.login(u);
  };

  beforeAll(async () => {
    setNow(TEST_NOW); // 2026-11-25 in Shanghai
    t = await testApp({ config: { alertsIntervalMs: 0 } });
    for (const u of ['admin', 'manager', 'purchaser', 'sales', 'warehouse', 'accountant']) {
      tok[u] = await t.login(u);
      uid[u] = (await t.ds.getRepository(User).findOneByOrFail({ username: u })).id;
    }
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
    const milk = (batchNo: string, expiryDate: string, qty: string) => ({
      skuId: String(c.milk.id),
      qty,
      unitCost: '3.00',
      batchNo,
      expiryDate,
      expiryReason: '试验',
      binId: String(c.bins[0].id),
    });
    ok(
      await t.gql(
        POST,
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: W1,
            lines: [
              milk('L-OLD', '2026-11-20', '4'), // expired
              milk('L-SOON', '2026-12-10', '6'), // within the 30 warning days
              milk('L-FAR', '2027-06-01', '8'), // far off
              { skuId: String(c.tea.id), qty: '50', unitCost: '10.00' },
            ],
          },
          k: `daily-${++seq}`,
        },
        tok.admin,
      ),
    );
    // L-SOON is split over two bins: the alert adds them up
    ok(
      await t.gql(
        POST,
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: W1,
            lines: [{ ...milk('L-SOON', '2026-12-10', '2'), binId: String(c.bins[1].id) }],
          },
          k: `daily-${++seq}`,
        },
        tok.admin,
      ),
    );
    const S1 = ok(
      await t.gql(
        'mutation($i:CreateSupplierInput!){ createSupplier(input:$i){ id } }',
        { i: { code: 'S-D1', name: '杭州龙井茶业', status: 'APPROVED' } },
        tok.purchaser,
      ),
    ).createSupplier.id;
    const qual = (kind: string, expiresOn: string) =>
      t.gql(
        'mutation($i:AddQualificationInput!){ addSupplierQualification(input:$i){ id } }',
        { i: { supplierId: S1, kind, number: 'N-1', expiresOn, required: false } },
        tok.purchaser,
      );
    ok(await qual('ISO9001', '2026-12-05'));
    ok(await qual('营业执照', '2099-12-31'));
    // a 2,500.00 order: level 1 (purchaser or manager; never its author)
    po = ok(
      await t.gql(
        'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id } }',
        {
          i: {
            supplierId: S1,
            warehouseId: W1,
            orderDate: '2026-11-25',
            lines: [{ skuId: String(c.tea.id), qty: '200', price: '12.50' }],
          },
        },
        tok.purchaser,
      ),
    ).createPurchaseOrder;
    const channel = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"PF", name:"批发", kind: OFFLINE_STORE}){ id } }',
        {},
        tok.manager,
      ),
    ).saveSalesChannel.id;
    const customer = ok(
      await t.gql(
        'mutation{ createCustomer(input:{code:"C-D1", name:"张三商行", creditLimit:"10000.00"}){ id } }',
        {},
        tok.sales,
      ),
    ).createCustomer.id;
    const order = async (promisedDate: string | undefined, confirm: boolean) => {
      const o = ok(
        await t.gql(
          'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id number version promisedDate } }',
          {
            i: {
              customerId: customer,
              channelId: channel,
              warehouseId: W1,
              orderDate: '2026-11-20',
              promisedDate,
              lines: [{ skuId: String(c.tea.id), qty: '1' }],
            },
          },
          tok.sales,
        ),
      ).createSalesOrder;
      if (confirm) ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ status } }', { id: o.id }, tok.sales));
      return o;
    };
    due = await order('2026-11-25', true);
    later = await order('2026-11-28', true);
    draft = await order(undefined, false); // a draft is not waiting to ship
  });
  afterAll(async () => {
    setNow(TEST_NOW);
    await t.close();
  });

  it('a promised date before the order date is refused and nothing changes', async () => {
    const r = await t.gql(
      'mutation($i:UpdateSalesOrderInput!){ updateSalesOrder(input:$i){ id } }',
      { i: { id: draft.id, version: draft.version, promisedDate: '2026-11-01' } },
      tok.sales,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.details).toEqual({
      fields: [{ field: 'promisedDate', message: 'The promised date cannot be before the order date.' }],
    });
    const after = ok(
      await t.gql('query($id:ID!){ salesOrder(id:$id){ version promisedDate } }', { id: draft.id }, tok.sales),
    ).salesOrder;
    expect(after).toEqual({ version: draft.version, promisedDate: null });
  });

  it('a submitted purchase order waits for the approvers of its level, in the transaction of the submit', async () => {
    expect(await outbox()).toEqual([]);
    ok(await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ status } }', { id: po.id }, tok.purchaser));
    expect(await outbox()).toEqual([['po_approval', null]]);
    expect(await t.app.services.alerts.dispatch()).toBe(1); // the manager: the purchaser wrote it, admin holds no level's role
    expect(await mine('manager')).toEqual([['PO_AWAITING_APPROVAL', expect.stringMatching(/^PO-/), { level: 1 }]]);
    expect(await mine('purchaser')).toEqual([]);
  });

  it('the daily scan writes each time-driven alert once and addresses it', async () => {
    expect(await daily()).toEqual({ scanned: true, digests: 5 });
    expect(await outbox()).toEqual([
      ['po_approval', null],
      ['expired', `expired:${W1}:${await batchId('L-OLD')}`],
      ['near_expiry', `near_expiry:${W1}:${await batchId('L-SOON')}`],
      ['qualification', expect.stringMatching(/^qualification:\d+:2026-12-05$/)],
      ['so_to_ship', `so_to_ship:${due.id}:2026-11-25`],
    ]);
    // the keeper: stock of the warehouse, quantities only (an alert carries no price)
    const stock = [
      ['NEAR_EXPIRY', 'L-SOON', { qty: '8', batchNo: 'L-SOON', expiryDate: '2026-12-10' }],
      ['EXPIRED', 'L-OLD', { qty: '4', batchNo: 'L-OLD', expiryDate: '2026-11-20' }],
    ];
    expect(await mine('warehouse')).toEqual(stock);
    expect(await mine('purchaser')).toEqual([
      [
        'QUALIFICATION_LAPSING',
        null,
        { supplierName: '杭州龙井茶业', qualification: 'ISO9001', expiryDate: '2026-12-05' },
      ],
    ]);
    expect(await mine('sales')).toEqual([['SO_AWAITING_SHIPMENT', due.number, { dueDate: '2026-11-25' }]]);
    expect(await mine('accountant')).toEqual([]);
    const payloads = (await t.ds.getRepository(AlertOutbox).find()).map((o) => Object.keys(JSON.parse(o.payload)));
    expect(payloads.flat().filter((k) => /price|cost|value|amount/i.test(k))).toEqual([]);
    // the manager posts stock and buys: the warehouse's stock, the qualification and the order to decide
    expect((await mine('manager')).map((n: any) => n[0])).toEqual([
      'QUALIFICATION_LAPSING',
      'NEAR_EXPIRY',
      'EXPIRED',
      'PO_AWAITING_APPROVAL',
    ]);
  });

  it('a second run the same day and the next day sends nothing twice; a new due date is sent once', async () => {
    const count = () => t.ds.getRepository(Notification).count();
    const before = await count();
    expect(await daily()).toEqual({ scanned: false, digests: 0 });
    expect(await count()).toBe(before);
    await at('2026-11-26T09:00:00+08:00');
    expect(await daily()).toEqual({ scanned: true, digests: 5 }); // one digest per user and day
    expect(await count()).toBe(before);
    await at('2026-11-28T09:00:00+08:00');
    expect((await daily()).scanned).toBe(true);
    expect(await count()).toBe(before + 1);
    expect((await mine('sales'))[0]).toEqual(['SO_AWAITING_SHIPMENT', later.number, { dueDate: '2026-11-28' }]);
  });

  it('the digest lists my unread alerts of the day; opening it marks it read; nobody opens another one', async () => {
    const list = ok(await t.gql(DIGESTS, {}, tok.sales)).alertDigests;
    expect(list.items.map((d: any) => [d.day, d.total, d.read, d.byKind])).toEqual([
      ['2026-11-28', 2, false, [{ kind: 'SO_AWAITING_SHIPMENT', count: 2 }]],
      ['2026-11-26', 1, false, [{ kind: 'SO_AWAITING_SHIPMENT', count: 1 }]],
      ['2026-11-25', 1, false, [{ kind: 'SO_AWAITING_SHIPMENT', count: 1 }]],
    ]);
    expect(list.items[0].notifications.map((n: any) => n.refNumber)).toEqual([later.number, due.number]);
    const open = 'mutation($id:ID!){ openAlertDigest(id:$id){ id read } }';
    expect(codeOf(await t.gql(open, { id: list.items[0].id }, tok.warehouse))).toBe('NOT_FOUND');
    expect(ok(await t.gql(open, { id: list.items[0].id }, tok.sales)).openAlertDigest.read).toBe(true);
    // reading the alerts: no digest the next day
    ok(await t.gql('mutation{ markNotificationsRead }', {}, tok.sales));
    await at('2026-11-29T09:00:00+08:00');
    await daily();
    const digests = await t.ds.getRepository(AlertDigest).find({ where: { day: '2026-11-29' } });
    expect(digests.map((d) => d.userId).includes(uid.sales)).toBe(false);
    expect(digests.map((d) => d.userId).includes(uid.warehouse)).toBe(true);
  });

  const batchId = async (no: string) =>
    (await t.ds.query('SELECT id FROM batch WHERE batch_no = ?', [no]))[0].id as number;
});
