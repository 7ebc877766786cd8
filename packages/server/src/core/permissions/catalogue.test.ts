import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, P, SEEDED_ROLES } from './catalogue';

const role = (code: string) => new Set(SEEDED_ROLES.find((r) => r.code === code)!.permissions);

describe('permission catalogue and seeded roles', () => {
  it('has unique area.resource.action codes', () => {
    expect(new Set(ALL_PERMISSIONS).size).toBe(ALL_PERMISSIONS.length);
    for (const c of ALL_PERMISSIONS) expect(c).toMatch(/^[a-z]+\.[a-z_]+(\.[a-z_]+)+$/);
  });

  it('keeps what domain.md says each position must never see out of its role', () => {
    const sales = role('sales');
    for (const p of [P.StockCostRead, P.CatalogPurchasePriceRead, P.SalesMarginRead, P.PurchasingSupplierPriceRead, P.ReportCostRead]) expect(sales.has(p), p).toBe(false);
    const purchaser = role('purchaser');
    for (const p of [P.SalesCustomerContactRead, P.SalesMarginRead]) expect(purchaser.has(p), p).toBe(false);
    const warehouse = role('warehouse');
    for (const p of [P.StockCostRead, P.CatalogPurchasePriceRead, P.CatalogSalePriceRead, P.PurchasingPayableRead, P.SalesReceivableRead, P.SalesMarginRead]) expect(warehouse.has(p), p).toBe(false);
    expect(role('accountant').has(P.StockCostRead)).toBe(true);
    expect(role('manager').has(P.SalesMarginRead)).toBe(true);
    expect([...role('admin')].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });
});
