import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { warehouseLabel } from '../stock';
import { PurchaseOrderStatus, type PurchaseOrder } from './purchase-order.entity';
import type { SupplierPayable } from './purchasing.types';
import { ScoreBucket, type SupplierScorecard } from './evaluation.types';
import { checkDays } from './purchasing.resolver';
import type { Suggestion } from './replenishment.service';
import { pageFor } from './replenishment-scope';
import type { ReplenishmentFilter } from './replenishment.types';

interface ScorecardFilter {
  supplierId?: string | null;
  from?: string | null;
  to?: string | null;
  bucket?: ScoreBucket | null;
}

/** 采购订单 and 应付账款 as the console's lists show them (their services, scopes and field rules). */
export const purchasingListExports: ListExport[] = [
  {
    name: 'purchaseOrders',
    fileName: 'purchase-orders',
    permissions: [P.PurchasingOrderRead],
    typeName: 'PurchaseOrder',
    filterType: 'PurchaseOrderFilter',
    page: (ctx, filter, page) => ctx.services.purchaseOrders.list(ctx, filter, page),
    columns: {
      number: { get: (_ctx, o: PurchaseOrder) => o.number, text: true },
      supplier: {
        get: async (ctx, o: PurchaseOrder) => {
          const s = await ctx.services.suppliers.forRow(ctx, o.supplierId);
          return s ? `${s.code} · ${s.name}` : '';
        },
      },
      status: { get: (_ctx, o: PurchaseOrder) => o.status, enum: PurchaseOrderStatus },
      warehouseId: { get: async (ctx, o: PurchaseOrder) => (await warehouseLabel(ctx, o.warehouseId))?.name ?? '' },
      orderDate: { get: (_ctx, o: PurchaseOrder) => o.orderDate },
      total: { get: (_ctx, o: PurchaseOrder) => o.total },
      createdAt: { get: (_ctx, o: PurchaseOrder) => o.createdAt },
    },
  },
  {
    name: 'payables',
    permissions: [P.PurchasingPayableRead],
    typeName: 'SupplierPayable',
    page: (ctx) => ctx.services.supplierInvoices.payables(undefined),
    columns: {
      supplierCode: { get: (_ctx, r: SupplierPayable) => r.supplierCode, text: true },
      supplierName: { get: (_ctx, r: SupplierPayable) => r.supplierName },
      invoiced: { get: (_ctx, r: SupplierPayable) => r.invoiced },
      paid: { get: (_ctx, r: SupplierPayable) => r.paid },
      open: { get: (_ctx, r: SupplierPayable) => r.open },
      overdue: { get: (_ctx, r: SupplierPayable) => r.overdue },
      age0to30: { get: (_ctx, r: SupplierPayable) => r.age0to30 },
      age31to60: { get: (_ctx, r: SupplierPayable) => r.age31to60 },
      age61to90: { get: (_ctx, r: SupplierPayable) => r.age61to90 },
      ageOver90: { get: (_ctx, r: SupplierPayable) => r.ageOver90 },
    },
  },
  {
    // 供应商考核 as the page filters it (the price deviation with purchasing.supplier.price.read only)
    name: 'supplierScorecards',
    fileName: 'supplier-scorecards',
    permissions: [P.PurchasingSupplierRead],
    typeName: 'SupplierScorecard',
    filterArgsOf: 'supplierScorecards',
    page: (ctx, f: ScorecardFilter) => {
      checkDays({ from: f.from, to: f.to });
      return ctx.services.supplierEvaluation.scorecards(
        {
          supplierId: f.supplierId ? Number(f.supplierId) || -1 : undefined,
          from: f.from ?? undefined,
          to: f.to ?? undefined,
        },
        f.bucket ?? ScoreBucket.QUARTER,
      );
    },
    columns: {
      supplier: {
        get: async (ctx, c: SupplierScorecard) => (await ctx.services.suppliers.forRow(ctx, c.supplierId)).name,
      },
      period: { get: (_ctx, c: SupplierScorecard) => c.period, text: true },
      deliveries: { get: (_ctx, c: SupplierScorecard) => c.deliveries },
      onTimeRate: { get: (_ctx, c: SupplierScorecard) => c.onTimeRate },
      averageDaysLate: { get: (_ctx, c: SupplierScorecard) => c.averageDaysLate },
      received: { get: (_ctx, c: SupplierScorecard) => c.received },
      rejected: { get: (_ctx, c: SupplierScorecard) => c.rejected },
      rejectRate: { get: (_ctx, c: SupplierScorecard) => c.rejectRate },
      priceDeviationPct: { get: (_ctx, c: SupplierScorecard) => c.priceDeviationPct },
    },
  },
  {
    // 补货建议 of a warehouse with the page's filters (the service forecasts 200 SKUs at a time)
    name: 'replenishment',
    permissions: [P.PurchasingOrderRead],
    typeName: 'ReplenishmentSuggestion',
    filterArgsOf: 'replenishmentPage',
    page: (ctx, f: { warehouseId: string; filter?: ReplenishmentFilter | null }, page) =>
      pageFor(ctx, f.warehouseId, f.filter ?? {}, page),
    columns: {
      sku: { get: (_ctx, r: Suggestion) => `${r.skuCode} ${r.skuName}` },
      averageDailyDemand: { get: (_ctx, r: Suggestion) => r.averageDailyDemand },
      // the method the forecast used, or why there is none (as the page shows it)
      method: { get: (_ctx, r: Suggestion) => (r.status === 'OK' ? r.forecastMethod : r.status) },
      safetyStock: { get: (_ctx, r: Suggestion) => r.safetyStock },
      onHand: { get: (_ctx, r: Suggestion) => r.onHand },
      onOrder: { get: (_ctx, r: Suggestion) => r.onOrder },
      reserved: { get: (_ctx, r: Suggestion) => r.reserved },
      supplier: { get: (_ctx, r: Suggestion) => r.supplierName },
      suggested: { get: (_ctx, r: Suggestion) => r.suggested },
    },
  },
];
