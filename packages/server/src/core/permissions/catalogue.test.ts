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
    for (const p of [
      P.StockCostRead,
      P.CatalogPurchasePriceRead,
      P.SalesMarginRead,
      P.PurchasingSupplierPriceRead,
      P.ReportCostRead,
    ])
      expect(sales.has(p), p).toBe(false);
    // sales follow up their own customers' payments (the owner scope), sell below cost only through a price approver
    expect(sales.has(P.SalesReceivableRead)).toBe(true);
    for (const p of [P.SalesBelowCost, P.SalesPriceApprove]) expect(sales.has(p), p).toBe(false);
    expect(role('manager').has(P.SalesPriceApprove)).toBe(true);
    expect(role('accountant').has(P.SalesPriceApprove)).toBe(false);
    const purchaser = role('purchaser');
    for (const p of [P.SalesCustomerContactRead, P.SalesMarginRead]) expect(purchaser.has(p), p).toBe(false);
    const warehouse = role('warehouse');
    for (const p of [
      P.StockCostRead,
      P.CatalogPurchasePriceRead,
      P.CatalogSalePriceRead,
      P.PurchasingPayableRead,
      P.SalesReceivableRead,
      P.SalesMarginRead,
    ])
      expect(warehouse.has(p), p).toBe(false);
    expect(role('accountant').has(P.StockCostRead)).toBe(true);
    expect(role('manager').has(P.SalesMarginRead)).toBe(true);
    expect([...role('admin')].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it('purchasing: sales gets none of it, warehouse keepers receive without prices, only admin edits approval rules', () => {
    const purchasing = ALL_PERMISSIONS.filter((p) => p.startsWith('purchasing.'));
    expect(purchasing.length).toBeGreaterThanOrEqual(11);
    for (const p of purchasing) expect(role('sales').has(p), p).toBe(false);
    const warehouse = role('warehouse');
    for (const p of [P.PurchasingOrderRead, P.PurchasingReceiptPost, P.PurchasingReturnPost])
      expect(warehouse.has(p), p).toBe(true);
    for (const p of [
      P.PurchasingSupplierPriceRead,
      P.PurchasingPayableRead,
      P.PurchasingInvoiceManage,
      P.PurchasingOrderApprove,
    ])
      expect(warehouse.has(p), p).toBe(false);
    const purchaser = role('purchaser');
    for (const p of [
      P.PurchasingSupplierManage,
      P.PurchasingSupplierPriceRead,
      P.PurchasingOrderCreate,
      P.PurchasingOrderApprove,
      P.PurchasingOrderRead,
    ])
      expect(purchaser.has(p), p).toBe(true);
    const accountant = role('accountant');
    for (const p of [
      P.PurchasingInvoiceManage,
      P.FinancePaymentManage,
      P.PurchasingPayableRead,
      P.PurchasingSupplierPriceRead,
      P.PurchasingOrderRead,
    ])
      expect(accountant.has(p), p).toBe(true);
    expect(accountant.has(P.PurchasingOrderApprove)).toBe(false);
    const holders = SEEDED_ROLES.filter((r) => r.permissions.includes(P.PurchasingApprovalManage)).map((r) => r.code);
    expect(holders).toEqual(['admin']);
    for (const p of purchasing.filter((x) => x !== P.PurchasingApprovalManage))
      expect(role('manager').has(p), p).toBe(true);
  });
});
