import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../core/context';
import { addRole, addUser, newProductSku } from '../../test/fixtures';
import { contextAs } from '../../test/context';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockDocType, Warehouse } from '../stock';
import { CompanySettings } from '../system';

/**
 * Issue 15, landed costs (到岸成本): freight 40.00 by value and duty 12.00 by quantity on a posted
 * receipt of 10 + 30 units, 2 of which were shipped before (and 5 + 6 after the receipt, before the
 * landed cost): posting adds 21.59 and 30.41 to the receipt's entries at its date and re-costs the
 * shipments like a back-dated receipt; a shipment after it costs from the new state; cancelling
 * returns every figure. Both costing methods, exact figures, on both databases.
 */
for (const method of ['moving_average', 'fifo'] as const) {
  describe(`landed costs with ${method} (${testDbKind})`, () => {
    let t: TestApp;
    let ctx: Context;
    let W: Warehouse[];
    const tok: Record<string, string> = {};
    let supplier: string;
    let channel: string;
    let customer: string;
    let A: number;
    let B: number;
    let receipt: { id: string; number: string; lines: Array<{ id: string }> };
    const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data as any;
    };
    const check = async () => expect(await t.app.services.posting.check(method)).toEqual([]);
    const counts = async () => {
      const [{ n: docs }] = await t.ds.query('SELECT COUNT(*) AS n FROM landed_cost');
      const [{ n: ledger }] = await t.ds.query('SELECT COUNT(*) AS n FROM stock_ledger');
      const [{ v: value }] = await t.ds.query('SELECT SUM(value) AS v FROM stock_cost');
      return [Number(docs), Number(ledger), new Decimal(value).toFixed(2)];
    };

    beforeAll(async () => {
      t = await testApp();
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { costingMethod: method as any });
      ctx = await contextAs(t.ds, t.app.services, 'admin');
      W = await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
      await addRole(t.ds, 'lc_no_cost', ['purchasing.order.read', 'purchasing.landedcost.manage']);
      await addUser(t.ds, 'lcnocost', ['lc_no_cost']);
      for (const u of ['admin', 'manager', 'accountant', 'sales', 'lcnocost']) tok[u] = await t.login(u);
      A = (await newProductSku(t.ds, `LC-${method}-A`)).id;
      B = (await newProductSku(t.ds, `LC-${method}-B`)).id;
      supplier = ok(
        await t.gql(
          'mutation($i:CreateSupplierInput!){ createSupplier(input:$i){ id } }',
          {
            i: {
              code: `LC-S-${method}`,
              name: '到岸供应商',
              status: 'APPROVED',
              paymentTermsDays: 30,
              leadTimeDays: 5,
            },
          },
          tok.admin,
        ),
      ).createSupplier.id;
      ok(
        await t.gql(
          'mutation($i:AddQualificationInput!){ addSupplierQualification(input:$i){ id } }',
          { i: { supplierId: supplier, kind: '营业执照', number: 'LC-1', expiresOn: '2099-12-31', required: true } },
          tok.admin,
        ),
      );
      channel = ok(
        await t.gql(
          'mutation($i:ChannelInput!){ saveSalesChannel(input:$i){ id } }',
          { i: { code: `LC-${method}`, name: '批发', kind: 'OFFLINE_STORE' } },
          tok.admin,
        ),
      ).saveSalesChannel.id;
      customer = ok(
        await t.gql(
          'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }',
          { i: { code: `LC-C-${method}`, name: '到岸客户', creditLimit: '100000.00' } },
          tok.admin,
        ),
      ).createCustomer.id;
    });
    afterAll(async () => {
      await t.close();
    });

    const receive = async (date: string, lines: Array<{ skuId: number; qty: string; price: string }>) => {
      const o = ok(
        await t.gql(
          'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id lines { id } } }',
          {
            i: {
              supplierId: supplier,
              warehouseId: String(W[0].id),
              orderDate: '2026-05-01',
              lines: lines.map((l) => ({ skuId: String(l.skuId), qty: l.qty, price: l.price })),
            },
          },
          tok.admin,
        ),
      ).createPurchaseOrder;
      ok(await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ id } }', { id: o.id }, tok.admin));
      ok(await t.gql('mutation($id:ID!){ approvePurchaseOrder(id:$id){ id } }', { id: o.id }, tok.manager));
      return ok(
        await t.gql(
          'mutation($i:ReceivePurchaseOrderInput!){ receivePurchaseOrder(input:$i){ id number lines { id } } }',
          {
            i: {
              orderId: o.id,
              businessDate: date,
              lines: o.lines.map((l: { id: string }, i: number) => ({ orderLineId: l.id, acceptedQty: lines[i].qty })),
            },
          },
          tok.admin,
        ),
      ).receivePurchaseOrder;
    };
    const sell = async (date: string, lines: Array<{ skuId: number; qty: string }>) => {
      const o = ok(
        await t.gql(
          'mutation($i:CreateSalesOrderInput!){ createSalesOrder(input:$i){ id lines { id } } }',
          {
            i: {
              customerId: customer,
              channelId: channel,
              warehouseId: String(W[0].id),
              orderDate: '2026-05-01',
              lines: lines.map((l) => ({ skuId: String(l.skuId), qty: l.qty, unitPrice: '30.00' })),
            },
          },
          tok.admin,
        ),
      ).createSalesOrder;
      ok(await t.gql('mutation($id:ID!){ confirmSalesOrder(id:$id){ id } }', { id: o.id }, tok.admin));
      return ok(
        await t.gql(
          'mutation($i:ShipSalesOrderInput!){ shipSalesOrder(input:$i){ id number lines { id } } }',
          {
            i: {
              orderId: o.id,
              businessDate: date,
              lines: o.lines.map((l: { id: string }, i: number) => ({ orderLineId: l.id, qty: lines[i].qty })),
            },
          },
          tok.admin,
        ),
      ).shipSalesOrder;
    };
    const cogs = async (id: string) =>
      ok(
        await t.gql(
          'query($id:ID!){ salesShipment(id:$id){ lines { cogs costChanges { causeType causeNumber action causeDate delta } } } }',
          { id },
          tok.admin,
        ),
      ).salesShipment.lines;
    const head = async (sku: number) => {
      const [h] = await t.ds.query('SELECT qty, value FROM stock_cost WHERE warehouse_id = ? AND sku_id = ?', [
        W[0].id,
        sku,
      ]);
      return [Number(h.qty).toFixed(0), new Decimal(h.value).toFixed(2)];
    };
    const LC =
      'id number status total businessDate lines { lineNo kind basis amount memo } allocations { lineNo qty value amount unitCostBefore unitCostAfter }';
    const input = () => ({
      receiptId: receipt.id,
      memo: '海运 + 关税',
      lines: [
        { kind: 'FREIGHT', basis: 'VALUE', amount: '40.00', memo: '顺丰' },
        { kind: 'DUTY', basis: 'QUANTITY', amount: '12.00' },
      ],
    });

    let ship1: any;
    let ship2: any;
    let lc: any;
    const MA = method === 'moving_average';

    it('posts a receipt and two shipments: the costs before any landed cost', async () => {
      // 10 A at 12.50 = 125.00, 30 B at 4.80 = 144.00
      receipt = await receive('2026-05-10', [
        { skuId: A, qty: '10', price: '12.50' },
        { skuId: B, qty: '30', price: '4.80' },
      ]);
      ship1 = await sell('2026-05-12', [{ skuId: A, qty: '2' }]);
      const doc = await t.app.services.stockDocuments.create(ctx, {
        type: StockDocType.OTHER_IN,
        warehouseId: String(W[0].id),
        businessDate: '2026-05-13',
        lines: [{ skuId: String(A), qty: '10', unitCost: '14.00' }],
      });
      await t.app.services.stockDocuments.post(ctx, String(doc.id));
      ship2 = await sell('2026-05-15', [
        { skuId: A, qty: '5' },
        { skuId: B, qty: '6' },
      ]);
      expect((await cogs(ship1.id)).map((l: any) => l.cogs)).toEqual(['25.00']);
      // MA: 5 × 240.00 / 18 = 66.67; FIFO: 5 × 100.00 / 8 of the receipt's layer = 62.50; B 6 × 4.80
      expect((await cogs(ship2.id)).map((l: any) => l.cogs)).toEqual([MA ? '66.67' : '62.50', '28.80']);
      await check();
    });

    it('refuses bad input with a clear code and changes nothing', async () => {
      const before = await counts();
      const bad = async (i: any, token = tok.accountant, post = true) =>
        codeOf(
          await t.gql(
            'mutation($i:LandedCostInput!,$p:Boolean){ createLandedCost(input:$i, post:$p){ id } }',
            {
              i,
              p: post,
            },
            token,
          ),
        );
      expect(await bad({ ...input(), lines: [{ kind: 'FREIGHT', basis: 'VALUE', amount: '-1.00' }] })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await bad({ ...input(), lines: [{ kind: 'FREIGHT', basis: 'VALUE', amount: '0' }] })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await bad({ ...input(), lines: [] })).toBe('BAD_USER_INPUT');
      expect(await bad({ ...input(), lines: [{ kind: 'HANDLING', basis: 'WEIGHT', amount: '5.00' }] })).toBe(
        'LANDED_COST_NO_WEIGHT',
      );
      // a receipt whose goods came in at no price: nothing to allocate by value
      const C = (await newProductSku(t.ds, `LC-${method}-C`)).id;
      const free = await receive('2026-05-10', [{ skuId: C, qty: '1', price: '0' }]);
      expect(await bad({ receiptId: free.id, lines: [{ kind: 'OTHER', basis: 'VALUE', amount: '1.00' }] })).toBe(
        'LANDED_COST_BASIS_ZERO',
      );
      const afterFree = await counts();
      // a closed period: nothing is posted on the receipt's date
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { closedThrough: '2026-05-31' });
      expect(await bad(input())).toBe('PERIOD_CLOSED');
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { closedThrough: null as any });
      // the sales user may not, the user without stock.cost.read may but sees no amounts
      expect(await bad(input(), tok.sales)).toBe('FORBIDDEN');
      expect(await counts()).toEqual(afterFree);
      expect(before[0]).toBe(afterFree[0]);
      await check();
    });

    it('previews, then posts: 21.59 and 30.41 go into the receipt at its date and the shipments are re-costed', async () => {
      const preview = ok(
        await t.gql(
          'query($i:LandedCostInput!){ landedCostPreview(input:$i){ lineNo qty value amount unitCostBefore unitCostAfter } }',
          { i: input() },
          tok.accountant,
        ),
      ).landedCostPreview;
      // freight by value 125 : 144 → 18.59 + 21.41 (largest remainder); duty by quantity 10 : 30 → 3.00 + 9.00
      const allocations = [
        {
          lineNo: 1,
          qty: '10',
          value: '125.00',
          amount: '21.59',
          unitCostBefore: '12.500000',
          unitCostAfter: '14.659000',
        },
        {
          lineNo: 2,
          qty: '30',
          value: '144.00',
          amount: '30.41',
          unitCostBefore: '4.800000',
          unitCostAfter: '5.813667',
        },
      ];
      expect(preview).toEqual(allocations);
      const before = await counts();
      lc = ok(
        await t.gql(
          `mutation($i:LandedCostInput!){ createLandedCost(input:$i, post:true){ ${LC} } }`,
          { i: input() },
          tok.accountant,
        ),
      ).createLandedCost;
      expect(lc).toMatchObject({ status: 'POSTED', total: '52.00', businessDate: '2026-05-10' });
      expect(lc.number).toMatch(/^LC-\d{8}-0001$/);
      expect(lc.lines).toEqual([
        { lineNo: 1, kind: 'FREIGHT', basis: 'VALUE', amount: '40.00', memo: '顺丰' },
        { lineNo: 2, kind: 'DUTY', basis: 'QUANTITY', amount: '12.00', memo: '' },
      ]);
      expect(lc.allocations).toEqual(allocations);

      // the ledger: two given values on the receipt, three corrections of the shipments, naming the landed cost
      const rows = await t.ds.query(
        "SELECT document_type, document_id, sku_id, kind, cost_source, business_date, cause_type, cause_number, cause_action, cause_date, qty, value FROM stock_ledger WHERE cause_type = 'landed_cost' ORDER BY id",
      );
      const r = (type: string, docId: string, sku: number, source: string, date: string, value: string) => ({
        document_type: type,
        document_id: Number(docId),
        sku_id: sku,
        kind: 'recost',
        cost_source: source,
        business_date: date,
        cause_type: 'landed_cost',
        cause_number: lc.number,
        cause_action: 'post',
        cause_date: '2026-05-10',
        qty: '0',
        value,
      });
      expect(
        rows.map((x: any) => ({
          ...x,
          document_id: Number(x.document_id),
          sku_id: Number(x.sku_id),
          qty: Number(x.qty).toFixed(0),
          value: new Decimal(x.value).toFixed(2),
        })),
      ).toEqual([
        r('purchase_receipt', receipt.id, A, 'fixed', '2026-05-10', '21.59'),
        r('purchase_receipt', receipt.id, B, 'fixed', '2026-05-10', '30.41'),
        // A: 2 × 146.59 / 10 = 29.32 (was 25.00); then MA 5 × 257.27 / 18 = 71.46, FIFO 5 × 117.27 / 8 = 73.29
        r('sales_shipment', ship1.id, A, 'method', '2026-05-12', '-4.32'),
        r('sales_shipment', ship2.id, A, 'method', '2026-05-15', MA ? '-4.79' : '-10.79'),
        // B: 6 × 174.41 / 30 = 34.88 (was 28.80)
        r('sales_shipment', ship2.id, B, 'method', '2026-05-15', '-6.08'),
      ]);
      const [docs, ledger] = await counts();
      expect([docs, ledger]).toEqual([(before[0] as number) + 1, (before[1] as number) + 5]);
      // the shipments' COGS follow and name the landed cost
      const change = (delta: string) => ({
        causeType: 'landed_cost',
        causeNumber: lc.number,
        action: 'POST',
        causeDate: '2026-05-10',
        delta,
      });
      expect(await cogs(ship1.id)).toEqual([{ cogs: '29.32', costChanges: [change('4.32')] }]);
      expect(await cogs(ship2.id)).toEqual([
        { cogs: MA ? '71.46' : '73.29', costChanges: [change(MA ? '4.79' : '10.79')] },
        { cogs: '34.88', costChanges: [change('6.08')] },
      ]);
      // what is left: A 13 units, B 24
      expect(await head(A)).toEqual(['13', MA ? '185.81' : '183.98']);
      expect(await head(B)).toEqual(['24', '139.53']);
      await check();
      // posting again, or a second posting of the same draft, is refused
      expect(
        codeOf(await t.gql('mutation($id:ID!){ postLandedCost(id:$id){ id } }', { id: lc.id }, tok.accountant)),
      ).toBe('LANDED_COST_NOT_DRAFT');
    });

    it('a shipment after it costs from the new state; the amounts follow the field rules', async () => {
      const ship3 = await sell('2026-05-16', [{ skuId: A, qty: '3' }]);
      // MA: 3 × 185.81 / 13 = 42.88; FIFO: the receipt layer's last 3 units, 43.98
      expect((await cogs(ship3.id)).map((l: any) => l.cogs)).toEqual([MA ? '42.88' : '43.98']);
      await check();
      const seen = await t.gql(`query($r:ID!){ landedCosts(receiptId:$r){ ${LC} } }`, { r: receipt.id }, tok.lcnocost);
      const list = ok(seen).landedCosts;
      expect(list).toHaveLength(1);
      expect(list[0].total).toBeNull();
      expect(list[0].lines.map((l: any) => l.amount)).toEqual([null, null]);
      expect(list[0].allocations.map((a: any) => [a.qty, a.amount, a.unitCostAfter])).toEqual([
        ['10', null, null],
        ['30', null, null],
      ]);
      expect(seen.extensions?.hiddenFields).toEqual(
        expect.arrayContaining(['LandedCost.total', 'LandedCostLine.amount', 'LandedCostAllocation.amount']),
      );
      const pv = await t.gql(
        'query($i:LandedCostInput!){ landedCostPreview(input:$i){ amount } }',
        { i: input() },
        tok.lcnocost,
      );
      expect(ok(pv).landedCostPreview).toEqual([{ amount: null }, { amount: null }]);
      expect(
        codeOf(await t.gql(`query($r:ID!){ landedCosts(receiptId:$r){ id } }`, { r: receipt.id }, tok.sales)),
      ).toBe('FORBIDDEN');
    });

    it('cancelling returns every figure; a closed period refuses it first', async () => {
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { closedThrough: '2026-05-10' });
      expect(
        codeOf(await t.gql('mutation($id:ID!){ cancelLandedCost(id:$id){ id } }', { id: lc.id }, tok.accountant)),
      ).toBe('PERIOD_CLOSED');
      await t.ds.getRepository(CompanySettings).update({ id: 1 }, { closedThrough: null as any });
      const done = ok(
        await t.gql(
          'mutation($id:ID!){ cancelLandedCost(id:$id){ status cancelledAt } }',
          { id: lc.id },
          tok.accountant,
        ),
      ).cancelLandedCost;
      expect(done.status).toBe('CANCELLED');
      expect((await cogs(ship1.id)).map((l: any) => l.cogs)).toEqual(['25.00']);
      expect((await cogs(ship2.id)).map((l: any) => l.cogs)).toEqual([MA ? '66.67' : '62.50', '28.80']);
      // the value the receipt's entries were given is taken out, and what it re-costed is put back
      const [{ v }] = await t.ds.query(
        "SELECT SUM(value) AS v FROM stock_ledger WHERE cause_type = 'landed_cost' AND document_type = 'purchase_receipt'",
      );
      expect(new Decimal(v).toFixed(2)).toBe('0.00');
      const cancelled = await t.ds.query(
        "SELECT document_type, cost_source, value FROM stock_ledger WHERE cause_type = 'landed_cost' AND cause_action = 'cancel' ORDER BY id",
      );
      expect(cancelled.map((x: any) => [x.document_type, x.cost_source, new Decimal(x.value).toFixed(2)])).toEqual([
        ['purchase_receipt', 'fixed', '-21.59'],
        ['purchase_receipt', 'fixed', '-30.41'],
        ['sales_shipment', 'method', '4.32'],
        ['sales_shipment', 'method', MA ? '4.79' : '10.79'],
        // the shipment after it: MA 3 × 173.33 / 13 = 40.00 (was 42.88); FIFO 37.50 (was 43.98)
        ['sales_shipment', 'method', MA ? '2.88' : '6.48'],
        ['sales_shipment', 'method', '6.08'],
      ]);
      expect(await head(A)).toEqual(['10', MA ? '133.33' : '140.00']);
      expect(await head(B)).toEqual(['24', '115.20']);
      await check();
      expect(
        codeOf(await t.gql('mutation($id:ID!){ cancelLandedCost(id:$id){ id } }', { id: lc.id }, tok.accountant)),
      ).toBe('LANDED_COST_CANCELLED');
      const shown = ok(
        await t.gql(
          `query($id:ID!){ landedCost(id:$id){ status allocations { amount unitCostBefore } } }`,
          { id: lc.id },
          tok.accountant,
        ),
      ).landedCost;
      expect(shown.allocations).toEqual([
        { amount: '21.59', unitCostBefore: '12.500000' },
        { amount: '30.41', unitCostBefore: '4.800000' },
      ]);
    });

    it('a return to the supplier before the landed cost: its line and the receipt line follow the re-costed reversal', async () => {
      const C = (await newProductSku(t.ds, `LC-${method}-R`)).id;
      // 10 C at 5.00 = 50.00; 4 go back at 20.00; then 10.00 of freight lands on the receipt
      const r = await receive('2026-06-01', [{ skuId: C, qty: '10', price: '5.00' }]);
      const ret = ok(
        await t.gql(
          'mutation($i:PurchaseReturnInput!){ returnToSupplier(input:$i){ id lines { value } } }',
          {
            i: {
              receiptId: r.id,
              businessDate: '2026-06-02',
              reason: '破损',
              lines: [{ receiptLineId: r.lines[0].id, qty: '4' }],
            },
          },
          tok.admin,
        ),
      ).returnToSupplier;
      expect(ret.lines).toEqual([{ value: '-20.00' }]);
      const posted = ok(
        await t.gql(
          'mutation($i:LandedCostInput!){ createLandedCost(input:$i, post:true){ id status } }',
          { i: { receiptId: r.id, lines: [{ kind: 'FREIGHT', basis: 'QUANTITY', amount: '10.00' }] } },
          tok.accountant,
        ),
      ).createLandedCost;
      const returned = async () => {
        const [line] = await t.ds.query('SELECT value FROM purchase_return_line WHERE return_id = ?', [Number(ret.id)]);
        const [rl] = await t.ds.query('SELECT returned_value FROM purchase_receipt_line WHERE id = ?', [
          Number(r.lines[0].id),
        ]);
        const [{ v }] = await t.ds.query(
          "SELECT SUM(value) AS v FROM stock_ledger WHERE document_type = 'purchase_return' AND document_id = ?",
          [Number(ret.id)],
        );
        return [
          new Decimal(line.value).toFixed(2),
          new Decimal(rl.returned_value).toFixed(2),
          new Decimal(v).toFixed(2),
        ];
      };
      // the 4 returned units took their share of the 60.00 the receipt now cost: 24.00
      expect(await returned()).toEqual(['-24.00', '24.00', '-24.00']);
      expect(await head(C)).toEqual(['6', '36.00']);
      await check();
      ok(await t.gql('mutation($id:ID!){ cancelLandedCost(id:$id){ id } }', { id: posted.id }, tok.accountant));
      expect(await returned()).toEqual(['-20.00', '20.00', '-20.00']);
      expect(await head(C)).toEqual(['6', '30.00']);
      await check();
    });
  });
}
