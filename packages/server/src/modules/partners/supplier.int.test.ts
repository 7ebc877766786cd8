import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PurchaseOrder, seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { SupplierPrice } from './supplier.entity';
import { addDays, today } from '../../core/dates';

const CREATE = 'mutation($i:CreateSupplierInput!){ createSupplier(input:$i){ id code status version blockedReason } }';
const UPDATE = 'mutation($i:UpdateSupplierInput!){ updateSupplier(input:$i){ id status version name } }';
const ADD_QUAL = 'mutation($i:AddQualificationInput!){ addSupplierQualification(input:$i){ id expiresOn required } }';
const ADD_PRICE = 'mutation($i:AddSupplierPriceInput!){ addSupplierPrice(input:$i){ id price validFrom validTo } }';
const PRICES =
  'query($s:ID!,$k:ID,$at:String){ supplierPrices(supplierId:$s, skuId:$k, at:$at){ skuId price validFrom validTo minOrderQty packSize } }';
const HISTORY = 'query($k:ID!,$s:ID){ supplierPriceHistory(skuId:$k, supplierId:$s){ price validFrom validTo } }';
const CREATE_PO = 'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id status total } }';

describe(`suppliers: qualifications, price agreements, blocking (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let tea: string;
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  const supplier = async (code: string, extra: Record<string, unknown> = {}) =>
    ok(await t.gql(CREATE, { i: { code, name: `供应商 ${code}`, status: 'APPROVED', ...extra } }, tok.purchaser))
      .createSupplier;

  beforeAll(async () => {
    t = await testApp();
    for (const u of ['admin', 'manager', 'accountant', 'purchaser', 'sales', 'warehouse']) tok[u] = await t.login(u);
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
    tea = String(c.tea.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates and edits suppliers with a version; a stale edit gets CONFLICT; codes are unique', async () => {
    const s = await supplier('SUP-A');
    expect(s).toMatchObject({ code: 'SUP-A', status: 'APPROVED', version: 1, blockedReason: null });
    const u = ok(
      await t.gql(UPDATE, { i: { id: s.id, version: 1, name: '新名字', leadTimeDays: 3 } }, tok.purchaser),
    ).updateSupplier;
    expect(u).toMatchObject({ version: 2, name: '新名字' });
    const stale = await t.gql(UPDATE, { i: { id: s.id, version: 1, name: 'x' } }, tok.purchaser);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.details).toEqual({ currentVersion: 2 });
    expect(codeOf(await t.gql(CREATE, { i: { code: 'SUP-A', name: 'dup' } }, tok.purchaser))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(CREATE, { i: { code: 'SUP-Z', name: 'z' } }, tok.sales))).toBe('FORBIDDEN');
    const audit = await t.ds.query(
      "SELECT action FROM audit_entry WHERE entity_type = 'Supplier' AND entity_id = ? ORDER BY id",
      [s.id],
    );
    expect(audit.map((a: any) => a.action)).toEqual(['supplier.create', 'supplier.update']);
  });

  it('keeps the price history: the agreement valid at a date is the latest-starting one covering it', async () => {
    const s = await supplier('SUP-P');
    ok(
      await t.gql(
        ADD_PRICE,
        { i: { supplierId: s.id, skuId: tea, price: '13.00', validFrom: '2025-01-01', validTo: '2025-12-31' } },
        tok.purchaser,
      ),
    );
    ok(
      await t.gql(
        ADD_PRICE,
        {
          i: {
            supplierId: s.id,
            skuId: tea,
            price: '12.50',
            validFrom: '2026-01-01',
            minOrderQty: '24',
            packSize: '12',
          },
        },
        tok.purchaser,
      ),
    );
    ok(
      await t.gql(
        ADD_PRICE,
        { i: { supplierId: s.id, skuId: tea, price: '12.00', validFrom: '2026-07-01' } },
        tok.purchaser,
      ),
    );
    const at = async (d: string) => ok(await t.gql(PRICES, { s: s.id, k: tea, at: d }, tok.purchaser)).supplierPrices;
    expect(await at('2024-06-01')).toEqual([]);
    expect((await at('2025-06-01'))[0]).toMatchObject({ price: '13.000000', validTo: '2025-12-31' });
    expect((await at('2026-03-01'))[0]).toMatchObject({ price: '12.500000', minOrderQty: '24', packSize: '12' });
    expect((await at('2026-08-01'))[0]).toMatchObject({ price: '12.000000', validFrom: '2026-07-01' });
    const hist = ok(await t.gql(HISTORY, { k: tea, s: s.id }, tok.purchaser)).supplierPriceHistory;
    expect(hist.map((h: any) => h.price)).toEqual(['12.000000', '12.500000', '13.000000']);
    // bad input: negative price, an end before the start; nothing saved
    const n = await t.ds.getRepository(SupplierPrice).count();
    const bad = await t.gql(
      ADD_PRICE,
      { i: { supplierId: s.id, skuId: tea, price: '-1', validFrom: '2026-01-01', validTo: '2025-01-01' } },
      tok.purchaser,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.details.fields.map((f: any) => f.field)).toEqual(['price', 'validTo']);
    expect(await t.ds.getRepository(SupplierPrice).count()).toBe(n);
    // the order takes the agreement of its date, and the minimum order quantity counts
    const early = ok(
      await t.gql(
        CREATE_PO,
        { i: { supplierId: s.id, warehouseId: W1, orderDate: '2026-03-01', lines: [{ skuId: tea, qty: '24' }] } },
        tok.purchaser,
      ),
    ).createPurchaseOrder;
    expect(early.total).toBe('300.00');
    const late = ok(
      await t.gql(
        CREATE_PO,
        { i: { supplierId: s.id, warehouseId: W1, orderDate: '2026-08-01', lines: [{ skuId: tea, qty: '10' }] } },
        tok.purchaser,
      ),
    ).createPurchaseOrder;
    expect(late.total).toBe('120.00');
    const moq = await t.gql(
      CREATE_PO,
      { i: { supplierId: s.id, warehouseId: W1, orderDate: '2026-03-01', lines: [{ skuId: tea, qty: '12' }] } },
      tok.purchaser,
    );
    expect(codeOf(moq)).toBe('BAD_USER_INPUT');
    expect(moq.errors![0].extensions!.details.fields).toEqual([
      { field: 'lines[0].qty', message: "The agreement's minimum order quantity is 24." },
    ]);
  });

  it('field rules: the purchaser sees agreed prices, the keeper gets them null, sales may not read suppliers at all', async () => {
    const s = await supplier('SUP-F');
    ok(
      await t.gql(
        ADD_PRICE,
        { i: { supplierId: s.id, skuId: tea, price: '9.90', validFrom: '2026-01-01' } },
        tok.purchaser,
      ),
    );
    const q = { s: s.id, at: '2026-05-01' };
    const p = await t.gql(PRICES, q, tok.purchaser);
    expect(ok(p).supplierPrices.map((x: any) => x.price)).toEqual(['9.900000']);
    expect(p.extensions?.hiddenFields).toBeUndefined();
    const w = await t.gql(PRICES, q, tok.warehouse);
    expect(ok(w).supplierPrices).toEqual([
      { skuId: tea, price: null, validFrom: '2026-01-01', validTo: null, minOrderQty: '0', packSize: '1' },
    ]);
    expect(w.extensions?.hiddenFields).toEqual(['SupplierPrice.price']);
    for (const query of [PRICES, 'query($s:ID!){ supplier(id:$s){ name } }']) {
      const r = await t.gql(query, q, tok.sales);
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.data).toBeNull();
    }
    expect(codeOf(await t.gql(HISTORY, { k: tea }, tok.sales))).toBe('FORBIDDEN');
    // a keeper may not set prices
    expect(
      codeOf(
        await t.gql(
          ADD_PRICE,
          { i: { supplierId: s.id, skuId: tea, price: '1', validFrom: '2026-01-01' } },
          tok.warehouse,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('warns of qualifications lapsing soon; an expired required one or a suspension blocks orders with SUPPLIER_BLOCKED', async () => {
    const s = await supplier('SUP-Q');
    ok(
      await t.gql(
        ADD_PRICE,
        { i: { supplierId: s.id, skuId: tea, price: '10', validFrom: '2020-01-01' } },
        tok.purchaser,
      ),
    );
    const soon = addDays(today(), 10);
    ok(
      await t.gql(
        ADD_QUAL,
        { i: { supplierId: s.id, kind: 'ISO9001', number: 'CN-Q-1', expiresOn: soon } },
        tok.purchaser,
      ),
    );
    ok(
      await t.gql(
        ADD_QUAL,
        { i: { supplierId: s.id, kind: '合作协议', expiresOn: '2021-01-01', required: false } },
        tok.purchaser,
      ),
    );
    const W =
      'query($d:Int!,$s:ID){ expiringQualifications(withinDays:$d, supplierId:$s){ daysLeft expired qualification { kind } supplier { code } } }';
    expect(
      ok(await t.gql(W, { d: 30, s: s.id }, tok.purchaser)).expiringQualifications.map((x: any) => [
        x.qualification.kind,
        x.expired,
        x.supplier.code,
      ]),
    ).toEqual([
      ['合作协议', true, 'SUP-Q'],
      ['ISO9001', false, 'SUP-Q'],
    ]);
    expect(ok(await t.gql(W, { d: 30, s: s.id }, tok.purchaser)).expiringQualifications[1].daysLeft).toBe(10);
    expect(
      ok(await t.gql(W, { d: 5, s: s.id }, tok.purchaser)).expiringQualifications.map((x: any) => x.qualification.kind),
    ).toEqual(['合作协议']);
    // an expired optional document does not block
    const order = { supplierId: s.id, warehouseId: W1, lines: [{ skuId: tea, qty: '5' }] };
    const draft = ok(await t.gql(CREATE_PO, { i: order }, tok.purchaser)).createPurchaseOrder;
    expect(draft.total).toBe('50.00');

    ok(
      await t.gql(
        ADD_QUAL,
        { i: { supplierId: s.id, kind: '营业执照', number: '9133-OLD', expiresOn: '2024-06-30', required: true } },
        tok.purchaser,
      ),
    );
    const n = await t.ds.getRepository(PurchaseOrder).count();
    const blocked = await t.gql(CREATE_PO, { i: order }, tok.purchaser);
    expect(codeOf(blocked)).toBe('SUPPLIER_BLOCKED');
    expect(blocked.errors![0].message).toBe(
      'Supplier SUP-Q 供应商 SUP-Q has an expired required qualification: 营业执照 9133-OLD (expired 2024-06-30). Renew it before ordering.',
    );
    // the draft made before cannot be submitted either
    expect(
      codeOf(
        await t.gql('mutation($id:ID!){ submitPurchaseOrder(id:$id){ status } }', { id: draft.id }, tok.purchaser),
      ),
    ).toBe('SUPPLIER_BLOCKED');
    expect(await t.ds.getRepository(PurchaseOrder).count()).toBe(n);
    expect(
      ok(await t.gql('query($s:ID!){ supplier(id:$s){ blockedReason } }', { s: s.id }, tok.purchaser)).supplier
        .blockedReason,
    ).toMatch(/营业执照/);

    const sus = await supplier('SUP-S');
    ok(await t.gql(UPDATE, { i: { id: sus.id, version: 1, status: 'SUSPENDED' } }, tok.purchaser));
    const r = await t.gql(
      CREATE_PO,
      { i: { ...order, supplierId: sus.id, lines: [{ skuId: tea, qty: '1', price: '1' }] } },
      tok.purchaser,
    );
    expect(codeOf(r)).toBe('SUPPLIER_BLOCKED');
    expect(r.errors![0].message).toBe('Supplier SUP-S 供应商 SUP-S is suspended; no orders can be placed with it.');
    expect(await t.ds.getRepository(PurchaseOrder).count()).toBe(n);
  });
});
