import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { warehouseLabel } from '../stock';
import type { NearExpiryRow, SlowStockRow } from './analytics.types';
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
];
