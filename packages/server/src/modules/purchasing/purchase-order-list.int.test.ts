import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '../../test/fixtures';
import { testApp, testDbKind, type TestApp } from '../../test/harness';
import { Supplier } from '../partners';

describe(`purchase order lists (${testDbKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('a page of orders reads its suppliers in one query, not one per order', async () => {
    const token = await t.login('purchaser');
    const c = await seedCatalog(t.ds);
    const ok = (r: { data?: any; errors?: unknown }) => {
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data;
    };
    for (const n of [1, 2, 3]) {
      const supplierId = ok(
        await t.gql(
          'mutation($i:CreateSupplierInput!){ createSupplier(input:$i){ id } }',
          { i: { code: `S-L${n}`, name: `供应商${n}`, status: 'APPROVED' } },
          token,
        ),
      ).createSupplier.id;
      for (const day of ['2026-11-02', '2026-11-03'])
        ok(
          await t.gql(
            'mutation($i:CreatePurchaseOrderInput!){ createPurchaseOrder(input:$i){ id } }',
            {
              i: {
                supplierId,
                warehouseId: String(c.warehouses[0].id),
                orderDate: day,
                lines: [{ skuId: String(c.tea.id), qty: '1', price: '5.00' }],
              },
            },
            token,
          ),
        );
    }
    const repo = t.ds.getRepository(Supplier);
    const find = vi.spyOn(repo, 'find');
    const findOne = vi.spyOn(repo, 'findOne');
    try {
      const r = await t.gql(
        '{ purchaseOrders(page:{limit:50}){ items { number supplier { code name } } } }',
        {},
        token,
      );
      expect(r.errors).toBeUndefined();
      const items = r.data.purchaseOrders.items as Array<{ supplier: { code: string; name: string } }>;
      const codes = new Set(items.map((i) => i.supplier.code));
      expect(items.length).toBe(6);
      expect([...codes].sort()).toEqual(['S-L1', 'S-L2', 'S-L3']);
      expect(items.every((i) => i.supplier.name === `供应商${i.supplier.code.slice(3)}`)).toBe(true);
      expect(find).toHaveBeenCalledTimes(1);
      expect(findOne).not.toHaveBeenCalled();
    } finally {
      find.mockRestore();
      findOne.mockRestore();
    }
  });
});
