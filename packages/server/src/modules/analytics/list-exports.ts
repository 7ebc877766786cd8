import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { warehouseLabel } from '../stock';
import type { NearExpiryRow, SlowStockRow } from './analytics.types';
import type { PurchasingStaffRow, SalesStaffRow, WarehouseStaffRow } from './staff.types';
import { nearExpiryRows, slowStockRows } from './stock-risk';
import type { WarehouseFee } from './warehouse-fee.entity';
import type { WarehouseFeeShare } from './warehouse-fee.types';

interface RiskFilter {
  days: number;
  warehouseId?: string | null;
}

/** 库存风险 (slow and near-expiry stock) and 仓储费 as their pages show them; values with stock.cost.read only. */
export const analyticsListExports: ListExport[] = [
  {
    name: 'slowStock',
    fileName: 'slow-stock',
    permissions: [P.StockBalanceRead],
    typeName: 'SlowStockRow',
    filterArgsOf: 'slowStock',
    page: (ctx, f: RiskFilter) => slowStockRows(ctx, f.days, f.warehouseId),
    columns: {
      warehouse: { get: (_ctx, r: SlowStockRow) => r.warehouse },
      sku: { get: (_ctx, r: SlowStockRow) => r.sku },
      qty: { get: (_ctx, r: SlowStockRow) => r.qty },
      lastMove: { get: (_ctx, r: SlowStockRow) => r.lastMove },
      idleDays: { get: (_ctx, r: SlowStockRow) => r.idleDays },
      dead: { get: (_ctx, r: SlowStockRow) => r.dead },
      value: { get: (_ctx, r: SlowStockRow) => r.value },
    },
  },
  {
    name: 'nearExpiryStock',
    fileName: 'near-expiry-stock',
    permissions: [P.StockBalanceRead],
    typeName: 'NearExpiryRow',
    filterArgsOf: 'nearExpiryStock',
    page: (ctx, f: RiskFilter) => nearExpiryRows(ctx, f.days, f.warehouseId),
    columns: {
      warehouse: { get: (_ctx, r: NearExpiryRow) => r.warehouse },
      sku: { get: (_ctx, r: NearExpiryRow) => r.sku },
      batchNo: { get: (_ctx, r: NearExpiryRow) => r.batchNo, text: true },
      expiryDate: { get: (_ctx, r: NearExpiryRow) => r.expiryDate },
      daysLeft: { get: (_ctx, r: NearExpiryRow) => r.daysLeft },
      qty: { get: (_ctx, r: NearExpiryRow) => r.qty },
      value: { get: (_ctx, r: NearExpiryRow) => r.value },
    },
  },
  {
    name: 'warehouseFees',
    fileName: 'warehouse-fees',
    permissions: [P.StockCostRead],
    typeName: 'WarehouseFee',
    filterArgsOf: 'warehouseFees',
    page: (ctx, f: { month: string }) => ctx.services.warehouseFees.list(ctx, f.month),
    columns: {
      warehouse: {
        get: async (ctx, r: WarehouseFee) => {
          const w = await warehouseLabel(ctx, r.warehouseId);
          return w ? `${w.code} ${w.name}` : '';
        },
      },
      storage: { get: (_ctx, r: WarehouseFee) => r.storage },
      handling: { get: (_ctx, r: WarehouseFee) => r.handling },
      memo: { get: (_ctx, r: WarehouseFee) => r.memo },
    },
  },
  {
    name: 'warehouseFeeAllocation',
    fileName: 'warehouse-fee-allocation',
    permissions: [P.StockCostRead],
    typeName: 'WarehouseFeeShare',
    filterArgsOf: 'warehouseFeeAllocation',
    page: async (ctx, f: { warehouseId: string; month: string }) =>
      (await ctx.services.warehouseFees.allocation(ctx, f.warehouseId, f.month)).shares,
    columns: {
      sku: { get: (_ctx, r: WarehouseFeeShare) => r.sku },
      spaceDays: { get: (_ctx, r: WarehouseFeeShare) => r.spaceDays },
      lines: { get: (_ctx, r: WarehouseFeeShare) => r.lines },
      storage: { get: (_ctx, r: WarehouseFeeShare) => r.storage },
      handling: { get: (_ctx, r: WarehouseFeeShare) => r.handling },
      total: { get: (_ctx, r: WarehouseFeeShare) => r.total },
    },
  },
  // 人员绩效's three tables over the page's period: everyone's with report.staff.read, else one's own rows
  {
    name: 'staffSales',
    fileName: 'staff-sales',
    permissions: [],
    typeName: 'SalesStaffRow',
    filterArgsOf: 'staffPerformance',
    page: async (ctx, f: { from: string; to: string }) =>
      (await ctx.services.staff.performance(ctx, f.from, f.to)).sales,
    columns: {
      name: { get: (_ctx, r: SalesStaffRow) => r.name },
      revenue: { get: (_ctx, r: SalesStaffRow) => r.revenue },
      margin: { get: (_ctx, r: SalesStaffRow) => r.margin },
      orders: { get: (_ctx, r: SalesStaffRow) => r.orders },
      newCustomers: { get: (_ctx, r: SalesStaffRow) => r.newCustomers },
      collections: { get: (_ctx, r: SalesStaffRow) => r.collections },
      returnsRate: { get: (_ctx, r: SalesStaffRow) => r.returnsRate },
      target: { get: (_ctx, r: SalesStaffRow) => r.target },
      achievement: { get: (_ctx, r: SalesStaffRow) => r.achievement },
    },
  },
  {
    name: 'staffPurchasing',
    fileName: 'staff-purchasing',
    permissions: [],
    typeName: 'PurchasingStaffRow',
    filterArgsOf: 'staffPerformance',
    page: async (ctx, f: { from: string; to: string }) =>
      (await ctx.services.staff.performance(ctx, f.from, f.to)).purchasing,
    columns: {
      name: { get: (_ctx, r: PurchasingStaffRow) => r.name },
      orders: { get: (_ctx, r: PurchasingStaffRow) => r.orders },
      received: { get: (_ctx, r: PurchasingStaffRow) => r.received },
      onTime: { get: (_ctx, r: PurchasingStaffRow) => r.onTime },
      onTimeRate: { get: (_ctx, r: PurchasingStaffRow) => r.onTimeRate },
      cycleDays: { get: (_ctx, r: PurchasingStaffRow) => r.cycleDays },
      overAgreed: { get: (_ctx, r: PurchasingStaffRow) => r.overAgreed },
      vsAgreedPct: { get: (_ctx, r: PurchasingStaffRow) => r.vsAgreedPct },
      overLast: { get: (_ctx, r: PurchasingStaffRow) => r.overLast },
      vsLastPct: { get: (_ctx, r: PurchasingStaffRow) => r.vsLastPct },
    },
  },
  {
    name: 'staffWarehouse',
    fileName: 'staff-warehouse',
    permissions: [],
    typeName: 'WarehouseStaffRow',
    filterArgsOf: 'staffPerformance',
    page: async (ctx, f: { from: string; to: string }) =>
      (await ctx.services.staff.performance(ctx, f.from, f.to)).warehouse,
    columns: {
      day: { get: (_ctx, r: WarehouseStaffRow) => r.day },
      name: { get: (_ctx, r: WarehouseStaffRow) => r.name },
      linesReceived: { get: (_ctx, r: WarehouseStaffRow) => r.linesReceived },
      linesShipped: { get: (_ctx, r: WarehouseStaffRow) => r.linesShipped },
      linesMoved: { get: (_ctx, r: WarehouseStaffRow) => r.linesMoved },
      counts: { get: (_ctx, r: WarehouseStaffRow) => `${r.countsRight} / ${r.countsMade}` },
    },
  },
];
